/**
 * Weighted (data-aware) k-means: codewords c_1..c_K minimising Σ_i w_i (x_i − c_a(i))ᵀ H_m(i) (x_i − c_a(i)),
 * where point i (a normalised subvector) carries a scalar weight w_i and one of a few d × d metrics H_m
 * (the second moments of the inputs its weights multiply). With each metric's transformed codewords
 * H_m c_k, the assignment costs K·d per point like plain k-means (argmin c_kᵀH_m c_k − 2 xᵀ H_m c_k); the
 * update solves (Σ w H) c_k = Σ w H x per codeword. Points are visited metric by metric, in a flat
 * typed-array loop.
 */
import { createRng } from '../../util/random';
import { solveSmall } from '../encode/linalg';

/** The points of a weighted k-means. Plain data. */
export interface WeightedPoints {
  d: number;
  /** n × d */
  x: Float32Array;
  /** Metric of each point (index into `metrics`), n. */
  metric: Int32Array;
  /** nm × d × d, each symmetric positive semi-definite. */
  metrics: Float64Array;
  /** Weight of each point, n (≥ 0). */
  weight: Float64Array;
}

/** Number of points. */
export const pointCount = (p: WeightedPoints): number => p.x.length / p.d;

/** Options of weightedKmeans. */
export interface WeightedKmeansOptions {
  k: number;
  /** Initial (k × d) codewords (e.g. plain k-means). */
  init: Float32Array;
  /** Lloyd iterations at most. */
  maxIter: number;
  /** Stop when the objective falls by less than this fraction in an iteration. */
  tol: number;
  /** Seed of the empty-cluster repair order (unused when none is empty). */
  seed?: number;
}

/** What weightedKmeans returns. */
export interface WeightedKmeansResult {
  codebook: Float32Array;
  assignments: Uint32Array;
  /** Objective after each assignment step. */
  objective: number[];
}

/** Points grouped by metric: the order of point indices and each metric's start in it. */
function byMetric(p: WeightedPoints, nm: number): { order: Uint32Array; start: Uint32Array } {
  const n = pointCount(p);
  const start = new Uint32Array(nm + 1);
  for (let i = 0; i < n; i++) start[p.metric[i] + 1]++;
  for (let m = 0; m < nm; m++) start[m + 1] += start[m];
  const fill = start.slice(0, nm);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[fill[p.metric[i]]++] = i;
  return { order, start };
}

/**
 * One assignment pass: the best codeword of every point, its error in the objective, and (when `sums` is
 * given) the update's normal equations M_k = Σ w H, v_k = Σ w H x. Returns the objective.
 */
export function weightedAssign(
  p: WeightedPoints, codebook: Float32Array, k: number, out: Uint32Array, err?: Float64Array,
  sums?: { M: Float64Array; v: Float64Array }, grouped = byMetric(p, p.metrics.length / (p.d * p.d)),
): number {
  const d = p.d;
  const dd = d * d;
  const nm = p.metrics.length / dd;
  const Hc = new Float64Array(k * d);
  const cHc = new Float64Array(k);
  const S = new Float64Array(k);
  const T = new Float64Array(k * d);
  let total = 0;
  for (let m = 0; m < nm; m++) {
    const a = grouped.start[m];
    const b = grouped.start[m + 1];
    if (a === b) continue;
    const H = p.metrics.subarray(m * dd, (m + 1) * dd);
    for (let q = 0; q < k; q++) {
      let s = 0;
      for (let i = 0; i < d; i++) {
        let v = 0;
        for (let j = 0; j < d; j++) v += H[i * d + j] * codebook[q * d + j];
        Hc[q * d + i] = v;
        s += v * codebook[q * d + i];
      }
      cHc[q] = s;
    }
    if (sums) { S.fill(0); T.fill(0); }
    for (let r = a; r < b; r++) {
      const i = grouped.order[r];
      const o = i * d;
      let best = 0;
      let bs = Infinity;
      for (let q = 0; q < k; q++) {
        let v = cHc[q];
        const h = q * d;
        for (let j = 0; j < d; j++) v -= 2 * p.x[o + j] * Hc[h + j];
        if (v < bs) { bs = v; best = q; }
      }
      out[i] = best;
      let xHx = 0;
      for (let i2 = 0; i2 < d; i2++) {
        let t = 0;
        for (let j = 0; j < d; j++) t += H[i2 * d + j] * p.x[o + j];
        xHx += t * p.x[o + i2];
      }
      const e = p.weight[i] * Math.max(0, xHx + bs);
      if (err) err[i] = e;
      total += e;
      if (sums) {
        const w = p.weight[i];
        S[best] += w;
        for (let j = 0; j < d; j++) T[best * d + j] += w * p.x[o + j];
      }
    }
    if (!sums) continue;
    for (let q = 0; q < k; q++) {
      if (S[q] === 0) continue;
      const mo = q * dd;
      for (let j = 0; j < dd; j++) sums.M[mo + j] += S[q] * H[j];
      for (let i = 0; i < d; i++) {
        let t = 0;
        for (let j = 0; j < d; j++) t += H[i * d + j] * T[q * d + j];
        sums.v[q * d + i] += t;
      }
    }
  }
  return total;
}

/**
 * The codewords that solve the normal equations M_k c = v_k (a small ridge added); a codeword without mass
 * (zero trace) or with a singular system keeps its value in `codebook`. Returns a new array and the
 * codewords without mass.
 */
export function solveCodewords(M: Float64Array, v: Float64Array, codebook: Float32Array, k: number, d: number): { codebook: Float32Array; empty: number[] } {
  const out = codebook.slice();
  const empty: number[] = [];
  const dd = d * d;
  for (let q = 0; q < k; q++) {
    const Mq = M.slice(q * dd, (q + 1) * dd);
    let tr = 0;
    for (let i = 0; i < d; i++) tr += Mq[i * d + i];
    if (!(tr > 0)) { empty.push(q); continue; }
    for (let i = 0; i < d; i++) Mq[i * d + i] += (1e-6 * tr) / d;
    const c = solveSmall(Mq, v.subarray(q * d, (q + 1) * d), d);
    if (c && c.every(Number.isFinite)) for (let i = 0; i < d; i++) out[q * d + i] = c[i];
  }
  return { codebook: out, empty };
}

/**
 * Lloyd iterations of the weighted objective from `opts.init`: assign, then solve each codeword; a codeword
 * left without points takes the point with the largest error not yet used for a repair. Stops after
 * `maxIter` updates or when the objective improves by less than `tol`; the returned assignments and last
 * objective are for the returned codebook. Deterministic.
 */
export function weightedKmeans(p: WeightedPoints, opts: WeightedKmeansOptions): WeightedKmeansResult {
  const { k, d } = { k: opts.k, d: p.d };
  const n = pointCount(p);
  if (opts.init.length !== k * d) throw new Error(`weighted k-means: the initial codebook has ${opts.init.length} values, (${k} x ${d}) needs ${k * d}`);
  if (n === 0) throw new Error('weighted k-means: no points');
  const grouped = byMetric(p, p.metrics.length / (d * d));
  let codebook: Float32Array = opts.init.slice();
  const assignments = new Uint32Array(n);
  const err = new Float64Array(n);
  const objective: number[] = [];
  const rng = createRng(opts.seed ?? 1);
  for (let it = 0; ; it++) {
    const sums = { M: new Float64Array(k * d * d), v: new Float64Array(k * d) };
    const obj = weightedAssign(p, codebook, k, assignments, err, sums, grouped);
    objective.push(obj);
    const prev = objective[objective.length - 2];
    if (it >= opts.maxIter || (prev !== undefined && prev - obj <= opts.tol * prev)) break;
    const solved = solveCodewords(sums.M, sums.v, codebook, k, d);
    codebook = solved.codebook;
    if (solved.empty.length) {
      // repair: the worst points (largest error), ties broken by a seeded order
      const order = Array.from({ length: n }, (_, i) => i);
      const key = order.map(() => rng());
      order.sort((a, b) => err[b] - err[a] || key[a] - key[b]);
      solved.empty.forEach((q, j) => { if (j < n) codebook.set(p.x.subarray(order[j] * d, order[j] * d + d), q * d); });
    }
  }
  return { codebook: Float32Array.from(codebook), assignments, objective };
}
