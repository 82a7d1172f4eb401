import { forEachOutput, gradientOutput, type ConvGeometry } from './geometry';

/**
 * Gradient of a depthwise 2-D convolution with respect to its input:
 * dx[n, ih, iw, c] = sum over (oh, ow, kh, kw, m) of w[kh, kw, c, m] * dy[n, oh, ow, c*M + m], with
 * ih = oh*sh + kh*dh - padTop (same for w) and M = outC / inC.
 *
 * dy (batch x outH x outW x inC*M), w (kH x kW x inC x M); writes out (batch x inH x inW x inC).
 */
export function depthwiseBackpropInputImpl(
  dy: Float32Array, w: Float32Array, g: ConvGeometry, out?: Float32Array,
): Float32Array {
  const { batch, inH, inW, inC, outH, outW, outC, kH, kW } = g;
  const mult = outC / inC;
  if (!Number.isInteger(mult)) throw new Error(`depthwise: outC ${outC} is not a multiple of inC ${inC}`);
  const res = gradientOutput('depthwiseBackpropInput', [['dy', dy, batch * outH * outW * outC], ['filter', w, kH * kW * outC]], batch * inH * inW * inC, out);
  res.fill(0);
  forEachOutput(g, (dyOff, xOffs, taps, count) => {
    const ws = w, dys = dy, dx = res, nIn = inC, nOut = outC, mul = mult; // locals read faster than the closure's
    for (let t = 0; t < count; t++) {
      const xOff = xOffs[t];
      const wOff = taps[t] * nOut;
      if (mul === 1) {
        for (let c = 0; c < nIn; c++) dx[xOff + c] += ws[wOff + c] * dys[dyOff + c];
      } else {
        for (let c = 0; c < nIn; c++) {
          const base = c * mul;
          let s = 0;
          for (let m = 0; m < mul; m++) s += ws[wOff + base + m] * dys[dyOff + base + m];
          dx[xOff + c] += s;
        }
      }
    }
  });
  return res;
}
