import { checkLength, type ConvGeometry } from './geometry';

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
  const { batch, inH, inW, inC, outH, outW, outC, kH, kW, strideH, strideW, dilH, dilW, padTop, padLeft } = g;
  const mult = outC / inC;
  if (!Number.isInteger(mult)) throw new Error(`depthwise: outC ${outC} is not a multiple of inC ${inC}`);
  checkLength('depthwiseBackpropFilter x', x, batch * inH * inW * inC);
  checkLength('depthwiseBackpropFilter dy', dy, batch * outH * outW * outC);
  const size = kH * kW * outC;
  const res = out ?? new Float32Array(size);
  checkLength('depthwiseBackpropFilter output', res, size);
  const acc = new Float64Array(size); // (kH*kW x inC*M)
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
            const wOff = (kh * kW + kw) * outC;
            if (mult === 1) {
              for (let c = 0; c < inC; c++) acc[wOff + c] += x[xOff + c] * dy[dyOff + c];
            } else {
              for (let c = 0; c < inC; c++) {
                const a = x[xOff + c];
                const base = c * mult;
                for (let m = 0; m < mult; m++) acc[wOff + base + m] += a * dy[dyOff + base + m];
              }
            }
          }
        }
      }
    }
  }
  for (let i = 0; i < size; i++) res[i] = acc[i];
  return res;
}
