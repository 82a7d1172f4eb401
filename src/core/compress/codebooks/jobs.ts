/**
 * The codebooks of a plan as independent jobs, one per codebook: the plain ones (k-means over the union of
 * a group's normalised subvectors) and the data-aware ones (codebooks/dataAware.ts), with what each needs
 * gathered from the models and their prepared statistics. Plain data in, a CodebookGroup out.
 */
import { isWeightLayer } from '../../models/ir';
import type { ModelIR, WeightLayer } from '../../models/ir';
import type { PreparedModel } from '../calibrate/prepare';
import { prepareKernel } from '../encode/encode';
import type { FormatSpec } from '../plan/formats';
import { formatApplies, parseFormat } from '../plan/formats';
import type { GroupSpec, LayerRoute } from '../plan/routing';
import { layerKey } from '../plan/routing';
import type { CodebookGroup, Plan } from '../types';
import type { CodebookLayer, DataAwareOptions } from './dataAware';
import { learnDataAwareCodebook } from './dataAware';
import { storedCodebook } from '../evaluate/activations';
import { deriveSeed, learnCodebooks } from './plain';
import { int8Codebooks } from '../plan/needs';

/** One codebook to learn. Plain data. */
export type CodebookJob =
  | { kind: 'plain'; group: GroupSpec; blocks: Float32Array[]; plan: Plan; int8: boolean }
  | { kind: 'data-aware'; format: FormatSpec; layers: CodebookLayer[]; opts: DataAwareOptions };

/** Learns one codebook (a job of the codebooks stage). */
export async function learnCodebook(job: CodebookJob): Promise<CodebookGroup> {
  if (job.kind === 'data-aware') return learnDataAwareCodebook(job.format, job.layers, job.opts);
  const { plan, group } = job;
  // rounded as stored: int8 with one scale, or float16
  const [cb] = await learnCodebooks([group], new Map([[group.name, job.blocks]]), {
    kmeans: plan.kmeans, maxSamples: plan.kmeansMaxSamples, seed: plan.seed, activations: job.int8 ? 'int8' : 'float32',
  });
  return cb;
}

export { int8Codebooks };

/** The data-aware options of a plan. */
export function dataAwareOptions(plan: Plan): DataAwareOptions {
  return {
    seed: plan.seed, normalization: plan.normalization, scaleCoding: plan.scaleCoding, maxIter: 8, initIter: 20,
    maxSamples: 16384, gptvqRounds: 1, damp: 0.01, int8: int8Codebooks(plan),
  };
}

/** Whether layer `l` of `model` may be stored in a codebook under the plan's allocation (not kept, not overridden off PQ). */
export function allocatable(plan: Plan, model: string, l: WeightLayer): boolean {
  const o = plan.overrides[layerKey(model, l.name)];
  if (o === 'int8' || o === 'float32') return false;
  if (o?.startsWith('pq')) return true;
  return l.kernel.data.length >= plan.keep.minParams;
}

/**
 * The layers each data-aware codebook learns from: with an allocation, every layer that may take the format
 * (of every model in `models`); without, the layers routing sends to the group.
 */
export function codebookLayers(plan: Plan, models: ModelIR[], prepared: PreparedModel[], spec: FormatSpec, routes: LayerRoute[] | null): CodebookLayer[] {
  const out: CodebookLayer[] = [];
  models.forEach((m, mi) => {
    for (const l of m.layers) {
      if (!isWeightLayer(l)) continue;
      const ok = routes
        ? routes.some((r) => r.model === m.name && r.layer === l.name && r.group === spec.name)
        : allocatable(plan, m.name, l) && formatApplies(spec, l);
      if (!ok) continue;
      const stats = prepared[mi].stats[l.name];
      if (!stats) throw new Error(`model '${m.name}' layer '${l.name}' has no input statistics`);
      out.push({ key: layerKey(m.name, l.name), kind: l.kind, shape: l.kernel.shape.slice(), kernel: l.kernel.data, stats });
    }
  });
  return out;
}

/**
 * The codebook jobs of a plan over `models` (those codebooks are learned from; e.g. all but one for
 * leave-one-out): one per format with an allocation, else one per routed group.
 */
export function codebookJobs(plan: Plan, models: ModelIR[], prepared: PreparedModel[], groups: GroupSpec[], routes: LayerRoute[]): CodebookJob[] {
  if (plan.formats.length > 0) {
    return plan.formats.map(parseFormat).map((f) => ({ kind: 'data-aware' as const, format: f, layers: codebookLayers(plan, models, prepared, f, null), opts: dataAwareOptions(plan) }))
      .filter((j) => j.layers.length > 0);
  }
  if (plan.codebookFit === 'data-aware') {
    return groups.map((g) => {
      const r = routes.find((x) => x.group === g.name)!;
      const f: FormatSpec = { name: g.name, family: r.kernelClass, d: g.d, k: g.k };
      return { kind: 'data-aware' as const, format: f, layers: codebookLayers(plan, models, prepared, f, routes), opts: dataAwareOptions(plan) };
    });
  }
  return groups.map((g) => ({
    kind: 'plain' as const, group: g, plan, int8: int8Codebooks(plan),
    blocks: g.layers.map((key) => {
      const r = routes.find((x) => layerKey(x.model, x.layer) === key)!;
      const l = models.find((m) => m.name === r.model)!.layers.find((x) => x.name === r.layer) as WeightLayer;
      return prepareKernel(l.kind, l.kernel.shape, l.kernel.data, g.d, plan.normalization, plan.scaleCoding).sub;
    }),
  }));
}

/** Checks fixed codebooks (e.g. learned without a model, for leave-one-out) and rounds them as stored. */
export function checkFixedCodebooks(needed: { name: string; d: number }[], fixed: CodebookGroup[]): CodebookGroup[] {
  return needed.map((g) => {
    const c = fixed.find((x) => x.name === g.name);
    if (!c) throw new Error(`fixed codebooks have no group '${g.name}'; give one per codebook the plan uses (${needed.map((x) => x.name).join(', ')})`);
    if (c.d !== g.d) throw new Error(`fixed codebook '${g.name}' has d = ${c.d}, the plan needs d = ${g.d}`);
    const { scale: _old, ...rest } = c;
    // int8 codebooks (a scale) are used exactly as given, scale and all (checked); float16 ones rounded as stored
    return { ...rest, ...storedCodebook(c.codebook, c.name, c.scale === undefined ? 'float32' : 'int8', c.scale), layers: c.layers.slice() };
  });
}

export { deriveSeed };
