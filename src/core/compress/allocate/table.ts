/**
 * Stage `table` (per model): the allocation's per-layer loss table. For every weight layer and every format
 * it may take (the codebook formats that apply to its kernel class, int8; only the keep rule's format for a
 * small layer, only the override's for an overridden one): the layer's encoding, its bytes, and the mean KL
 * divergence of the model's output to the float model's on the calibration rows when only that layer is
 * stored so — measured from the cached tensors at the layer's cut, so each measurement runs the network
 * from that layer on. A pure function of one model's input, the plan, its prepared data and the codebooks.
 */
import * as tf from '@tensorflow/tfjs';
import type { WeightLayer } from '../../models/ir';
import { capture, gatherRows } from '../calibrate/capture';
import { LayerRunner, disposeCache } from '../calibrate/forward';
import type { TensorCache } from '../calibrate/forward';
import type { PreparedModel } from '../calibrate/prepare';
import { weightLayers } from '../calibrate/prepare';
import { encodeLayer } from '../encode/layer';
import type { ModelSession } from '../evaluate/session';
import { measuringSession } from '../evaluate/activations';

import { meanKL } from '../evaluate/kl';
import { outputIsSoftmax } from '../evaluate/output';
import type { CompressInput } from '../input/types';
import { LAYER_SCALE_SUFFIX, formatApplies, parseFormat } from '../plan/formats';
import { layerKey } from '../plan/routing';
import type { LayerRoute } from '../plan/routing';
import { layerBytes, unitScaleBytes } from '../result/accounting';
import type { Activations, CodebookGroup, LayerEncoding, Plan } from '../types';

/** Calibration rows the per-layer loss is measured on (the first of the calibration rows). */
export const KL_ROWS = 256;

/**
 * A layer gets the one-scale variant of a codebook format (plan.layerScales) when its unit scales take at
 * least this share of its index bytes in that format (e.g. depthwise kernels: one scale per 9 weights).
 */
export const LAYER_SCALE_SHARE = 0.2;

/** One format a layer may take, with what it costs and what it loses. Plain data. */
export interface TableOption {
  /** `int8`, `float32` or a codebook format's name. */
  format: string;
  bytes: number;
  /** KL(float ‖ model with only this layer in this format) on the calibration rows, nats. */
  kl: number;
  encoding: LayerEncoding;
}

/** A model's loss table: its weight layers in model order, each with its options. Plain data. */
export interface ModelTable {
  model: string;
  layers: { layer: string; options: TableOption[] }[];
}

/** The formats layer `l` may take under a plan (see the file comment). */
export function layerFormats(plan: Plan, model: string, l: WeightLayer, codebooks: readonly CodebookGroup[]): string[] {
  const o = plan.overrides[layerKey(model, l.name)];
  if (o === 'int8' || o === 'float32') return [o];
  if (o?.startsWith('pq:')) return [parseFormat(o.slice(3)).name];
  if (o !== 'pq' && l.kernel.data.length < plan.keep.minParams) return [plan.keep.format];
  const formats = codebooks.filter((c) => plan.formats.includes(c.name) && formatApplies(parseFormat(c.name), l)).map((c) => c.name);
  return o === 'pq' && formats.length ? formats : [...formats, 'int8'];
}

/** Measures the model's loss table (see the file comment). */
export function measureTable(input: CompressInput, plan: Plan, prepared: PreparedModel, codebooks: readonly CodebookGroup[]): ModelTable {
  const ir = input.ir;
  // int8 activations: the fake-quant model (the cache, the reference and every pass run its arithmetic)
  const session = measuringSession(ir, prepared.int8);
  const runner = new LayerRunner(ir, session.model);
  const act: Activations = prepared.int8 ? 'int8' : 'float32';
  const layers = weightLayers(ir);
  const rowLen = ir.inputShape.reduce((a, b) => a * b, 1);
  const rows = prepared.calibration.subarray(0, Math.min(KL_ROWS, prepared.calibration.length));
  const soft = outputIsSoftmax(ir);
  let cache: TensorCache | null = null;
  try {
    let ref: Float32Array | null = null;
    if (rows.length > 0) {
      const cuts = new Set(layers.flatMap((l) => runner.cut(l.name)));
      const c = capture(runner, gatherRows(input.train!, rowLen, rows), rows.length, ir.inputShape, cuts, soft);
      cache = c.cache;
      ref = c.probs;
    }
    const out: ModelTable = { model: ir.name, layers: [] };
    for (const l of layers) {
      const options: TableOption[] = [];
      const factors = new Map<string, unknown>();
      for (const f of layerFormats(plan, ir.name, l, codebooks)) {
        const cb = f === 'int8' || f === 'float32' ? f : codebooks.find((c) => c.name === f)!;
        const spec = { normalization: plan.normalization, scaleCoding: plan.scaleCoding, stats: prepared.stats[l.name] ?? null, factors };
        const e = encodeLayer(l, l.kernel.data, cb, spec);
        const kl = f === 'float32' || !cache || !ref ? 0 : tailKL(runner, session, cache, l, e.decoded, ref, prepared.classes, soft);
        options.push({ format: f, bytes: layerBytes(l, e.enc, act), kl, encoding: e.enc });
        // the one-scale variant, where unit scales are a large part of the layer's bytes
        if (plan.layerScales && typeof cb !== 'string' && e.enc.format === 'pq' && e.enc.scales && e.enc.scales.length > 1
          && unitScaleBytes(e.enc) >= LAYER_SCALE_SHARE * e.enc.indices.length) {
          const v = encodeLayer(l, l.kernel.data, cb, { ...spec, normalization: 'layer' });
          const vkl = !cache || !ref ? 0 : tailKL(runner, session, cache, l, v.decoded, ref, prepared.classes, soft);
          options.push({ format: `${f}${LAYER_SCALE_SUFFIX}`, bytes: layerBytes(l, v.enc, act), kl: vkl, encoding: v.enc });
        }
      }
      out.layers.push({ layer: l.name, options });
    }
    return out;
  } finally {
    if (cache) disposeCache(cache);
    session.dispose();
  }
}

/**
 * Mean KL to `ref` of the model with layer `l`'s kernel replaced by `kernel` (a decoded one, marked with its
 * source) evaluated as stored, run from `l` on the cached cut.
 */
function tailKL(runner: LayerRunner, session: ModelSession, cache: TensorCache, l: WeightLayer, kernel: Float32Array, ref: Float32Array, classes: number, soft: boolean): number {
  const cut = runner.cut(l.name);
  const batches = cache.get(cut[0])!.length;
  const probs = new Float32Array(ref.length);
  session.setKernel(l.name, kernel);
  try {
    let o = 0;
    session.withStored(() => {
      for (let b = 0; b < batches; b++) {
        const p = tf.tidy(() => {
          const env = new Map(cut.map((n) => [n, cache.get(n)![b]]));
          const y = runner.run(env, l.name);
          return soft ? y : tf.softmax(y);
        });
        const v = p.dataSync() as Float32Array;
        probs.set(v, o);
        o += v.length;
        p.dispose();
      }
    }, [l.name]);
  } finally {
    session.setKernel(l.name, l.kernel.data);
  }
  return meanKL(ref, probs, classes);
}

/**
 * The one-option table of a plan without an allocation: each layer as routing says (its group's codebook,
 * int8 or float32), encoded (GPTQ with the layer's statistics when the plan is data-aware); loss not measured.
 */
export function routeTable(input: CompressInput, plan: Plan, prepared: PreparedModel, codebooks: readonly CodebookGroup[], routes: readonly LayerRoute[]): ModelTable {
  const ir = input.ir;
  return {
    model: ir.name,
    layers: weightLayers(ir).map((l) => {
      const r = routes.find((x) => x.model === ir.name && x.layer === l.name);
      if (!r) throw new Error(`model '${ir.name}': layer '${l.name}' has no route`);
      const cb = r.format === 'pq' ? codebooks.find((c) => c.name === r.group) : undefined;
      if (r.format === 'pq' && !cb) throw new Error(`layer '${l.name}' is routed to codebook group '${r.group}', which does not exist`);
      const e = encodeLayer(l, l.kernel.data, cb ?? (r.format as 'int8' | 'float32'), {
        normalization: plan.normalization, scaleCoding: plan.scaleCoding, stats: plan.codebookFit === 'data-aware' ? prepared.stats[l.name] ?? null : null,
      });
      return { layer: l.name, options: [{ format: cb ? cb.name : r.format, bytes: layerBytes(l, e.enc, prepared.int8 ? 'int8' : 'float32'), kl: 0, encoding: e.enc }] };
    }),
  };
}
