import { forEachOutput, gradientOutput, type ConvGeometry } from './geometry';

/**
 * Gradient of a depthwise 2-D convolution with respect to its filter:
 * dW[kh, kw, c, m] = sum over n, oh, ow of x[n, ih, iw, c] * dy[n, oh, ow, c*M + m], with
 * ih = oh*sh + kh*dh - padTop (same for w) and M = outC / inC the channel multiplier.
 *
 * x (batch x inH x inW x inC), dy (batch x outH x outW x inC*M); writes out (kH x kW x inC x M).
 */
export function depthwiseBackpropFilterImpl(
  x: Float32Array, dy: Float32Array, g: ConvGeometry, out?: Float32Array,
): Float32Array {
  const { batch, inH, inW, inC, outH, outW, outC, kH, kW } = g;
  const mult = outC / inC;
  if (!Number.isInteger(mult)) throw new Error(`depthwise: outC ${outC} is not a multiple of inC ${inC}`);
  const res = gradientOutput('depthwiseBackpropFilter', [['x', x, batch * inH * inW * inC], ['dy', dy, batch * outH * outW * outC]], kH * kW * outC, out);
  const acc = new Float64Array(res.length); // (kH*kW x inC*M)
  forEachOutput(g, (dyOff, xOffs, taps, count) => {
    const xs = x, dys = dy, sum = acc, nIn = inC, nOut = outC, mul = mult; // locals read faster than the closure's
    for (let t = 0; t < count; t++) {
      const xOff = xOffs[t];
      const wOff = taps[t] * nOut;
      if (mul === 1) {
        for (let c = 0; c < nIn; c++) sum[wOff + c] += xs[xOff + c] * dys[dyOff + c];
      } else {
        for (let c = 0; c < nIn; c++) {
          const a = xs[xOff + c];
          const base = c * mul;
          for (let m = 0; m < mul; m++) sum[wOff + base + m] += a * dys[dyOff + base + m];
        }
      }
    }
  });
  for (let i = 0; i < res.length; i++) res[i] = acc[i];
  return res;
}
