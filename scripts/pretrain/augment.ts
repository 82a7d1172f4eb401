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
