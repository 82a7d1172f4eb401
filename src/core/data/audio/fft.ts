/**
 * Radix-2 FFTs on Float64Array. `ComplexFft` transforms in place; `RealFft` computes the power spectrum
 * of a real frame of length n through one complex FFT of length n/2 (the usual even/odd packing).
 */
export class ComplexFft {
  readonly n: number;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly rev: Uint32Array;

  /** `n` must be a power of two (>= 1). */
  constructor(n: number) {
    if (!Number.isInteger(n) || n < 1 || (n & (n - 1)) !== 0) throw new Error(`FFT size must be a power of two, got ${n}.`);
    this.n = n;
    this.cos = new Float64Array(n / 2);
    this.sin = new Float64Array(n / 2);
    for (let k = 0; k < n / 2; k++) {
      this.cos[k] = Math.cos((2 * Math.PI * k) / n);
      this.sin[k] = -Math.sin((2 * Math.PI * k) / n);
    }
    this.rev = new Uint32Array(n);
    const bits = Math.round(Math.log2(n));
    for (let i = 0; i < n; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.rev[i] = r;
    }
  }

  /** In place: (re, im) <- DFT(re, im), X[k] = sum_t x[t] e^{-2 pi i k t / n}. */
  transform(re: Float64Array, im: Float64Array): void {
    const n = this.n;
    for (let i = 0; i < n; i++) {
      const j = this.rev[i];
      if (j > i) {
        let t = re[i]; re[i] = re[j]; re[j] = t;
        t = im[i]; im[i] = im[j]; im[j] = t;
      }
    }
    for (let size = 2; size <= n; size <<= 1) {
      const half = size >> 1;
      const step = n / size;
      for (let start = 0; start < n; start += size) {
        for (let k = 0; k < half; k++) {
          const wr = this.cos[k * step], wi = this.sin[k * step];
          const a = start + k, b = a + half;
          const tr = re[b] * wr - im[b] * wi;
          const ti = re[b] * wi + im[b] * wr;
          re[b] = re[a] - tr; im[b] = im[a] - ti;
          re[a] += tr; im[a] += ti;
        }
      }
    }
  }
}

/** Power spectrum |X[k]|^2, k = 0..n/2, of real frames of length n (a power of two >= 4). */
export class RealFft {
  readonly n: number;
  private readonly half: ComplexFft;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  private readonly wr: Float64Array;
  private readonly wi: Float64Array;

  constructor(n: number) {
    if (!Number.isInteger(n) || n < 4 || (n & (n - 1)) !== 0) throw new Error(`Real FFT size must be a power of two >= 4, got ${n}.`);
    this.n = n;
    this.half = new ComplexFft(n / 2);
    this.re = new Float64Array(n / 2);
    this.im = new Float64Array(n / 2);
    this.wr = new Float64Array(n / 2 + 1);
    this.wi = new Float64Array(n / 2 + 1);
    for (let k = 0; k <= n / 2; k++) {
      this.wr[k] = Math.cos((2 * Math.PI * k) / n);
      this.wi[k] = -Math.sin((2 * Math.PI * k) / n);
    }
  }

  /** Writes |X[k]|^2 for k = 0..n/2 into `out` (length n/2 + 1). `frame` holds n real samples. */
  power(frame: ArrayLike<number>, out: Float64Array): void {
    const h = this.n / 2;
    const re = this.re, im = this.im;
    for (let t = 0; t < h; t++) {
      re[t] = frame[2 * t];
      im[t] = frame[2 * t + 1];
    }
    this.half.transform(re, im);
    for (let k = 0; k <= h; k++) {
      const k1 = k % h, k2 = (h - k) % h;
      // E = (Z[k] + conj Z[h-k]) / 2 (even samples), O = (Z[k] - conj Z[h-k]) / 2i (odd samples)
      const er = 0.5 * (re[k1] + re[k2]), ei = 0.5 * (im[k1] - im[k2]);
      const or = 0.5 * (im[k1] + im[k2]), oi = -0.5 * (re[k1] - re[k2]);
      const xr = er + this.wr[k] * or - this.wi[k] * oi;
      const xi = ei + this.wr[k] * oi + this.wi[k] * or;
      out[k] = xr * xr + xi * xi;
    }
  }
}
