/**
 * Bytes of a plan before anything is learned: the pipeline's own routing and byte accounting
 * (plan/routing.ts, result/accounting.ts, result/result.ts) applied to encodings of the right sizes, so the
 * estimate and the figure a run reports are one definition. It is exact for the formats the plan routes to
 * (its grouping rule, keep rule and overrides); a plan with an allocation (`plan.formats`) or codebook
 * pruning lets the run choose other formats per layer (and the figure moves with them): for those the
 * estimate is the routed plan's bytes, not the run's.
 *
 * Cheap (milliseconds for the built-in models): the UI calls it on every change of d, K, grouping or a
 * layer's format. It needs each model's shape only (`modelShape`: kernels emptied, shapes kept).
 */
import type { Layer, ModelIR, WeightLayer } from '../../models/ir';
import { isWeightLayer } from '../../models/ir';
import { float32Bytes as irFloat32Bytes } from '../../models/stats';
import { subvectorLayout, toSubvectors } from '../../pq/layout';
import { bitsFor, packedLength } from '../../pq/pack';
import { accountedLayers, codebookK, layerBaseBytes, layerBytes, layerFloat32Bytes } from '../result/accounting';
import { int8Codebooks } from '../plan/needs';
import { outputUnits } from '../encode/int8';
import { AUTO_SPREAD, unitSpread } from '../encode/normalize';
import { completePlan, validatePlan } from '../plan/presets';
import { modelBytes as modelOnlyBytes, ownCodebookBytes, totals } from '../result/result';
import { layerKey, resolveGroups, routeLayers } from '../plan/routing';
import type { LayerEncoding, LayerFormat, Normalization, Plan, ScaleCoding, Totals } from '../types';

/** What the estimate needs of a model: its IR with kernels emptied (shapes kept), its float32 bytes, its units' spread. */
export interface ModelShape {
  /** The model IR; weight kernels may be emptied (`data.length === 0`), biases and batch norm kept. */
  ir: ModelIR;
  /** All parameters as float32, of the full model (the reference of every ratio). */
  float32Bytes: number;
  /** Per weight layer: 90th / 10th percentile of its units' RMS (normalize.ts unitSpread), for `auto` normalization. */
  unitSpread: Record<string, number>;
}

/** The shape of a full model (weights present): kernels emptied, the spread measured once. */
export function modelShape(ir: ModelIR): ModelShape {
  const spread: Record<string, number> = {};
  const layers = ir.layers.map((l): Layer => {
    if (!isWeightLayer(l)) return l;
    spread[l.name] = unitSpread(toSubvectors(l.kernel.data, subvectorLayout(l.kind, l.kernel.shape, 1)), subvectorLayout(l.kind, l.kernel.shape, 1));
    return { ...l, kernel: { shape: l.kernel.shape.slice(), data: new Float32Array(0) } } as Layer;
  });
  return { ir: { ...ir, layers }, float32Bytes: irFloat32Bytes(ir), unitSpread: spread };
}

/** One weight layer under a plan. */
export interface LayerEstimate {
  model: string;
  layer: string;
  kind: WeightLayer['kind'];
  /** Kernel weights. */
  params: number;
  format: LayerFormat;
  /** Codebook group (PQ), else null. */
  group: string | null;
  /** Subvector length and codewords (PQ), else null. */
  d: number | null;
  k: number | null;
  /** The layer's bytes in the image (encoding, scales, bias, descriptor), as the run reports them. */
  bytes: number;
  float32Bytes: number;
  /** 8 x bytes / params: everything the layer stores, per kernel weight (shared codebooks not included). */
  bitsPerWeight: number;
}

/** One model under a plan. */
export interface ModelEstimate {
  name: string;
  float32Bytes: number;
  /** As the run's `compressedBytes`: its layers and descriptors plus the codebooks used by it alone. */
  bytes: number;
  /** Its base size: the raw bytes of its parameter arrays (report/sizes.ts), the same in every view. */
  baseBytes: number;
  ratio: number;
  /** Kernel weights of all its weight layers. */
  params: number;
  /** 8 x bytes / params. */
  bitsPerWeight: number;
  layers: LayerEstimate[];
}

/** A plan's bytes: per layer, per model, the codebooks in use and the totals (as CompressionResult.totals). */
export interface PlanEstimate {
  models: ModelEstimate[];
  codebooks: { name: string; d: number; k: number; layers: string[] }[];
  totals: Totals;
  /** 8 x total bytes / all kernel weights. */
  bitsPerWeight: number;
}

function scaleCount(norm: Normalization, units: number, spread: number): number {
  switch (norm) {
    case 'none': return 0;
    case 'layer': return 1;
    case 'channel': return units;
    case 'auto': return spread > AUTO_SPREAD ? units : 1;
  }
}

/** An encoding of the size the pipeline would write (contents zero: only sizes are read). */
function sizedEncoding(layer: WeightLayer, format: LayerFormat, group: { name: string; d: number; k: number } | null, norm: Normalization, coding: ScaleCoding, spread: number): LayerEncoding {
  const { kind, kernel: { shape } } = layer;
  if (format === 'float32') return { format };
  if (format === 'int8') {
    const n = shape.reduce((a, c) => a * c, 1);
    return { format, q: new Int8Array(n), scales: new Float32Array(outputUnits(kind, shape)) };
  }
  if (!group) throw new Error(`estimate: PQ layer '${layer.name}' has no codebook group`);
  const layout = subvectorLayout(kind, shape, group.d);
  const bits = bitsFor(group.k);
  const s = scaleCount(norm, layout.units, spread);
  const scales = s ? new Float32Array(s) : null;
  // encode/encode.ts prepareKernel: log8 codes for per-unit scales (more than one), float16 otherwise
  const codes = coding === 'log8' && s > 1 ? { scaleCodes: { base: 1, q: new Uint8Array(s) } } : {};
  return { format, group: group.name, layout, bits, indices: new Uint8Array(packedLength(layout.count, bits)), scales, ...codes };
}

/** The bytes of `planIn` on these models, per layer, per model and in total. */
export function estimatePlan(planIn: Plan, shapes: ModelShape[]): PlanEstimate {
  const plan = validatePlan(completePlan(planIn));
  const act = plan.activations;
  const irs = shapes.map((s) => s.ir);
  const routes = routeLayers(plan, irs);
  const specs = new Map(resolveGroups(plan, routes).map((g) => [g.name, g]));
  const layerOf = new Map(irs.flatMap((m) => m.layers.filter(isWeightLayer).map((l) => [layerKey(m.name, l.name), l] as const)));
  const used = [...new Set(routes.map((r) => r.group).filter((g): g is string => g !== null))].map((name) => {
    const g = specs.get(name)!;
    // The codebook is learned over every layer of its spec.
    const subvectors = g.layers.reduce((a, key) => { const l = layerOf.get(key)!; return a + subvectorLayout(l.kind, l.kernel.shape, g.d).count; }, 0);
    return { name, d: g.d, k: codebookK(g.k, subvectors), layers: routes.filter((r) => r.group === name).map((r) => layerKey(r.model, r.layer)) };
  });
  // int8 codebooks (one float32 scale each) for int8 activations and data-aware fits (codebooks/jobs.ts)
  const sized = used.map((g) => (int8Codebooks(plan) ? { ...g, scale: 1 } : g));
  const byName = new Map(used.map((g) => [g.name, g]));
  const models = shapes.map((sh) => {
    const encodings: Record<string, LayerEncoding> = {};
    const layers: LayerEstimate[] = [];
    for (const l of sh.ir.layers) {
      if (!isWeightLayer(l)) continue;
      const r = routes.find((x) => x.model === sh.ir.name && x.layer === l.name)!;
      const g = r.group === null ? null : byName.get(r.group)!;
      const enc = sizedEncoding(l, r.format, g, plan.normalization, plan.scaleCoding, sh.unitSpread[l.name] ?? 1);
      encodings[l.name] = enc;
      const bytes = layerBytes(l, enc, act);
      layers.push({
        model: r.model, layer: l.name, kind: l.kind, params: r.params, format: r.format, group: r.group, d: g?.d ?? null, k: g?.k ?? null,
        bytes, float32Bytes: layerFloat32Bytes(l), bitsPerWeight: r.params > 0 ? (8 * bytes) / r.params : 0,
      });
    }
    const own = ownCodebookBytes(sh.ir.name, sized);
    const bytes = modelOnlyBytes(sh.ir, encodings, act) + own;
    const params = layers.reduce((a, l) => a + l.params, 0);
    const baseBytes = accountedLayers(sh.ir, act).reduce((a, l) => a + layerBaseBytes(l, encodings[l.name], act), 0);
    return { name: sh.ir.name, float32Bytes: sh.float32Bytes, bytes, baseBytes, ratio: sh.float32Bytes / bytes, params, bitsPerWeight: params ? (8 * bytes) / params : 0, layers, encodings };
  });
  const t = totals(models.map((m) => ({ ir: shapes.find((s) => s.ir.name === m.name)!.ir, encodings: m.encodings, float32Bytes: m.float32Bytes })), sized, act);
  const allParams = models.reduce((a, m) => a + m.params, 0);
  return {
    models: models.map(({ encodings: _e, ...m }) => m),
    codebooks: used,
    totals: t,
    bitsPerWeight: allParams ? (8 * t.compressedBytes) / allParams : 0,
  };
}
