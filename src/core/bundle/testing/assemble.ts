import { crc32 } from '../../data/crc32';
import { HEADER_BYTES, alignUp } from '../format';

/** The parts of a bundle file: manifest text and data area (tests only). */
export interface BundleParts { manifest: string; data: Uint8Array; version: number }

/** Splits a well-formed bundle into its manifest text and data area. */
export function splitBundle(bytes: Uint8Array): BundleParts {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = dv.getUint32(12, true);
  const dataOffset = dv.getUint32(20, true);
  let manifest = '';
  for (let i = 0; i < len; i++) manifest += String.fromCharCode(bytes[HEADER_BYTES + i]);
  return { manifest, data: bytes.slice(dataOffset), version: dv.getUint32(8, true) };
}

/**
 * Builds a bundle file from a manifest text and a data area with a consistent header and correct
 * header/manifest CRCs (section CRCs are whatever the manifest says), so mutations reach the deeper checks.
 */
export function assembleBundle(p: BundleParts): Uint8Array {
  const text = Uint8Array.from(p.manifest, (c) => c.charCodeAt(0) & 0xff);
  const dataOffset = alignUp(HEADER_BYTES + text.length);
  const out = new Uint8Array(dataOffset + p.data.length);
  out.set([0x59, 0x4f, 0x4e, 0x4f, 0x0d, 0x0a, 0x1a, 0x0a]);
  const dv = new DataView(out.buffer);
  dv.setUint32(8, p.version, true);
  dv.setUint32(12, text.length, true);
  dv.setUint32(16, crc32(text), true);
  dv.setUint32(20, dataOffset, true);
  dv.setUint32(24, p.data.length, true);
  dv.setUint32(28, crc32(out.subarray(0, 28)), true);
  out.set(text, HEADER_BYTES);
  out.set(p.data, dataOffset);
  return out;
}

/** Rewrites header field `offset` (a u32) and, when `fixCrc`, the header CRC. */
export function setHeaderField(bytes: Uint8Array, offset: number, value: number, fixCrc: boolean): Uint8Array {
  const out = bytes.slice();
  const dv = new DataView(out.buffer);
  dv.setUint32(offset, value >>> 0, true);
  if (fixCrc) dv.setUint32(28, crc32(out.subarray(0, 28)), true);
  return out;
}

/** Recomputes the CRC of every section after a payload change (for mutations that should load). */
export function fixSectionCrcs(p: BundleParts): BundleParts {
  const m = JSON.parse(p.manifest) as { sections: { offset: number; length: number; crc32: number }[] };
  for (const s of m.sections) s.crc32 = crc32(p.data.subarray(s.offset, s.offset + s.length));
  return { ...p, manifest: JSON.stringify(m) };
}
