import { baseName, type NamedFile } from './files';
import { parseNpy } from './npy';

/** Evaluation data for a model: inputs and integer class ids. */
export interface EvalData {
  /** (n x ...inputShape), row-major */
  x: Float32Array;
  /** [n, ...inputShape] */
  xShape: number[];
  /** (n) class ids in [0, numClasses) */
  y: Int32Array;
}

const fmt = (s: readonly number[]) => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`;

/**
 * Reads `x.npy` (float32 or float64, shape (n, ...inputShape)) and `y.npy` (integer class ids, shape (n,)
 * or (n, 1)) and checks them against the model: dtypes, shapes, sample counts, labels in
 * [0, numClasses). Errors say what is wrong and how to re-save the arrays.
 */
export function readEvalData(xFile: NamedFile, yFile: NamedFile, inputShape: readonly number[], numClasses: number): EvalData {
  const xn = baseName(xFile.name);
  const yn = baseName(yFile.name);
  const xa = parseNpy(xFile.bytes, xn);
  const ya = parseNpy(yFile.bytes, yn);
  if (xa.dtype !== 'float32' && xa.dtype !== 'float64') {
    throw new Error(`${xn} has dtype ${xa.dtype}, but the model takes float input: save it as float32 (e.g. x.astype(np.float32), scaled as in training)`);
  }
  const want = [xa.shape[0], ...inputShape];
  if (xa.shape.length !== want.length || xa.shape.some((d, i) => i > 0 && d !== want[i])) {
    const hint = xa.shape.length === inputShape.length && xa.shape.every((d, i) => d === inputShape[i])
      ? ' (it lacks the batch dimension: save x[np.newaxis])'
      : xa.shape.length === 2 && xa.shape[1] === inputShape.reduce((a, b) => a * b, 1) ? ` (it is flattened: save x.reshape(-1, ${inputShape.join(', ')}))` : '';
    throw new Error(`${xn} has shape ${fmt(xa.shape)}, but the model input is ${fmt(['n', ...inputShape] as unknown as number[])}${hint}`);
  }
  const n = xa.shape[0];
  const intTypes = ['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32'];
  if (!intTypes.includes(ya.dtype)) {
    throw new Error(`${yn} has dtype ${ya.dtype}; it must hold integer class ids: save y.astype(np.int32)${ya.shape.length === 2 && ya.shape[1] === numClasses ? ' (it looks one-hot: save np.argmax(y, axis=1).astype(np.int32))' : ''}`);
  }
  if (!(ya.shape.length === 1 || (ya.shape.length === 2 && ya.shape[1] === 1))) {
    const oneHot = ya.shape.length === 2 && ya.shape[1] === numClasses ? ' (it looks one-hot: save np.argmax(y, axis=1))' : '';
    throw new Error(`${yn} has shape ${fmt(ya.shape)}; it must be (n,) class ids${oneHot}`);
  }
  if (ya.shape[0] !== n) throw new Error(`${xn} holds ${n} samples but ${yn} holds ${ya.shape[0]} labels: they must match`);
  if (n === 0) throw new Error(`${xn} holds no samples`);
  const y = new Int32Array(n);
  let bad = 0;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const v = ya.data[i];
    if (v < 0 || v >= numClasses) { bad++; if (first < 0) first = i; }
    y[i] = v;
  }
  if (bad) {
    throw new Error(`${yn}: ${bad} label${bad > 1 ? 's are' : ' is'} out of range for a model with ${numClasses} classes (valid ids 0..${numClasses - 1}); the first is ${ya.data[first]} at index ${first}`);
  }
  const x = xa.data instanceof Float32Array ? xa.data : Float32Array.from(xa.data);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) throw new Error(`${xn} holds a non-finite value (${x[i]}) at flat index ${i}`);
  }
  return { x, xShape: [n, ...inputShape], y };
}
