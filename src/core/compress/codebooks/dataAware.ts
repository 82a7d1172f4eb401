/**
 * Data-aware shared codebooks (the YONO recipe, docs/compression-research.md §2): one codebook per format,
 * learned over the union of the normalised subvectors of every layer of every model it may hold, by weighted
 * k-means where subvector i of unit u of layer l weighs λ_l s_u² with the metric H_c of its chunk position
 * (the d × d block of the layer's input second moments): its contribution to the layer's output error,
 * relative to the layer's output energy (λ_l = weights / Σ_u w_uᵀ H w_u). Then the codebook is rounded to
 * int8 and re-estimated once on the GPTQ assignment's error-fed targets (GPTVQ's M-step), and rounded again.
 */
import type { WeightLayer } from '../../models/ir';
import { kmeans } from '../../pq/kmeans';
import { createRng, deriveSeed } from '../../util/random';
import type { InputStats } from '../calibrate/stats';
import { chunkBlock } from '../calibrate/stats';
import { prepareKernel } from '../encode/encode';
import { gptqAssign, newAccumulator } from '../encode/gptq';
import type { ScaleCoding } from '../encode/scales';
import type { FormatSpec } from '../plan/formats';
import type { CodebookGroup, Normalization } from '../types';
import { int8Codebook } from '../../quant/codebook';
import type { WeightedPoints } from './weighted';
import { solveCodewords, weightedKmeans } from './weighted';

/** One layer a codebook learns from. Plain data. */
export interface CodebookLayer {
  /** `<model>/<layer>` */
  key: string;
  kind: WeightLayer['kind'];
  /** Kernel shape and values (IR layout). */
  shape: number[];
  kernel: Float32Array;
  stats: InputStats;
}

/** Options of a data-aware codebook. */
export interface DataAwareOptions {
  seed: number;
  normalization: Normalization;
  scaleCoding: ScaleCoding;
  /** Weighted Lloyd iterations (after a plain k-means init of `initIter` iterations). */
  maxIter: number;
  initIter: number;
  /** Points (subvectors) the k-means learns from, a seeded sample when there are more. */
  maxSamples: number;
  /** GPTVQ re-estimation rounds on the GPTQ targets. */
  gptvqRounds: number;
  /** GPTQ dampening. */
  damp: number;
  /** Round the codewords to int8 with one scale (the int8 runtime's codebooks); else to float16 by the caller. */
  int8: boolean;
}

/** Σ_u w_uᵀ H_g(u) w_u of a kernel cut in its layout (full or diagonal H). */
function outputEnergy(l: CodebookLayer): number {
  const prep = prepareKernel(l.kind, l.shape, l.kernel, 1, 'none');
  const { units, fieldSize: F } = prep.layout;
  const w = prep.sub;
  const mult = l.kind === 'depthwiseConv2d' ? l.shape[3] : 1;
  let e = 0;
  for (let u = 0; u < units; u++) {
    const g = l.stats.groups > 1 ? Math.floor(u / mult) : 0;
    const o = u * F;
    if (l.stats.kind === 'diag') {
      for (let i = 0; i < F; i++) e += l.stats.h[g * F + i] * w[o + i] * w[o + i];
      continue;
    }
    const H = l.stats.h.subarray(g * F * F, (g + 1) * F * F);
    for (let i = 0; i < F; i++) {
      const wi = w[o + i];
      if (wi === 0) continue;
      let t = 0;
      for (let j = 0; j < F; j++) t += H[i * F + j] * w[o + j];
      e += t * wi;
    }
  }
  return e;
}

/** The relative output-error weight λ of a layer: its weights over its output energy (1 when that is 0). */
export function layerLambda(l: CodebookLayer): number {
  const e = outputEnergy(l);
  return e > 0 && Number.isFinite(e) ? l.kernel.length / e : 1;
}

/** The weighted points of a format over its layers (all subvectors, before sampling). */
export function formatPoints(f: FormatSpec, layers: CodebookLayer[], norm: Normalization, coding: ScaleCoding): WeightedPoints {
  const d = f.d;
  const xs: Float32Array[] = [];
  const ms: number[][] = [];
  const ws: number[][] = [];
  const blocks: Float64Array[] = [];
  for (const l of layers) {
    const prep = prepareKernel(l.kind, l.shape, l.kernel, d, norm, coding);
    const lam = layerLambda(l);
    const { units, chunksPerUnit } = prep.layout;
    const mult = l.kind === 'depthwiseConv2d' ? l.shape[3] : 1;
    const base = blocks.length;
    for (let g = 0; g < l.stats.groups; g++) for (let c = 0; c < chunksPerUnit; c++) blocks.push(chunkBlock(l.stats, g, c, d));
    const m: number[] = [];
    const w: number[] = [];
    for (let u = 0; u < units; u++) {
      const s = prep.scales === null ? 1 : prep.scales.length === 1 ? prep.scales[0] : prep.scales[u];
      const g = l.stats.groups > 1 ? Math.floor(u / mult) : 0;
      for (let c = 0; c < chunksPerUnit; c++) { m.push(base + g * chunksPerUnit + c); w.push(lam * s * s); }
    }
    xs.push(prep.sub);
    ms.push(m);
    ws.push(w);
  }
  const n = ms.reduce((a, m) => a + m.length, 0);
  const x = new Float32Array(n * d);
  let o = 0;
  for (const b of xs) { x.set(b, o); o += b.length; }
  const metrics = new Float64Array(blocks.length * d * d);
  blocks.forEach((b, i) => metrics.set(b, i * d * d));
  return { d, x, metric: Int32Array.from(ms.flat()), metrics, weight: Float64Array.from(ws.flat()) };
}

/** A seeded uniform sample of at most `max` points (all when there are fewer), in their original order. */
export function samplePoints(p: WeightedPoints, max: number, seed: number): WeightedPoints {
  const d = p.d;
  const n = p.metric.length;
  if (max <= 0 || n <= max) return p;
  const rng = createRng(seed);
  const idx = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < max; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = idx[i]; idx[i] = idx[j]; idx[j] = t;
  }
  const chosen = idx.subarray(0, max).sort();
  const x = new Float32Array(max * d);
  const metric = new Int32Array(max);
  const weight = new Float64Array(max);
  chosen.forEach((i, j) => { x.set(p.x.subarray(i * d, i * d + d), j * d); metric[j] = p.metric[i]; weight[j] = p.weight[i]; });
  return { d, x, metric, metrics: p.metrics, weight };
}

/**
 * Learns the codebook of format `f` over `layers` (see the file comment). A format with fewer subvectors
 * than K gets K = that count. Deterministic for the seed.
 */
export async function learnDataAwareCodebook(f: FormatSpec, layers: CodebookLayer[], opts: DataAwareOptions): Promise<CodebookGroup> {
  if (layers.length === 0) throw new Error(`codebook '${f.name}' has no layers to learn from`);
  const seed = deriveSeed(opts.seed, `codebook/${f.name}`);
  const P = (globalThis as { __prof?: Record<string, number> }).__prof;
  let t = Date.now();
  const lap = (k: string) => { if (P) { P[k] = (P[k] ?? 0) + Date.now() - t; t = Date.now(); } };
  const all = formatPoints(f, layers, opts.normalization, opts.scaleCoding);
  lap('points');
  const pts = samplePoints(all, opts.maxSamples, seed);
  const n = pts.metric.length;
  const k = Math.min(f.k, n);
  const init = await kmeans(pts.x, n, f.d, { k, maxIter: opts.initIter, tol: 1e-4, seed, init: 'kmeans++' });
  lap('init');
  const round = (c: Float32Array) => (opts.int8 ? int8Codebook(c) : { values: c, scale: undefined });
  let cb = round(weightedKmeans(pts, { k, init: init.codebook, maxIter: opts.maxIter, tol: 1e-4, seed }).codebook);
  lap('wkm');
  for (let r = 0; r < opts.gptvqRounds; r++) {
    const acc = newAccumulator(k, f.d);
    for (const l of layers) {
      const prep = prepareKernel(l.kind, l.shape, l.kernel, f.d, opts.normalization, opts.scaleCoding);
      gptqAssign({ kind: l.kind, kernel: { shape: l.shape, data: l.kernel } }, l.kernel, l.stats, cb.values, k, f.d, prep.scales,
        { damp: opts.damp, accumulate: acc, weight: layerLambda(l) });
    }
    cb = round(solveCodewords(acc.M, acc.v, cb.values, k, f.d).codebook);
  }
  lap('gptvq');
  return { name: f.name, d: f.d, k, codebook: cb.values, ...(cb.scale === undefined ? {} : { scale: cb.scale }), layers: layers.map((l) => l.key) };
}
