import { checkLength, type ConvGeometry } from './geometry';

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
  const { batch, inH, inW, inC, outH, outW, outC, kH, kW, strideH, strideW, dilH, dilW, padTop, padLeft } = g;
  checkLength('conv2dBackpropFilter x', x, batch * inH * inW * inC);
  checkLength('conv2dBackpropFilter dy', dy, batch * outH * outW * outC);
  const size = kH * kW * inC * outC;
  const res = out ?? new Float32Array(size);
  checkLength('conv2dBackpropFilter output', res, size);
  const acc = new Float64Array(size); // (kH*kW*inC x outC)
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
              const a = x[xOff + ci];
              if (a === 0) continue;
              for (let co = 0; co < outC; co++) acc[wOff + co] += a * dy[dyOff + co];
            }
          }
        }
      }
    }
  }
  for (let i = 0; i < size; i++) res[i] = acc[i];
  return res;
}
