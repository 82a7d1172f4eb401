/**
 * The bytes a bundle's models take in an MCU image, by the compression report's accounting
 * (compress/accounting.ts: every array at its own width padded to 4 bytes, a fixed descriptor per file,
 * model, layer and codebook, and the int8 runtime's parameters), computed from what the bundle stores.
 * A test checks it equals the report's `compressedBytes` for float and int8 results: one definition of
 * the bytes, whichever side counts them. Stored test samples are not part of the image.
 */
import { HEADER_BYTES, INT8_BYTES, align4 } from '../compress/result/accounting';
import type { Bundle } from './bundle';
import type { LayerEntry, ModelEntry } from './format';

/** The sections a layer's parameters use (kernel, scales, bias, batch norm, PReLU alpha, int8 table). */
export function layerSections(l: LayerEntry): number[] {
  const out: number[] = [];
  if ('kernel' in l) {
    const k = l.kernel;
    if (k.format === 'pq') out.push(k.indices, ...(k.scales === null ? [] : [k.scales]));
    else if (k.format === 'int8') out.push(k.q, k.scales);
    else out.push(k.data);
    if (l.bias !== null) out.push(l.bias);
  } else if (l.kind === 'batchNorm') out.push(l.scale, l.shift);
  else if (l.kind === 'prelu') out.push(l.alpha);
  if (l.table !== undefined) out.push(l.table);
  return out;
}

/** Image bytes of one layer: its descriptor, its sections (4-byte aligned), its int8 parameters. */
export function layerImageBytes(b: Bundle, l: LayerEntry, int8: boolean): number {
  let n = HEADER_BYTES.layer;
  for (const s of layerSections(l)) n += align4(b.manifest.sections[s].length);
  if (l.q) n += INT8_BYTES.tensorParams;
  if (l.requant) n += INT8_BYTES.requantBase;
  if (int8 && l.kind === 'add') n += INT8_BYTES.addParams;
  return n;
}

/** Image bytes of a model without codebooks. */
export function modelImageBytes(b: Bundle, m: ModelEntry): number {
  const int8 = m.arithmetic === 'int8';
  return HEADER_BYTES.model + m.layers.reduce((s, l) => s + layerImageBytes(b, l, int8), 0);
}

/** Image bytes of the whole bundle (file descriptor, codebooks, models): the report's `totals.compressedBytes`. */
export function bundleImageBytes(b: Bundle): number {
  const cb = b.manifest.codebooks.reduce((s, c) => s + align4(b.manifest.sections[c.section].length) + HEADER_BYTES.codebook
    + (c.scale === undefined ? 0 : INT8_BYTES.codebookScale), 0);
  return HEADER_BYTES.file + cb + b.manifest.models.reduce((s, m) => s + modelImageBytes(b, m), 0);
}
