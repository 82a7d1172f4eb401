import type { Layer, LayerKind, ModelIR } from './ir';
import { sizeOf } from './shapes';
import { layerTensors } from './layers/params';

/** Stored parameters of one layer: kernel + bias, scale + shift of an unfolded batchNorm, PReLU alpha. */
export function layerParams(l: Layer): number {
  return layerTensors(l).reduce((s, [, t]) => s + t.data.length, 0);
}

/**
 * Multiply-accumulates of one layer for one sample: conv/dense/depthwise exact (output elements x
 * receptive field); batchNorm 1 per element; average pooling one per window element; global average
 * pooling one per input element; max pooling, activations, add, reshape count 0.
 */
export function layerMacs(l: Layer, inShape: number[]): number {
  const out = sizeOf(l.outputShape);
  switch (l.kind) {
    case 'dense': return out * l.kernel.shape[0];
    case 'conv2d': return out * l.kernel.shape[0] * l.kernel.shape[1] * l.kernel.shape[2];
    case 'conv1d': return out * l.kernel.shape[0] * l.kernel.shape[1];
    case 'depthwiseConv2d': return out * l.kernel.shape[0] * l.kernel.shape[1];
    case 'batchNorm': return out;
    case 'avgPool2d': return out * l.poolSize[0] * l.poolSize[1];
    case 'avgPool1d': return out * l.poolSize;
    case 'globalAvgPool1d': case 'globalAvgPool2d': return sizeOf(inShape);
    default: return 0;
  }
}

/** Per-layer figures, as the layer table shows them. */
export interface LayerStats {
  name: string;
  kind: LayerKind;
  outputShape: number[];
  params: number;
  macs: number;
  /** params * 4 */
  float32Bytes: number;
}

/** Per-layer params, MACs and float32 bytes, in model order. */
export function layerStats(ir: ModelIR): LayerStats[] {
  const shapes = new Map(ir.layers.map((l) => [l.name, l.outputShape]));
  return ir.layers.map((l) => {
    const p = layerParams(l);
    const inShape = l.inputs.length ? (shapes.get(l.inputs[0]) as number[]) : l.outputShape;
    return { name: l.name, kind: l.kind, outputShape: l.outputShape.slice(), params: p, macs: layerMacs(l, inShape), float32Bytes: p * 4 };
  });
}

/** Total stored parameters (weights, biases, batchNorm scale and shift). */
export function countParams(ir: ModelIR): number {
  let n = 0;
  for (const l of ir.layers) n += layerParams(l);
  return n;
}

/** MACs per layer (in model order) and their total, for one sample. */
export function countMacs(ir: ModelIR): { perLayer: { name: string; macs: number }[]; total: number } {
  const perLayer = layerStats(ir).map((s) => ({ name: s.name, macs: s.macs }));
  return { perLayer, total: perLayer.reduce((a, b) => a + b.macs, 0) };
}

/** Bytes of all parameters stored as float32. */
export function float32Bytes(ir: ModelIR): number {
  return countParams(ir) * 4;
}
