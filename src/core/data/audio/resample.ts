/**
 * Band-limited resampling by windowed-sinc interpolation (Hann-windowed, `zeroCrossings` lobes each side),
 * with the cut-off at the lower of the two Nyquist frequencies, so downsampling does not alias.
 * Used for espeak-ng's 22,050 Hz output and for audio a user records or uploads (44.1 / 48 kHz).
 * For integer rates whose ratio has a small denominator (22,050 -> 16,000: 441/320) the kernels of the
 * repeating output phases are computed once (polyphase table).
 */
export function resample(x: ArrayLike<number>, fromRate: number, toRate: number, zeroCrossings = 16): Float32Array {
  if (!(fromRate > 0 && toRate > 0)) throw new Error(`Sample rates must be positive, got ${fromRate} -> ${toRate}.`);
  const nOut = Math.floor((x.length * toRate) / fromRate);
  const out = new Float32Array(nOut);
  if (fromRate === toRate) {
    for (let i = 0; i < nOut; i++) out[i] = x[i];
    return out;
  }
  const fc = Math.min(1, toRate / fromRate); // cut-off relative to the input Nyquist
  const half = zeroCrossings / fc; // kernel half-width in input samples
  const taps = 2 * Math.ceil(half) + 1;
  const kernel = (d: number): number => {
    if (Math.abs(d) > half) return 0;
    const a = Math.PI * fc * d;
    const sinc = Math.abs(a) < 1e-9 ? 1 : Math.sin(a) / a;
    return fc * sinc * (0.5 + 0.5 * Math.cos((Math.PI * d) / half));
  };
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const integral = Number.isInteger(fromRate) && Number.isInteger(toRate);
  const phases = integral ? toRate / gcd(fromRate, toRate) : Infinity;
  if (phases <= 4096 && phases < nOut) {
    // output i sits at input position i * from / to = base + frac, frac repeating with period `phases`
    const table = new Float64Array(phases * taps);
    const lo0 = -Math.ceil(half);
    for (let ph = 0; ph < phases; ph++) {
      const p = (ph * fromRate) / toRate;
      const frac = p - Math.floor(p);
      for (let t = 0; t < taps; t++) table[ph * taps + t] = kernel(lo0 + t - frac);
    }
    for (let i = 0; i < nOut; i++) {
      const ph = i % phases;
      const base = Math.floor((i * fromRate) / toRate);
      const k0 = ph * taps;
      let acc = 0;
      for (let t = 0; t < taps; t++) {
        const j = base + lo0 + t;
        if (j >= 0 && j < x.length) acc += x[j] * table[k0 + t];
      }
      out[i] = acc;
    }
    return out;
  }
  for (let i = 0; i < nOut; i++) {
    const p = (i * fromRate) / toRate;
    const lo = Math.max(0, Math.ceil(p - half));
    const hi = Math.min(x.length - 1, Math.floor(p + half));
    let acc = 0;
    for (let j = lo; j <= hi; j++) acc += x[j] * kernel(j - p);
    out[i] = acc;
  }
  return out;
}
