/**
 * Cuts or zero-pads `signal` to `length` samples, copying signal[start ..] to out[0 ..]; a negative
 * `start` shifts the signal right (leading zeros). Used to place a word at a random time in the 1 s window.
 */
export function placeInWindow(signal: ArrayLike<number>, length: number, start: number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    const j = i + start;
    if (j >= 0 && j < signal.length) out[i] = signal[j];
  }
  return out;
}

/**
 * Start index of the `length`-sample stretch of `signal` with the most energy (0 when the signal is
 * shorter). Lets recorded or uploaded audio be cut to the 1 s around the spoken word.
 */
export function loudestWindowStart(signal: ArrayLike<number>, length: number): number {
  if (signal.length <= length) return 0;
  let e = 0;
  for (let i = 0; i < length; i++) e += signal[i] * signal[i];
  let best = e, at = 0;
  for (let s = 1; s + length <= signal.length; s++) {
    e += signal[s + length - 1] * signal[s + length - 1] - signal[s - 1] * signal[s - 1];
    if (e > best) { best = e; at = s; }
  }
  return at;
}
