import type { Bundle } from '../../bundle/bundle';
import { HEADER_BYTES } from '../../bundle/format';
import type { KernelEntry } from '../../bundle/format';
import type { CodebookRef, LayerCounts, ModelCounts, OpClass, WeightFormat } from '../counts';
import { sizeOf } from '../../models/shapes';
import { COUNTER_FIELDS } from './counters';
import type { Program } from '../../program/program';

const F = Object.fromEntries(COUNTER_FIELDS.map((k, i) => [k, i])) as Record<(typeof COUNTER_FIELDS)[number], number>;

function opClass(kind: string, k: KernelEntry | null): OpClass {
  switch (kind) {
    case 'dense': return 'dense';
    case 'conv1d': return 'conv1d';
    case 'depthwiseConv2d': return 'depthwise';
    case 'conv2d': return k && k.shape[0] * k.shape[1] === 1 ? 'pointwise' : 'conv';
    case 'batchNorm': case 'activation': case 'add': case 'multiply': case 'average': case 'maximum': case 'minimum': case 'prelu':
    case 'leakyRelu': case 'thresholdedRelu': case 'clippedRelu': case 'rescale': case 'fakeQuant': return 'elementwise';
    default: return kind.includes('Pool') ? 'pool' : 'other';
  }
}

/**
 * ModelCounts (../counts.ts) of one run, from the counters the kernels bumped (`table`: one row per IR
 * layer, COUNTER_FIELDS columns) and the program's storage: MACs, element ops, codebook lookups, indices
 * unpacked, weights decoded, flash bytes read, activation traffic and live arena bytes per layer; the
 * planned arena, the scratch and the flash bytes of the model by kind.
 */
export function modelCounts(bundle: Bundle, program: Program, table: Float64Array): ModelCounts {
  const m = bundle.manifest.models.find((x) => x.name === program.model);
  if (!m) throw new Error(`counts: model '${program.model}' not in the bundle (bug)`);
  const sec = bundle.manifest.sections;
  const bytes = (i: number | null) => (i === null || i < 0 ? 0 : sec[i].length);
  const codebooks = new Map<string, CodebookRef>();
  let indices = 0, kept = 0, f32 = 0, i8 = 0;
  const layers: LayerCounts[] = [];
  m.layers.forEach((l, i) => {
    if (i === 0) return;
    const row = (k: keyof typeof F) => table[i * COUNTER_FIELDS.length + F[k]];
    const k = 'kernel' in l ? l.kernel : null;
    const weights = k ? sizeOf(k.shape) : 0;
    let biases = 0;
    let wf: WeightFormat = 'none';
    let d = 0;
    if ('kernel' in l && k) {
      const units = k.shape[k.shape.length - 1] * (l.kind === 'depthwiseConv2d' ? k.shape[2] : 1);
      biases = l.bias !== null ? units : 0;
      kept += bytes(l.bias);
      f32 += (weights + biases) * 4;
      i8 += weights + biases * 4 + units * 8;
      wf = k.format;
      if (k.format === 'pq') {
        const cb = bundle.manifest.codebooks.find((c) => c.name === k.codebook);
        if (cb) { d = cb.d; codebooks.set(cb.name, { id: cb.name, bytes: sec[cb.section].length }); }
        indices += bytes(k.indices);
        kept += bytes(k.scales);
      } else if (k.format === 'int8') kept += bytes(k.q) + bytes(k.scales);
      else kept += bytes(k.data);
    }
    if (l.kind === 'prelu') kept += bytes(l.alpha);
    if (l.kind === 'batchNorm') {
      biases = 2 * sec[l.scale].count;
      kept += bytes(l.scale) + bytes(l.shift);
      f32 += biases * 4; i8 += biases * 4;
    }
    const inShape = l.inputs.length ? m.layers.find((x) => x.name === l.inputs[0])?.outputShape ?? [] : [];
    layers.push({
      layer: l.name, op: opClass(l.kind, k), macs: row('macs'), elementOps: row('elementOps'), outputElements: sizeOf(l.outputShape),
      inputChannels: k ? inShape[inShape.length - 1] ?? 0 : 0, weights, biases, weightFormat: wf,
      codebookLookups: row('lookups'), codewordLength: d, indicesUnpacked: row('unpacked'), decodedWeights: row('decoded'),
      weightBytesRead: { flash: row('flashBytes'), sram: 0 },
      activationBytes: { read: row('actRead'), written: row('actWritten') },
      activationFormat: 'float32', arenaPeakBytes: program.liveFloats[i] * 4,
    });
  });
  const cbs = [...codebooks.values()];
  const ownSections = sec.filter((s) => s.name.startsWith(`${m.name}/`) && !s.name.includes('/samples/'));
  const padding = ownSections.reduce((s, x) => s + (Math.ceil(x.length / 16) * 16 - x.length), 0);
  const headerShare = Math.round((bundle.dataOffset - 0) / bundle.manifest.models.length);
  return {
    model: m.name, layers, weightFormat: layers.some((l) => l.weightFormat === 'pq') ? 'pq' : layers.some((l) => l.weightFormat === 'int8') ? 'int8' : 'float32',
    activationFormat: 'float32', codebooks: cbs,
    flashBytes: { codebooks: cbs.reduce((s, c) => s + c.bytes, 0), indices, kept, other: padding + Math.max(HEADER_BYTES, headerShare) },
    arenaBytes: program.arenaFloats * 4, scratchBytes: program.scratchFloats * 4,
    inputBytes: program.inputSize * 4, outputBytes: program.outputSize * 4,
    float32WeightBytes: f32, int8WeightBytes: i8,
  };
}
