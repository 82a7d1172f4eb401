/**
 * One definition of a model's size. The *base size* of a model is the raw bytes of its parameter arrays
 * (accounting.ts layerArrays: PQ indices and scales, int8 values and scales, float32 kernels, biases,
 * batch norm), the same in every view. Each view then lists what it adds:
 * - the report (Trade-offs, the estimate): 4-byte alignment of each array, a 32-byte descriptor per model
 *   and per layer, the codebooks used by this model alone (shared ones go to the total, once); with int8
 *   activations the int8 runtime's parameters (tensor scales, requantisation, tables: accounting.ts
 *   int8ParamBytes) and the layers of the int8 graph;
 *
 * With int8 activations the arrays are the int8 runtime's (int16 biases, unfolded batch norms, int8
 * codebooks), so the base differs from the float form a `.yono` file of format 1 and its C export still
 * hold (`floatBaseBytes`); views that show both say which is which.
 * - a `.yono` file: per model its stored test samples; per file the codebooks, the manifest, the header
 *   and the 16-byte alignment of its sections;
 * - the C export: op and weight tables and the codebooks each model reads (`cBaseBytes` in its README);
 * - the memory map: descriptors, codebooks, runtime code and buffers (its own lines).
 */
import type { Activations, CodebookGroup, CompressedModel, LayerEncoding } from '../compress/types';
import { HEADER_BYTES, accountedLayers, align4, int8ParamBytes, layerArrays, layerBaseBytes } from '../compress/result/accounting';
import { ownCodebookBytes } from '../compress/result/result';
import type { BundleSummary } from '../bundle/describe';
import { HEADER_BYTES as BUNDLE_HEADER_BYTES } from '../bundle/format';

/** One thing a view adds to the base, with its bytes. */
export interface SizeLine { label: string; bytes: number }

/** A view's size: the base, each addition named, and the total the view shows. */
export interface SizeView { base: number; adds: SizeLine[]; total: number }

const view = (base: number, adds: SizeLine[]): SizeView => ({ base, adds, total: adds.reduce((s, a) => s + a.bytes, base) });

/** The arithmetic a result model was measured and counted with: int8 when it carries a calibration. */
export const modelActivations = (m: Pick<CompressedModel, 'calibration'>): Activations => (m.calibration ? 'int8' : 'float32');

type SizedModel = Pick<CompressedModel, 'ir' | 'encodings' | 'calibration'>;

/** The base size of a model: the raw bytes of every parameter array it stores, in its own arithmetic. */
export function modelBaseBytes(m: SizedModel): number {
  const act = modelActivations(m);
  return accountedLayers(m.ir, act).reduce((s, l) => s + layerBaseBytes(l, m.encodings[l.name], act), 0);
}

/**
 * The base size of a model's float form (float16 biases and codebooks): what a `.yono` file of format 1 and
 * its C export hold. They store PQ unit scales as float16 values, log8-coded ones included (decoded).
 */
export function floatBaseBytes(m: Pick<CompressedModel, 'ir' | 'encodings'>): number {
  return m.ir.layers.reduce((s, l) => s + layerBaseBytes(l, asStoredInFile(m.encodings[l.name])), 0);
}

/** An encoding as a `.yono` file stores it: without log8 scale codes (its scales are written as float16). */
function asStoredInFile(enc: LayerEncoding | undefined): LayerEncoding | undefined {
  if (enc?.format !== 'pq' || !enc.scaleCodes) return enc;
  const { scaleCodes: _codes, ...rest } = enc;
  return rest;
}

/**
 * The report's size of a model (its `compressedBytes`): base + alignment + descriptors + its own codebooks,
 * and with int8 activations the int8 runtime's parameters.
 */
export function reportSize(m: SizedModel & Pick<CompressedModel, 'name'>, codebooks: Pick<CodebookGroup, 'k' | 'd' | 'layers' | 'scale'>[]): SizeView {
  const act = modelActivations(m);
  const layers = accountedLayers(m.ir, act);
  const padding = layers.reduce((s, l) => s + layerArrays(l, m.encodings[l.name], act).reduce((t, a) => t + align4(a) - a, 0), 0);
  const int8 = act === 'int8' ? layers.reduce((s, l) => s + int8ParamBytes(l, m.encodings[l.name]), 0) : 0;
  return view(modelBaseBytes(m), [
    { label: 'alignment of each array to 4 bytes', bytes: padding },
    { label: `descriptors (model + ${layers.length} layers, ${HEADER_BYTES.layer} B each)`, bytes: HEADER_BYTES.model + layers.length * HEADER_BYTES.layer },
    ...(act === 'int8' ? [{ label: 'int8 parameters (tensor scales, requantisation, tables)', bytes: int8 }] : []),
    { label: 'codebooks used by this model alone', bytes: ownCodebookBytes(m.name, codebooks) },
  ]);
}

const sectionsOf = (s: BundleSummary, prefix: string) => s.sections.filter((x) => x.name.startsWith(prefix));

/** A model in a `.yono` file: its base (the parameter sections' raw bytes) + its stored test samples. */
export function bundleModelSize(s: BundleSummary, model: string): SizeView {
  const m = s.models.find((x) => x.name === model);
  if (!m) throw new Error(`bundle has no model '${model}'`);
  const samples = sectionsOf(s, `${model}/samples/`).reduce((t, x) => t + x.bytes, 0);
  return view(m.weightBytes, [{ label: `test samples (${m.samples})`, bytes: samples }]);
}

/** A whole `.yono` file: every model's base + samples, codebooks, manifest, header and section alignment; total = file size. */
export function bundleFileSize(s: BundleSummary): SizeView {
  const base = s.models.reduce((t, m) => t + m.weightBytes, 0);
  const samples = s.models.reduce((t, m) => t + bundleModelSize(s, m.name).adds[0].bytes, 0);
  const codebooks = s.codebooks.reduce((t, c) => t + c.bytes, 0);
  const raw = s.sections.reduce((t, x) => t + x.bytes, 0);
  return view(base, [
    { label: 'test samples', bytes: samples },
    { label: 'codebooks (shared, once)', bytes: codebooks },
    { label: 'manifest (JSON)', bytes: s.manifestBytes },
    { label: 'file header', bytes: BUNDLE_HEADER_BYTES },
    { label: 'alignment of sections to 16 bytes', bytes: s.fileBytes - BUNDLE_HEADER_BYTES - s.manifestBytes - raw },
  ]);
}
