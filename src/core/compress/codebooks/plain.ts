import type { CancelCheck, ProgressFn } from '../../util/progress';
import { throwIfCancelled } from '../../util/progress';
import { createRng } from '../../util/random';
import { kmeans } from '../../pq/kmeans';
import type { GroupSpec } from '../plan/routing';
import type { Activations, CodebookGroup, KMeansConfig } from '../types';
import { storedCodebook } from '../evaluate/activations';
import { codebookK } from '../result/accounting';

/** A seed for one named part of a run, derived from the plan seed (FNV-1a of the name, mixed). */
export function deriveSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Stacks the (n_i x d) subvector blocks of a group's layers into one (n x d) matrix; when it has more
 * than `maxSamples` rows (> 0), keeps a seeded uniform sample of that many (the codebook is learned on
 * the sample; every subvector is still assigned afterwards).
 */
export function unionSubvectors(blocks: Float32Array[], d: number, maxSamples: number, seed: number): { x: Float32Array; n: number } {
  const total = blocks.reduce((a, b) => a + b.length / d, 0);
  const all = new Float32Array(total * d);
  let off = 0;
  for (const b of blocks) { all.set(b, off); off += b.length; }
  if (maxSamples <= 0 || total <= maxSamples) return { x: all, n: total };
  const rnd = createRng(seed);
  const idx = Uint32Array.from({ length: total }, (_, i) => i);
  for (let i = 0; i < maxSamples; i++) { // partial Fisher-Yates
    const j = i + Math.floor(rnd() * (total - i));
    const t = idx[i]; idx[i] = idx[j]; idx[j] = t;
  }
  const chosen = idx.subarray(0, maxSamples).sort();
  const x = new Float32Array(maxSamples * d);
  for (let i = 0; i < maxSamples; i++) x.set(all.subarray(chosen[i] * d, chosen[i] * d + d), i * d);
  return { x, n: maxSamples };
}

export { codebookK } from '../result/accounting';

export interface LearnOptions {
  kmeans: KMeansConfig;
  /** Codewords stored as int8 with one scale (int8 activations) or float16 (default). */
  activations?: Activations;
  maxSamples: number;
  seed: number;
  onProgress?: ProgressFn;
  shouldCancel?: CancelCheck;
}

/**
 * Learns one codebook per group by k-means over the union of the group's subvectors from all models.
 * `blocks` maps each group name to its layers' normalized (n_i x d) subvectors. A group with fewer
 * subvectors than k gets k = that count (its indices then take fewer bits). The codewords are rounded as
 * they are stored (storedCodebook: float16, or int8 with one scale for int8 activations), before any
 * assignment.
 */
export async function learnCodebooks(groups: GroupSpec[], blocks: Map<string, Float32Array[]>, opt: LearnOptions): Promise<CodebookGroup[]> {
  const out: CodebookGroup[] = [];
  for (let gi = 0; gi < groups.length; gi++) {
    await throwIfCancelled(opt.shouldCancel);
    const g = groups[gi];
    const seed = deriveSeed(opt.seed, g.name);
    const { x, n } = unionSubvectors(blocks.get(g.name) ?? [], g.d, opt.maxSamples, seed);
    if (n === 0) throw new Error(`codebook group '${g.name}' has no subvectors: route at least one layer to it`);
    const k = codebookK(g.k, n);
    opt.onProgress?.({ fraction: gi / groups.length, phase: 'kmeans', message: `group ${g.name}: ${n} subvectors, d = ${g.d}, K = ${k}` });
    const r = await kmeans(x, n, g.d, { k, maxIter: opt.kmeans.maxIter, tol: opt.kmeans.tol, seed, init: opt.kmeans.init, shouldCancel: opt.shouldCancel });
    // rounded as stored (bundle, C): every later step encodes against and decodes from the stored values
    out.push({ name: g.name, d: g.d, k, ...storedCodebook(r.codebook, g.name, opt.activations ?? 'float32'), layers: g.layers.slice() });
  }
  opt.onProgress?.({ fraction: 1, phase: 'kmeans', message: `${groups.length} codebook(s) learned` });
  return out;
}
