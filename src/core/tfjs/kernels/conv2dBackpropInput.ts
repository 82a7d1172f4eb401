import { checkLength, type ConvGeometry } from './geometry';

/**
 * Gradient of a 2-D convolution with respect to its input:
 * dx[n, ih, iw, ci] = sum over (oh, ow, kh, kw) with ih = oh*sh + kh*dh - padTop (same for w) of
 * w[kh, kw, ci, co] * dy[n, oh, ow, co].
 *
 * dy (batch x outH x outW x outC), w (kH x kW x inC x outC); writes out (batch x inH x inW x inC).
 * Each output pixel scatters dot products of its dy row with the filter rows into dx.
 */
export function conv2dBackpropInputImpl(
  dy: Float32Array, w: Float32Array, g: ConvGeometry, out?: Float32Array,
): Float32Array {
  const { batch, inH, inW, inC, outH, outW, outC, kH, kW, strideH, strideW, dilH, dilW, padTop, padLeft } = g;
  checkLength('conv2dBackpropInput dy', dy, batch * outH * outW * outC);
  checkLength('conv2dBackpropInput filter', w, kH * kW * inC * outC);
  const size = batch * inH * inW * inC;
  const res = out ?? new Float32Array(size);
  checkLength('conv2dBackpropInput output', res, size);
  res.fill(0);
  for (let n = 0; n < batch; n++) {
    for (let oh = 0; oh < outH; oh++) {
      const ih0 = oh * strideH - padTop;
      for (let ow = 0; ow < outW; ow++) {
        const iw0 = ow * strideW - padLeft;
        const dyOff = ((n * outH + oh) * outW + ow) * outC;
        for (let kh = 0; kh < kH; kh++) {
          const ih = ih0 + kh * dilH;
          if (ih < 0 || ih >= inH) continue;
          for (let kw = 0; kw < kW; kw++) {
            const iw = iw0 + kw * dilW;
            if (iw < 0 || iw >= inW) continue;
            const xOff = ((n * inH + ih) * inW + iw) * inC;
            let wOff = (kh * kW + kw) * inC * outC;
            for (let ci = 0; ci < inC; ci++, wOff += outC) {
              let s = 0;
              for (let co = 0; co < outC; co++) s += w[wOff + co] * dy[dyOff + co];
              res[xOff + ci] += s;
            }
          }
        }
      }
    }
  }
  return res;
}
