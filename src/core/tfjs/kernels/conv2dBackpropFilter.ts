import { forEachOutput, gradientOutput, type ConvGeometry } from './geometry';

/**
 * Gradient of a 2-D convolution with respect to its filter:
 * dW[kh, kw, ci, co] = sum over n, oh, ow of x[n, oh*sh + kh*dh - padTop, ow*sw + kw*dw - padLeft, ci]
 * * dy[n, oh, ow, co].
 *
 * x (batch x inH x inW x inC), dy (batch x outH x outW x outC); writes out (kH x kW x inC x outC).
 * Walks dy once in memory order and accumulates outer products into a float64 copy of dW (small enough
 * to stay in cache), skipping zero inputs (frequent after ReLU).
 */
export function conv2dBackpropFilterImpl(
  x: Float32Array, dy: Float32Array, g: ConvGeometry, out?: Float32Array,
): Float32Array {
  const { batch, inH, inW, inC, outH, outW, outC, kH, kW } = g;
  const res = gradientOutput('conv2dBackpropFilter', [['x', x, batch * inH * inW * inC], ['dy', dy, batch * outH * outW * outC]], kH * kW * inC * outC, out);
  const acc = new Float64Array(res.length); // (kH*kW*inC x outC)
  forEachOutput(g, (dyOff, xOffs, taps, count) => {
    const xs = x, dys = dy, sum = acc, nIn = inC, nOut = outC; // locals read faster than the closure's
    for (let t = 0; t < count; t++) {
      const xOff = xOffs[t];
      let wOff = taps[t] * nIn * nOut;
      for (let ci = 0; ci < nIn; ci++, wOff += nOut) {
        const a = xs[xOff + ci];
        if (a === 0) continue;
        for (let co = 0; co < nOut; co++) sum[wOff + co] += a * dys[dyOff + co];
      }
    }
  });
  for (let i = 0; i < res.length; i++) res[i] = acc[i];
  return res;
}
