import { crc32 } from '../data/crc32';
import type { Layer, Tensor } from '../models/ir';
import { MULTI_INPUT_KINDS } from '../models/ir';
import { inferLayerShape, sizeOf } from '../models/shapes';
import { layerMacs } from '../models/stats';
import { bitsFor, packedLength } from '../pq/pack';
import { subvectorLayout } from '../pq/layout';
import { viewOf } from './bundle';
import { bundleFail } from './errors';
import { checkInt8Model, checkNoInt8Fields } from './check-int8';
import { lowerBundleModel } from './lowered';
import { ALIGN, DTYPE_BYTES, FLOAT_DTYPES, LIMITS } from './format';
import type { BundleManifest, CodebookEntry, Dtype, KernelEntry, LayerEntry, ModelEntry } from './format';

const REDO = 'Re-export the bundle with `yono compress --out` or the Export step.';
const EMPTY = new Float32Array(0);

/** Every section exactly once, with the dtype and element count its user expects. */
class Refs {
  private readonly used: Uint8Array;

  constructor(private readonly m: BundleManifest) {
    this.used = new Uint8Array(m.sections.length);
  }

  /** `dtype`: the dtype the user needs, or the list of dtypes it accepts. */
  take(index: number, dtype: Dtype | readonly Dtype[], count: number | null, what: string): void {
    const s = this.m.sections[index];
    if (this.used[index]) bundleFail('section', `Section ${index} ('${s.name}') is used twice (again by ${what}); each section belongs to one tensor. ${REDO}`);
    this.used[index] = 1;
    const ok = typeof dtype === 'string' ? [dtype] : dtype;
    if (!ok.includes(s.dtype)) bundleFail('section', `${what} needs a ${ok.join(' or ')} section, but section ${index} ('${s.name}') holds ${s.dtype}. ${REDO}`);
    if (count !== null && s.count !== count) bundleFail('section', `${what} needs ${count} values, but section ${index} ('${s.name}') holds ${s.count}. ${REDO}`);
  }

  checkAllUsed(): void {
    const i = this.used.indexOf(0);
    if (i >= 0) bundleFail('section', `Section ${i} ('${this.m.sections[i].name}') is not used by any model or codebook. ${REDO}`);
  }
}

/** Bounds, alignment, overlap, zero padding and CRC-32 of every section. */
function checkSections(bytes: Uint8Array, dataOffset: number, m: BundleManifest): void {
  const dataLength = bytes.length - dataOffset;
  const order = m.sections.map((_, i) => i);
  for (const i of order) {
    const s = m.sections[i];
    const where = `Section ${i} ('${s.name}')`;
    if (s.length !== s.count * DTYPE_BYTES[s.dtype]) bundleFail('section', `${where}: ${s.count} ${s.dtype} values take ${s.count * DTYPE_BYTES[s.dtype]} bytes, its length says ${s.length}. ${REDO}`);
    if (s.offset % ALIGN !== 0) bundleFail('section', `${where} starts at data offset ${s.offset}, which is not ${ALIGN}-byte aligned. ${REDO}`);
    if (s.offset + s.length > dataLength) bundleFail('section', `${where} ends at data byte ${s.offset + s.length}, past the end of the data area (${dataLength} bytes): the file is truncated or damaged. ${REDO}`);
  }
  order.sort((a, b) => m.sections[a].offset - m.sections[b].offset || m.sections[a].length - m.sections[b].length);
  let end = 0;
  for (const i of order) {
    const s = m.sections[i];
    if (s.offset < end) bundleFail('section', `Section ${i} ('${s.name}') at data bytes ${s.offset}..${s.offset + s.length} overlaps the section before it (which ends at ${end}). ${REDO}`);
    for (let p = end; p < s.offset; p++) if (bytes[dataOffset + p] !== 0) bundleFail('section', `Padding byte ${p} of the data area is not zero: the file is damaged. ${REDO}`);
    end = s.offset + s.length;
  }
  for (let p = end; p < dataLength; p++) if (bytes[dataOffset + p] !== 0) bundleFail('section', `Padding byte ${p} of the data area is not zero: the file is damaged. ${REDO}`);
  m.sections.forEach((s, i) => {
    const start = dataOffset + s.offset;
    if (crc32(bytes.subarray(start, start + s.length)) !== s.crc32) {
      bundleFail('checksum', `Section ${i} ('${s.name}') is damaged: its CRC-32 does not match. ${REDO}`);
    }
  });
}

function checkCodebooks(m: BundleManifest, refs: Refs): Map<string, CodebookEntry> {
  const byName = new Map<string, CodebookEntry>();
  m.codebooks.forEach((c, i) => {
    if (byName.has(c.name)) bundleFail('model', `Codebook name '${c.name}' appears twice (codebooks[${i}]). ${REDO}`);
    byName.set(c.name, c);
    if (c.scale !== undefined && m.version < 2) bundleFail('model', `Codebook '${c.name}' has a scale (int8), which format version ${m.version} does not have. ${REDO}`);
    refs.take(c.section, c.scale === undefined ? FLOAT_DTYPES : 'i8', c.k * c.d, `codebook '${c.name}' (k ${c.k} x d ${c.d})`);
  });
  return byName;
}

/** Output units of a kernel: the last axis, or cin * multiplier for depthwise. */
export function kernelUnits(kind: string, shape: number[]): number {
  return kind === 'depthwiseConv2d' ? shape[2] * shape[3] : shape[shape.length - 1];
}

/** Checks a kernel's sections; every index of a PQ kernel must be below its codebook's k. */
function checkKernel(ctx: Ctx, kind: LayerEntry['kind'], k: KernelEntry, where: string, int8: boolean): void {
  const n = sizeOf(k.shape);
  if (n > 2 ** 31) bundleFail('limit', `${where}: a kernel of ${n} weights is beyond this runtime's limit (2^31). ${REDO}`);
  const units = kernelUnits(kind, k.shape);
  if (k.format === 'int8') {
    ctx.refs.take(k.q, 'i8', n, `${where} int8 kernel`);
    ctx.refs.take(k.scales, FLOAT_DTYPES, units, `${where} int8 scales`);
    return;
  }
  if (k.format === 'float32') { ctx.refs.take(k.data, 'f32', n, `${where} float32 kernel`); return; }
  const cb = ctx.codebooks.get(k.codebook);
  if (!cb) bundleFail('model', `${where} uses codebook '${k.codebook}', which the bundle does not hold. ${REDO}`);
  if (cb.d !== k.d) bundleFail('model', `${where} was encoded with d = ${k.d}, codebook '${cb.name}' has d = ${cb.d}. ${REDO}`);
  if (!int8 && cb.scale !== undefined) bundleFail('model', `${where} of a float32 model uses the int8 codebook '${cb.name}'; float models use f16 or f32 codebooks. ${REDO}`);
  if (k.bits !== bitsFor(cb.k)) bundleFail('model', `${where} stores ${k.bits}-bit indices, codebook '${cb.name}' (k = ${cb.k}) needs ${bitsFor(cb.k)}. ${REDO}`);
  const layout = subvectorLayout(kind as 'dense', k.shape, k.d);
  if (layout.chunksPerUnit * layout.d > LIMITS.tensorElements) bundleFail('limit', `${where}: a receptive field of ${layout.fieldSize} weights is beyond this runtime's limit. ${REDO}`);
  ctx.refs.take(k.indices, 'u8', packedLength(layout.count, k.bits), `${where} packed indices (${layout.count} x ${k.bits} bits)`);
  if (k.scales !== null) {
    const s = ctx.m.sections[k.scales];
    if (s.count !== 1 && s.count !== units) bundleFail('section', `${where} has ${s.count} scales; it needs 1 (per layer) or ${units} (per output unit). ${REDO}`);
    ctx.refs.take(k.scales, FLOAT_DTYPES, null, `${where} scales`);
  }
  if (cb.k < 2 ** k.bits) {
    const b = ctx.view(k.indices, 'u8');
    const mask = (1 << k.bits) - 1;
    let acc = 0, nAcc = 0, p = 0;
    for (let i = 0; i < layout.count; i++) {
      while (nAcc < k.bits) { acc |= b[p++] << nAcc; nAcc += 8; }
      const v = acc & mask;
      acc >>>= k.bits; nAcc -= k.bits;
      if (v >= cb.k) bundleFail('value', `${where}: index ${i} is ${v}, but codebook '${cb.name}' has only ${cb.k} codewords. ${REDO}`);
    }
  }
}

interface Ctx {
  m: BundleManifest;
  refs: Refs;
  codebooks: Map<string, CodebookEntry>;
  view: <T extends Dtype>(i: number, dtype: T) => ReturnType<typeof viewOf<T>>;
}

const placeholder = (shape: number[]): Tensor => ({ shape, data: EMPTY });

/** The IR layer with empty tensors of the entry's shapes, for shape inference. */
function skeleton(l: LayerEntry, ctx: Ctx): Layer {
  if ('kernel' in l) return { ...l, kernel: placeholder(l.kernel.shape), bias: null } as Layer;
  if (l.kind === 'batchNorm') {
    return { ...l, scale: placeholder([ctx.m.sections[l.scale].count]), shift: placeholder([ctx.m.sections[l.shift].count]) };
  }
  if (l.kind === 'prelu') return { ...l, alpha: placeholder(l.alphaShape) };
  return l as Layer;
}

function checkModel(ctx: Ctx, mi: number, model: ModelEntry): void {
  const where = `Model '${model.name}'`;
  const fail = (msg: string): never => bundleFail('model', `${where}: ${msg}. ${REDO}`);
  const first = model.layers[0];
  if (!first || first.kind !== 'input' || first.inputs.length) fail('layers[0] must be the input layer, with no inputs');
  if (sizeOf(model.inputShape) > LIMITS.tensorElements) bundleFail('limit', `${where}: input of ${sizeOf(model.inputShape)} elements is beyond this runtime's limit. ${REDO}`);
  const shapes = new Map<string, number[]>();
  const int8 = model.arithmetic === 'int8';
  if (int8 && ctx.m.version < 2) fail(`is int8, which format version ${ctx.m.version} does not have`);
  let macs = 0, elements = 0;
  model.layers.forEach((l, i) => {
    const lw = `layer '${l.name}' (models[${mi}].layers[${i}])`;
    if (shapes.has(l.name)) fail(`${lw} repeats a layer name`);
    if (l.kind === 'input' && i > 0) fail(`${lw} is a second input layer; bundles hold single-input models`);
    if (l.kind !== 'input' && l.inputs.length === 0) fail(`${lw} has no inputs`);
    if (MULTI_INPUT_KINDS.has(l.kind) ? l.inputs.length < 2 : l.inputs.length > 1) fail(`${lw} has ${l.inputs.length} inputs`);
    const ins = l.inputs.map((n) => shapes.get(n) ?? fail(`${lw} reads '${n}', which is not a layer before it`));
    if ('kernel' in l) {
      checkKernel(ctx, l.kind, l.kernel, `${where} ${lw}`, int8);
      const biasDtype = int8 && l.kernel.format !== 'float32' ? 'i16' : FLOAT_DTYPES;
      if (l.bias !== null) ctx.refs.take(l.bias, biasDtype, kernelUnits(l.kind, l.kernel.shape), `${where} ${lw} bias`);
    }
    if (l.table !== undefined) ctx.refs.take(l.table, 'i8', 256, `${where} ${lw} table`);
    if (l.kind === 'batchNorm') {
      ctx.refs.take(l.scale, 'f32', null, `${where} ${lw} scale`);
      ctx.refs.take(l.shift, 'f32', null, `${where} ${lw} shift`);
    }
    if (l.kind === 'prelu') ctx.refs.take(l.alpha, 'f32', sizeOf(l.alphaShape), `${where} ${lw} PReLU alpha`);
    const ir = skeleton(l, ctx);
    let out: number[];
    try {
      out = inferLayerShape(ir, ins, model.inputShape);
    } catch (e) {
      return fail(`${e instanceof Error ? e.message : String(e)}`);
    }
    if (out.length !== l.outputShape.length || out.some((d, j) => d !== l.outputShape[j])) {
      fail(`${lw} stores output shape [${l.outputShape}] but its inputs and weights give [${out}]`);
    }
    const n = sizeOf(out);
    elements += n;
    if (n > LIMITS.tensorElements || elements * 4 > LIMITS.arenaBytes) bundleFail('limit', `${where}: activations of ${elements * 4} bytes are beyond this runtime's limit of ${LIMITS.arenaBytes} bytes. ${REDO}`);
    macs += layerMacs(ir, ins[0] ?? out);
    if (macs > LIMITS.macs) bundleFail('limit', `${where}: more than ${LIMITS.macs} MACs per inference, beyond this runtime's limit. ${REDO}`);
    shapes.set(l.name, out);
  });
  const outShape = shapes.get(model.output) ?? fail(`output layer '${model.output}' does not exist`);
  if (int8) checkInt8Model({ codebooks: ctx.codebooks, i8: (s) => ctx.view(s, 'i8') }, model);
  else checkNoInt8Fields(model, ctx.m.version);
  if (model.output === first.name) fail('the output is the input layer; a bundle model computes something');
  if (model.samples) {
    const s = model.samples;
    ctx.refs.take(s.x, 'f32', s.count * sizeOf(model.inputShape), `${where} samples x (${s.count} x [${model.inputShape}])`);
    ctx.refs.take(s.y, 'i32', s.count, `${where} sample labels`);
    const classes = outShape[outShape.length - 1];
    const y = ctx.view(s.y, 'i32');
    for (let i = 0; i < y.length; i++) {
      if (y[i] < 0 || y[i] >= classes) bundleFail('value', `${where}: sample ${i} has label ${y[i]}, outside 0..${classes - 1}. ${REDO}`);
    }
  }
}

/**
 * The cross-checks of a schema-valid manifest against the file: section bounds, alignment, overlaps,
 * padding and CRCs; every reference to a section, codebook or layer; the layer graph and every shape
 * (recomputed from the input shape and the kernels); PQ indices below k; labels in range; the limits.
 */
export function checkBundle(bytes: Uint8Array, dataOffset: number, m: BundleManifest): void {
  checkSections(bytes, dataOffset, m);
  const refs = new Refs(m);
  const view = <T extends Dtype>(i: number, dtype: T) => viewOf(bytes, dataOffset, m, i, dtype);
  const ctx: Ctx = { m, refs, codebooks: checkCodebooks(m, refs), view };
  const names = new Set<string>();
  m.models.forEach((model, i) => {
    if (names.has(model.name)) bundleFail('model', `Model name '${model.name}' appears twice. ${REDO}`);
    names.add(model.name);
    checkModel(ctx, i, model);
  });
  refs.checkAllUsed();
  // an int8 model is lowered once here, so that every stored integer the runtimes take is known to execute
  for (const model of m.models) if (model.arithmetic === 'int8') lowerBundleModel({ bytes, dataOffset, manifest: m }, model.name);
}
