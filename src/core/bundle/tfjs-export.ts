import * as tf from '@tensorflow/tfjs';
import type { Layer, ModelIR, Tensor } from '../models/ir';
import { toLayersModel } from '../models/toLayersModel';
import { decodeKernel } from '../compress/encode';
import type { CodebookGroup, LayerEncoding } from '../compress/types';
import { subvectorLayout } from '../pq/layout';
import type { Bundle } from './bundle';
import { floatSection, sectionView } from './bundle';
import { BundleError } from './errors';
import type { KernelEntry, LayerEntry } from './format';
import { utf8Encode } from '../util/utf8';

/** The bundle's codebooks as the pipeline's CodebookGroup (values copied out of the file; float16 ones decoded). */
export function bundleCodebooks(b: Bundle): CodebookGroup[] {
  return b.manifest.codebooks.map((c) => ({ name: c.name, d: c.d, k: c.k, codebook: floatSection(b, c.section).slice(), layers: [] }));
}

/** The pipeline's LayerEncoding of a bundle kernel (copies of its sections; float16 scales decoded). */
export function bundleEncoding(b: Bundle, kind: LayerEntry['kind'], k: KernelEntry): LayerEncoding {
  if (k.format === 'float32') return { format: 'float32' };
  if (k.format === 'int8') return { format: 'int8', q: sectionView(b, k.q, 'i8').slice(), scales: floatSection(b, k.scales).slice() };
  return {
    format: 'pq', group: k.codebook, layout: subvectorLayout(kind as 'dense', k.shape, k.d), bits: k.bits,
    indices: sectionView(b, k.indices, 'u8').slice(), scales: k.scales === null ? null : floatSection(b, k.scales).slice(),
  };
}

/**
 * The decoded float model IR of model `name` (every PQ and int8 kernel rebuilt with the pipeline's own
 * `decodeKernel`, as `decodeModel` does for a CompressionResult). For exports and reference checks only:
 * the runtime never builds it.
 */
export function bundleModelIR(b: Bundle, name: string): ModelIR {
  const m = b.manifest.models.find((x) => x.name === name);
  if (!m) throw new BundleError('argument', `The bundle has no model '${name}'; it holds ${b.manifest.models.map((x) => x.name).join(', ')}.`);
  const codebooks = bundleCodebooks(b);
  const f32 = (i: number): Tensor => ({ shape: [b.manifest.sections[i].count], data: floatSection(b, i).slice() });
  const layers = m.layers.map((l): Layer => {
    if ('kernel' in l) {
      const k = l.kernel;
      const data = decodeKernel(bundleEncoding(b, l.kind, k), codebooks, k.format === 'float32' ? sectionView(b, k.data, 'f32').slice() : new Float32Array(0));
      const { kernel: _k, bias, ...rest } = l;
      return { ...rest, kernel: { shape: k.shape.slice(), data }, bias: bias === null ? null : f32(bias) } as Layer;
    }
    if (l.kind === 'batchNorm') {
      const { scale, shift, ...rest } = l;
      return { ...rest, scale: f32(scale), shift: f32(shift) };
    }
    if (l.kind === 'prelu') {
      const { alpha, alphaShape, ...rest } = l;
      return { ...rest, alpha: { shape: alphaShape.slice(), data: floatSection(b, alpha).slice() } };
    }
    return { ...l } as Layer;
  });
  return { name: m.name, inputShape: m.inputShape.slice(), layers, output: m.output };
}

/**
 * The decoded model `name` as TensorFlow.js LayersModel files: `model.json` (topology + a weights manifest
 * pointing at `weights.bin`) and `weights.bin`, as `tf.loadLayersModel` reads them.
 */
export async function exportTfjs(b: Bundle, name: string): Promise<{ path: string; bytes: Uint8Array }[]> {
  const model = toLayersModel(bundleModelIR(b, name));
  try {
    let art: tf.io.ModelArtifacts | null = null;
    await model.save(tf.io.withSaveHandler(async (a) => {
      art = a;
      return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
    }));
    const a = art as unknown as tf.io.ModelArtifacts;
    const parts = a.weightData === undefined ? [] : Array.isArray(a.weightData) ? a.weightData : [a.weightData];
    const weights = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
    let o = 0;
    for (const p of parts) { weights.set(new Uint8Array(p), o); o += p.byteLength; }
    const json = JSON.stringify({
      format: 'layers-model', generatedBy: a.generatedBy, convertedBy: 'YONO Workbench (decoded from a .yono bundle)',
      modelTopology: a.modelTopology, weightsManifest: [{ paths: ['./weights.bin'], weights: a.weightSpecs ?? [] }],
    });
    return [{ path: 'model.json', bytes: utf8Encode(json) }, { path: 'weights.bin', bytes: weights }];
  } finally {
    model.dispose();
  }
}
