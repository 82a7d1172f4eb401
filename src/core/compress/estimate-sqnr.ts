/**
 * A quick per-layer SQNR for a plan, before a full run: the pipeline's own codebook learning
 * (`learnPlanCodebooks`) on a small seeded subsample of each group's subvectors with few k-means
 * iterations, then every layer encoded as the pipeline encodes it (`encodeAs`) and its SQNR measured.
 * No data, no evaluation: seconds at most, meant for a worker while the user tunes d, K and formats.
 * The figures are estimates: a full run learns on more subvectors and may change formats (auto-plan).
 */
import type { ModelIR } from '../models/ir';
import { isWeightLayer } from '../models/ir';
import { sqnrDb } from '../pq/metrics';
import type { CancelCheck } from '../util/progress';
import { learnPlanCodebooks } from './pipeline';
import { completePlan, validatePlan } from './presets';
import { routeLayers } from './routing';
import { encodeAs } from './state';
import type { Plan } from './types';

/** The SQNR (dB) of one layer's stored kernel against its float kernel under a plan; null when float32. */
export interface LayerSqnrEstimate { model: string; layer: string; sqnrDb: number | null }

/** Settings of the quick estimate: subvectors per group and k-means iterations. */
export interface QuickSqnrOptions { maxSamples?: number; maxIter?: number; shouldCancel?: CancelCheck }

/** Per-layer SQNR of `planIn` on `models` from codebooks learned on a subsample (see the file's note). */
export async function estimateLayerSqnr(models: ModelIR[], planIn: Plan, o: QuickSqnrOptions = {}): Promise<LayerSqnrEstimate[]> {
  const full = validatePlan(completePlan(planIn));
  const plan: Plan = { ...full, kmeansMaxSamples: o.maxSamples ?? 4096, kmeans: { ...full.kmeans, maxIter: Math.min(full.kmeans.maxIter, o.maxIter ?? 6), init: 'kmeans++' } };
  const routes = routeLayers(plan, models);
  const codebooks = routes.some((r) => r.group !== null) ? await learnPlanCodebooks(models, plan, { shouldCancel: o.shouldCancel }) : [];
  const out: LayerSqnrEstimate[] = [];
  for (const m of models) {
    for (const l of m.layers) {
      if (!isWeightLayer(l)) continue;
      const r = routes.find((x) => x.model === m.name && x.layer === l.name)!;
      if (r.format === 'float32') { out.push({ model: m.name, layer: l.name, sqnrDb: null }); continue; }
      const { decoded } = encodeAs(r.format, l, l.kernel.data, r.group, codebooks, plan.normalization);
      const q = sqnrDb(l.kernel.data, decoded);
      out.push({ model: m.name, layer: l.name, sqnrDb: Number.isFinite(q) ? Math.round(q * 100) / 100 : 999 });
    }
  }
  return out;
}
