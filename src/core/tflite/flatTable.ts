import { ByteBuffer } from 'flatbuffers';
import { utf8Decode } from '../util/utf8';

/** Thrown for a file that is not a well-formed TFLite flatbuffer (an offset or length outside the file). */
export class TfliteFormatError extends Error {
  constructor(message: string) {
    super(`not a valid .tflite file: ${message}`);
    this.name = 'TfliteFormatError';
  }
}

/**
 * A bounds-checked reader of one flatbuffer table over the `flatbuffers` package's ByteBuffer: fields are
 * addressed by their id in the schema (field i has vtable slot 4 + 2i; a union field takes two ids, its
 * type then its value). Every offset and vector length is checked against the file before it is read, so
 * a damaged file gives a TfliteFormatError rather than garbage. `what` names the table in errors.
 */
export class FlatTable {
  constructor(readonly bb: ByteBuffer, readonly pos: number, readonly what: string) {
    this.check(pos, 4, 'table');
    const vt = pos - bb.readInt32(pos);
    this.check(vt, 4, 'vtable');
    this.check(vt, bb.readUint16(vt), 'vtable');
  }

  /** The root table of a buffer (checks the size and the `TFL3` identifier when `ident` is given). */
  static root(bytes: Uint8Array, what: string, ident?: string): FlatTable {
    if (bytes.length < 8) throw new TfliteFormatError(`${bytes.length} bytes is too short for a flatbuffer`);
    const bb = new ByteBuffer(bytes);
    if (ident !== undefined && bb.getBufferIdentifier() !== ident) {
      const got = String.fromCharCode(...bytes.subarray(4, 8)).replace(/[^\x20-\x7e]/g, '?');
      throw new TfliteFormatError(`its file identifier is '${got}', a TFLite model has '${ident}' at bytes 4..7`);
    }
    return new FlatTable(bb, bb.readUint32(0), what);
  }

  private check(at: number, len: number, what: string): void {
    if (!(at >= 0 && len >= 0 && at + len <= this.bb.capacity())) {
      throw new TfliteFormatError(`${this.what}: ${what} at byte ${at} (+${len}) lies outside the file (${this.bb.capacity()} bytes)`);
    }
  }

  /** Absolute position of field `id`'s value, or 0 when the field is absent. */
  private field(id: number): number {
    const vt = this.pos - this.bb.readInt32(this.pos);
    const slot = 4 + 2 * id;
    if (slot >= this.bb.readUint16(vt)) return 0;
    const off = this.bb.readUint16(vt + slot);
    return off ? this.pos + off : 0;
  }

  has(id: number): boolean { return this.field(id) !== 0; }

  int8(id: number, dflt = 0): number { const p = this.field(id); if (!p) return dflt; this.check(p, 1, `field ${id}`); return this.bb.readInt8(p); }
  uint8(id: number, dflt = 0): number { const p = this.field(id); if (!p) return dflt; this.check(p, 1, `field ${id}`); return this.bb.readUint8(p); }
  bool(id: number, dflt = false): boolean { return this.uint8(id, dflt ? 1 : 0) !== 0; }
  int32(id: number, dflt = 0): number { const p = this.field(id); if (!p) return dflt; this.check(p, 4, `field ${id}`); return this.bb.readInt32(p); }
  uint32(id: number, dflt = 0): number { const p = this.field(id); if (!p) return dflt; this.check(p, 4, `field ${id}`); return this.bb.readUint32(p); }
  /** uint64 as a number (exact up to 2^53). */
  uint64(id: number, dflt = 0): number { const p = this.field(id); if (!p) return dflt; this.check(p, 8, `field ${id}`); return Number(this.bb.readUint64(p)); }
  float32(id: number, dflt = 0): number { const p = this.field(id); if (!p) return dflt; this.check(p, 4, `field ${id}`); return this.bb.readFloat32(p); }

  /** Sub-table at field `id`, or null. */
  table(id: number, what: string): FlatTable | null {
    const p = this.field(id);
    if (!p) return null;
    this.check(p, 4, `${what} offset`);
    return new FlatTable(this.bb, p + this.bb.readUint32(p), what);
  }

  /** Start and length of the vector at field `id` (elements of `size` bytes), or null. */
  private vector(id: number, size: number, what: string): { start: number; n: number } | null {
    const p = this.field(id);
    if (!p) return null;
    this.check(p, 4, `${what} offset`);
    const v = p + this.bb.readUint32(p);
    this.check(v, 4, `${what} length`);
    const n = this.bb.readUint32(v);
    this.check(v + 4, n * size, `${what} (${n} elements)`);
    return { start: v + 4, n };
  }

  /** int32 vector (empty when absent). */
  int32s(id: number, what: string): number[] {
    const v = this.vector(id, 4, what);
    return v ? Array.from({ length: v.n }, (_, i) => this.bb.readInt32(v.start + 4 * i)) : [];
  }

  /** int64 vector as numbers (exact up to 2^53; empty when absent). */
  int64s(id: number, what: string): number[] {
    const v = this.vector(id, 8, what);
    return v ? Array.from({ length: v.n }, (_, i) => Number(this.bb.readInt64(v.start + 8 * i))) : [];
  }

  /** float32 vector (empty when absent). */
  float32s(id: number, what: string): Float32Array {
    const v = this.vector(id, 4, what);
    return v ? Float32Array.from({ length: v.n }, (_, i) => this.bb.readFloat32(v.start + 4 * i)) : new Float32Array(0);
  }

  /** ubyte vector as a view of the file's bytes (empty when absent). */
  bytes(id: number, what: string): Uint8Array {
    const v = this.vector(id, 1, what);
    return v ? this.bb.bytes().subarray(v.start, v.start + v.n) : new Uint8Array(0);
  }

  /** Vector of tables (empty when absent). */
  tables(id: number, what: string): FlatTable[] {
    const v = this.vector(id, 4, what);
    if (!v) return [];
    return Array.from({ length: v.n }, (_, i) => {
      const at = v.start + 4 * i;
      return new FlatTable(this.bb, at + this.bb.readUint32(at), `${what}[${i}]`);
    });
  }

  /** UTF-8 string at field `id`, or null. */
  string(id: number, what: string): string | null {
    const v = this.vector(id, 1, what);
    if (!v) return null;
    try {
      return utf8Decode(this.bb.bytes().subarray(v.start, v.start + v.n));
    } catch {
      throw new TfliteFormatError(`${this.what}: ${what} is not UTF-8 text`);
    }
  }
}
