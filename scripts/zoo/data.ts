// Generated data for the zoo: a classification task on any input shape whose classes are smooth
// patterns (a few random low-frequency cosines per class and channel) under noise, random gain and
// shift, so a network must learn spatial features and accuracy means something.
import { createRng } from '../../src/core/util/random';

/** n samples (x: n x prod(shape), y: class ids) of a `classes`-way pattern task on `shape` [H, W, C]. */
export function patternTask(shape: number[], classes: number, n: number, seed: number, noise = 1): { x: Float32Array; y: Int32Array; n: number } {
  const [h, w, c] = shape;
  const tpl = createRng(1000 + classes * 7 + h * 31 + w);
  const templates: Float32Array[] = [];
  for (let k = 0; k < classes; k++) {
    const t = new Float32Array(h * w * c);
    for (let ch = 0; ch < c; ch++) {
      for (let j = 0; j < 3; j++) {
        const fy = 0.5 + tpl() * 2.5, fx = 0.5 + tpl() * 2.5, ph = tpl() * 6.283, a = 0.4 + tpl() * 0.6;
        for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
          t[(y * w + x) * c + ch] += a * Math.cos((6.283 * fy * y) / h + (6.283 * fx * x) / w + ph);
        }
      }
    }
    templates.push(t);
  }
  const rnd = createRng(seed);
  const row = h * w * c;
  const x = new Float32Array(n * row);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rnd() * classes);
    y[i] = k;
    const gain = 0.6 + rnd() * 0.8, shift = (rnd() - 0.5) * 0.5;
    const t = templates[k];
    for (let p = 0; p < row; p++) x[i * row + p] = gain * t[p] + shift + noise * rnd.normal();
  }
  return { x, y, n };
}
