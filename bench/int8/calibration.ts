/**
 * Min/max against percentile calibration of the int8 activations on the built-in models
 * (`npm run bench -- --only int8-calibration`): for each model and each method, the validation and test
 * accuracy of the fake-quant model with the float weights (activation quantisation alone) and with every
 * layer int8 per channel (the int8 preset's weights), against the float model.
 */
import * as tf from '@tensorflow/tfjs';
import { encodeInt8 } from '../../src/core/compress/encode';
import type { CompressInput } from '../../src/core/compress/state';
import { TASK_NAMES } from '../../src/core/data/types';
import type { Split } from '../../src/core/data/types';
import { isWeightLayer } from '../../src/core/models/ir';
import { toLayersModel } from '../../src/core/models/toLayersModel';
import { calibrate } from '../../src/core/quant/calibrate';
import { FakeQuantModel } from '../../src/core/quant/fake-quant';
import { loadCompressInputs } from '../../src/node/compressInputs';
import { setupNodeTfjs } from '../../src/node/tfjs';

export const METHODS = [undefined, 99.999, 99.99, 99.9] as const;

export interface CalibrationRow { model: string; method: string; weights: 'float' | 'int8'; val: number; test: number }
export interface CalibrationBench { rows: CalibrationRow[]; float: { model: string; val: number; test: number }[] }

function accuracy(model: tf.LayersModel, s: Split, shape: number[]): number {
  const row = shape.reduce((a, b) => a * b, 1);
  let ok = 0;
  for (let i = 0; i < s.n; i += 256) {
    const m = Math.min(256, s.n - i);
    const c = tf.tidy(() => (model.predict(tf.tensor(s.x.subarray(i * row, (i + m) * row), [m, ...shape])) as tf.Tensor).argMax(-1));
    const p = c.dataSync();
    c.dispose();
    for (let j = 0; j < m; j++) if (p[j] === s.y[i + j]) ok++;
  }
  return ok / s.n;
}

/** Loads every weight layer of `model` int8 per channel (lowered with the calibration's params). */
function loadInt8(fq: FakeQuantModel, inp: CompressInput): void {
  for (const l of inp.ir.layers) {
    if (!isWeightLayer(l)) continue;
    const e = encodeInt8(l.kind, l.kernel.shape, l.kernel.data).enc;
    const w = fq.stored(l.name, e, null, l.bias ? l.bias.data : null)!;
    const t = [tf.tensor(w.kernel, l.kernel.shape), ...(w.bias ? [tf.tensor(w.bias)] : [])];
    fq.model.getLayer(l.name).setWeights(t);
    tf.dispose(t);
  }
}

export async function benchCalibration(opts: { log: (s: string) => void }): Promise<CalibrationBench> {
  await setupNodeTfjs();
  const inputs = await loadCompressInputs(TASK_NAMES.map((task) => ({ kind: 'builtin' as const, task })));
  const rows: CalibrationRow[] = [];
  const float: CalibrationBench['float'] = [];
  for (const inp of inputs) {
    const shape = inp.ir.inputShape;
    const f = toLayersModel(inp.ir);
    float.push({ model: inp.ir.name, val: accuracy(f, inp.val, shape), test: accuracy(f, inp.test, shape) });
    f.dispose();
    for (const p of METHODS) {
      const cal = calibrate(inp.ir, inp.train!, { samples: 1000, seed: 1, percentile: p });
      for (const weights of ['float', 'int8'] as const) {
        const fq = new FakeQuantModel(inp.ir, cal.params);
        if (weights === 'int8') loadInt8(fq, inp);
        rows.push({ model: inp.ir.name, method: cal.method, weights, val: accuracy(fq.model, inp.val, shape), test: accuracy(fq.model, inp.test, shape) });
        fq.model.dispose();
      }
      opts.log(`int8-calibration: ${inp.ir.name} ${cal.method}`);
    }
  }
  return { rows, float };
}

export function formatCalibrationBench(r: CalibrationBench): string {
  const pct = (v: number) => (v * 100).toFixed(2);
  const lines = ['int8 activation calibration (1,000 training samples, seed 1): val / test accuracy %, drop vs float in pp',
    'model     method    weights  val     test    val drop  test drop'];
  for (const row of r.rows) {
    const f = r.float.find((x) => x.model === row.model)!;
    lines.push([row.model.padEnd(9), row.method.padEnd(9), row.weights.padEnd(7), pct(row.val).padStart(6), pct(row.test).padStart(6),
      pct(f.val - row.val).padStart(8), pct(f.test - row.test).padStart(9)].join('  '));
  }
  lines.push('float:', ...r.float.map((f) => `  ${f.model}: val ${pct(f.val)}, test ${pct(f.test)}`));
  return lines.join('\n');
}
