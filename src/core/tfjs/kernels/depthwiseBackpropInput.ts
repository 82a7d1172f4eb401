import { checkLength, type ConvGeometry } from './geometry';

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
  const { batch, inH, inW, inC, outH, outW, outC, kH, kW, strideH, strideW, dilH, dilW, padTop, padLeft } = g;
  const mult = outC / inC;
  if (!Number.isInteger(mult)) throw new Error(`depthwise: outC ${outC} is not a multiple of inC ${inC}`);
  checkLength('depthwiseBackpropInput dy', dy, batch * outH * outW * outC);
  checkLength('depthwiseBackpropInput filter', w, kH * kW * outC);
  const size = batch * inH * inW * inC;
  const res = out ?? new Float32Array(size);
  checkLength('depthwiseBackpropInput output', res, size);
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
            const wOff = (kh * kW + kw) * outC;
            if (mult === 1) {
              for (let c = 0; c < inC; c++) res[xOff + c] += w[wOff + c] * dy[dyOff + c];
            } else {
              for (let c = 0; c < inC; c++) {
                const base = c * mult;
                let s = 0;
                for (let m = 0; m < mult; m++) s += w[wOff + base + m] * dy[dyOff + base + m];
                res[xOff + c] += s;
              }
            }
          }
        }
      }
    }
  }
  return res;
}
