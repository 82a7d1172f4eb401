/**
 * Train / val / test splits of an imported model's data (one x.npy + y.npy): a seeded shuffle cut
 * 60 / 20 / 20. Used by the app's import and by `yono compress PATH/model.json=DATA_DIR`, so both split alike.
 */
import type { Split } from '../../data/types';
import { createRng } from '../../util/random';

/** The three splits of `n` rows (each `rowLen` values) with class ids `y`. */
export function splitRows(x: Float32Array, y: ArrayLike<number>, n: number, rowLen: number, seed: number): { train: Split; val: Split; test: Split } {
  if (n < 10) throw new Error(`${n} samples are too few to split into train / val / test; import at least 10 (x.npy and y.npy)`);
  if (x.length !== n * rowLen) throw new Error(`the data holds ${x.length} values, not ${n} rows of ${rowLen}`);
  const rnd = createRng(seed);
  const idx = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); const t = idx[i]; idx[i] = idx[j]; idx[j] = t; }
  const a = Math.floor(n * 0.6);
  const b = Math.floor(n * 0.8);
  const take = (rows: Uint32Array): Split => {
    const out = new Float32Array(rows.length * rowLen);
    const yy = new Uint8Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      out.set(x.subarray(r * rowLen, (r + 1) * rowLen), i * rowLen);
      const c = y[r];
      if (!(c >= 0 && c < 256)) throw new Error(`class id ${c} at row ${r} is outside 0..255; the workbench handles up to 256 classes`);
      yy[i] = c;
    }
    return { x: out, y: yy, n: rows.length };
  };
  return { train: take(idx.slice(0, a)), val: take(idx.slice(a, b)), test: take(idx.slice(b)) };
}
