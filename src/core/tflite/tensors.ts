import { sizeOf } from '../models/shapes';
import { fromF16Bits } from '../util/f16';
import type { TfliteTensor } from './parse';
import { TENSOR_TYPE as T, TENSOR_TYPE_NAMES } from './schema';

const BYTES: Record<number, number> = { [T.FLOAT32]: 4, [T.FLOAT16]: 2, [T.INT32]: 4, [T.UINT8]: 1, [T.INT64]: 8, [T.INT16]: 2, [T.INT8]: 1 };

/** The type's name, for messages. */
export const typeName = (t: TfliteTensor): string => TENSOR_TYPE_NAMES[t.type] ?? `type ${t.type}`;

/** Raw values of a constant tensor as numbers (little-endian, any alignment). */
function rawValues(t: TfliteTensor): Float64Array | Float32Array {
  const data = t.data;
  if (!data) throw new Error(`tensor '${t.name}' has no constant data`);
  const size = BYTES[t.type];
  if (!size) throw new Error(`tensor '${t.name}' has type ${typeName(t)}; constant tensors must be FLOAT32, FLOAT16, INT8, UINT8, INT16, INT32 or INT64`);
  const n = sizeOf(t.shape);
  if (data.length !== n * size) throw new Error(`tensor '${t.name}' of shape [${t.shape}] and type ${typeName(t)} needs ${n * size} bytes, its buffer holds ${data.length}`);
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out = t.type === T.FLOAT32 ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    switch (t.type) {
      case T.FLOAT32: out[i] = dv.getFloat32(4 * i, true); break;
      case T.FLOAT16: out[i] = fromF16Bits(dv.getUint16(2 * i, true)); break;
      case T.INT32: out[i] = dv.getInt32(4 * i, true); break;
      case T.INT64: out[i] = Number(dv.getBigInt64(8 * i, true)); break;
      case T.INT16: out[i] = dv.getInt16(2 * i, true); break;
      case T.INT8: out[i] = dv.getInt8(i); break;
      default: out[i] = dv.getUint8(i); break;
    }
  }
  return out;
}

/** True for the integer types that carry quantised real values. */
export const isQuantizedType = (t: TfliteTensor): boolean => t.type === T.INT8 || t.type === T.UINT8 || t.type === T.INT16 || t.type === T.INT32;

/**
 * The real values of a constant tensor, row-major in its own layout: float32 as stored, float16
 * widened, integers dequantised with their scale and zero point (per tensor, or per channel along the
 * quantised dimension). An integer tensor without quantisation parameters is an error (weights must be
 * real-valued); read index tensors with `constInts`.
 */
export function constFloats(t: TfliteTensor): Float32Array {
  const raw = rawValues(t);
  if (t.type === T.FLOAT32 || t.type === T.FLOAT16) return Float32Array.from(raw);
  const q = t.quant;
  if (!q) throw new Error(`tensor '${t.name}' holds ${typeName(t)} values without quantisation parameters, so its real values are unknown`);
  const out = new Float32Array(raw.length);
  if (q.scale.length === 1) {
    const zp = q.zeroPoint[0] ?? 0;
    for (let i = 0; i < raw.length; i++) out[i] = q.scale[0] * (raw[i] - zp);
    return out;
  }
  const dim = q.dim;
  const channels = t.shape[dim];
  if (channels !== q.scale.length) throw new Error(`tensor '${t.name}' has ${q.scale.length} scales along dimension ${dim}, which holds ${channels} channels`);
  const inner = sizeOf(t.shape.slice(dim + 1));
  for (let i = 0; i < raw.length; i++) {
    const c = Math.floor(i / inner) % channels;
    out[i] = q.scale[c] * (raw[i] - (q.zeroPoint[c] ?? q.zeroPoint[0] ?? 0));
  }
  return out;
}

/** Integer values of a constant index tensor (RESHAPE shapes, PAD amounts, MEAN axes, TRANSPOSE perms). */
export function constInts(t: TfliteTensor): number[] {
  if (t.type !== T.INT32 && t.type !== T.INT64) throw new Error(`tensor '${t.name}' should hold INT32 indices, it holds ${typeName(t)}`);
  return Array.from(rawValues(t));
}
