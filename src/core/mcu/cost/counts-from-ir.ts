import type { Layer, ModelIR, WeightLayer } from '../../models/ir';
import { isWeightLayer } from '../../models/ir';
import type { ActivationFormat, CodebookRef, LayerCounts, ModelCounts, OpClass, WeightFormat } from '../counts';
import { planArena } from './arena-plan';

/** One product-quantization codebook group: subvector length and codebook size. */
export interface PqGroup { id: string; d: number; k: number }

/** How `countsFromIR` lays out a `pq` model (the paper's defaults unless overridden). */
export interface PqLayout {
  /** Group of 3x3 kernels (conv and depthwise). Default `{ id: 'conv3x3', d: 9, k: 256 }`. */
  conv3x3: PqGroup;
  /** Group of every other kernel (1x1, dense, conv1d, other sizes). Default `{ id: 'fc', d: 4, k: 256 }`. */
  other: PqGroup;
  /** Kernels with fewer weights than this stay uncompressed. Default 1,000. */
  keepBelowWeights: number;
  /** Format of the kept kernels. Default `int8`. */
  keptFormat: 'int8' | 'float32';
}

/** Options of `countsFromIR`. */
export interface CountsFromIROptions {
  /** Activation type; default `int8` for the `int8` format, `float32` otherwise. */
  activations?: ActivationFormat;
  /** Where the weights sit while the model runs; default `flash`. */
  weightsIn?: 'flash' | 'sram';
  /**
   * When a `pq`/int8-kept kernel is decoded: once per output unit per inference into a small float scratch
   * (`filter`, default: lookups = subvectors of the kernel), or again at every output position
   * (`position`: lookups x output positions, no scratch reuse).
   */
  decode?: 'filter' | 'position';
  /** PQ layout for the `pq` format. */
  pq?: Partial<PqLayout>;
}

export const DEFAULT_PQ_LAYOUT: PqLayout = {
  conv3x3: { id: 'conv3x3', d: 9, k: 256 },
  other: { id: 'fc', d: 4, k: 256 },
  keepBelowWeights: 1000,
  keptFormat: 'int8',
};

/** Bytes of per-channel requantization data in an int8 kernel (CMSIS-NN/TFLM: int32 multiplier + int32 shift). */
export const INT8_REQUANT_BYTES_PER_CHANNEL = 8;
/** Bytes of one stored codebook value: float16, as the `.yono` bundle and the C export store codebooks. */
export const CODEWORD_VALUE_BYTES = 2;
/** Bytes of a PQ layer's bias values and its scale: float16 in a bundle (compress/stored.ts). */
export const PQ_PARAM_BYTES = 2;
/** Bytes of a layer descriptor in the runtime's pointer table (estimate: ~16 words of shapes, strides, offsets). */
export const LAYER_DESCRIPTOR_BYTES = 64;

const prod = (s: number[]): number => s.reduce((a, b) => a * b, 1);

interface Geometry { op: OpClass; weights: number; units: number; rf: number; positions: number; cin: number; is3x3: boolean }

function geometry(l: WeightLayer): Geometry {
  const ks = l.kernel.shape;
  const outPositions = prod(l.outputShape.slice(0, -1));
  switch (l.kind) {
    case 'dense':
      return { op: 'dense', weights: ks[0] * ks[1], units: ks[1], rf: ks[0], positions: 1, cin: ks[0], is3x3: false };
    case 'conv1d':
      return { op: 'conv1d', weights: prod(ks), units: ks[2], rf: ks[0] * ks[1], positions: outPositions, cin: ks[1], is3x3: false };
    case 'conv2d': {
      const pw = ks[0] === 1 && ks[1] === 1;
      return { op: pw ? 'pointwise' : 'conv', weights: prod(ks), units: ks[3], rf: ks[0] * ks[1] * ks[2], positions: outPositions, cin: ks[2], is3x3: ks[0] === 3 && ks[1] === 3 };
    }
    case 'depthwiseConv2d':
      return { op: 'depthwise', weights: prod(ks), units: ks[2] * ks[3], rf: ks[0] * ks[1], positions: outPositions, cin: ks[2], is3x3: ks[0] === 3 && ks[1] === 3 };
  }
}

function elementOps(l: Layer, inputElems: number, outElems: number): number {
  switch (l.kind) {
    case 'maxPool2d': case 'avgPool2d': return outElems * l.poolSize[0] * l.poolSize[1];
    case 'maxPool1d': case 'avgPool1d': return outElems * l.poolSize;
    case 'globalAvgPool1d': case 'globalAvgPool2d': case 'globalMaxPool1d': case 'globalMaxPool2d': return inputElems;
    case 'add': return outElems * l.inputs.length;
    case 'activation': case 'batchNorm': return outElems;
    default: return 0;
  }
}

function nonWeightOp(l: Layer): OpClass {
  if (l.kind.includes('Pool')) return 'pool';
  if (l.kind === 'add' || l.kind === 'activation' || l.kind === 'batchNorm') return 'elementwise';
  return 'other';
}

/**
 * Derives per-layer and per-model counts analytically from a model IR for one weight format: MACs, codebook
 * lookups, index unpacks, bytes read per memory region, activation traffic, arena peak and stored bytes.
 * Used for the MLPerf Tiny reference models and until the runtime (issue 5) reports measured counts.
 * Assumptions (documented in ../README.md): each stored weight byte is fetched once per inference (reuse
 * across output positions comes from registers, the decode scratch or the data cache); codebooks are
 * float16 (2 bytes per value, as bundles store them); indices are bit-packed at ceil(log2 K) bits per layer;
 * flatten/reshape alias their input buffer.
 */
export function countsFromIR(ir: ModelIR, format: 'pq' | 'int8' | 'float32', options: CountsFromIROptions = {}): ModelCounts {
  if (!ir.layers.length || ir.layers[0].kind !== 'input') throw new Error(`model '${ir.name}': layers[0] must be the input layer`);
  const pq: PqLayout = { ...DEFAULT_PQ_LAYOUT, ...options.pq };
  const act: ActivationFormat = options.activations ?? (format === 'int8' ? 'int8' : 'float32');
  const bpa = act === 'int8' ? 1 : 4;
  const where = options.weightsIn ?? 'flash';
  const decodeAt = options.decode ?? 'filter';
  const shapes = new Map<string, number[]>();
  for (const l of ir.layers) shapes.set(l.name, l.outputShape);
  const arena = planArena(ir, bpa);

  const layers: LayerCounts[] = [];
  const codebooks = new Map<string, CodebookRef>();
  let indicesBytes = 0, keptBytes = 0, f32Bytes = 0, i8Bytes = 0, scratch = 0;

  for (let i = 1; i < ir.layers.length; i++) {
    const l = ir.layers[i];
    const outElems = prod(l.outputShape);
    let inElems = 0;
    for (const src of l.inputs) {
      const s = shapes.get(src);
      if (!s) throw new Error(`model '${ir.name}': layer '${l.name}' reads unknown layer '${src}'`);
      inElems += prod(s);
    }
    const base: LayerCounts = {
      layer: l.name, op: nonWeightOp(l), macs: 0, elementOps: elementOps(l, inElems, outElems), outputElements: outElems,
      inputChannels: 0, weights: 0, biases: 0, weightFormat: 'none', codebookLookups: 0, codewordLength: 0,
      indicesUnpacked: 0, decodedWeights: 0, weightBytesRead: { flash: 0, sram: 0 },
      activationBytes: { read: l.kind === 'flatten' || l.kind === 'reshape' ? 0 : inElems * bpa, written: l.kind === 'flatten' || l.kind === 'reshape' ? 0 : outElems * bpa },
      activationFormat: act, arenaPeakBytes: arena.perLayer[i],
    };
    if (l.kind === 'batchNorm') {
      base.biases = 2 * l.scale.data.length;
      base.weightBytesRead[where] = base.biases * 4;
      keptBytes += base.biases * 4; f32Bytes += base.biases * 4; i8Bytes += base.biases * 4;
    }
    if (!isWeightLayer(l)) { layers.push(base); continue; }

    const g = geometry(l);
    const nBias = l.bias ? g.units : 0;
    f32Bytes += (g.weights + nBias) * 4;
    i8Bytes += g.weights + nBias * 4 + g.units * INT8_REQUANT_BYTES_PER_CHANNEL;
    const lc: LayerCounts = { ...base, op: g.op, macs: g.weights * g.positions, inputChannels: g.cin, weights: g.weights, biases: nBias };
    let wf: WeightFormat = format;
    if (format === 'pq' && g.weights < pq.keepBelowWeights) wf = pq.keptFormat;
    lc.weightFormat = wf;
    const decodeTimes = decodeAt === 'position' ? g.positions : 1;
    let bytesRead: number;
    if (wf === 'pq') {
      const grp = g.is3x3 ? pq.conv3x3 : pq.other;
      const bits = Math.max(1, Math.ceil(Math.log2(grp.k)));
      const nsub = Math.ceil(g.rf / grp.d);
      const idxBytes = Math.ceil((g.units * nsub * bits) / 8);
      codebooks.set(grp.id, { id: grp.id, bytes: grp.k * grp.d * CODEWORD_VALUE_BYTES });
      indicesBytes += idxBytes;
      keptBytes += (nBias + 1) * PQ_PARAM_BYTES; // float16 biases + one per-layer scale, as bundles store them
      lc.codebookLookups = g.units * nsub * decodeTimes;
      lc.indicesUnpacked = lc.codebookLookups;
      lc.codewordLength = grp.d;
      lc.decodedWeights = lc.codebookLookups * grp.d;
      bytesRead = idxBytes * decodeTimes + lc.codebookLookups * grp.d * CODEWORD_VALUE_BYTES + (nBias + 1) * PQ_PARAM_BYTES;
      scratch = Math.max(scratch, nsub * grp.d * 4);
    } else if (wf === 'int8') {
      const bytes = g.weights + nBias * 4 + g.units * INT8_REQUANT_BYTES_PER_CHANNEL;
      keptBytes += bytes;
      bytesRead = bytes;
      if (act === 'float32') {
        lc.decodedWeights = g.weights * decodeTimes;
        bytesRead = g.weights * decodeTimes + nBias * 4 + g.units * INT8_REQUANT_BYTES_PER_CHANNEL;
        scratch = Math.max(scratch, g.rf * 4);
      } else if (g.op !== 'dense' && g.op !== 'depthwise') {
        scratch = Math.max(scratch, 2 * g.rf * 2); // CMSIS-NN im2col: two columns of int16
      }
    } else {
      const bytes = (g.weights + nBias) * 4;
      keptBytes += bytes;
      bytesRead = bytes;
    }
    lc.weightBytesRead[where] = bytesRead;
    layers.push(lc);
  }

  const cbs = [...codebooks.values()];
  const inputBytes = prod(ir.inputShape) * bpa;
  const outShape = shapes.get(ir.output);
  if (!outShape) throw new Error(`model '${ir.name}': output layer '${ir.output}' not found`);
  return {
    model: ir.name, layers, weightFormat: format, activationFormat: act, codebooks: cbs,
    flashBytes: {
      codebooks: cbs.reduce((a, c) => a + c.bytes, 0), indices: indicesBytes, kept: keptBytes,
      other: LAYER_DESCRIPTOR_BYTES * layers.length,
    },
    arenaBytes: arena.peak, scratchBytes: scratch, inputBytes, outputBytes: prod(outShape) * bpa,
    float32WeightBytes: f32Bytes, int8WeightBytes: i8Bytes,
  };
}
