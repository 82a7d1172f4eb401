import { describe, expect, it } from 'vitest';
import { encodeNpy, parseNpy } from './npy';

/** Builds an .npy by hand: any version, header text and payload. */
function npy(header: string, payload: Uint8Array, major = 1): Uint8Array {
  const lenBytes = major === 1 ? 2 : 4;
  let h = header;
  const pad = (64 - ((8 + lenBytes + h.length + 1) % 64)) % 64;
  h += ' '.repeat(pad) + '\n';
  const out = new Uint8Array(8 + lenBytes + h.length + payload.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, major, 0]);
  const dv = new DataView(out.buffer);
  if (major === 1) dv.setUint16(8, h.length, true); else dv.setUint32(8, h.length, true);
  for (let i = 0; i < h.length; i++) out[8 + lenBytes + i] = h.charCodeAt(i);
  out.set(payload, 8 + lenBytes + h.length);
  return out;
}
const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
const hdr = (descr: string, shape: string, fortran = 'False') => `{'descr': '${descr}', 'fortran_order': ${fortran}, 'shape': ${shape}, }`;

describe('parseNpy', () => {
  it('reads float32 in C order (v1), with the shape', () => {
    const a = parseNpy(npy(hdr('<f4', '(2, 3)'), bytesOf(new Float32Array([1, 2, 3, 4, 5, 6.5]))));
    expect(a.dtype).toBe('float32');
    expect(a.shape).toEqual([2, 3]);
    expect(Array.from(a.data)).toEqual([1, 2, 3, 4, 5, 6.5]);
  });
  it('reads float64, int32, int64, uint8, int8, int16 and bool', () => {
    const cases: [string, ArrayBufferView, number[]][] = [
      ['<f8', new Float64Array([0.1, -2]), [0.1, -2]],
      ['<i4', new Int32Array([-7, 9]), [-7, 9]],
      ['<i8', new BigInt64Array([-3n, 2n ** 40n]), [-3, 2 ** 40]],
      ['|u1', new Uint8Array([0, 255]), [0, 255]],
      ['|i1', new Int8Array([-128, 5]), [-128, 5]],
      ['<i2', new Int16Array([-300, 300]), [-300, 300]],
      ['|b1', new Uint8Array([1, 0]), [1, 0]],
    ];
    for (const [d, arr, want] of cases) {
      const a = parseNpy(npy(hdr(d, '(2,)'), bytesOf(arr)));
      expect(Array.from(a.data), d).toEqual(want);
      expect(a.shape).toEqual([2]);
    }
  });
  it('reads format versions 2.0 and 3.0, scalars and empty arrays', () => {
    expect(Array.from(parseNpy(npy(hdr('<i4', '(1, 2)'), bytesOf(new Int32Array([4, 5])), 2)).data)).toEqual([4, 5]);
    expect(Array.from(parseNpy(npy(hdr('<i4', '(2,)'), bytesOf(new Int32Array([4, 5])), 3)).data)).toEqual([4, 5]);
    expect(parseNpy(npy(hdr('<f4', '()'), bytesOf(new Float32Array([3])))).shape).toEqual([]);
    expect(parseNpy(npy(hdr('<f4', '(0, 4)'), new Uint8Array(0))).data.length).toBe(0);
  });
  it('round-trips encodeNpy', () => {
    const a = parseNpy(encodeNpy(new Float32Array([1, 2, 3, 4]), [2, 2]));
    expect(a.shape).toEqual([2, 2]);
    expect(Array.from(a.data)).toEqual([1, 2, 3, 4]);
    expect(parseNpy(encodeNpy(new Int32Array([3]), [1])).dtype).toBe('int32');
  });
  it('rejects Fortran order, object arrays, big-endian, structured and unsupported dtypes with clear messages', () => {
    expect(() => parseNpy(npy(hdr('<f4', '(2, 2)', 'True'), new Uint8Array(16)), 'x.npy')).toThrow(/x\.npy: .*Fortran \(column-major\) order.*np\.ascontiguousarray/);
    expect(() => parseNpy(npy(hdr('|O', '(2,)'), new Uint8Array(16)), 'x.npy')).toThrow(/x\.npy: it holds a Python object array/);
    expect(() => parseNpy(npy(hdr('>f4', '(2,)'), new Uint8Array(8)))).toThrow(/big-endian \(dtype >f4\)/);
    expect(() => parseNpy(npy("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }", new Uint8Array(8)))).toThrow(/structured/);
    expect(() => parseNpy(npy(hdr('<c8', '(2,)'), new Uint8Array(16)))).toThrow(/dtype <c8 is not supported/);
    expect(() => parseNpy(npy(hdr('<U3', '(2,)'), new Uint8Array(24)))).toThrow(/dtype <U3 is not supported/);
  });
  it('rejects non-NPY, truncated and unsupported-version files', () => {
    expect(() => parseNpy(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), 'y.npy')).toThrow(/y\.npy: not a NumPy \.npy file/);
    expect(() => parseNpy(npy(hdr('<f4', '(4,)'), new Uint8Array(8)))).toThrow(/16 data bytes, but only 8 follow: the file is truncated/);
    expect(() => parseNpy(npy(hdr('<f4', '(1,)'), new Uint8Array(4), 4))).toThrow(/version 4\.0 is not supported/);
    expect(() => parseNpy(npy(hdr('<i8', '(1,)'), bytesOf(new BigInt64Array([2n ** 60n]))))).toThrow(/too large/);
  });
});
