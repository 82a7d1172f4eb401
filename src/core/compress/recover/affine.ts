/**
 * The sequential per-unit affine correction (docs/compression-research.md §5): layer by layer in graph
 * order, on the calibration rows, the compressed layer's pre-activation output ỹ_u (its inputs coming from
 * the already corrected compressed layers before it) is fitted to the float layer's y_u (float inputs) by
 * least squares, y_u ≈ a_u ỹ_u + b_u. The scale a_u folds into the unit's stored scale (PQ per-unit scales,
 * int8 channel scales: re-rounded as stored) and the shift into the bias, so it costs no bytes. A layer whose
 * units share one scale, or is float32, is left as it is; without a bias only the scale is fitted.
 */
import * as tf from '@tensorflow/tfjs';
import type { WeightLayer } from '../../models/ir';
import { unpackIndices } from '../../pq/pack';
import type { LayerRunner } from '../calibrate/forward';
import { decodeFromAssignments } from '../encode/encode';
import { dequantizeInt8 } from '../encode/int8';
import { codeLog8 } from '../encode/scales';
import { markDecoded, storedScales } from '../encode/stored';
import type { ModelSession } from '../evaluate/session';
import type { CodebookGroup, LayerEncoding } from '../types';

/** A unit's fitted scale outside this range is not trusted (kept at 1). */
const SCALE_RANGE = [0.5, 2] as const;

/** The pre-activation output (no bias) of a weight layer for input `x` and kernel `k`. */
export function linearOutput(l: WeightLayer, x: tf.Tensor, k: tf.Tensor): tf.Tensor {
  switch (l.kind) {
    case 'dense': {
      const y = tf.matMul(x.reshape([-1, l.kernel.shape[0]]) as tf.Tensor2D, k as tf.Tensor2D);
      return y.reshape([...x.shape.slice(0, -1), l.kernel.shape[1]]);
    }
    case 'conv2d': return tf.conv2d(x as tf.Tensor4D, k as tf.Tensor4D, l.strides, l.padding, 'NHWC', l.dilation);
    case 'depthwiseConv2d': return tf.depthwiseConv2d(x as tf.Tensor4D, k as tf.Tensor4D, l.strides, l.padding, 'NHWC', l.dilation);
    case 'conv1d': return tf.conv1d(x as tf.Tensor3D, k as tf.Tensor3D, l.stride, l.padding, 'NWC', l.dilation);
  }
}

/** An encoding with its unit scales multiplied by `a` and stored again; null when its units share a scale. */
export function scaledEncoding(enc: LayerEncoding, a: Float64Array, codebooks: readonly CodebookGroup[]): { enc: LayerEncoding; decoded: Float32Array } | null {
  if (enc.format === 'int8') {
    if (enc.scales.length !== a.length) return null;
    const scales = storedScales(Float32Array.from(enc.scales, (s, u) => s * a[u]), 'int8 scale');
    const next: LayerEncoding = { ...enc, scales };
    return { enc: next, decoded: markDecoded(dequantizeInt8(enc.q, scales), { enc: next, codebook: null }) };
  }
  if (enc.format !== 'pq' || !enc.scales || enc.scales.length !== a.length || a.length < 2) return null;
  const raw = Float32Array.from(enc.scales, (s, u) => s * a[u]);
  let scales: Float32Array;
  let scaleCodes = enc.scaleCodes;
  if (enc.scaleCodes) {
    const c = codeLog8(raw);
    scales = c.values;
    scaleCodes = { base: c.base, q: c.q };
  } else {
    scales = storedScales(raw, 'normalization scale');
  }
  const cb = codebooks.find((c) => c.name === enc.group);
  if (!cb) throw new Error(`correction: codebook '${enc.group}' is missing`);
  const next: LayerEncoding = { ...enc, scales, ...(scaleCodes ? { scaleCodes } : {}) };
  return { enc: next, decoded: markDecoded(decodeFromAssignments(unpackIndices(enc.indices, enc.bits, enc.layout.count), cb, enc.layout, scales), { enc: next, codebook: cb }) };
}

/** What the correction changed: per corrected layer its new encoding, decoded kernel and float bias. */
export type Corrections = Map<string, { enc: LayerEncoding; decoded: Float32Array; bias: Float32Array | null }>;

/**
 * Runs the correction (see the file comment) on calibration rows `x` (n rows of `inShape`): `float` runs the
 * float model, `comp` the compressed one, whose session `session` holds the layers' current stored weights
 * and is updated in place. `encodings` are the layers' stored encodings; float32 layers are skipped.
 */
export function affineCorrection(
  float: LayerRunner, comp: LayerRunner, session: ModelSession, layers: readonly WeightLayer[],
  encodings: Readonly<Record<string, LayerEncoding>>, codebooks: readonly CodebookGroup[],
  x: Float32Array, n: number, inShape: number[], batch = 128,
): Corrections {
  const rowLen = inShape.reduce((a, b) => a * b, 1);
  const g = float.graph;
  const byName = new Map(layers.map((l) => [l.name, l]));
  // when each tensor is read last (so the streams can drop it)
  const lastUse = new Map<string, number>();
  g.layers.forEach((l, i) => { for (const s of l.inputs) lastUse.set(s, i); });
  lastUse.set(g.output, g.layers.length);
  const fEnv = new Map<string, tf.Tensor[]>();
  const cEnv = new Map<string, tf.Tensor[]>();
  const starts: number[] = [];
  for (let s = 0; s < n; s += batch) starts.push(s);
  const xs = starts.map((s) => tf.tensor(x.subarray(s * rowLen, Math.min(n, s + batch) * rowLen), [Math.min(batch, n - s), ...inShape]));
  // the model input after any layer its model applies to it (a copy: each stream owns its tensors)
  fEnv.set(float.inputName, xs.map((t) => tf.tidy(() => float.input(t).clone())));
  cEnv.set(comp.inputName, xs.map((t) => tf.tidy(() => comp.input(t).clone())));
  tf.dispose(xs);
  const out: Corrections = new Map();
  const step = (r: LayerRunner, env: Map<string, tf.Tensor[]>, name: string, inputs: string[]) =>
    env.get(inputs[0])!.map((_, b) => tf.tidy(() => r.runLayer(new Map(inputs.map((i) => [i, env.get(i)![b]])), name)));
  // the compressed layer as stored (int8 activations: its lowered weights, its output rounded as the int8 kernel's)
  const storedStep = (name: string, inputs: string[]) => session.withStored(() => step(comp, cEnv, name, inputs), [name]);
  try {
    g.layers.forEach((l, li) => {
      if (l.kind === 'input') return;
      const wl = byName.get(l.name);
      const enc = wl && encodings[l.name];
      if (wl && enc && enc.format !== 'float32') {
        const fixed = fitLayer(wl, fEnv.get(wl.inputs[0])!, cEnv.get(wl.inputs[0])!, session, enc, codebooks);
        if (fixed) out.set(l.name, fixed);
      }
      fEnv.set(l.name, step(float, fEnv, l.name, l.inputs));
      cEnv.set(l.name, byName.has(l.name) ? storedStep(l.name, l.inputs) : step(comp, cEnv, l.name, l.inputs));
      for (const env of [fEnv, cEnv]) {
        for (const [k, ts] of env) if ((lastUse.get(k) ?? -1) <= li) { tf.dispose(ts); env.delete(k); }
      }
    });
  } finally {
    for (const env of [fEnv, cEnv]) for (const ts of env.values()) tf.dispose(ts);
  }
  return out;
}

/** Fits and applies one layer's correction (the session gets the new kernel and bias); null when nothing changes. */
function fitLayer(l: WeightLayer, fIn: tf.Tensor[], cIn: tf.Tensor[], session: ModelSession, enc: LayerEncoding, codebooks: readonly CodebookGroup[]) {
  const units = l.kernel.shape[l.kernel.shape.length - 1] * (l.kind === 'depthwiseConv2d' ? l.kernel.shape[2] : 1);
  const perUnitScale = enc.format === 'int8' || (enc.format === 'pq' && enc.scales !== null && enc.scales.length === units && units > 1);
  if (!perUnitScale) return null;
  const hasBias = !!l.bias;
  const fk = tf.tensor(l.kernel.data, l.kernel.shape);
  const ck = tf.tensor(session.getKernel(l.name), l.kernel.shape);
  const Sy = new Float64Array(units), Sc = new Float64Array(units), Scc = new Float64Array(units), Scy = new Float64Array(units);
  let count = 0;
  try {
    fIn.forEach((xf, b) => {
      let rows = 0;
      const [a, c, cc, cy] = tf.tidy(() => {
        const y = linearOutput(l, xf, fk).reshape([-1, units]);
        const yc = linearOutput(l, cIn[b], ck).reshape([-1, units]);
        rows = y.shape[0];
        return [y.sum(0), yc.sum(0), yc.square().sum(0), yc.mul(y).sum(0)];
      });
      const av = a.dataSync(), cv = c.dataSync(), ccv = cc.dataSync(), cyv = cy.dataSync();
      for (let u = 0; u < units; u++) { Sy[u] += av[u]; Sc[u] += cv[u]; Scc[u] += ccv[u]; Scy[u] += cyv[u]; }
      count += rows;
      tf.dispose([a, c, cc, cy]);
    });
  } finally {
    tf.dispose([fk, ck]);
  }
  const scale = new Float64Array(units).fill(1);
  const shift = new Float64Array(units);
  for (let u = 0; u < units; u++) {
    const my = Sy[u] / count, mc = Sc[u] / count;
    let a: number;
    if (hasBias) {
      const v = Scc[u] / count - mc * mc;
      a = v > 1e-12 ? (Scy[u] / count - mc * my) / v : 1;
    } else {
      a = Scc[u] > 1e-12 ? Scy[u] / Scc[u] : 1;
    }
    if (!(a > SCALE_RANGE[0] && a < SCALE_RANGE[1])) a = 1;
    scale[u] = a;
    shift[u] = hasBias ? my - a * mc : 0;
  }
  const next = scaledEncoding(enc, scale, codebooks);
  if (!next) return null;
  const b0 = l.bias ? l.bias.data : null;
  const bias = b0 && Float32Array.from(b0, (v, u) => v + shift[u]);
  session.setKernel(l.name, next.decoded);
  if (bias) session.setBias(l.name, bias);
  return { enc: next.enc, decoded: next.decoded, bias };
}
