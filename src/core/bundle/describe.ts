import type { Bundle } from './bundle';
import { HEADER_BYTES } from './format';
import { bundleImageBytes } from './image-bytes';
import type { KernelEntry } from './format';
import { sizeOf } from '../models/shapes';

/** One layer as `yono inspect` lists it. */
export interface LayerSummary {
  name: string;
  kind: string;
  outputShape: number[];
  /** Storage of the kernel (`pq:<codebook>`, `int8`, `float32`) or '' for layers without one. */
  format: string;
  /** Kernel weights and the bytes the layer's sections take (kernel, scales, bias, batch norm). */
  weights: number;
  bytes: number;
}

/** What `yono inspect` prints. */
export interface BundleSummary {
  version: number;
  preset: string;
  fileBytes: number;
  /** Bytes in an MCU image by the compression report's accounting (image-bytes.ts): the report's compressed bytes. */
  imageBytes: number;
  manifestBytes: number;
  codebooks: { name: string; d: number; k: number; bytes: number; layers: number }[];
  models: {
    name: string; inputShape: number[]; outputShape: number[]; layers: LayerSummary[];
    weightBytes: number; float32Bytes: number; samples: number; arithmetic: 'int8' | 'float32';
    accuracyFloat: number | null; accuracyCompressed: number | null;
  }[];
  sections: { name: string; dtype: string; count: number; offset: number; bytes: number; crc32: string }[];
}

const kernelFormat = (k: KernelEntry) => (k.format === 'pq' ? `pq:${k.codebook}` : k.format);

/** A plain-data summary of a validated bundle: codebooks, models with their layers, sections and bytes. */
export function describeBundle(b: Bundle): BundleSummary {
  const sec = b.manifest.sections;
  const len = (i: number | null) => (i === null || i < 0 ? 0 : sec[i].length);
  const usage = new Map<string, number>();
  const models = b.manifest.models.map((m) => {
    let weightBytes = 0, float32Bytes = 0;
    const layers = m.layers.map((l): LayerSummary => {
      let bytes = 0, weights = 0, format = '';
      if ('kernel' in l) {
        const k = l.kernel;
        weights = sizeOf(k.shape);
        format = kernelFormat(k);
        bytes = len(l.bias) + (k.format === 'pq' ? len(k.indices) + len(k.scales) : k.format === 'int8' ? len(k.q) + len(k.scales) : len(k.data));
        float32Bytes += (weights + (l.bias === null ? 0 : sec[l.bias].count)) * 4;
        if (k.format === 'pq') usage.set(k.codebook, (usage.get(k.codebook) ?? 0) + 1);
      } else if (l.kind === 'batchNorm' || l.kind === 'prelu') {
        bytes = l.kind === 'prelu' ? len(l.alpha) : len(l.scale) + len(l.shift);
        float32Bytes += bytes;
      }
      weightBytes += bytes;
      return { name: l.name, kind: l.kind, outputShape: l.outputShape.slice(), format, weights, bytes };
    });
    const out = m.layers.find((l) => l.name === m.output)?.outputShape ?? [];
    return { name: m.name, inputShape: m.inputShape.slice(), outputShape: out.slice(), layers, weightBytes, float32Bytes,
      samples: m.samples?.count ?? 0, arithmetic: m.arithmetic ?? 'float32', accuracyFloat: m.accuracyFloat, accuracyCompressed: m.accuracyCompressed };
  });
  return {
    version: b.manifest.version, preset: b.manifest.preset, fileBytes: b.bytes.length, imageBytes: bundleImageBytes(b), manifestBytes: b.dataOffset - HEADER_BYTES,
    codebooks: b.manifest.codebooks.map((c) => ({ name: c.name, d: c.d, k: c.k, bytes: sec[c.section].length, layers: usage.get(c.name) ?? 0 })),
    models,
    sections: sec.map((s) => ({ name: s.name, dtype: s.dtype, count: s.count, offset: b.dataOffset + s.offset, bytes: s.length, crc32: s.crc32.toString(16).padStart(8, '0') })),
  };
}

const pct = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(2)} %`);

/** The human-readable listing of a summary (models, layers, codebooks, bytes; sections when `sections`). */
export function formatSummary(s: BundleSummary, opts: { sections?: boolean } = {}): string {
  const lines = [`.yono bundle v${s.version}, preset ${s.preset}: ${s.fileBytes} bytes (manifest ${s.manifestBytes}; ${s.imageBytes} in an MCU image, as the compression report counts), ${s.models.length} models, ${s.codebooks.length} codebooks`, ''];
  for (const c of s.codebooks) lines.push(`codebook ${c.name}: k ${c.k} x d ${c.d}, ${c.bytes} bytes, used by ${c.layers} layers`);
  for (const m of s.models) {
    lines.push('', `model ${m.name} (${m.arithmetic}): input [${m.inputShape}] -> [${m.outputShape}], ${m.weightBytes} bytes of parameters (float32: ${m.float32Bytes}), `
      + `accuracy float ${pct(m.accuracyFloat)} / compressed ${pct(m.accuracyCompressed)}, ${m.samples} stored samples`);
    const rows = [['layer', 'kind', 'output', 'format', 'weights', 'bytes']];
    for (const l of m.layers) rows.push([l.name, l.kind, `[${l.outputShape}]`, l.format, l.weights ? String(l.weights) : '', l.bytes ? String(l.bytes) : '']);
    const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows) lines.push(`  ${r.map((c, i) => (i >= 4 ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ')}`.trimEnd());
  }
  if (opts.sections) {
    lines.push('', 'sections:');
    for (const x of s.sections) lines.push(`  ${String(x.offset).padStart(9)}  ${String(x.bytes).padStart(8)} B  ${x.dtype.padEnd(3)}  crc ${x.crc32}  ${x.name}`);
  }
  return lines.join('\n');
}
