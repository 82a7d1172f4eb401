import type { backend_util } from '@tensorflow/tfjs';

/**
 * Geometry of one 2-D convolution (NHWC, channels-last), as the pure kernels in this folder need it.
 * A 1-D convolution is the same with inH = outH = kH = 1. For a depthwise convolution
 * outC = inC * channelMultiplier.
 */
export interface ConvGeometry {
  batch: number;
  inH: number;
  inW: number;
  inC: number;
  outH: number;
  outW: number;
  outC: number;
  kH: number;
  kW: number;
  strideH: number;
  strideW: number;
  dilH: number;
  dilW: number;
  /** Rows of zero padding above the input (the bottom padding is implied by outH). */
  padTop: number;
  /** Columns of zero padding left of the input. */
  padLeft: number;
}

/** Converts tfjs's `Conv2DInfo` (channels-last) into a ConvGeometry. */
export function geometryFromConvInfo(info: backend_util.Conv2DInfo): ConvGeometry {
  if (info.dataFormat !== 'channelsLast') {
    throw new Error(`convolution gradient kernels support only channelsLast (NHWC) data, got ${info.dataFormat}`);
  }
  return {
    batch: info.batchSize, inH: info.inHeight, inW: info.inWidth, inC: info.inChannels,
    outH: info.outHeight, outW: info.outWidth, outC: info.outChannels,
    kH: info.filterHeight, kW: info.filterWidth,
    strideH: info.strideHeight, strideW: info.strideWidth,
    dilH: info.dilationHeight, dilW: info.dilationWidth,
    padTop: info.padInfo.top, padLeft: info.padInfo.left,
  };
}

/** Throws when an array does not have the element count the geometry implies. */
export function checkLength(what: string, arr: ArrayLike<number>, expected: number): void {
  if (arr.length !== expected) {
    throw new Error(`${what}: expected ${expected} elements, got ${arr.length}`);
  }
}
