import { crc32 } from '../data/crc32';
import type { Bundle } from './bundle';
import { LITTLE_ENDIAN } from './bundle';
import { checkBundle } from './check';
import { BundleError, bundleFail } from './errors';
import { ALIGN, FORMAT_VERSION, HEADER_BYTES, MAGIC, READ_VERSIONS, alignUp } from './format';
import { manifestFromJson } from './schema';
import { encodeBundle } from './encode';

const REDO = 'Re-export the bundle (`yono compress --out FILE.yono` or the Export step) and copy it in binary mode.';

/** The fixed header's fields, checked against each other and the file length. */
interface Header { version: number; manifestLength: number; manifestCrc: number; dataOffset: number; dataLength: number }

function readHeader(bytes: Uint8Array): Header {
  const n = bytes.length;
  if (n < HEADER_BYTES) bundleFail('truncated', `Not a complete .yono bundle: the file has ${n} bytes, the header alone needs ${HEADER_BYTES}. ${REDO}`);
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC[i]) {
      const text = i < 4 ? 'it does not start with "YONO"' : 'its magic bytes 4..7 (CR LF SUB LF) were altered, as a text-mode copy does';
      bundleFail('magic', `Not a .yono bundle: ${text}. Open a file written by \`yono compress --out\`. ${i >= 4 ? REDO : ''}`.trim());
    }
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const u32 = (o: number) => dv.getUint32(o, true);
  const version = u32(8);
  if (!READ_VERSIONS.includes(version)) {
    bundleFail('version', `This bundle has format version ${version}; this reader supports versions ${READ_VERSIONS.join(' and ')}. `
      + (version > FORMAT_VERSION ? 'Update YONO Workbench, or re-export with this version.' : 'Re-export it with this version of YONO Workbench.'));
  }
  if (crc32(bytes.subarray(0, 28)) !== u32(28)) bundleFail('checksum', `The bundle header is damaged (its CRC-32 does not match). ${REDO}`);
  const h: Header = { version, manifestLength: u32(12), manifestCrc: u32(16), dataOffset: u32(20), dataLength: u32(24) };
  if (h.manifestLength === 0 || h.manifestLength > n - HEADER_BYTES) {
    bundleFail('header', `The header gives a manifest of ${h.manifestLength} bytes but the file has only ${n - HEADER_BYTES} bytes after the header: the file is truncated or damaged. ${REDO}`);
  }
  if (h.dataOffset !== alignUp(HEADER_BYTES + h.manifestLength)) {
    bundleFail('header', `The header puts the data area at byte ${h.dataOffset}; after a ${h.manifestLength}-byte manifest it must start at ${alignUp(HEADER_BYTES + h.manifestLength)} (${ALIGN}-byte aligned). ${REDO}`);
  }
  if (h.dataOffset > n || h.dataLength !== n - h.dataOffset) {
    const want = h.dataOffset + h.dataLength;
    bundleFail('truncated', `The file has ${n} bytes but its header describes ${want} bytes: it is ${n < want ? 'truncated' : 'followed by extra bytes'}. ${REDO}`);
  }
  return h;
}

function parseManifest(bytes: Uint8Array, h: Header): unknown {
  const m = bytes.subarray(HEADER_BYTES, HEADER_BYTES + h.manifestLength);
  if (crc32(m) !== h.manifestCrc) bundleFail('checksum', `The bundle manifest is damaged (its CRC-32 does not match). ${REDO}`);
  for (let i = HEADER_BYTES + h.manifestLength; i < h.dataOffset; i++) {
    if (bytes[i] !== 0) bundleFail('header', `Padding byte ${i} after the manifest is not zero: the file is damaged. ${REDO}`);
  }
  let text = '';
  for (let i = 0; i < m.length; i += 8192) {
    const chunk = m.subarray(i, Math.min(m.length, i + 8192));
    for (let j = 0; j < chunk.length; j++) {
      if (chunk[j] < 0x20 || chunk[j] > 0x7e) bundleFail('manifest', `The manifest holds a non-printable or non-ASCII byte 0x${chunk[j].toString(16)} at ${i + j}; it must be printable ASCII JSON. ${REDO}`);
    }
    text += String.fromCharCode(...chunk);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    return bundleFail('json', `The manifest is not valid JSON (${e instanceof Error ? e.message.slice(0, 120) : 'parse error'}). ${REDO}`);
  }
}

/**
 * Reads and validates a `.yono` bundle (README.md). Every magic, version, offset, size, count, shape,
 * reference and CRC-32 is checked before a section is used; bad input throws a BundleError that says what
 * is wrong and what to do. Never returns a partly valid bundle. Work and memory are bounded by the file
 * length (plus the format's LIMITS); the bytes are copied once so later changes to `input` do not matter.
 */
export function readBundle(input: Uint8Array): Bundle {
  if (!(input instanceof Uint8Array)) bundleFail('argument', 'readBundle: give the file bytes as a Uint8Array.');
  if (!LITTLE_ENDIAN) bundleFail('argument', 'readBundle: this runtime needs a little-endian host.');
  try {
    const h = readHeader(input);
    const json = parseManifest(input, h);
    const manifest = manifestFromJson(json, h.version, h.dataLength);
    const bytes = input.slice();
    checkBundle(bytes, h.dataOffset, manifest);
    return { bytes, dataOffset: h.dataOffset, manifest };
  } catch (e) {
    if (e instanceof BundleError) throw e;
    // Anything else is a bug in a check (code 'internal'; the fuzz test fails on it); still a rejection, never a crash.
    throw new BundleError('internal', `The bundle could not be validated (${e instanceof Error ? e.message : String(e)}). ${REDO}`);
  }
}

/** Serializes a validated bundle again (same manifest, same section bytes): byte-identical to what the writer made. */
export function rewriteBundle(b: Bundle): Uint8Array {
  const payloads = b.manifest.sections.map((s) => b.bytes.subarray(b.dataOffset + s.offset, b.dataOffset + s.offset + s.length));
  return encodeBundle(b.manifest, payloads);
}
