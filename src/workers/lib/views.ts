/**
 * The Codebook step's views of a compression result: how often each codeword is used by each model,
 * and a 2-D PCA picture of each group's subvectors (a seeded sample, normalized as they were clustered)
 * with its codewords. Computed in the worker, next to the float models. Pure.
 */
import type { CompressionResult } from '../../core/compress/types';
import type { ModelIR, WeightLayer } from '../../core/models/ir';
import { isWeightLayer } from '../../core/models/ir';
import { prepareKernel } from '../../core/compress/encode';
import { unpackIndices } from '../../core/pq/pack';
import { createRng, sampleIndices } from '../../core/util/random';
import type { CodebookProjection, CodebookViews, CodewordUsage } from '../types';
import { pca2, project } from './pca';

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
      points: project(p, x, n, g.d), codewords: project(p, g.codebook, g.k, g.d),
    };
  });
}

/** Both views; `floats` are the models' float IRs (as compressed). */
export function codebookViews(result: CompressionResult, floats: ModelIR[]): CodebookViews {
  return { usage: codewordUsage(result), projections: codebookProjections(result, floats, 1500, result.plan.seed) };
}
