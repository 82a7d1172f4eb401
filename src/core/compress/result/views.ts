/**
 * The Codebook step's views of a compression result: how often each codeword is used by each model,
 * and a 2-D PCA picture of each group's subvectors (a seeded sample, normalized as they were clustered)
 * with its codewords (on the project's one PCA, core/learn/pca.ts). Computed in a worker, next to the float models. Pure.
 */
import type { CompressionResult } from '../types';
import type { ModelIR, WeightLayer } from '../../models/ir';
import { isWeightLayer } from '../../models/ir';
import { prepareKernel } from '../encode/encode';
import { unpackIndices } from '../../pq/pack';
import { createRng, sampleIndices } from '../../util/random';
import { pca2, project } from '../../learn/pca';

/** How often each codeword of a group is used, per model. */
export interface CodewordUsage {
  group: string;
  k: number;
  models: { model: string; /** (k) subvectors assigned to each codeword */ counts: Int32Array }[];
}

/** A 2-D PCA projection of a group's subvectors (a sample) and its codewords. */
export interface CodebookProjection {
  group: string;
  d: number;
  k: number;
  /** Model names; `pointModel` indexes them. */
  models: string[];
  /** (n x 2) projected subvectors (normalized as they were clustered). */
  points: Float32Array;
  /** (n) index into `models` of each point. */
  pointModel: Uint8Array;
  /** (k x 2) projected codewords. */
  codewords: Float32Array;
  /** Share of the subvectors' variance on each of the two axes, [0, 1]. */
  explained: [number, number];
  /** Subvectors in the group (the points are a seeded sample of them). */
  total: number;
}

/** The codebook views of a run. */
export interface CodebookViews {
  usage: CodewordUsage[];
  projections: CodebookProjection[];
}

/** Codeword use counts per group and model, from the packed indices of every PQ layer. */
export function codewordUsage(result: CompressionResult): CodewordUsage[] {
  return result.codebooks.map((g) => ({
    group: g.name,
    k: g.k,
    models: result.models.flatMap((m) => {
      const counts = new Int32Array(g.k);
      let any = false;
      for (const enc of Object.values(m.encodings)) {
        if (enc.format !== 'pq' || enc.group !== g.name) continue;
        any = true;
        const idx = unpackIndices(enc.indices, enc.bits, enc.layout.count);
        for (let i = 0; i < idx.length; i++) counts[idx[i]]++;
      }
      return any ? [{ model: m.name, counts }] : [];
    }),
  }));
}

/**
 * Per group, at most `maxPoints` subvectors of the float layers it encodes (sampled with `seed`) and its
 * codewords, projected on the subvectors' two principal axes.
 */
export function codebookProjections(result: CompressionResult, floats: ModelIR[], maxPoints = 1500, seed = 1): CodebookProjection[] {
  return result.codebooks.map((g) => {
    const models: string[] = [];
    const blocks: { sub: Float32Array; count: number; model: number }[] = [];
    for (const m of result.models) {
      const ir = floats.find((f) => f.name === m.name);
      if (!ir) continue;
      for (const [layer, enc] of Object.entries(m.encodings)) {
        if (enc.format !== 'pq' || enc.group !== g.name) continue;
        const l = ir.layers.find((x): x is WeightLayer => x.name === layer && isWeightLayer(x));
        if (!l) continue;
        if (!models.includes(m.name)) models.push(m.name);
        const p = prepareKernel(l.kind, l.kernel.shape, l.kernel.data, g.d, result.plan.normalization);
        blocks.push({ sub: p.sub, count: p.layout.count, model: models.indexOf(m.name) });
      }
    }
    const total = blocks.reduce((a, b) => a + b.count, 0);
    const n = Math.min(total, maxPoints);
    const pick = sampleIndices(total, n, createRng(seed)).sort();
    const x = new Float32Array(n * g.d); // (n x d)
    const pointModel = new Uint8Array(n);
    let b = 0, start = 0;
    for (let i = 0; i < n; i++) {
      while (pick[i] >= start + blocks[b].count) { start += blocks[b].count; b++; }
      const r = pick[i] - start;
      x.set(blocks[b].sub.subarray(r * g.d, (r + 1) * g.d), i * g.d);
      pointModel[i] = blocks[b].model;
    }
    const p = pca2(x, n, g.d);
    return {
      group: g.name, d: g.d, k: g.k, models, total, pointModel, explained: p.explained,
      points: Float32Array.from(project(p, x, n)), codewords: Float32Array.from(project(p, g.codebook, g.k)),
    };
  });
}

/** Both views; `floats` are the models' float IRs (as compressed). */
export function codebookViews(result: CompressionResult, floats: ModelIR[]): CodebookViews {
  return { usage: codewordUsage(result), projections: codebookProjections(result, floats, 1500, result.plan.seed) };
}
