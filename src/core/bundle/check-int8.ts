/**
 * The checks of an int8 model (format version 2, README.md "Int8 models"): its layers are the int8 graph
 * (quant/graph.ts) with the integers the lowering made, and every stored integer that the lowering derives
 * from stored values is recomputed and compared (each weight layer's base multiplier, each sigmoid/tanh
 * table), so a reader never runs a base or a table that disagrees with the scales beside it.
 */
import type { Layer } from '../models/ir';
import { FIXED_PARAMS, tensorRule } from '../quant/graph';
import { activationTable } from '../quant/lower';
import { quantizeMultiplier } from '../quant/multiplier';
import type { AffineParams } from '../quant/affine';
import { bundleFail } from './errors';
import type { CodebookEntry, LayerEntry, ModelEntry } from './format';

const REDO = 'Re-export the bundle with `yono compress --out` or the Export step.';

/** The layer kinds an int8 model may hold (those the lowering makes ops of). */
export const INT8_KINDS: ReadonlySet<string> = new Set<string>([
  'input', 'dense', 'conv2d', 'conv1d', 'depthwiseConv2d', 'maxPool2d', 'avgPool2d', 'maxPool1d', 'avgPool1d',
  'globalAvgPool1d', 'globalAvgPool2d', 'globalMaxPool1d', 'globalMaxPool2d', 'flatten', 'reshape', 'activation', 'add',
]);
const FUSED = new Set(['linear', 'relu', 'relu6']);
const ACTIVATION_LAYERS = new Set(['linear', 'relu', 'relu6', 'sigmoid', 'tanh', 'softmax']);

/**
 * The layers of an int8 graph (quant/graph.ts) the int8 runtimes cannot hold (kind, or activation), as
 * `name (what)`; empty when the model can be written as an int8 model.
 */
export function int8Unsupported(layers: readonly { name: string; kind: string; activation?: string }[]): string[] {
  return layers.flatMap((l) => {
    // an unfolded batch norm of the graph is stored as the 1x1 depthwise the lowering makes of it
    if (!INT8_KINDS.has(l.kind) && l.kind !== 'batchNorm') return [`${l.name} (${l.kind})`];
    if (l.activation !== undefined && !ACTIVATION_LAYERS.has(l.activation)) return [`${l.name} (${l.activation})`];
    return [];
  });
}

/** What the checks read from the rest of the bundle. */
export interface Int8CheckContext {
  codebooks: Map<string, CodebookEntry>;
  /** The i8 values of a section (already checked for dtype and count). */
  i8: (section: number) => Int8Array;
}

/**
 * The (scale, zero point) of every tensor of an int8 model's layers (all but a final softmax): `q` of the
 * layers whose rule is `own`, the fixed ones of sigmoid/tanh, the input's for the others (quant/graph.ts).
 * Throws a BundleError when a layer lacks its `q` or has one it must not have.
 */
export function int8Params(model: ModelEntry): Map<string, AffineParams> {
  const out = new Map<string, AffineParams>();
  const where = `Model '${model.name}'`;
  for (const l of model.layers) {
    const r = tensorRule(l as unknown as Layer);
    const lw = `${where} layer '${l.name}'`;
    if (r.kind === 'own') {
      if (!l.q) bundleFail('model', `${lw} has no "q" (scale, zero point): every input, weight layer and add of an int8 model has one. ${REDO}`);
      out.set(l.name, l.q);
      continue;
    }
    if (l.q) bundleFail('model', `${lw} has a "q" but shares its input's parameters (or has fixed ones). ${REDO}`);
    if (r.kind === 'fixed') out.set(l.name, r.params);
    else if (r.kind === 'same') out.set(l.name, out.get(r.as)!);
  }
  return out;
}

/** Checks an int8 model whose layers and sections passed the general checks (shapes, section use). */
export function checkInt8Model(ctx: Int8CheckContext, model: ModelEntry): void {
  const where = `Model '${model.name}'`;
  const params = int8Params(model);
  const last = model.layers[model.layers.length - 1];
  model.layers.forEach((l) => {
    const lw = `${where} layer '${l.name}'`;
    const fail: (msg: string) => never = (msg) => bundleFail('model', `${lw} ${msg}. ${REDO}`);
    if (!INT8_KINDS.has(l.kind)) fail(`is a ${l.kind}, which an int8 model does not hold (an unfolded batch norm is stored as a 1x1 depthwise convolution)`);
    if (l.kind === 'add' && l.inputs.length !== 2) fail(`adds ${l.inputs.length} tensors; an int8 model's adds are binary`);
    const weighted = 'kernel' in l;
    const integer = weighted && l.kernel.format !== 'float32';
    if (!integer && (l.requant || l.biasShift !== undefined)) fail('has a "requant" or "biasShift" but no int8 or PQ kernel');
    if (l.kind === 'activation' && (l.activation === 'sigmoid' || l.activation === 'tanh')) {
      if (l.table === undefined) fail(`is a ${l.activation} without its "table"`);
      const want = activationTable(l.activation, params.get(l.inputs[0])!, FIXED_PARAMS[l.activation]);
      const got = ctx.i8(l.table);
      for (let j = 0; j < 256; j++) if (got[j] !== want[j]) fail(`has a ${l.activation} table whose entry ${j} is ${got[j]}; its input's parameters give ${want[j]}`);
    } else if (l.table !== undefined) fail('has a "table" but is no sigmoid or tanh');
    if (l.kind === 'activation' && l.activation === 'softmax' && (l !== last || model.output !== l.name)) {
      fail('is a softmax before the end: an int8 model has a softmax only as its last layer (its output)');
    }
    if (!weighted || !integer) {
      if (weighted && !FUSED.has(l.activation)) fail(`fuses a ${l.activation}; an int8 model splits it off as a layer of its own`);
      return;
    }
    if (!FUSED.has(l.activation)) fail(`fuses a ${l.activation}; an int8 model splits it off as a layer of its own`);
    if (!l.requant) fail('has no "requant" (its base multiplier)');
    if (l.bias !== null && l.biasShift === undefined) fail('has a bias but no "biasShift"');
    if (l.bias === null && l.biasShift !== undefined) fail('has a "biasShift" but no bias');
    const inP = params.get(l.inputs[0])!;
    const outP = params.get(l.name)!;
    let real = inP.scale / outP.scale;
    if (l.kernel.format === 'pq') {
      const cb = ctx.codebooks.get(l.kernel.codebook)!;
      if (cb.scale === undefined) fail(`uses codebook '${cb.name}', which is not int8 (an int8 model's codebooks are i8 with a scale)`);
      real = (inP.scale * cb.scale) / outP.scale;
    }
    let want;
    try {
      want = quantizeMultiplier(real);
    } catch (e) {
      return fail(`has scales that give no requantisation multiplier (${e instanceof Error ? e.message : String(e)})`);
    }
    if (want.multiplier !== l.requant.multiplier || want.shift !== l.requant.shift) {
      fail(`stores the base multiplier (${l.requant.multiplier}, ${l.requant.shift}); its scales give (${want.multiplier}, ${want.shift})`);
    }
  });
}

/** Checks that a float model (or a version-1 bundle) carries none of the int8 fields. */
export function checkNoInt8Fields(model: ModelEntry, version: number): void {
  const where = `Model '${model.name}'`;
  if (version < 2 && model.arithmetic !== undefined) bundleFail('model', `${where} has "arithmetic", which format version ${version} does not have. ${REDO}`);
  for (const l of model.layers as LayerEntry[]) {
    if (l.q || l.requant || l.biasShift !== undefined || l.table !== undefined) {
      bundleFail('model', `${where} layer '${l.name}' has int8 fields (q, requant, biasShift or table) but the model's arithmetic is float32. ${REDO}`);
    }
  }
}
