/**
 * Data-aware assignment of a layer's subvectors to a fixed codebook, GPTQ-style (GPTVQ): each unit's field
 * is quantised chunk by chunk in field order, each chunk takes the codeword that minimises the output
 * error given the chunks still to come (the metric of its block of the sequential inverse Hessian), and
 * its error is fed forward into the not yet quantised weights of the unit, which compensate for it.
 * H = E[x xᵀ] of the layer's input (calibrate/stats.ts) is the Hessian of the layer's squared output error.
 *
 * With H⁻¹ = UᵀU (U upper triangular, the Cholesky factor of the inverse), chunk S takes
 * argmin_k (t − c_k)ᵀ A_S (t − c_k) with A_S = (U_SSᵀ U_SS)⁻¹ and t the unit's (scaled) current weights of S;
 * then e = U_SS⁻ᵀ (w_S − q_S) and w_rest −= U_S,restᵀ e. Fields longer than FULL_FIELD_MAX (diagonal H) take
 * the diagonal metric without feedback.
 */
import type { WeightLayer } from '../../models/ir';
import { fromSubvectors, subvectorLayout, toSubvectors } from '../../pq/layout';
import type { SubvectorLayout } from '../../pq/layout';
import type { InputStats } from '../calibrate/stats';
import { cholesky, invertSmall, lowerInverse } from './linalg';

/** Normal equations of the codebook re-estimation (GPTVQ's M-step), summed over assignments. */
export interface CodebookAccumulator {
  /** K × d × d */
  M: Float64Array;
  /** K × d */
  v: Float64Array;
}

/** An empty accumulator for a (K × d) codebook. */
export const newAccumulator = (k: number, d: number): CodebookAccumulator => ({ M: new Float64Array(k * d * d), v: new Float64Array(k * d) });

/** What gptqAssign returns. */
export interface GptqResult {
  layout: SubvectorLayout;
  /** Codeword of every subvector (count). */
  assignments: Uint16Array;
  /** The decoded kernel (IR layout): codewords times unit scales. */
  decoded: Float32Array;
}

/** Options of gptqAssign. */
export interface GptqOptions {
  /** Dampening: added to H's diagonal as this fraction of its mean diagonal (default 0.01). */
  damp?: number;
  /** Adds each assignment's normal equations (weight × s² × A_S) to this accumulator. */
  accumulate?: CodebookAccumulator;
  /** Weight of this layer's terms in `accumulate` (default 1). */
  weight?: number;
  /**
   * Factorisations of this layer's statistics to reuse across calls (e.g. one per format: the factor depends
   * only on the group, the padded field and the dampening). Pass the same map only with the same `stats`.
   */
  factors?: Map<string, unknown>;
}

/** Per group: the upper factor U of (H + damp)⁻¹ over the padded field (Fp × Fp), or the damped diagonal. */
interface GroupFactor { U: Float64Array | null; diag: Float64Array | null }

function groupFactor(stats: InputStats, g: number, Fp: number, damp: number): GroupFactor {
  const F = stats.field;
  if (stats.kind === 'diag') {
    const h = stats.h.subarray(g * F, (g + 1) * F);
    let md = 0;
    for (let i = 0; i < F; i++) md += h[i];
    md = md / F || 1;
    const diag = new Float64Array(Fp).fill(1e-4 * md);
    for (let i = 0; i < F; i++) diag[i] = h[i] + damp * md;
    return { U: null, diag };
  }
  const h = stats.h.subarray(g * F * F, (g + 1) * F * F);
  let md = 0;
  for (let i = 0; i < F; i++) md += h[i * F + i];
  md = md / F || 1;
  const A = new Float64Array(Fp * Fp);
  for (let i = 0; i < F; i++) for (let j = 0; j < F; j++) A[i * Fp + j] = h[i * F + j];
  for (let i = 0; i < F; i++) A[i * Fp + i] += damp * md;
  for (let i = F; i < Fp; i++) A[i * Fp + i] = 1e-4 * md; // padding positions: nearly free
  // A⁻¹ = L⁻ᵀ L⁻¹ from A = L Lᵀ; then A⁻¹ = L2 L2ᵀ and U = L2ᵀ
  const Li = lowerInverse(cholesky(A, Fp), Fp);
  const inv = new Float64Array(Fp * Fp);
  for (let i = 0; i < Fp; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < Fp; k++) s += Li[k * Fp + i] * Li[k * Fp + j];
      inv[i * Fp + j] = s;
      inv[j * Fp + i] = s;
    }
  }
  const L2 = cholesky(inv, Fp);
  const U = new Float64Array(Fp * Fp);
  for (let i = 0; i < Fp; i++) for (let j = i; j < Fp; j++) U[i * Fp + j] = L2[j * Fp + i];
  return { U, diag: null };
}

/** The d × d chunk metric A_S of chunk c. */
function chunkMetric(f: GroupFactor, c: number, d: number, Fp: number): Float64Array {
  const A = new Float64Array(d * d);
  if (f.diag) {
    for (let i = 0; i < d; i++) A[i * d + i] = f.diag[c * d + i];
    return A;
  }
  const U = f.U!;
  const S = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k <= Math.min(i, j); k++) s += U[(c * d + k) * Fp + c * d + i] * U[(c * d + k) * Fp + c * d + j];
      S[i * d + j] = s;
    }
  }
  return invertSmall(S, d);
}

/**
 * GPTQ assignment of layer `l`'s kernel (`kernel`, IR layout) to the (k × d) `codebook` (normalised space)
 * with unit scales `scales` (null = 1, length 1 = per layer, else per unit; the stored values), using the
 * input statistics `stats` of the layer.
 */
export function gptqAssign(
  l: Pick<WeightLayer, 'kind' | 'kernel'>, kernel: Float32Array, stats: InputStats,
  codebook: Float32Array, k: number, d: number, scales: Float32Array | null, opts: GptqOptions = {},
): GptqResult {
  const layout = subvectorLayout(l.kind, l.kernel.shape, d);
  if (layout.fieldSize !== stats.field) throw new Error(`gptq: the layer's field has ${layout.fieldSize} values, its statistics ${stats.field}`);
  if (codebook.length !== k * d) throw new Error(`gptq: a (${k} x ${d}) codebook has ${k * d} values, got ${codebook.length}`);
  const sub = toSubvectors(kernel, layout);
  const chunks = layout.chunksPerUnit;
  const Fp = chunks * d;
  const damp = opts.damp ?? 0.01;
  const mult = l.kind === 'depthwiseConv2d' ? l.kernel.shape[3] : 1;
  const weight = opts.weight ?? 1;
  const acc = opts.accumulate;
  const factors = new Map<number, { f: GroupFactor; A: Float64Array[]; Ac: Float64Array[]; cAc: Float64Array[] }>();
  const factorOf = (g: number) => {
    let e = factors.get(g);
    if (!e) {
      const key = `${g}|${Fp}|${damp}`;
      let f = opts.factors?.get(key) as GroupFactor | undefined;
      if (!f) { f = groupFactor(stats, g, Fp, damp); opts.factors?.set(key, f); }
      const A: Float64Array[] = [];
      const Ac: Float64Array[] = [];
      const cAc: Float64Array[] = [];
      for (let c = 0; c < chunks; c++) {
        const a = chunkMetric(f, c, d, Fp);
        const ack = new Float64Array(k * d);
        const cac = new Float64Array(k);
        for (let q = 0; q < k; q++) {
          let s = 0;
          for (let i = 0; i < d; i++) {
            let v = 0;
            for (let j = 0; j < d; j++) v += a[i * d + j] * codebook[q * d + j];
            ack[q * d + i] = v;
            s += v * codebook[q * d + i];
          }
          cac[q] = s;
        }
        A.push(a); Ac.push(ack); cAc.push(cac);
      }
      e = { f, A, Ac, cAc };
      factors.set(g, e);
    }
    return e;
  };
  const assignments = new Uint16Array(layout.count);
  const out = new Float32Array(sub.length);
  const w = new Float64Array(Fp);
  const t = new Float64Array(d);
  const e = new Float64Array(d);
  for (let u = 0; u < layout.units; u++) {
    const g = stats.groups > 1 ? Math.floor(u / mult) : 0;
    const { f, A, Ac, cAc } = factorOf(g);
    const s = scales === null ? 1 : scales.length === 1 ? scales[0] : scales[u];
    const inv = s > 0 ? 1 / s : 0;
    for (let i = 0; i < Fp; i++) w[i] = sub[u * Fp + i];
    for (let c = 0; c < chunks; c++) {
      for (let i = 0; i < d; i++) t[i] = w[c * d + i] * inv;
      const ack = Ac[c];
      const cac = cAc[c];
      let best = 0;
      let bs = Infinity;
      for (let q = 0; q < k; q++) {
        let v = cac[q];
        const o = q * d;
        for (let j = 0; j < d; j++) v -= 2 * t[j] * ack[o + j];
        if (v < bs) { bs = v; best = q; }
      }
      assignments[u * chunks + c] = best;
      if (acc) {
        const a = A[c];
        const ww = weight * s * s;
        const mo = best * d * d;
        for (let i = 0; i < d; i++) {
          let tv = 0;
          for (let j = 0; j < d; j++) { acc.M[mo + i * d + j] += ww * a[i * d + j]; tv += a[i * d + j] * t[j]; }
          acc.v[best * d + i] += ww * tv;
        }
      }
      const o = u * Fp + c * d;
      for (let i = 0; i < d; i++) out[o + i] = s * codebook[best * d + i];
      if (!f.U) continue;
      const U = f.U;
      // e = U_SS⁻ᵀ δ (U_SSᵀ is lower triangular): forward substitution
      for (let i = 0; i < d; i++) {
        let v = w[c * d + i] - out[o + i];
        for (let q = 0; q < i; q++) v -= U[(c * d + q) * Fp + c * d + i] * e[q];
        e[i] = v / U[(c * d + i) * Fp + c * d + i];
      }
      for (let i = 0; i < d; i++) {
        const ei = e[i];
        if (ei === 0) continue;
        const row = (c * d + i) * Fp;
        for (let x = (c + 1) * d; x < Fp; x++) w[x] -= U[row + x] * ei;
      }
    }
  }
  return { layout, assignments, decoded: fromSubvectors(out, layout) };
}
