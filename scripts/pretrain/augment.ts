// Seeded batch augmentations for the image tasks (in place, typed arrays).

/** Shifts each HxW single-channel image by up to `max` pixels in x and y (zero fill). */
export function randomShift(h: number, w: number, max: number) {
  const tmp = new Float32Array(h * w);
  return (x: Float32Array, n: number, rand: () => number): void => {
    for (let s = 0; s < n; s++) {
      const dy = Math.floor(rand() * (2 * max + 1)) - max;
      const dx = Math.floor(rand() * (2 * max + 1)) - max;
      if (dx === 0 && dy === 0) continue;
      const img = x.subarray(s * h * w, (s + 1) * h * w);
      tmp.fill(0);
      for (let r = 0; r < h; r++) {
        const sr = r - dy;
        if (sr < 0 || sr >= h) continue;
        for (let c = 0; c < w; c++) {
          const sc = c - dx;
          if (sc >= 0 && sc < w) tmp[r * w + c] = img[sr * w + sc];
        }
      }
      img.set(tmp);
    }
  };
}

/** Mirrors half of the HxW single-channel images left-right, then shifts them by up to `max` pixels. */
export function flipAndShift(h: number, w: number, max: number) {
  const shift = randomShift(h, w, max);
  return (x: Float32Array, n: number, rand: () => number): void => {
    for (let s = 0; s < n; s++) {
      if (rand() < 0.5) continue;
      const img = x.subarray(s * h * w, (s + 1) * h * w);
      for (let r = 0; r < h; r++) img.subarray(r * w, (r + 1) * w).reverse();
    }
    shift(x, n, rand);
  };
}

/**
 * Spectrogram augmentation for (frames x bands) log-mel samples: a random time shift of up to
 * `maxShift` frames (filled with the sample's minimum, i.e. silence) and one time mask of up to
 * `maxTime` frames and one band mask of up to `maxBands` bands (SpecAugment, Park et al. 2019).
 */
export function specAugment(frames: number, bands: number, maxShift: number, maxTime: number, maxBands: number) {
  const tmp = new Float32Array(frames * bands);
  return (x: Float32Array, n: number, rand: () => number): void => {
    for (let s = 0; s < n; s++) {
      const img = x.subarray(s * frames * bands, (s + 1) * frames * bands);
      let lo = Infinity;
      for (let i = 0; i < img.length; i++) if (img[i] < lo) lo = img[i];
      const shift = Math.floor(rand() * (2 * maxShift + 1)) - maxShift;
      if (shift !== 0) {
        tmp.fill(lo);
        for (let f = 0; f < frames; f++) {
          const src = f - shift;
          if (src >= 0 && src < frames) tmp.set(img.subarray(src * bands, (src + 1) * bands), f * bands);
        }
        img.set(tmp);
      }
      const t = Math.floor(rand() * (maxTime + 1));
      const t0 = Math.floor(rand() * (frames - t + 1));
      img.fill(lo, t0 * bands, (t0 + t) * bands);
      const b = Math.floor(rand() * (maxBands + 1));
      const b0 = Math.floor(rand() * (bands - b + 1));
      for (let f = 0; f < frames; f++) img.fill(lo, f * bands + b0, f * bands + b0 + b);
    }
  };
}
