import type { ModelIR, WeightLayer } from '../models/ir';
import { isWeightLayer } from '../models/ir';
import type { GroupConfig, KernelClass, LayerFormat, Plan } from './types';

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

/** Name of the fine tier's codebook group. */
export const FINE_GROUP = 'fine';

/** Name of the medium tier's codebook group (between the kind codebooks and `fine`). */
export const MEDIUM_GROUP = 'medium';

/** True for the groups learned over every PQ layer (the auto-plan's upper rungs): `medium`, `fine`. */
export const isTierGroup = (g: string | null): boolean => g === FINE_GROUP || g === MEDIUM_GROUP;

/** The group a `pq-medium` / `pq-fine` override sends a layer to, else null. */
export const overrideGroup = (o: string | undefined): string | null => (o === 'pq-fine' ? FINE_GROUP : o === 'pq-medium' ? MEDIUM_GROUP : null);

/** Prefix of the coarse tier's groups: `coarse-spatial`, `coarse-pointwise`. */
export const COARSE_PREFIX = 'coarse-';

/** True for a coarse tier group name. */
export const isCoarseGroup = (g: string | null): boolean => g !== null && g.startsWith(COARSE_PREFIX);

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
  if (o) return overrideGroup(o) ? 'pq' : (o as LayerFormat);
  if (plan.defaultFormat === 'pq' && params < plan.keep.minParams) return plan.keep.format;
  return plan.defaultFormat;
}

/**
 * Routes every weight layer of every model: its format and, for PQ, its group. Order: models, then layers.
 * `available`, when given, names the groups that exist (fixed codebooks, e.g. learned without this model
 * for leave-one-out): a layer the coarse rule would send to a missing coarse group starts in its kind's
 * group instead.
 */
export function routeLayers(plan: Plan, models: ModelIR[], available?: ReadonlySet<string>): LayerRoute[] {
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
      const o = plan.overrides[layerKey(m.name, l.name)];
      const coarse = plan.grouping === 'paper' && plan.coarseMinParams > 0 && params >= plan.coarseMinParams && o === undefined
        && (!available || available.has(`${COARSE_PREFIX}${cls}`));
      out.push({
        model: m.name, layer: l.name, kind: l.kind, params, kernelClass: cls, format,
        group: format !== 'pq' ? null : overrideGroup(o) ?? (coarse ? `${COARSE_PREFIX}${cls}` : groupName(plan, m.name, l.name, cls)),
      });
    }
  }
  return out;
}

/**
 * The groups the routes use, in first-use order, with their d, k and layers; with `plan.fineTier`, also
 * the `fine` group (and the `medium` group when `plan.groups.medium` is given) over every PQ layer (the
 * auto-plan's destinations for sensitive layers). A layer in a coarse group is also learned into its
 * kind's group, where the auto-plan may move it.
 */
export function resolveGroups(plan: Plan, routes: LayerRoute[]): GroupSpec[] {
  const byName = new Map<string, GroupSpec>();
  const add = (name: string, r: LayerRoute) => {
    let g = byName.get(name);
    if (!g) {
      g = { name, ...groupConfig(plan, name, r.kernelClass), layers: [] };
      byName.set(name, g);
    }
    g.layers.push(layerKey(r.model, r.layer));
  };
  for (const r of routes) {
    if (r.group === null || isTierGroup(r.group)) continue;
    add(r.group, r);
    if (isCoarseGroup(r.group)) add(r.kernelClass, r);
  }
  const pq = routes.filter((r) => r.group !== null);
  const tier = (name: string, on: boolean) => {
    if (pq.length === 0 || !(on || pq.some((r) => r.group === name))) return;
    const c = plan.groups[name] ?? plan.groups.default;
    byName.set(name, { name, d: c.d, k: c.k, layers: pq.map((r) => layerKey(r.model, r.layer)) });
  };
  tier(MEDIUM_GROUP, plan.fineTier && plan.groups[MEDIUM_GROUP] !== undefined);
  tier(FINE_GROUP, plan.fineTier);
  return [...byName.values()];
}
