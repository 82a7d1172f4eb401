import { forEachOutput, gradientOutput, type ConvGeometry } from './geometry';

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
  const { batch, inH, inW, inC, outH, outW, outC, kH, kW } = g;
  const res = gradientOutput('conv2dBackpropInput', [['dy', dy, batch * outH * outW * outC], ['filter', w, kH * kW * inC * outC]], batch * inH * inW * inC, out);
  res.fill(0);
  forEachOutput(g, (dyOff, xOffs, taps, count) => {
    const ws = w, dys = dy, dx = res, nIn = inC, nOut = outC; // locals read faster than the closure's
    for (let t = 0; t < count; t++) {
      const xOff = xOffs[t];
      let wOff = taps[t] * nIn * nOut;
      for (let ci = 0; ci < nIn; ci++, wOff += nOut) {
        let s = 0;
        for (let co = 0; co < nOut; co++) s += ws[wOff + co] * dys[dyOff + co];
        dx[xOff + ci] += s;
      }
    }
  });
  return res;
}
