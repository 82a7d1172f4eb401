import type { BundleManifest, Int8LayerFields, KernelEntry, LayerEntry, ModelEntry } from './format';
import { canonExtraLayer } from './layers-extra';

/** The kernel entry with its keys in the canonical order. */
function canonKernel(k: KernelEntry): KernelEntry {
  switch (k.format) {
    case 'pq': return { format: 'pq', shape: k.shape.slice(), codebook: k.codebook, d: k.d, bits: k.bits, indices: k.indices, scales: k.scales };
    case 'int8': return { format: 'int8', shape: k.shape.slice(), q: k.q, scales: k.scales };
    case 'float32': return { format: 'float32', shape: k.shape.slice(), data: k.data };
  }
}

/** The int8 fields of a layer (version 2), in canonical order, only those present. */
function canonInt8(l: LayerEntry): Int8LayerFields {
  const o: Int8LayerFields = {};
  if (l.q !== undefined) o.q = { scale: l.q.scale, zeroPoint: l.q.zeroPoint };
  if (l.requant !== undefined) o.requant = { multiplier: l.requant.multiplier, shift: l.requant.shift };
  if (l.biasShift !== undefined) o.biasShift = l.biasShift;
  if (l.table !== undefined) o.table = l.table;
  return o;
}

/**
 * The layer entry with its keys in the canonical order (name, kind, inputs, outputShape, attributes, tensors,
 * then the int8 fields of version 2 when present).
 */
export function canonLayer(l: LayerEntry): LayerEntry {
  return { ...canonLayerBase(l), ...canonInt8(l) } as LayerEntry;
}

function canonLayerBase(l: LayerEntry): LayerEntry {
  const b = { name: l.name, inputs: l.inputs.slice(), outputShape: l.outputShape.slice() };
  switch (l.kind) {
    case 'input': case 'flatten':
    case 'globalAvgPool1d': case 'globalAvgPool2d': case 'globalMaxPool1d': case 'globalMaxPool2d':
      return { ...b, kind: l.kind };
    case 'dense':
      return { ...b, kind: l.kind, activation: l.activation, kernel: canonKernel(l.kernel), bias: l.bias };
    case 'conv2d': case 'depthwiseConv2d':
      return { ...b, kind: l.kind, strides: [l.strides[0], l.strides[1]], padding: l.padding, dilation: [l.dilation[0], l.dilation[1]],
        activation: l.activation, kernel: canonKernel(l.kernel), bias: l.bias };
    case 'conv1d':
      return { ...b, kind: l.kind, stride: l.stride, padding: l.padding, dilation: l.dilation, activation: l.activation, kernel: canonKernel(l.kernel), bias: l.bias };
    case 'batchNorm': return { ...b, kind: l.kind, scale: l.scale, shift: l.shift };
    case 'maxPool2d': case 'avgPool2d':
      return { ...b, kind: l.kind, poolSize: [l.poolSize[0], l.poolSize[1]], strides: [l.strides[0], l.strides[1]], padding: l.padding };
    case 'maxPool1d': case 'avgPool1d':
      return { ...b, kind: l.kind, poolSize: l.poolSize, stride: l.stride, padding: l.padding };
    case 'reshape': return { ...b, kind: l.kind, targetShape: l.targetShape.slice() };
    case 'activation': case 'add': return { ...b, kind: l.kind, activation: l.activation };
    default: return canonExtraLayer(l) as LayerEntry;
  }
}

function canonModel(m: ModelEntry): ModelEntry {
  return {
    name: m.name, inputShape: m.inputShape.slice(), output: m.output,
    accuracyFloat: m.accuracyFloat, accuracyCompressed: m.accuracyCompressed,
    layers: m.layers.map(canonLayer),
    samples: m.samples ? { count: m.samples.count, x: m.samples.x, y: m.samples.y } : null,
    ...(m.arithmetic === undefined ? {} : { arithmetic: m.arithmetic }),
  };
}

/** A deep copy of the manifest with every object's keys in the canonical order (what the writer stores). */
export function canonicalManifest(m: BundleManifest): BundleManifest {
  return {
    format: m.format, version: m.version, preset: m.preset,
    sections: m.sections.map((s) => ({ name: s.name, dtype: s.dtype, count: s.count, offset: s.offset, length: s.length, crc32: s.crc32 })),
    codebooks: m.codebooks.map((c) => ({ name: c.name, d: c.d, k: c.k, section: c.section, ...(c.scale === undefined ? {} : { scale: c.scale }) })),
    models: m.models.map(canonModel),
  };
}

/**
 * The manifest as stored: compact JSON of the canonical manifest, every character outside printable
 * ASCII escaped as \uXXXX, so the stored text is pure ASCII (the reader rejects any other byte).
 */
export function manifestBytes(m: BundleManifest): Uint8Array {
  const text = JSON.stringify(canonicalManifest(m)).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}
