// `npm run bench -- --only import`: the full-size import zoo (scripts/zoo): MobileNetV1/V2 at alpha 0.35 on
// 96x96, ResNet-8, DS-CNN, DenseNet-style and squeeze-and-excitation blocks, each trained briefly on
// generated data, saved plain / uint8 / float16 (converter layout) and as TFLite float32 / int8, imported,
// checked against tfjs, compressed with `yono compress` and re-imported from `yono export-tfjs`.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupNodeTfjs } from '../src/node/tfjs';
import { zoo } from '../scripts/zoo/architectures';
import { formatZoo, runZoo } from '../scripts/zoo/run';
import type { ZooModelReport } from '../scripts/zoo/run';

/** Runs the full-size zoo; `samples` generated samples per model (60/20/20 split), `epochs` of training. */
export async function benchImport(o: { log?: (s: string) => void; samples?: number; epochs?: number } = {}): Promise<{ models: ZooModelReport[]; seconds: number }> {
  await setupNodeTfjs();
  const t0 = Date.now();
  const models = await runZoo(zoo('full'), { dir: join(tmpdir(), 'yono-zoo-full'), samples: o.samples ?? 1000, epochs: o.epochs ?? 5,
    shardBytes: 256 * 1024, compress: true, log: o.log });
  return { models, seconds: (Date.now() - t0) / 1000 };
}

/** The table of the full-size zoo. */
export function formatImportBench(r: { models: ZooModelReport[]; seconds: number }): string {
  return `import zoo (full size), ${r.seconds.toFixed(0)} s\n${formatZoo(r.models)}`;
}
