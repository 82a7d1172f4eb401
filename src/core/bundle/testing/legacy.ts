import { floatSection, sectionView } from '../bundle';
import { bytesOf, encodeBundle } from '../encode';
import type { BundleManifest } from '../format';
import { readBundle } from '../read';

/**
 * The same bundle with its codebook sections stored as `f32`, as the writer did before codebooks were
 * float16 (scales and biases stay as they are). Same values, so every runtime must give the same
 * outputs; 4 bytes per codebook value instead of 2 (tests only).
 */
export function withF32Codebooks(bytes: Uint8Array): Uint8Array {
  const b = readBundle(bytes);
  const m = JSON.parse(JSON.stringify(b.manifest)) as BundleManifest;
  const cb = new Set(m.codebooks.map((c) => c.section));
  const payloads = m.sections.map((s, i) => {
    if (!cb.has(i)) return bytesOf(sectionView(b, i, s.dtype)).slice();
    s.dtype = 'f32';
    return bytesOf(floatSection(b, i).slice());
  });
  return encodeBundle(m, payloads);
}

/**
 * The same float bundle as format version 1 wrote it (no `arithmetic` field, version 1 in the header and the
 * manifest), for the test that version-1 files still read and run (tests only). Throws for an int8 bundle.
 */
export function asVersion1(bytes: Uint8Array): Uint8Array {
  const b = readBundle(bytes);
  const m = JSON.parse(JSON.stringify(b.manifest)) as BundleManifest;
  if (m.models.some((x) => x.arithmetic === 'int8')) throw new Error('asVersion1: version 1 has no int8 models');
  for (const x of m.models) delete x.arithmetic;
  m.version = 1;
  return encodeBundle(m, m.sections.map((s) => bytesOf(sectionView(b, m.sections.indexOf(s), s.dtype)).slice()));
}
