/**
 * A model's tfjs layers applied one at a time to concrete tensors, so that a pass can start at any layer
 * from cached tensors (the ones live at that point of the graph), keep any tensor, and see one layer's
 * kernel replaced (the session's variables are the layers' weights). It runs the very layers of the
 * model it is given — the float model or the fake-quant model of the int8 runtime — so its arithmetic is
 * that model's. Any layer `<name>/<suffix>` the model holds after an IR layer (an add's activation, a
 * fake quantisation) is applied right after it, in model order.
 */
import * as tf from '@tensorflow/tfjs';
import type { ModelIR } from '../../models/ir';

/**
 * One IR layer of the graph and the tfjs layers that compute it: the layer, then any suffix layers; for an
 * add of n > 2 inputs in the int8 graph, first its partial sums (`<add>/sum<j>`, each with its own suffix
 * layers), the layer then adding the last sum and the last input.
 */
interface Step { name: string; inputs: string[]; layers: tf.layers.Layer[]; sums: tf.layers.Layer[][] }

/** A map from tensor name to one tensor per batch. */
export type TensorCache = Map<string, tf.Tensor[]>;

/**
 * Layer-by-layer execution of `model` (built from `graph` by toLayersModel or the fake-quant builder,
 * one tfjs layer per IR layer of the same name). Does not own the model.
 */
export class LayerRunner {
  readonly graph: ModelIR;
  private readonly steps: Step[];
  private readonly inputExtra: tf.layers.Layer[];
  /** For each layer index i: the tensors made before i that layer i or a later one reads. */
  private readonly cuts: string[][];

  constructor(graph: ModelIR, model: tf.LayersModel) {
    this.graph = graph;
    const byName = new Map(model.layers.map((l) => [l.name, l]));
    const irNames = new Set(graph.layers.map((l) => l.name));
    // every other tfjs layer belongs to the IR layer whose name is its longest `<name>/` prefix
    const owned = new Map<string, tf.layers.Layer[]>();
    for (const l of model.layers) {
      if (irNames.has(l.name)) continue;
      let owner = '';
      for (const n of irNames) if (l.name.startsWith(`${n}/`) && n.length > owner.length) owner = n;
      if (owner) owned.set(owner, [...(owned.get(owner) ?? []), l]);
    }
    const extra = (name: string) => owned.get(name) ?? [];
    const first = graph.layers[0];
    if (first.kind !== 'input') throw new Error(`model '${graph.name}': the first layer must be the input`);
    this.inputExtra = extra(first.name);
    this.steps = graph.layers.slice(1).map((l) => {
      const own = byName.get(l.name);
      if (!own) throw new Error(`model '${graph.name}': the tfjs model has no layer '${l.name}'`);
      const isSum = (x: tf.layers.Layer) => /^\/sum\d+(\/|$)/.test(x.name.slice(l.name.length));
      const sums: tf.layers.Layer[][] = [];
      for (const x of extra(l.name).filter(isSum)) {
        if (/^\/sum\d+$/.test(x.name.slice(l.name.length))) sums.push([x]);
        else sums[sums.length - 1]?.push(x);
      }
      return { name: l.name, inputs: l.inputs.slice(), layers: [own, ...extra(l.name).filter((x) => !isSum(x))], sums };
    });
    this.cuts = this.steps.map((_, i) => {
      const made = new Set([first.name, ...this.steps.slice(0, i).map((s) => s.name)]);
      const read = new Set(this.steps.slice(i).flatMap((s) => s.inputs));
      return [...read].filter((n) => made.has(n));
    });
  }

  /** Index (in `steps`, i.e. graph layers without the input) of layer `name`. */
  index(name: string): number {
    const i = this.steps.findIndex((s) => s.name === name);
    if (i < 0) throw new Error(`model '${this.graph.name}': no layer '${name}'`);
    return i;
  }

  /** Names of the tensors a pass starting at layer `name` needs. */
  cut(name: string): string[] {
    return this.cuts[this.index(name)].slice();
  }

  /** Name of the graph's input tensor. */
  get inputName(): string {
    return this.graph.layers[0].name;
  }

  /** The model input after any layer the model applies to it (e.g. its fake quantisation). */
  input(x: tf.Tensor): tf.Tensor {
    let h = x;
    for (const l of this.inputExtra) h = l.apply(h) as tf.Tensor;
    return h;
  }

  /** The output of layer step `i` from its inputs (the layer and its suffix layers). */
  private step(i: number, env: Map<string, tf.Tensor>): tf.Tensor {
    const s = this.steps[i];
    const ins = s.inputs.map((n) => {
      const t = env.get(n);
      if (!t) throw new Error(`model '${this.graph.name}': tensor '${n}' (input of '${s.name}') is not available`);
      return t;
    });
    let args: tf.Tensor | tf.Tensor[] = ins.length === 1 ? ins[0] : ins;
    if (s.sums.length > 0) {
      // the int8 graph's binary adds: ((x0 + x1) + x2) + ...
      let acc = ins[0];
      s.sums.forEach((chain, j) => {
        acc = chain[0].apply([acc, ins[j + 1]]) as tf.Tensor;
        for (const x of chain.slice(1)) acc = x.apply(acc) as tf.Tensor;
      });
      args = [acc, ins[ins.length - 1]];
    }
    let h = s.layers[0].apply(args) as tf.Tensor;
    for (const l of s.layers.slice(1)) h = l.apply(h) as tf.Tensor;
    return h;
  }

  /**
   * Runs the layers from `from` (a layer name, or the start) to the end on `env` (the tensors of the cut at
   * `from`, or `{ input: x }` from the start, x already through `input()`), adding every tensor it makes to
   * `env`. Returns the model output. Call inside tf.tidy (or dispose what env gains).
   */
  run(env: Map<string, tf.Tensor>, from?: string): tf.Tensor {
    const start = from === undefined ? 0 : this.index(from);
    let out: tf.Tensor | null = null;
    for (let i = start; i < this.steps.length; i++) {
      out = this.step(i, env);
      env.set(this.steps[i].name, out);
    }
    if (!out) throw new Error(`model '${this.graph.name}' has no layers after its input`);
    return out;
  }

  /** Applies only layer `name` (and its suffix layers) to `env`. */
  runLayer(env: Map<string, tf.Tensor>, name: string): tf.Tensor {
    return this.step(this.index(name), env);
  }
}

/** The batch sizes of a cache entry (one per batch). */
export function batchSizes(cache: TensorCache, name: string): number[] {
  const b = cache.get(name);
  if (!b) throw new Error(`tensor '${name}' is not cached`);
  return b.map((t) => t.shape[0]);
}

/** Disposes every tensor of a cache and empties it. */
export function disposeCache(cache: TensorCache): void {
  for (const ts of cache.values()) tf.dispose(ts);
  cache.clear();
}
