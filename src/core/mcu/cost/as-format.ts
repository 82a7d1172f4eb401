import type { ActivationFormat, LayerCounts, ModelCounts } from '../counts';
import { INT8_REQUANT_BYTES_PER_CHANNEL } from './counts-from-ir';

/** Options of `asFormat`. */
export interface AsFormatOptions {
  /** Where the weights sit while the model runs. */
  weightsIn: 'flash' | 'sram';
  /** Activation type; default `int8` for int8 weights, `float32` for float32 weights. */
  activations?: ActivationFormat;
}

/** Output channels of a MAC layer, recovered from its counts (MACs = weights x output positions). */
function units(l: LayerCounts): number {
  return l.macs > 0 ? Math.round((l.weights * l.outputElements) / l.macs) : 0;
}

/**
 * The same model stored uncompressed: counts for its int8 or float32 variant, derived from (measured or analytic)
 * counts of any variant. MACs, shapes and element ops are kept; weight bytes, lookups and decoding are
 * recomputed; activation traffic, arena and buffers are rescaled to the new activation type. Used by the
 * scenario simulator for the external-storage and internal-flash strategies.
 */
export function asFormat(m: ModelCounts, format: 'int8' | 'float32', opts: AsFormatOptions): ModelCounts {
  const act: ActivationFormat = opts.activations ?? (format === 'int8' ? 'int8' : 'float32');
  const scale = (act === 'int8' ? 1 : 4) / (m.activationFormat === 'int8' ? 1 : 4);
  let scratch = 0;
  const layers = m.layers.map((l): LayerCounts => {
    const out: LayerCounts = {
      ...l,
      activationFormat: act,
      activationBytes: { read: l.activationBytes.read * scale, written: l.activationBytes.written * scale },
      arenaPeakBytes: l.arenaPeakBytes * scale,
      codebookLookups: 0, codewordLength: 0, indicesUnpacked: 0, decodedWeights: 0,
      weightBytesRead: { flash: 0, sram: 0 },
    };
    if (l.weights === 0) {
      out.weightBytesRead[opts.weightsIn] = l.biases * 4;
      return out;
    }
    out.weightFormat = format;
    const rf = l.outputElements > 0 ? l.macs / l.outputElements : 0;
    if (format === 'int8') {
      out.weightBytesRead[opts.weightsIn] = l.weights + l.biases * 4 + units(l) * INT8_REQUANT_BYTES_PER_CHANNEL;
      if (act === 'float32') {
        out.decodedWeights = l.weights;
        scratch = Math.max(scratch, rf * 4);
      } else if (l.op !== 'dense' && l.op !== 'depthwise') {
        scratch = Math.max(scratch, 2 * rf * 2);
      }
    } else {
      out.weightBytesRead[opts.weightsIn] = (l.weights + l.biases) * 4;
    }
    return out;
  });
  const kept = format === 'int8' ? m.int8WeightBytes : m.float32WeightBytes;
  return {
    ...m, layers, weightFormat: format, activationFormat: act, codebooks: [],
    flashBytes: { codebooks: 0, indices: 0, kept, other: m.flashBytes.other },
    arenaBytes: m.arenaBytes * scale, scratchBytes: scratch,
    inputBytes: m.inputBytes * scale, outputBytes: m.outputBytes * scale,
  };
}
