/**
 * Int8 codebooks: one scale per codebook (max |value| / 127), every value an int8 times it, as the int8
 * runtime stores them (decoding a unit's weights is then a table copy). The pipeline rounds a codebook here
 * right after learning it, so every later step assigns to and decodes from the stored values.
 */

/** A codebook's values rounded to int8 × one scale (1 for an all-zero codebook); ties away from zero. */
export function roundCodebookInt8(values: Float32Array): { values: Float32Array; scale: number } {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  const scale = m > 0 ? Math.fround(m / 127) : 1;
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] / scale;
    const q = Math.max(-127, Math.min(127, v < 0 ? -Math.floor(-v + 0.5) : Math.floor(v + 0.5)));
    out[i] = Math.fround(q * scale);
  }
  return { values: out, scale };
}
