/**
 * The layers of an int8 model in a bundle (format version 2, README.md "Int8 models"): the model's int8 graph
 * (quant/graph.ts) with what its lowering (quant/lower.ts) gives — PQ indices and float16 unit scales as the
 * float model has them, int8 kernels, the biases as int16 values with their shift, each weight layer's base
 * multiplier, each own tensor's (scale, zero point), each sigmoid/tanh table. An unfolded batch norm is
 * stored as the 1x1 depthwise convolution with int8 weights the lowering makes of it.
 */
import type { CompressedModel } from '../compress/types';
import type { Layer } from '../models/ir';
import { isWeightLayer } from '../models/ir';
import { int8Graph, tensorRule } from '../quant/graph';
import type { LoweredModel, LoweredOp, WeightOp } from '../quant/lowered';
import type { KernelEntry, LayerEntry } from './format';
import { canonLayer } from './manifest-json';
import type { SectionList } from './write-sections';
import { checkFinite, scalesSection, tensorSection } from './write-sections';

function integerFields(s: SectionList, prefix: string, op: WeightOp): Pick<LayerEntry, 'requant' | 'biasShift'> & { bias: number | null } {
  const bias = op.biasValues ? s.add(`${prefix}/bias`, 'i16', op.biasValues) : null;
  return { bias, requant: { multiplier: op.base.multiplier, shift: op.base.shift }, ...(op.biasValues ? { biasShift: op.biasShift } : {}) };
}

/** The entry of one weight layer of the int8 graph. */
function weightEntry(s: SectionList, prefix: string, l: Layer & { kind: 'dense' | 'conv2d' | 'conv1d' | 'depthwiseConv2d' }, op: LoweredOp, m: CompressedModel): LayerEntry {
  const { kernel: k, bias: b, ...rest } = l;
  const shape = k.shape.slice();
  if (op.op === 'float') {
    const kernel: KernelEntry = { format: 'float32', shape, data: s.add(`${prefix}/kernel`, 'f32', checkFinite(`${prefix} kernel`, k.data)) };
    return { ...rest, kernel, bias: b ? tensorSection(s, `${prefix}/bias`, b) : null } as LayerEntry;
  }
  if (op.op !== 'conv' && op.op !== 'depthwise') throw new Error(`writeBundle: layer ${prefix} lowers to a ${op.op} op (bug)`);
  const enc = m.encodings[l.name];
  let kernel: KernelEntry;
  if (enc.format === 'pq') {
    kernel = {
      format: 'pq', shape, codebook: enc.group, d: enc.layout.d, bits: enc.bits, indices: s.add(`${prefix}/indices`, 'u8', enc.indices),
      scales: enc.scales ? scalesSection(s, `${prefix}/scales`, enc.scales) : null,
    };
  } else if (enc.format === 'int8') {
    kernel = { format: 'int8', shape, q: s.add(`${prefix}/q`, 'i8', enc.q), scales: scalesSection(s, `${prefix}/scales`, enc.scales) };
  } else {
    throw new Error(`writeBundle: layer ${prefix} is float32 but lowers to an integer op (bug)`);
  }
  return { ...rest, kernel, ...integerFields(s, prefix, op) } as LayerEntry;
}

/** An unfolded batch norm: the 1x1 depthwise convolution with int8 weights per channel that the lowering runs. */
function batchNormEntry(s: SectionList, prefix: string, l: Layer, op: WeightOp): LayerEntry {
  const c = op.unitScales.length;
  const kernel: KernelEntry = { format: 'int8', shape: [1, 1, c, 1], q: s.add(`${prefix}/q`, 'i8', op.kernel), scales: s.add(`${prefix}/scales`, 'f16', op.unitScales) };
  return {
    name: l.name, inputs: l.inputs.slice(), outputShape: l.outputShape.slice(), kind: 'depthwiseConv2d',
    strides: [1, 1], padding: 'valid', dilation: [1, 1], activation: 'linear', kernel, ...integerFields(s, prefix, op),
  } as LayerEntry;
}

/**
 * The layer entries of model `m` with int8 activations, from its lowering `lowered` (lowerResult): adds
 * their sections to `s` in layer order.
 */
export function int8LayerEntries(s: SectionList, lowered: LoweredModel, m: CompressedModel): LayerEntry[] {
  const g = int8Graph(m.ir);
  const ops = new Map(lowered.ops.map((o) => [o.name, o]));
  return g.layers.map((l) => {
    const prefix = `${m.name}/${l.name}`;
    const op = ops.get(l.name);
    const p = lowered.tensors[l.name]?.params;
    const q = tensorRule(l).kind === 'own' ? { q: { scale: p.scale, zeroPoint: p.zeroPoint } } : {};
    let e: LayerEntry;
    if (isWeightLayer(l)) {
      if (!op) throw new Error(`writeBundle: layer ${prefix} has no lowered op (bug)`);
      e = weightEntry(s, prefix, l, op, m);
    } else if (l.kind === 'batchNorm') {
      if (op?.op !== 'depthwise') throw new Error(`writeBundle: batch norm ${prefix} has no lowered op (bug)`);
      e = batchNormEntry(s, prefix, l, op);
    } else if (op?.op === 'lut') {
      e = { ...(l as LayerEntry), table: s.add(`${prefix}/table`, 'i8', op.table) } as LayerEntry;
    } else {
      e = l as LayerEntry;
    }
    return canonLayer({ ...e, ...q } as LayerEntry);
  });
}
