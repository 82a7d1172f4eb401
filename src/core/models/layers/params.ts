import type { Layer, Tensor } from '../ir';

/** A parameter tensor of a layer by its role. */
export type ParamRole = 'kernel' | 'bias' | 'scale' | 'shift' | 'alpha';

/**
 * Every parameter tensor a layer stores, in a fixed order: kernel and bias of weight layers, scale and
 * shift of an unfolded batch norm, alpha of a PReLU. The tensors are the layer's own (not copies).
 */
export function layerTensors(l: Layer): [ParamRole, Tensor][] {
  switch (l.kind) {
    case 'dense': case 'conv1d': case 'conv2d': case 'depthwiseConv2d':
      return l.bias ? [['kernel', l.kernel], ['bias', l.bias]] : [['kernel', l.kernel]];
    case 'batchNorm': return [['scale', l.scale], ['shift', l.shift]];
    case 'prelu': return [['alpha', l.alpha]];
    default: return [];
  }
}

/** Float parameters a layer stores outside a compressible kernel (bias, batch norm, PReLU alpha). */
export function nonKernelParams(l: Layer): number {
  return layerTensors(l).reduce((s, [role, t]) => s + (role === 'kernel' ? 0 : t.data.length), 0);
}
