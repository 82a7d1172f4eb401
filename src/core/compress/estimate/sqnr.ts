/**
 * A quick per-layer SQNR for a plan, before a full run: plain k-means codebooks (codebooks/plain.ts) on a
 * small seeded subsample of each group's normalized subvectors with few iterations, then every layer
 * encoded as the pipeline encodes it (encode/layer.ts: the plan's normalization and scale coding, nearest
 * codeword) and its SQNR measured. No data, no evaluation: seconds at most, meant for a worker while the
 * user tunes d, K and formats. The figures are estimates of the formats the plan routes to: a full run
 * learns on more subvectors, a data-aware fit assigns with GPTQ, and an allocation (`plan.formats`) may
 * choose other formats per layer.
 */
import type { ModelIR } from '../../models/ir';
import { isWeightLayer } from '../../models/ir';
import { sqnrDb } from '../../pq/metrics';
import type { CancelCheck } from '../../util/progress';
import { learnCodebooks } from '../codebooks/plain';
import { int8Codebooks } from '../plan/needs';
import { prepareKernel } from '../encode/encode';
import { encodeLayer } from '../encode/layer';
import { completePlan, validatePlan } from '../plan/presets';
import { layerKey, resolveGroups, routeLayers } from '../plan/routing';
import type { Plan } from '../types';

/** The SQNR (dB) of one layer's stored kernel against its float kernel under a plan; null when float32. */
export interface LayerSqnrEstimate { model: string; layer: string; sqnrDb: number | null }

/** Settings of the quick estimate: subvectors per group and k-means iterations. */
export interface QuickSqnrOptions { maxSamples?: number; maxIter?: number; shouldCancel?: CancelCheck }

/** Per-layer SQNR of `planIn` on `models` from codebooks learned on a subsample (see the file's note). */
export async function estimateLayerSqnr(models: ModelIR[], planIn: Plan, o: QuickSqnrOptions = {}): Promise<LayerSqnrEstimate[]> {
  const plan = validatePlan(completePlan(planIn));
  const routes = routeLayers(plan, models);
  const groups = resolveGroups(plan, routes);
  const spec = { normalization: plan.normalization, scaleCoding: plan.scaleCoding, stats: null };
  const layers = new Map(models.flatMap((m) => m.layers.filter(isWeightLayer).map((l) => [layerKey(m.name, l.name), l] as const)));
  const blocks = new Map(groups.map((g) => [g.name, g.layers.map((key) => {
    const l = layers.get(key)!;
    return prepareKernel(l.kind, l.kernel.shape, l.kernel.data, g.d, plan.normalization, plan.scaleCoding).sub;
  })]));
  const codebooks = await learnCodebooks(groups, blocks, {
    kmeans: { ...plan.kmeans, maxIter: Math.min(plan.kmeans.maxIter, o.maxIter ?? 6), init: 'kmeans++' },
    activations: int8Codebooks(plan) ? 'int8' : 'float32',
    maxSamples: o.maxSamples ?? 4096, seed: plan.seed, shouldCancel: o.shouldCancel,
  });
  const byName = new Map(codebooks.map((c) => [c.name, c]));
  const out: LayerSqnrEstimate[] = [];
  for (const r of routes) {
    if (r.format === 'float32') { out.push({ model: r.model, layer: r.layer, sqnrDb: null }); continue; }
    const l = layers.get(layerKey(r.model, r.layer))!;
    const { decoded } = encodeLayer(l, l.kernel.data, r.format === 'int8' ? 'int8' : byName.get(r.group!)!, spec);
    const q = sqnrDb(l.kernel.data, decoded);
    out.push({ model: r.model, layer: r.layer, sqnrDb: Number.isFinite(q) ? Math.round(q * 100) / 100 : 999 });
  }
  return out;
}
