/**
 * A NumPy `.npy` reader (format versions 1.0, 2.0 and 3.0): little-endian or byte-order-free numeric
 * dtypes, C order. Fortran order, object/structured/string arrays and big-endian data are rejected with
 * a message saying how to re-save the array.
 */

/** NumPy dtypes this reader understands, by their NumPy name. */
export type NpyDtype = 'float32' | 'float64' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32' | 'bool';

/** A parsed array. int64 data is converted to float64 numbers (checked to be exact). */
export interface NpyArray {
  dtype: NpyDtype;
  shape: number[];
  data: Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;
}

const DESCR: Record<string, { dtype: NpyDtype; bytes: number }> = {
  f4: { dtype: 'float32', bytes: 4 }, f8: { dtype: 'float64', bytes: 8 },
  i1: { dtype: 'int8', bytes: 1 }, i2: { dtype: 'int16', bytes: 2 }, i4: { dtype: 'int32', bytes: 4 }, i8: { dtype: 'int64', bytes: 8 },
  u1: { dtype: 'uint8', bytes: 1 }, u2: { dtype: 'uint16', bytes: 2 }, u4: { dtype: 'uint32', bytes: 4 }, b1: { dtype: 'bool', bytes: 1 },
};

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const RESAVE = 'Re-save it with numpy: np.save(path, np.ascontiguousarray(a, dtype=np.float32)) (or dtype=np.int32 for labels).';

function fail(file: string, what: string): never {
  throw new Error(`${file}: ${what}`);
}

/** Parses the header dict, e.g. `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`. */
function parseHeader(file: string, text: string): { descr: string; fortran: boolean; shape: number[] } {
  const descr = /['"]descr['"]\s*:\s*(['"])(.*?)\1/.exec(text);
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(text);
  const shape = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(text);
  if (!fortran || !shape) fail(file, `the NPY header is not understood: ${text.trim()}`);
  if (!descr) {
    fail(file, `it holds a structured (record) array ('descr' is not a simple type string), which is not supported. ${RESAVE}`);
  }
  const dims = shape[1].split(',').map((s) => s.trim()).filter((s) => s !== '');
  const nums = dims.map((d) => Number(d.replace(/L$/, '')));
  if (nums.some((n) => !Number.isInteger(n) || n < 0)) fail(file, `bad shape (${shape[1]}) in the NPY header`);
  return { descr: descr[2], fortran: fortran[1] === 'True', shape: nums };
}

/**
 * Parses a `.npy` file. `file` names it in error messages. Throws an Error naming the file and the
 * problem (not NPY, unsupported version, big-endian, Fortran order, object or unsupported dtype,
 * truncated data, int64 values beyond 2^53).
 */
export function parseNpy(bytes: Uint8Array | ArrayBuffer, file = 'array.npy'): NpyArray {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (b.length < 10 || MAGIC.some((m, i) => b[i] !== m)) fail(file, 'not a NumPy .npy file (it does not start with \\x93NUMPY)');
  const major = b[6];
  if (major < 1 || major > 3) fail(file, `NPY format version ${major}.${b[7]} is not supported (1.0, 2.0 and 3.0 are)`);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const lenBytes = major === 1 ? 2 : 4;
  if (b.length < 8 + lenBytes) fail(file, 'the file ends inside the NPY header');
  const hlen = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  const start = 8 + lenBytes + hlen;
  if (b.length < start) fail(file, `the NPY header says ${hlen} bytes but the file ends first`);
  // The header is ASCII in practice (3.0 only allows UTF-8 for structured field names, rejected anyway).
  let text = '';
  for (let i = 8 + lenBytes; i < start; i++) text += String.fromCharCode(b[i]);
  const h = parseHeader(file, text);
  if (h.fortran) fail(file, `the array is stored in Fortran (column-major) order, which is not supported. ${RESAVE}`);
  const order = h.descr[0];
  const code = h.descr.slice(1);
  if (code.startsWith('O')) fail(file, `it holds a Python object array (dtype ${h.descr}), which cannot be read without Python. ${RESAVE}`);
  if (order === '>' && DESCR[code] && DESCR[code].bytes > 1) fail(file, `the data is big-endian (dtype ${h.descr}); only little-endian is supported. ${RESAVE}`);
  const spec = DESCR[code];
  if (!spec || !['<', '|', '='].includes(order) && !(order === '>' && spec.bytes === 1)) {
    fail(file, `dtype ${h.descr} is not supported (supported: float32, float64, int8, int16, int32, int64, uint8, uint16, uint32, bool). ${RESAVE}`);
  }
  const count = h.shape.reduce((a, x) => a * x, 1);
  const need = count * spec.bytes;
  if (b.length - start < need) fail(file, `the header announces shape (${h.shape.join(', ')}) of ${spec.dtype} = ${need} data bytes, but only ${b.length - start} follow: the file is truncated`);
  const raw = b.slice(start, start + need).buffer; // aligned copy
  return { dtype: spec.dtype, shape: h.shape, data: typed(file, spec.dtype, raw, count) };
}

function typed(file: string, dtype: NpyDtype, raw: ArrayBuffer, count: number): NpyArray['data'] {
  switch (dtype) {
    case 'float32': return new Float32Array(raw);
    case 'float64': return new Float64Array(raw);
    case 'int8': return new Int8Array(raw);
    case 'int16': return new Int16Array(raw);
    case 'int32': return new Int32Array(raw);
    case 'uint8': case 'bool': return new Uint8Array(raw);
    case 'uint16': return new Uint16Array(raw);
    case 'uint32': return new Uint32Array(raw);
    case 'int64': {
      const src = new BigInt64Array(raw);
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) {
        const v = src[i];
        if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) fail(file, `int64 value ${v} at index ${i} is too large to represent exactly`);
        out[i] = Number(v);
      }
      return out;
    }
  }
}

/** Writes a little-endian, C-order `.npy` (format 1.0) of float32, float64, int32, uint8 or int8 data. */
export function encodeNpy(data: Float32Array | Float64Array | Int32Array | Uint8Array | Int8Array, shape: number[]): Uint8Array {
  const descr = data instanceof Float32Array ? '<f4' : data instanceof Float64Array ? '<f8' : data instanceof Int32Array ? '<i4' : data instanceof Int8Array ? '|i1' : '|u1';
  const count = shape.reduce((a, x) => a * x, 1);
  if (count !== data.length) throw new Error(`encodeNpy: shape (${shape.join(', ')}) needs ${count} values, got ${data.length}`);
  const shp = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shp}, }`;
  const total = 10 + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length + data.byteLength);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 10 + header.length);
  return out;
}
