// The scale case of issue 17: a 2-3 M-parameter model at 224x224 (MobileNetV2, alpha 1.0, 10 classes:
// 2.27 M parameters) with 1,000 generated samples, written as the converter writes it (uint8 weights
// unless --plain) with x.npy / y.npy, for timing `yono eval` (and `yono compress`) from the outside:
//   npx tsx scripts/zoo/scale.ts --dir /tmp/yono-scale
//   /usr/bin/time -v node dist-cli/yono.mjs eval --model /tmp/yono-scale/model/model.json --data /tmp/yono-scale/data --batch 32
// The weights are He-initialised, not trained (training at 224x224 on this CPU takes hours): the
// figures are time and memory; the labels are the model's own classes on the first half of the samples.
import { mkdirSync, openSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setupNodeTfjs } from '../../src/node/tfjs';
import { writeNamedFiles } from '../../src/node/files';
import { writeConverterFiles } from '../../src/core/io/converterFormat';
import { encodeNpy } from '../../src/core/io/npy';
import { mobilenetV2 } from './architectures';
import { patternTask } from './data';

const argv = process.argv.slice(2);
const arg = (k: string, d: string) => { const i = argv.indexOf(k); return i >= 0 ? argv[i + 1] : d; };
const dir = arg('--dir', '/tmp/yono-scale');
const n = Number(arg('--samples', '1000'));
const size = Number(arg('--size', '224'));
await setupNodeTfjs();
const spec = mobilenetV2(1.0, size, 10);
const model = spec.build(1);
console.error(`${spec.name}: ${model.countParams()} parameters`);
await writeNamedFiles(join(dir, 'model'), await writeConverterFiles(model, argv.includes('--plain') ? {} : { quantize: 'uint8' }));
mkdirSync(join(dir, 'data'), { recursive: true });
// x.npy written in chunks of 50 samples after its header.
const row = size * size * 3;
const full = encodeNpy(new Float32Array(n * row), [n, size, size, 3]); // for its header only
const fd = openSync(join(dir, 'data', 'x.npy'), 'w');
writeSync(fd, full.subarray(0, full.length - n * row * 4));
const y = new Int32Array(n);
for (let s = 0; s < n; s += 50) {
  const m = Math.min(50, n - s);
  const d = patternTask([size, size, 3], 10, m, 100 + s);
  const cls = tf.tidy(() => (tf.argMax(model.predict(tf.tensor(d.x, [m, size, size, 3])) as tf.Tensor, -1).dataSync() as Int32Array));
  for (let i = 0; i < m; i++) y[s + i] = s < n / 2 ? cls[i] : d.y[i];
  writeSync(fd, new Uint8Array(d.x.buffer, 0, m * row * 4));
}
closeSync(fd);
writeFileSync(join(dir, 'data', 'y.npy'), encodeNpy(y, [n]));
console.error(`wrote ${dir}/model (uint8 converter files) and ${dir}/data (x.npy ${(n * row * 4 / 2 ** 20).toFixed(0)} MiB, y.npy)`);
