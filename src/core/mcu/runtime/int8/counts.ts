/**
 * ModelCounts (../../counts.ts) of an int8 model, computed from its lowered ops and the planned buffers
 * (the int8 kernels do a fixed amount of work per op, so counting needs no run): MACs over the valid taps,
 * element ops of pooling/add/clamp/table, codebook lookups and decoded weights of PQ/int8 layers, the
 * flash bytes they read at their stored widths (1 byte per int8 weight, codeword value or index byte, 2 per
 * float16 scale or int16 bias), activation traffic at 1 byte per element, the planned int8 arena, and the
 * int16 scratch the C export gives the kernels (docs/int8-runtime.md §6).
 */
import type { Bundle } from '../../../bundle/bundle';
import { HEADER_BYTES } from '../../../bundle/format';
import { layerSections } from '../../../bundle/image-bytes';
import type { CodebookRef, LayerCounts, ModelCounts, OpClass } from '../../counts';
import type { LoweredOp } from '../../../quant/lowered';
import { s8ScratchLen } from '../../../quant/kernels/scratch';
import type { S8Geometry } from '../../../quant/kernels/types';
import { sizeOf, tapRanges } from '../../../models/shapes';
import type { Int8Runtime } from './runtime';

/** Valid (ky, kx) taps summed over every output position. */
function validTaps(g: S8Geometry, dilated: boolean): number {
  const ry = tapRanges(g.outH, g.inH, g.kh, g.sh, dilated ? g.dh : 1, g.padT);
  const rx = tapRanges(g.outW, g.inW, g.kw, g.sw, dilated ? g.dw : 1, g.padL);
  let sy = 0, sx = 0;
  for (let i = 0; i < g.outH; i++) sy += ry[2 * i + 1] - ry[2 * i];
  for (let i = 0; i < g.outW; i++) sx += rx[2 * i + 1] - rx[2 * i];
  return sy * sx;
}

function opClass(op: LoweredOp): OpClass {
  if (op.op === 'conv' || op.op === 'depthwise' || op.op === 'float') {
    const kind = op.op === 'float' ? op.layer.kind : op.kind;
    if (kind === 'dense') return 'dense';
    if (kind === 'conv1d') return 'conv1d';
    if (kind === 'depthwiseConv2d' || kind === 'batchNorm') return 'depthwise';
    return op.g.kh * op.g.kw === 1 ? 'pointwise' : 'conv';
  }
  if (op.op === 'maxPool' || op.op === 'avgPool') return 'pool';
  return op.op === 'alias' ? 'other' : 'elementwise';
}

/** Counts of one int8 model of a bundle, from its runtime (lowered ops and plan). */
export function int8ModelCounts(bundle: Bundle, rt: Int8Runtime): ModelCounts {
  const low = rt.model;
  const m = bundle.manifest.models.find((x) => x.name === low.name)!;
  const sec = bundle.manifest.sections;
  const entry = new Map(m.layers.map((l) => [l.name, l]));
  const codebooks = new Map<string, CodebookRef>();
  let indices = 0, kept = 0, f32 = 0, i8 = 0, scratch = 0;
  const layers: LayerCounts[] = low.ops.map((op, i) => {
    const out = sizeOf(low.tensors[op.name].shape);
    const inN = sizeOf(low.tensors[op.inputs[0]].shape);
    const l = entry.get(op.name);
    const stored = l ? layerSections(l).reduce((s, x) => s + sec[x].length, 0) : 0;
    const c: LayerCounts = {
      layer: op.name, op: opClass(op), macs: 0, elementOps: 0, outputElements: out, inputChannels: 0, weights: 0, biases: 0,
      weightFormat: 'none', codebookLookups: 0, codewordLength: 0, indicesUnpacked: 0, decodedWeights: 0,
      weightBytesRead: { flash: stored, sram: 0 }, activationBytes: { read: inN, written: op.op === 'alias' ? 0 : out },
      activationFormat: 'int8', arenaPeakBytes: rt.plan.liveBytes[i],
    };
    if (op.op === 'conv' || op.op === 'depthwise' || op.op === 'float') {
      const taps = validTaps(op.g, true);
      const per = op.op === 'depthwise' || (op.op === 'float' && op.layer.kind === 'depthwiseConv2d') ? op.g.outC : op.g.inC * op.g.outC;
      c.macs = taps * per;
      c.activationBytes.read = taps * (op.op === 'depthwise' ? op.g.outC : op.g.inC);
      c.inputChannels = op.g.inC;
      const units = op.g.outC;
      if (op.op === 'float') {
        c.weightFormat = 'float32';
        c.weights = op.layer.kernel.data.length;
        c.biases = op.layer.bias ? units : 0;
      } else {
        c.weightFormat = op.format;
        c.weights = op.kernel.length;
        c.biases = op.bias ? units : 0;
        c.decodedWeights = op.kernel.length;
        scratch = Math.max(scratch, 2 * s8ScratchLen(op));
        if (op.pq) {
          const n = op.pq.indices.length > 0 ? Math.ceil((op.kernel.length / units) / op.pq.d) * units : 0;
          c.codebookLookups = n; c.indicesUnpacked = n; c.codewordLength = op.pq.d;
          c.weightBytesRead.flash += n * op.pq.d;
          codebooks.set(op.pq.codebook, { id: op.pq.codebook, bytes: op.pq.values.length });
        }
      }
      f32 += (c.weights + c.biases) * 4;
      i8 += c.weights + c.biases * 4 + units * 8;
      if (l && 'kernel' in l && l.kernel.format === 'pq') { indices += sec[l.kernel.indices].length; kept += stored - sec[l.kernel.indices].length; } else kept += stored;
    } else {
      kept += stored;
      if (op.op === 'maxPool' || op.op === 'avgPool') c.elementOps = validTaps(op.g, false) * op.g.inC;
      else if (op.op === 'add') { c.elementOps = 2 * out; c.activationBytes.read = 2 * out; }
      else if (op.op === 'clamp' || op.op === 'lut') c.elementOps = out;
    }
    return c;
  });
  const cbs = [...codebooks.values()];
  const own = sec.filter((s) => s.name.startsWith(`${m.name}/`) && !s.name.includes('/samples/'));
  const padding = own.reduce((s, x) => s + (Math.ceil(x.length / 16) * 16 - x.length), 0);
  const headerShare = Math.round(bundle.dataOffset / bundle.manifest.models.length);
  return {
    model: m.name, layers, weightFormat: layers.some((l) => l.weightFormat === 'pq') ? 'pq' : layers.some((l) => l.weightFormat === 'int8') ? 'int8' : 'float32',
    activationFormat: 'int8', codebooks: cbs,
    flashBytes: { codebooks: cbs.reduce((s, c) => s + c.bytes, 0), indices, kept, other: padding + Math.max(HEADER_BYTES, headerShare) },
    arenaBytes: rt.plan.arenaBytes, scratchBytes: scratch, inputBytes: rt.plan.inputBytes, outputBytes: rt.plan.outputBytes,
    float32WeightBytes: f32, int8WeightBytes: i8,
  };
}
