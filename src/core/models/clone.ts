import type { Layer, ModelIR, Tensor } from './ir';

/** A deep copy of a tensor (new typed array). */
export function cloneTensor(t: Tensor): Tensor {
  return { shape: t.shape.slice(), data: t.data.slice() };
}

/** A deep copy of one layer. */
export function cloneLayer(l: Layer): Layer {
  const c = { ...l, inputs: l.inputs.slice(), outputShape: l.outputShape.slice() } as Layer;
  switch (c.kind) {
    case 'dense': case 'conv2d': case 'conv1d': case 'depthwiseConv2d':
      c.kernel = cloneTensor(c.kernel);
      c.bias = c.bias ? cloneTensor(c.bias) : null;
      break;
    case 'batchNorm': c.scale = cloneTensor(c.scale); c.shift = cloneTensor(c.shift); break;
    case 'reshape': c.targetShape = c.targetShape.slice(); break;
    case 'prelu': c.alpha = cloneTensor(c.alpha); break;
    case 'permute': c.perm = c.perm.slice(); break;
    case 'zeroPad2d': c.pad = [c.pad[0], c.pad[1], c.pad[2], c.pad[3]]; break;
    case 'crop2d': c.crop = [c.crop[0], c.crop[1], c.crop[2], c.crop[3]]; break;
    case 'upSample2d': c.size = [c.size[0], c.size[1]]; break;
    default: break;
  }
  if ('strides' in c) c.strides = [c.strides[0], c.strides[1]];
  if ('dilation' in c && Array.isArray(c.dilation)) c.dilation = [c.dilation[0], c.dilation[1]];
  if ('poolSize' in c && Array.isArray(c.poolSize)) c.poolSize = [c.poolSize[0], c.poolSize[1]];
  return c;
}

/** A deep copy of a model IR: no typed array is shared with the original. */
export function cloneIR(ir: ModelIR, name = ir.name): ModelIR {
  return { name, inputShape: ir.inputShape.slice(), layers: ir.layers.map(cloneLayer), output: ir.output };
}
