/** HTK mel scale: 2595 log10(1 + f / 700). */
export function hzToMel(f: number): number {
  return 2595 * Math.log10(1 + f / 700);
}

/** Inverse of hzToMel. */
export function melToHz(m: number): number {
  return 700 * (10 ** (m / 2595) - 1);
}

/** Triangular mel filters over the bins of an n-point FFT, stored sparsely (one run of weights per band). */
export interface MelFilterbank {
  numBands: number;
  numBins: number;
  /** First FFT bin of each band. */
  start: Uint16Array;
  /** Weights of each band's run of bins. */
  weights: Float64Array[];
  /** Centre frequency (Hz) of each band. */
  centers: Float64Array;
}

/**
 * Mel filterbank as in TensorFlow's linear_to_mel_weight_matrix (HTK mel, triangles with peak 1, band
 * edges equally spaced in mel from fMin to fMax, no area normalization). Bin k is at k * sampleRate / fftSize.
 */
export function melFilterbank(numBands: number, fftSize: number, sampleRate: number, fMin: number, fMax: number): MelFilterbank {
  if (!(fMin >= 0 && fMax > fMin && fMax <= sampleRate / 2)) throw new Error(`Mel range must satisfy 0 <= fMin < fMax <= sampleRate/2, got ${fMin}..${fMax} Hz at ${sampleRate} Hz.`);
  const numBins = fftSize / 2 + 1;
  const mLo = hzToMel(fMin), mHi = hzToMel(fMax);
  const edges = new Float64Array(numBands + 2);
  for (let i = 0; i < numBands + 2; i++) edges[i] = mLo + ((mHi - mLo) * i) / (numBands + 1);
  const start = new Uint16Array(numBands);
  const weights: Float64Array[] = [];
  const centers = new Float64Array(numBands);
  for (let b = 0; b < numBands; b++) {
    const lo = edges[b], mid = edges[b + 1], hi = edges[b + 2];
    centers[b] = melToHz(mid);
    const w: number[] = [];
    let first = -1;
    for (let k = 0; k < numBins; k++) {
      const m = hzToMel((k * sampleRate) / fftSize);
      const v = m <= lo || m >= hi ? 0 : m <= mid ? (m - lo) / (mid - lo) : (hi - m) / (hi - mid);
      if (v > 0) {
        if (first < 0) first = k;
        while (first + w.length < k) w.push(0);
        w.push(v);
      }
    }
    if (first < 0) throw new Error(`Mel band ${b} (${centers[b].toFixed(0)} Hz) covers no FFT bin: use fewer bands or a larger FFT.`);
    start[b] = first;
    weights.push(Float64Array.from(w));
  }
  return { numBands, numBins, start, weights, centers };
}

/** out[b] = sum_k W[b, k] power[k]. */
export function applyMel(fb: MelFilterbank, power: Float64Array, out: Float64Array): void {
  for (let b = 0; b < fb.numBands; b++) {
    const w = fb.weights[b];
    const s = fb.start[b];
    let acc = 0;
    for (let j = 0; j < w.length; j++) acc += w[j] * power[s + j];
    out[b] = acc;
  }
}
