// The float runtimes on a zoo model: the imported IR stored with float32 kernels in a bundle (the final
// softmax removed, so outputs are logits), run on the virtual MCU and in the exported C (host cc, -Wall
// -Wextra -Werror), compared with tfjs `predict` of the imported file.
import * as tf from '@tensorflow/tfjs';
import type { ModelIR } from '../../src/core/models/ir';
import { cloneIR } from '../../src/core/models/clone';
import { toLayersModel } from '../../src/core/models/toLayersModel';
import { readBundle } from '../../src/core/bundle/read';
import type { Bundle } from '../../src/core/bundle/bundle';
import { sectionView } from '../../src/core/bundle/bundle';
import { writeBundle } from '../../src/core/bundle/write';
import { zooResult } from '../../src/core/bundle/testing/zoo';
import { argmax, createRuntime } from '../../src/core/mcu/runtime/executor';
import { runExportOnHost } from '../../src/node/hostC';

/** What the float runtimes gave on a model's stored samples. */
export interface RuntimeCheck {
  samples: number;
  /** Class agreement of the virtual MCU with tfjs predict of the imported file. */
  agreement: number;
  /** Largest |virtual MCU logit - tfjs logit| (the same network without its final softmax). */
  maxAbsLogitError: number;
  /** Class agreement of the exported C with the virtual MCU on the first `cSamples` samples, and its largest |logit difference|. */
  cSamples: number;
  cAgreement: number;
  cMaxAbsDiff: number;
}

/** The IR with the output layer's softmax replaced by linear (the logits), or the IR itself. */
export function logitsIR(ir: ModelIR): ModelIR {
  const out = cloneIR(ir);
  const last = out.layers.find((l) => l.name === out.output);
  if (last && 'activation' in last && last.activation === 'softmax') last.activation = 'linear';
  return out;
}

function predict(m: tf.LayersModel, x: Float32Array, shape: number[], n: number): Float32Array {
  const row = x.length / n;
  const out: number[] = [];
  for (let s = 0; s < n; s += 32) {
    const e = Math.min(n, s + 32);
    out.push(...tf.tidy(() => (m.predict(tf.tensor(x.subarray(s * row, e * row), [e - s, ...shape])) as tf.Tensor).dataSync()));
  }
  return Float32Array.from(out);
}

const classesOf = (v: Float32Array, k: number) => Int32Array.from({ length: v.length / k }, (_, i) => argmax(v, i * k, k));
const agree = (a: Int32Array, b: Int32Array) => a.reduce((s, v, i) => s + (v === b[i] ? 1 : 0), 0) / a.length;
const maxAbs = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

/**
 * The virtual MCU and the C export of `bundle`'s model `name` on (up to `max` of) the samples the bundle
 * stores, against each other; returns those samples too.
 */
export function runtimeAndC(bundle: Bundle, name: string, dir: string, max = Infinity): {
  x: Float32Array; n: number; logits: Float32Array; classes: Int32Array; cAgreement: number; cMaxAbsDiff: number;
} {
  return runtimeAndCOn(bundle, name, dir, null, max);
}

/** As runtimeAndC, on the samples `x` (n of them) when given (C runs on the bundle's stored ones, the first of them). */
function runtimeAndCOn(bundle: Bundle, name: string, dir: string, given: { x: Float32Array; n: number } | null, max = Infinity): {
  x: Float32Array; n: number; logits: Float32Array; classes: Int32Array; cAgreement: number; cMaxAbsDiff: number;
} {
  const s = bundle.manifest.models.find((m) => m.name === name)?.samples;
  if (!s) throw new Error(`zoo: the bundle stores no samples of '${name}'`);
  const rt = createRuntime(bundle, name);
  const n = given ? given.n : Math.min(max, s.count);
  const x = given ? given.x : sectionView(bundle, s.x, 'f32').subarray(0, n * rt.program.inputSize);
  const { outputs, classes } = rt.runBatch(x, n);
  const k = rt.program.outputSize;
  const nc = Math.min(n, s.count);
  const c = runExportOnHost(bundle, dir, nc, [name]).get(name) as Float32Array;
  return { x, n, logits: outputs, classes, cAgreement: agree(classesOf(c, k), classes.subarray(0, nc)), cMaxAbsDiff: maxAbs(c, outputs.subarray(0, nc * k)) };
}

/**
 * Stores `ir` (float32 kernels, logits) with `n` samples x/y in a bundle, runs it on the virtual MCU and in
 * C, and compares with tfjs: classes against `tfjsClasses` (predict of the imported file), logits against
 * the logits network in tfjs.
 */
export function checkFloatRuntimes(ir: ModelIR, x: Float32Array, y: Int32Array, n: number, tfjsClasses: Int32Array, dir: string, cSamples = 32): RuntimeCheck {
  const logits = logitsIR(ir);
  const result = zooResult([logits], 7, [['float32', 'none']]);
  // the C program carries its samples as source text: the first cSamples of them
  const bundle = readBundle(writeBundle(result, { samples: { [ir.name]: { x, y, n } }, maxSamples: cSamples }));
  const r = runtimeAndCOn(bundle, ir.name, dir, { x, n });
  const ref = toLayersModel(logits);
  const refLogits = predict(ref, x, ir.inputShape, n);
  ref.dispose();
  return { samples: n, agreement: agree(r.classes, tfjsClasses), maxAbsLogitError: maxAbs(r.logits, refLogits), cSamples: Math.min(n, cSamples), cAgreement: r.cAgreement, cMaxAbsDiff: r.cMaxAbsDiff };
}
