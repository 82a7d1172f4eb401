/**
 * Input statistics of a weight layer for data-aware PQ: the second moments H = E[x xᵀ] of the layer's
 * input field x (one receptive field, in the PQ field order of `pq/layout.ts`: input channel, then tap),
 * over sampled output positions of the calibration rows. A layer's output error for a kernel error δ of one
 * unit is then δᵀ H δ per position: the k-means metric, the GPTQ assignment and the codebook re-estimation
 * all weight errors by it. A depthwise layer has one matrix per input channel (its units read one channel).
 */
import * as tf from '@tensorflow/tfjs';
import type { WeightLayer } from '../../models/ir';
import { convOutputSize, padBefore } from '../../models/shapes';
import { createRng } from '../../util/random';

/** Fields longer than this keep only the diagonal of H (a full F × F matrix would not fit in memory). */
export const FULL_FIELD_MAX = 2048;

/** Second moments of a layer's input field. Plain data. */
export interface InputStats {
  /** Field length F (the PQ layout's fieldSize). */
  field: number;
  /** 1, or the input channels of a depthwise layer (one matrix each). */
  groups: number;
  /** `full`: groups × F × F row-major; `diag`: groups × F (fields longer than FULL_FIELD_MAX). */
  kind: 'full' | 'diag';
  h: Float64Array;
  /** Sampled positions per group. */
  rows: number;
}

/** Field length and groups of a weight layer's input field. */
export function fieldOf(l: WeightLayer): { field: number; groups: number } {
  const s = l.kernel.shape;
  switch (l.kind) {
    case 'dense': return { field: s[0], groups: 1 };
    case 'conv1d': return { field: s[0] * s[1], groups: 1 };
    case 'conv2d': return { field: s[0] * s[1] * s[2], groups: 1 };
    case 'depthwiseConv2d': return { field: s[0] * s[1], groups: s[2] };
  }
}

/**
 * The (rows × F) receptive fields, in PQ field order, of `count` sampled output positions per sample of a
 * batch `x` (NHWC / NWC / N × F, batch `n`, per-sample shape `inShape`), zero where a tap falls in the
 * padding; for a depthwise layer groups × (rows × F), group-major. All positions when `count` covers them.
 */
export function im2col(l: WeightLayer, x: Float32Array, n: number, inShape: number[], count: number, rng: () => number): { X: Float32Array; rows: number } {
  const { field: F, groups } = fieldOf(l);
  if (l.kind === 'dense') {
    if (x.length !== n * F) throw new Error(`im2col: dense layer '${l.name}' reads ${F} values per sample, got ${x.length / n}`);
    return { X: x.slice(), rows: n };
  }
  const positionsOf = (outN: number): number[] => {
    if (count >= outN) return Array.from({ length: outN }, (_, i) => i);
    return Array.from({ length: count }, () => Math.floor(rng() * outN));
  };
  if (l.kind === 'conv1d') {
    const [W, C] = inShape;
    const k = l.kernel.shape[0];
    const out = convOutputSize(W, k, l.stride, l.dilation, l.padding);
    const before = padBefore(W, k, l.stride, l.dilation, l.padding);
    const rowsPer = Math.min(out, count);
    const X = new Float32Array(n * rowsPer * F);
    let r = 0;
    for (let b = 0; b < n; b++) {
      for (const p of positionsOf(out)) {
        for (let t = 0; t < k; t++) {
          const w = p * l.stride + t * l.dilation - before;
          if (w < 0 || w >= W) continue;
          const src = (b * W + w) * C;
          for (let ci = 0; ci < C; ci++) X[r * F + ci * k + t] = x[src + ci];
        }
        r++;
      }
    }
    return { X, rows: r };
  }
  const [H, W, C] = inShape;
  const [kh, kw] = l.kernel.shape;
  const oh = convOutputSize(H, kh, l.strides[0], l.dilation[0], l.padding);
  const ow = convOutputSize(W, kw, l.strides[1], l.dilation[1], l.padding);
  const pt = padBefore(H, kh, l.strides[0], l.dilation[0], l.padding);
  const pl = padBefore(W, kw, l.strides[1], l.dilation[1], l.padding);
  const rowsPer = Math.min(oh * ow, count);
  const dw = l.kind === 'depthwiseConv2d';
  const total = n * rowsPer;
  const X = new Float32Array(total * F * (dw ? groups : 1));
  let r = 0;
  for (let b = 0; b < n; b++) {
    for (const p of positionsOf(oh * ow)) {
      const py = Math.floor(p / ow);
      const px = p % ow;
      for (let ky = 0; ky < kh; ky++) {
        const yy = py * l.strides[0] + ky * l.dilation[0] - pt;
        if (yy < 0 || yy >= H) continue;
        for (let kx = 0; kx < kw; kx++) {
          const xx = px * l.strides[1] + kx * l.dilation[1] - pl;
          if (xx < 0 || xx >= W) continue;
          const src = ((b * H + yy) * W + xx) * C;
          const tap = ky * kw + kx;
          if (dw) for (let ci = 0; ci < C; ci++) X[(ci * total + r) * F + tap] = x[src + ci];
          else for (let ci = 0; ci < C; ci++) X[r * F + ci * kh * kw + tap] = x[src + ci];
        }
      }
      r++;
    }
  }
  return { X, rows: r };
}

/** Adds XᵀX of the (rows × F) block to `h` (F × F), through tf.matMul. */
function addGram(h: Float64Array, X: Float32Array, rows: number, F: number): void {
  const g = tf.tidy(() => { const t = tf.tensor2d(X, [rows, F]); return tf.matMul(t, t, true, false); });
  const v = g.dataSync();
  g.dispose();
  for (let i = 0; i < v.length; i++) h[i] += v[i];
}

/**
 * The input statistics of layer `l` from its input batches (`batches[i]` holds `sizes[i]` samples of shape
 * `inShape`): about `maxRows` output positions over all samples (seeded), each position's field once.
 */
export function inputStats(l: WeightLayer, batches: Float32Array[], sizes: number[], inShape: number[], maxRows: number, seed: number): InputStats {
  const { field: F, groups } = fieldOf(l);
  const kind = F > FULL_FIELD_MAX ? 'diag' : 'full';
  const h = new Float64Array(groups * (kind === 'full' ? F * F : F));
  const total = sizes.reduce((a, b) => a + b, 0);
  const per = Math.max(1, Math.ceil(maxRows / Math.max(1, total)));
  const rng = createRng(seed);
  let rows = 0;
  batches.forEach((x, i) => {
    const { X, rows: r } = im2col(l, x, sizes[i], inShape, per, rng);
    rows += r;
    for (let g = 0; g < groups; g++) {
      const Xg = X.subarray(g * r * F, (g + 1) * r * F);
      if (kind === 'diag') {
        const hg = h.subarray(g * F, (g + 1) * F);
        for (let j = 0; j < r; j++) for (let f = 0; f < F; f++) { const v = Xg[j * F + f]; hg[f] += v * v; }
      } else if (groups === 1) {
        addGram(h, Xg, r, F);
      } else {
        const hg = h.subarray(g * F * F, (g + 1) * F * F);
        for (let j = 0; j < r; j++) {
          const o = j * F;
          for (let a = 0; a < F; a++) {
            const va = Xg[o + a];
            if (va === 0) continue;
            for (let b = 0; b < F; b++) hg[a * F + b] += va * Xg[o + b];
          }
        }
      }
    }
  });
  if (rows > 0) for (let i = 0; i < h.length; i++) h[i] /= rows;
  return { field: F, groups, kind, h, rows };
}

/** The d × d block of H of chunk `c` (field positions c·d .. c·d + d − 1; padding positions are 0) of group `g`. */
export function chunkBlock(s: InputStats, g: number, c: number, d: number, out = new Float64Array(d * d)): Float64Array {
  out.fill(0);
  const F = s.field;
  for (let i = 0; i < d; i++) {
    const a = c * d + i;
    if (a >= F) continue;
    if (s.kind === 'diag') { out[i * d + i] = s.h[g * F + a]; continue; }
    const base = g * F * F + a * F;
    for (let j = 0; j < d; j++) {
      const b = c * d + j;
      if (b < F) out[i * d + j] = s.h[base + b];
    }
  }
  return out;
}
