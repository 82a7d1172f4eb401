import type { Counters } from '../counters';
import { activateRange } from './activation';

const f = Math.fround;

/** y = x * scale[c] + shift[c] over a (positions x C) tensor, channel by channel (each parameter read once). */
export function batchNorm(x: Float32Array, xo: number, y: Float32Array, yo: number, positions: number, ch: number,
  scale: Float32Array, shift: Float32Array, c: Counters): void {
  for (let k = 0; k < ch; k++) {
    const s = scale[k], t = shift[k];
    for (let i = k; i < positions * ch; i += ch) y[yo + i] = f(f(x[xo + i] * s) + t);
  }
  const n = positions * ch;
  c.elementOps += n; c.actRead += n * 4; c.actWritten += n * 4; c.flashBytes += ch * 8;
}

/** y = act(a + b), elementwise over n values; softmax rows of `ch` values. May run in place (y = a). */
export function add(a: Float32Array, ao: number, b: Float32Array, bo: number, y: Float32Array, yo: number, n: number, ch: number,
  act: number, c: Counters): void {
  for (let i = 0; i < n; i++) y[yo + i] = f(a[ao + i] + b[bo + i]);
  activateRange(y, yo, n, ch, act);
  c.elementOps += 2 * n; c.actRead += 8 * n; c.actWritten += 4 * n;
}

/** y = act(x) over n values (rows of `ch` for softmax). */
export function activation(x: Float32Array, xo: number, y: Float32Array, yo: number, n: number, ch: number, act: number, c: Counters): void {
  if (x !== y || xo !== yo) y.set(x.subarray(xo, xo + n), yo);
  activateRange(y, yo, n, ch, act);
  c.elementOps += n; c.actRead += 4 * n; c.actWritten += 4 * n;
}
