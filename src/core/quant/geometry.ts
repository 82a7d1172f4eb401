/**
 * The NHWC geometry (batch 1) of an IR layer as the int8 kernels take it: rank-1 tensors are 1 x 1 x C,
 * rank-2 are 1 x W x C; dense runs as a 1x1 convolution over every position of its input, conv1d as a
 * convolution with H = 1, global pooling as one window over the whole input; padding as TensorFlow's.
 */
import type { Layer } from '../models/ir';
import { padBefore, sizeOf } from '../models/shapes';
import type { S8Geometry } from './kernels/types';

/** [H, W, C] of a shape without batch. */
export function hwc(s: readonly number[]): [number, number, number] {
  if (s.length === 1) return [1, 1, s[0]];
  if (s.length === 2) return [1, s[0], s[1]];
  if (s.length === 3) return [s[0], s[1], s[2]];
  throw new RangeError(`int8 tensors have rank 1 to 3 (batch aside), got [${s.join(', ')}]`);
}

/** A geometry with a 1x1 window, stride 1, no padding. */
function plain(inShape: readonly number[], outShape: readonly number[]): S8Geometry {
  const [inH, inW, inC] = hwc(inShape);
  const [outH, outW, outC] = hwc(outShape);
  return { inH, inW, inC, outH, outW, outC, kh: 1, kw: 1, sh: 1, sw: 1, dh: 1, dw: 1, padT: 0, padL: 0 };
}

/** The geometry of `l` reading a tensor of `inShape`. Flatten, reshape and add have the plain one. */
export function layerGeometry(l: Layer, inShape: readonly number[]): S8Geometry {
  const g = plain(inShape, l.outputShape);
  switch (l.kind) {
    case 'dense': {
      const c = inShape[inShape.length - 1];
      const p = sizeOf(inShape) / c;
      return { ...plain([p, c], [p, l.outputShape[l.outputShape.length - 1]]) };
    }
    case 'conv1d': {
      const k = l.kernel.shape[0];
      return { ...g, kw: k, sw: l.stride, dw: l.dilation, padL: padBefore(g.inW, k, l.stride, l.dilation, l.padding) };
    }
    case 'conv2d': case 'depthwiseConv2d': {
      const [kh, kw] = l.kernel.shape;
      return { ...g, kh, kw, sh: l.strides[0], sw: l.strides[1], dh: l.dilation[0], dw: l.dilation[1],
        padT: padBefore(g.inH, kh, l.strides[0], l.dilation[0], l.padding), padL: padBefore(g.inW, kw, l.strides[1], l.dilation[1], l.padding) };
    }
    case 'maxPool2d': case 'avgPool2d': {
      const [kh, kw] = l.poolSize;
      const [sh, sw] = l.strides;
      return { ...g, kh, kw, sh, sw, padT: padBefore(g.inH, kh, sh, 1, l.padding), padL: padBefore(g.inW, kw, sw, 1, l.padding) };
    }
    case 'maxPool1d': case 'avgPool1d':
      return { ...g, kw: l.poolSize, sw: l.stride, padL: padBefore(g.inW, l.poolSize, l.stride, 1, l.padding) };
    case 'globalAvgPool1d': case 'globalAvgPool2d': case 'globalMaxPool1d': case 'globalMaxPool2d':
      return { ...g, outH: 1, outW: 1, kh: g.inH, kw: g.inW, sh: g.inH, sw: g.inW };
    default:
      return g;
  }
}
