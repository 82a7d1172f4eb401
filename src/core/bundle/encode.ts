import { crc32 } from '../data/crc32';
import { ALIGN, DTYPE_BYTES, FORMAT_VERSION, HEADER_BYTES, MAGIC, READ_VERSIONS, alignUp } from './format';
import type { BundleManifest } from './format';
import { manifestBytes } from './manifest-json';

/**
 * Lays out and serializes a bundle: `payloads[i]` is the raw bytes of `manifest.sections[i]` (little-endian
 * element data). Each section's offset, length and CRC-32 are (re)computed here, sections placed in manifest
 * order at ALIGN-byte boundaries of the data area; zero padding everywhere. Deterministic: the same manifest
 * and payloads always give the same bytes.
 */
export function encodeBundle(manifestIn: BundleManifest, payloads: Uint8Array[]): Uint8Array {
  if (payloads.length !== manifestIn.sections.length) {
    throw new Error(`encodeBundle: ${payloads.length} payloads for ${manifestIn.sections.length} sections; give one per section`);
  }
  let offset = 0;
  const sections = manifestIn.sections.map((s, i) => {
    const p = payloads[i];
    if (p.length !== s.count * DTYPE_BYTES[s.dtype]) {
      throw new Error(`encodeBundle: section '${s.name}' holds ${p.length} bytes, ${s.count} ${s.dtype} values need ${s.count * DTYPE_BYTES[s.dtype]}`);
    }
    const e = { ...s, offset, length: p.length, crc32: crc32(p) };
    offset = alignUp(offset + p.length);
    return e;
  });
  const version = manifestIn.version;
  if (!READ_VERSIONS.includes(version)) throw new Error(`encodeBundle: format version ${version}; this code writes ${READ_VERSIONS.join(' or ')} (the writer: ${FORMAT_VERSION})`);
  const manifest: BundleManifest = { ...manifestIn, version, sections };
  const text = manifestBytes(manifest);
  const dataOffset = alignUp(HEADER_BYTES + text.length);
  const dataLength = offset;
  const out = new Uint8Array(dataOffset + dataLength);
  out.set(MAGIC, 0);
  const dv = new DataView(out.buffer);
  dv.setUint32(8, version, true);
  dv.setUint32(12, text.length, true);
  dv.setUint32(16, crc32(text), true);
  dv.setUint32(20, dataOffset, true);
  dv.setUint32(24, dataLength, true);
  dv.setUint32(28, crc32(out.subarray(0, 28)), true);
  out.set(text, HEADER_BYTES);
  sections.forEach((s, i) => out.set(payloads[i], dataOffset + s.offset));
  if (dataOffset % ALIGN !== 0) throw new Error('encodeBundle: data area misaligned (bug)');
  return out;
}

/** The raw little-endian bytes of a typed array (a view, no copy). */
export function bytesOf(a: Float32Array | Uint16Array | Int16Array | Int32Array | Int8Array | Uint8Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}
