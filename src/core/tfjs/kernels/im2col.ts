import type { ConvGeometry } from './geometry';

/**
 * Transposed im2col of samples [n0, n1) of x: out (kH*kW*inC x P) with P = (n1-n0)*outH*outW, row
 * k = (kh*kW + kw)*inC + ci (the filter's row order), column p = ((n-n0)*outH + oh)*outW + ow; zero where
 * the receptive field falls in the padding. Then dW (kH*kW*inC x outC) = out · dy (P x outC).
 */
export function im2colT(x: Float32Array, g: ConvGeometry, n0: number, n1: number, out: Float32Array): void {
  const { inH, inW, inC, outH, outW, kH, kW, strideH, strideW, dilH, dilW, padTop, padLeft } = g;
  const P = (n1 - n0) * outH * outW;
  if (out.length !== kH * kW * inC * P) throw new Error(`im2colT: output must hold ${kH * kW * inC * P} values`);
  for (let kh = 0; kh < kH; kh++) {
    for (let kw = 0; kw < kW; kw++) {
      const rowBase = (kh * kW + kw) * inC * P;
      let p = 0;
      for (let n = n0; n < n1; n++) {
        for (let oh = 0; oh < outH; oh++) {
          const ih = oh * strideH - padTop + kh * dilH;
          const rowOk = ih >= 0 && ih < inH;
          for (let ow = 0; ow < outW; ow++, p++) {
            const iw = ow * strideW - padLeft + kw * dilW;
            if (!rowOk || iw < 0 || iw >= inW) {
              for (let ci = 0; ci < inC; ci++) out[rowBase + ci * P + p] = 0;
              continue;
            }
            const xOff = ((n * inH + ih) * inW + iw) * inC;
            for (let ci = 0; ci < inC; ci++) out[rowBase + ci * P + p] = x[xOff + ci];
          }
        }
      }
    }
  }
}

/**
 * Inverse of im2col with accumulation: adds cols (P x kH*kW*inC), P = (n1-n0)*outH*outW, into dx
 * (batch x inH x inW x inC) at the input positions each column entry was read from. dx rows of samples
 * [n0, n1) must be zeroed by the caller first.
 */
export function col2imAdd(cols: Float32Array, g: ConvGeometry, n0: number, n1: number, dx: Float32Array): void {
  const { inH, inW, inC, outH, outW, kH, kW, strideH, strideW, dilH, dilW, padTop, padLeft } = g;
  const KK = kH * kW * inC;
  let c = 0;
  for (let n = n0; n < n1; n++) {
    for (let oh = 0; oh < outH; oh++) {
      for (let ow = 0; ow < outW; ow++, c += KK) {
        for (let kh = 0; kh < kH; kh++) {
          const ih = oh * strideH - padTop + kh * dilH;
          if (ih < 0 || ih >= inH) continue;
          for (let kw = 0; kw < kW; kw++) {
            const iw = ow * strideW - padLeft + kw * dilW;
            if (iw < 0 || iw >= inW) continue;
            const xOff = ((n * inH + ih) * inW + iw) * inC;
            const cOff = c + (kh * kW + kw) * inC;
            for (let ci = 0; ci < inC; ci++) dx[xOff + ci] += cols[cOff + ci];
          }
        }
      }
    }
  }
}

/** out (cols x rows) = a (rows x cols) transposed. */
export function transpose2d(a: Float32Array, rows: number, cols: number, out: Float32Array): void {
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) out[c * rows + r] = a[base + c];
  }
}

/** Number of samples per chunk so that one im2col buffer stays under `maxFloats` values (at least 1). */
export function samplesPerChunk(g: ConvGeometry, maxFloats: number): number {
  const perSample = g.outH * g.outW * g.kH * g.kW * g.inC;
  return Math.max(1, Math.min(g.batch, Math.floor(maxFloats / Math.max(1, perSample))));
}
