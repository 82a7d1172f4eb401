/**
 * The PQ-engine functions the pipeline uses, in one place.
 *
 * TEMPORARY: src/core/pq (issue 2) has not landed yet; these are minimal stand-ins with the documented
 * signatures and subvector order, to be replaced by re-exports from '../pq' as soon as it lands.
 */
import type { PQLayout } from './types';

/** Seeded PRNG (mulberry32), uniform in [0, 1). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Per output unit: receptive field input-channel-major then spatial, cut into chunks of d. */
export function subvectorLayout(kind: PQLayout['kind'], shape: number[], d: number): PQLayout {
  let units: number;
  let fieldSize: number;
  if (kind === 'dense') { units = shape[1]; fieldSize = shape[0]; }
  else if (kind === 'conv1d') { units = shape[2]; fieldSize = shape[0] * shape[1]; }
  else if (kind === 'conv2d') { units = shape[3]; fieldSize = shape[0] * shape[1] * shape[2]; }
  else { units = shape[2] * shape[3]; fieldSize = shape[0] * shape[1]; }
  const chunksPerUnit = Math.ceil(fieldSize / d);
  return { kind, shape: shape.slice(), d, units, fieldSize, chunksPerUnit, padding: chunksPerUnit * d - fieldSize, count: units * chunksPerUnit };
}

/** Flat kernel index of field position f of unit u. */
function kernelIndex(l: PQLayout, u: number, f: number): number {
  const s = l.shape;
  if (l.kind === 'dense') return f * s[1] + u;
  if (l.kind === 'conv1d') { const ci = Math.floor(f / s[0]); const k = f % s[0]; return (k * s[1] + ci) * s[2] + u; }
  if (l.kind === 'conv2d') {
    const sp = s[0] * s[1]; const ci = Math.floor(f / sp); const r = f % sp;
    return (r * s[2] + ci) * s[3] + u;
  }
  const ci = Math.floor(u / s[3]); const m = u % s[3];
  return (f * s[2] + ci) * s[3] + m;
}

/** (count x d) subvectors of a kernel. */
export function toSubvectors(kernel: Float32Array, l: PQLayout): Float32Array {
  const out = new Float32Array(l.count * l.d);
  const per = l.chunksPerUnit * l.d;
  for (let u = 0; u < l.units; u++) for (let f = 0; f < l.fieldSize; f++) out[u * per + f] = kernel[kernelIndex(l, u, f)];
  return out;
}

/** Inverse of toSubvectors (padding dropped). */
export function fromSubvectors(sub: Float32Array, l: PQLayout): Float32Array {
  const out = new Float32Array(l.units * l.fieldSize);
  const per = l.chunksPerUnit * l.d;
  for (let u = 0; u < l.units; u++) for (let f = 0; f < l.fieldSize; f++) out[kernelIndex(l, u, f)] = sub[u * per + f];
  return out;
}

/** Nearest codeword of every row. */
export function assign(x: Float32Array, n: number, d: number, codebook: Float32Array, k: number): { assignments: Uint32Array; inertia: number } {
  const a = new Uint32Array(n);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity; let bj = 0;
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) { const v = x[i * d + t] - codebook[j * d + t]; s += v * v; }
      if (s < best) { best = s; bj = j; }
    }
    a[i] = bj; inertia += best;
  }
  return { assignments: a, inertia };
}

export interface KMeansOpts { k: number; maxIter: number; tol: number; seed: number; init?: string; shouldCancel?: () => boolean | Promise<boolean> }

/** Seeded k-means++ then Lloyd. */
export async function kmeans(x: Float32Array, n: number, d: number, o: KMeansOpts): Promise<{ codebook: Float32Array; assignments: Uint32Array; inertia: number; iterations: number }> {
  const rnd = createRandom(o.seed);
  const k = o.k;
  const c = new Float32Array(k * d);
  const dist = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(rnd() * n);
  for (let j = 0; j < k; j++) {
    c.set(x.subarray(pick * d, pick * d + d), j * d);
    let total = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let t = 0; t < d; t++) { const v = x[i * d + t] - c[j * d + t]; s += v * v; }
      if (s < dist[i]) dist[i] = s;
      total += dist[i];
    }
    let r = rnd() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) { r -= dist[i]; if (r <= 0) { pick = i; break; } }
  }
  let prev = Infinity; let res = assign(x, n, d, c, k); let it = 0;
  for (; it < o.maxIter; it++) {
    if (o.shouldCancel && (await o.shouldCancel())) throw new Error('cancelled');
    const sums = new Float64Array(k * d); const cnt = new Uint32Array(k);
    for (let i = 0; i < n; i++) { const j = res.assignments[i]; cnt[j]++; for (let t = 0; t < d; t++) sums[j * d + t] += x[i * d + t]; }
    for (let j = 0; j < k; j++) if (cnt[j] > 0) for (let t = 0; t < d; t++) c[j * d + t] = sums[j * d + t] / cnt[j];
    res = assign(x, n, d, c, k);
    if (prev - res.inertia <= o.tol * prev) { it++; break; }
    prev = res.inertia;
  }
  return { codebook: c, assignments: res.assignments, inertia: res.inertia, iterations: it };
}

/** ceil(log2 k), at least 1. */
export function bitsFor(k: number): number {
  return Math.max(1, Math.ceil(Math.log2(k)));
}

/** Packs indices LSB-first at `bits` bits each. */
export function packIndices(idx: ArrayLike<number>, bits: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((idx.length * bits) / 8));
  let pos = 0;
  for (let i = 0; i < idx.length; i++) for (let b = 0; b < bits; b++, pos++) if ((idx[i] >>> b) & 1) out[pos >> 3] |= 1 << (pos & 7);
  return out;
}

/** Inverse of packIndices. */
export function unpackIndices(bytes: Uint8Array, bits: number, n: number): Uint32Array {
  const out = new Uint32Array(n);
  let pos = 0;
  for (let i = 0; i < n; i++) for (let b = 0; b < bits; b++, pos++) if ((bytes[pos >> 3] >> (pos & 7)) & 1) out[i] |= 1 << b;
  return out;
}

/** (count x d) rows of the codebook. */
export function reconstruct(a: ArrayLike<number>, codebook: Float32Array, d: number, count: number): Float32Array {
  const out = new Float32Array(count * d);
  for (let i = 0; i < count; i++) out.set(codebook.subarray(a[i] * d, a[i] * d + d), i * d);
  return out;
}

/** Signal-to-quantization-noise ratio in dB. */
export function sqnrDb(ref: Float32Array, q: Float32Array): number {
  let s = 0; let e = 0;
  for (let i = 0; i < ref.length; i++) { s += ref[i] * ref[i]; const v = ref[i] - q[i]; e += v * v; }
  return e === 0 ? Infinity : 10 * Math.log10(s / e);
}
