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

/**
 * The output of a gradient kernel: checks each input's length (`[name, array, expected]`) and returns
 * `out` (checked, when given) or a new array of `size` elements.
 */
export function gradientOutput(kernel: string, inputs: [string, ArrayLike<number>, number][], size: number, out?: Float32Array): Float32Array {
  for (const [name, arr, n] of inputs) checkLength(`${kernel} ${name}`, arr, n);
  const res = out ?? new Float32Array(size);
  checkLength(`${kernel} output`, res, size);
  return res;
}

/** Throws when an array does not have the element count the geometry implies. */
export function checkLength(what: string, arr: ArrayLike<number>, expected: number): void {
  if (arr.length !== expected) {
    throw new Error(`${what}: expected ${expected} elements, got ${arr.length}`);
  }
}

/**
 * The loop the four gradient kernels share: for every output position (n, oh, ow), in the memory order of
 * dy, gathers the filter taps (kh, kw) that land inside the input (ih = oh*sh + kh*dh - padTop, likewise
 * iw; taps in the padding are skipped), kh-major, and calls `visit(dyOff, xOffs, taps, count)`: dyOff is
 * the offset of output-gradient pixel (n, oh, ow, channel 0); for t < count, xOffs[t] is the offset of
 * input pixel (n, ih, iw, channel 0) and taps[t] the tap index kh * kW + kw. The arrays are reused.
 */
export function forEachOutput(g: ConvGeometry, visit: (dyOff: number, xOffs: Int32Array, taps: Int32Array, count: number) => void): void {
  const { batch, inH, inW, inC, outH, outW, outC, kH, kW, strideH, strideW, dilH, dilW, padTop, padLeft } = g;
  const xOffs = new Int32Array(kH * kW);
  const taps = new Int32Array(kH * kW);
  for (let n = 0; n < batch; n++) {
    for (let oh = 0; oh < outH; oh++) {
      const ih0 = oh * strideH - padTop;
      for (let ow = 0; ow < outW; ow++) {
        const iw0 = ow * strideW - padLeft;
        let count = 0;
        for (let kh = 0; kh < kH; kh++) {
          const ih = ih0 + kh * dilH;
          if (ih < 0 || ih >= inH) continue;
          for (let kw = 0; kw < kW; kw++) {
            const iw = iw0 + kw * dilW;
            if (iw < 0 || iw >= inW) continue;
            xOffs[count] = ((n * inH + ih) * inW + iw) * inC;
            taps[count++] = kh * kW + kw;
          }
        }
        visit(((n * outH + oh) * outW + ow) * outC, xOffs, taps, count);
      }
    }
  }
}
