import type { ModelIR, WeightLayer } from '../../models/ir';
import { isWeightLayer } from '../../models/ir';
import type { GroupConfig, KernelClass, LayerFormat, Plan } from '../types';

/** Where one weight layer goes under a plan. */
export interface LayerRoute {
  model: string;
  layer: string;
  kind: WeightLayer['kind'];
  /** Kernel weights. */
  params: number;
  kernelClass: KernelClass;
  format: LayerFormat;
  /** Codebook group for `pq`, else null. */
  group: string | null;
}

/** A resolved codebook group: its name, d, k and the layers routed to it (`<model>/<layer>`). */
export interface GroupSpec extends GroupConfig {
  name: string;
  layers: string[];
}

/** `spatial` for kernels with a spatial extent (3x3 conv, depthwise, conv1d k > 1), else `pointwise`. */
export function kernelClass(layer: WeightLayer): KernelClass {
  const s = layer.kernel.shape;
  switch (layer.kind) {
    case 'dense': return 'pointwise';
    case 'depthwiseConv2d': return 'spatial';
    case 'conv1d': return s[0] > 1 ? 'spatial' : 'pointwise';
    case 'conv2d': return s[0] * s[1] > 1 ? 'spatial' : 'pointwise';
  }
}

/** The key of a layer in plan overrides and group layer lists. */
export const layerKey = (model: string, layer: string): string => `${model}/${layer}`;

function groupName(plan: Plan, model: string, layer: string, cls: KernelClass): string {
  switch (plan.grouping) {
    case 'paper': return cls;
    case 'single': return 'shared';
    case 'per-model': return `${model}/${cls}`;
    case 'per-layer': return layerKey(model, layer);
  }
}

/** d and k of a group: by its name, else by its kernel class, else the plan's default. */
export function groupConfig(plan: Plan, name: string, cls: KernelClass): GroupConfig {
  const c = plan.groups[name] ?? plan.groups[cls] ?? plan.groups.default;
  if (!c) throw new Error(`Invalid plan: no d/k for group '${name}' and no groups.default`);
  return { d: c.d, k: c.k };
}

/** The format of a layer: manual override, else the keep rule (PQ plans only), else the plan default. */
export function layerFormat(plan: Plan, model: string, layer: string, params: number): LayerFormat {
  const o = plan.overrides[layerKey(model, layer)];
  if (o) return o.startsWith('pq') ? 'pq' : (o as LayerFormat);
  if (plan.defaultFormat === 'pq' && params < plan.keep.minParams) return plan.keep.format;
  return plan.defaultFormat;
}

/** Routes every weight layer of every model: its format and, for PQ, its group. Order: models, then layers. */
export function routeLayers(plan: Plan, models: ModelIR[]): LayerRoute[] {
  const names = new Set<string>();
  const out: LayerRoute[] = [];
  for (const m of models) {
    if (names.has(m.name)) throw new Error(`Two models are named '${m.name}': give each model a unique name`);
    names.add(m.name);
    for (const l of m.layers) {
      if (!isWeightLayer(l)) continue;
      // From the shape, so a model whose kernels were emptied (a result IR, an estimate's shape) routes the same.
      const params = l.kernel.shape.reduce((a, c) => a * c, 1);
      const cls = kernelClass(l);
      const format = layerFormat(plan, m.name, l.name, params);
      out.push({ model: m.name, layer: l.name, kind: l.kind, params, kernelClass: cls, format, group: format === 'pq' ? groupName(plan, m.name, l.name, cls) : null });
    }
  }
  return out;
}

/** The groups the routes use, in first-use order, with their d, k and layers. */
export function resolveGroups(plan: Plan, routes: LayerRoute[]): GroupSpec[] {
  const byName = new Map<string, GroupSpec>();
  for (const r of routes) {
    if (r.group === null) continue;
    let g = byName.get(r.group);
    if (!g) {
      g = { name: r.group, ...groupConfig(plan, r.group, r.kernelClass), layers: [] };
      byName.set(r.group, g);
    }
    g.layers.push(layerKey(r.model, r.layer));
  }
  return [...byName.values()];
}
