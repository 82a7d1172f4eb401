/**
 * Int8 activations on the built-in models (`npm run bench -- --only int8 [--quick]`): compresses them
 * (the default YONO plan, seed 1, int8 activations; --quick: pq-shared with short k-means, no recovery),
 * then per model:
 * - the fake-quant tfjs model against the reference int8 execution of the result's lowering, on the first
 *   `--samples` test samples (default 500): classes and int8 output values that differ;
 * - the fake-quant model's agreement with the float model on the whole test split, and its accuracy;
 * - the time of a fake-quant evaluation of the whole test split against the float model's (batch 256).
 */
import * as tf from '@tensorflow/tfjs';
import { compress } from '../../src/core/compress/pipeline';
import { decodeModel, lowerResult } from '../../src/core/compress/decode';
import { presetPlan } from '../../src/core/compress/presets';
import type { CompressionResult } from '../../src/core/compress/types';
import type { CompressInput } from '../../src/core/compress/state';
import { toLayersModel } from '../../src/core/models/toLayersModel';
import { compareFakeQuant, storedFakeQuantModel } from '../../src/core/quant/testing/agreement';
import { TASK_NAMES } from '../../src/core/data/types';
import { loadCompressInputs } from '../../src/node/compressInputs';
import { setupNodeTfjs } from '../../src/node/tfjs';

export interface Int8ModelBench {
  name: string;
  refSamples: number;
  /** Fake-quant vs reference int8 execution. */
  classDiffer: number;
  valueDiffer: number;
  values: number;
  maxDiff: number;
  testSamples: number;
  /** Accuracies on the whole test split: float model, fake-quant (the reported one). */
  floatAcc: number;
  int8Acc: number;
  /** Fraction of test samples where the fake-quant and float classes agree. */
  agreeFloat: number;
  /** ms per test split evaluation (batch 256): float model, fake-quant model. */
  floatMs: number;
  fqMs: number;
}

export interface Int8Bench { plan: string; compressMs: number; models: Int8ModelBench[] }

function classes(model: tf.LayersModel, x: Float32Array, n: number, shape: number[]): Int32Array {
  const row = shape.reduce((a, b) => a * b, 1);
  const out = new Int32Array(n);
  for (let s = 0; s < n; s += 256) {
    const m = Math.min(256, n - s);
    const c = tf.tidy(() => (model.predict(tf.tensor(x.subarray(s * row, (s + m) * row), [m, ...shape])) as tf.Tensor).argMax(-1));
    out.set(c.dataSync() as Int32Array, s);
    c.dispose();
  }
  return out;
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

const acc = (p: Int32Array, y: ArrayLike<number>) => p.reduce((s, c, i) => s + (c === y[i] ? 1 : 0), 0) / p.length;

/** One model of a result. */
function benchModel(result: CompressionResult, input: CompressInput, refSamples: number): Int8ModelBench {
  const name = input.ir.name;
  const m = result.models.find((x) => x.name === name)!;
  const lowered = lowerResult(result, name);
  const { model, probe } = storedFakeQuantModel(decodeModel(result, name), m.encodings, result.codebooks, lowered);
  const float = toLayersModel(input.ir);
  const { x, y, n } = input.test;
  const shape = input.ir.inputShape;
  classes(float, x, Math.min(n, 256), shape); // warm-up
  classes(model, x, Math.min(n, 256), shape);
  const f = timed(() => classes(float, x, n, shape));
  const q = timed(() => classes(model, x, n, shape));
  const r = compareFakeQuant(probe, lowered, x, Math.min(refSamples, n), shape);
  model.dispose();
  float.dispose();
  return {
    name, refSamples: r.samples, classDiffer: r.classDiffer, valueDiffer: r.valueDiffer, values: r.values, maxDiff: r.maxDiff,
    testSamples: n, floatAcc: acc(f.value, y), int8Acc: acc(q.value, y), agreeFloat: acc(q.value, f.value), floatMs: f.ms, fqMs: q.ms,
  };
}

export async function benchInt8(opts: { quick?: boolean; samples?: number; log: (s: string) => void }): Promise<Int8Bench> {
  await setupNodeTfjs();
  const inputs = await loadCompressInputs(TASK_NAMES.map((task) => ({ kind: 'builtin' as const, task })));
  const plan = presetPlan(opts.quick ? 'pq-shared' : 'yono');
  if (opts.quick) { plan.kmeans.maxIter = 8; plan.kmeansMaxSamples = 16384; }
  opts.log(`int8: compressing the built-in models (${opts.quick ? 'pq-shared, short k-means' : 'YONO, seed 1'}, int8 activations)`);
  const t0 = performance.now();
  const result = await compress(inputs, plan);
  const compressMs = performance.now() - t0;
  const models = inputs.map((inp) => { opts.log(`int8: ${inp.ir.name}`); return benchModel(result, inp, opts.samples ?? 500); });
  return { plan: opts.quick ? 'pq-shared (quick)' : 'yono', compressMs, models };
}

export function formatInt8Bench(r: Int8Bench): string {
  const pct = (v: number) => `${(v * 100).toFixed(2)} %`;
  const rows = [['model', 'fq≠ref classes', 'fq≠ref int8 values', 'max', 'float acc', 'int8 acc', 'int8=float', 'float ms', 'fq ms', 'fq/float']];
  for (const m of r.models) {
    rows.push([m.name, `${m.classDiffer}/${m.refSamples}`, `${m.valueDiffer}/${m.values} (${pct(m.valueDiffer / m.values)})`, String(m.maxDiff),
      pct(m.floatAcc), pct(m.int8Acc), pct(m.agreeFloat), m.floatMs.toFixed(0), m.fqMs.toFixed(0), `${(m.fqMs / m.floatMs).toFixed(2)}x`]);
  }
  const w = rows[0].map((_, i) => Math.max(...rows.map((x) => x[i].length)));
  return [`int8 activations, ${r.plan}: fake-quant tfjs vs the reference int8 execution (first samples of each test split) and vs the float model (whole test split); compress ${(r.compressMs / 1000).toFixed(0)} s`,
    ...rows.map((x) => x.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  '))].join('\n');
}
