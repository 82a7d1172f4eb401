/**
 * Calibration of a model's int8 activations: run the float model of its int8 graph (graph.ts: batch norm
 * folded, activations fused, sigmoid/tanh/softmax split off) on a seeded subset of the training split and
 * choose each calibrated tensor's (scale, zero point) from the values seen (TFLite's
 * ChooseQuantizationParams on their min and max, or on a two-sided percentile). Never on validation or
 * test data, which judge the result.
 */
import * as tf from '@tensorflow/tfjs';
import type { Split } from '../data/types';
import type { ModelIR } from '../models/ir';
import { toLayersModel } from '../models/toLayersModel';
import { createRng, deriveSeed, permutation } from '../util/random';
import { chooseActivationParams, type AffineParams } from './affine';
import { calibratedTensors, int8Graph, resolveParams } from './graph';

/** Options of a calibration. */
export interface CalibrationOptions {
  /** Training rows used: a seeded subset of this many (all when the split has fewer). Default 1,000. */
  samples?: number;
  /** Seed of the subset (default 1). */
  seed?: number;
  /**
   * Rows per forward pass. Default: as many as keep the calibrated tensors of one pass within
   * CALIBRATION_BATCH_BYTES (every tensor of the int8 graph is an output of the probe model, so all of them
   * are alive at once), at most 128.
   */
  batchSize?: number;
  /**
   * Clip each tensor's range at this two-sided percentile of its values (e.g. 99.99: the lowest and highest
   * 0.01 % are clipped) instead of taking the min and max. The range always includes 0.
   */
  percentile?: number;
}

/** The int8 activation parameters of one model. */
export interface Calibration {
  /** The range chosen for each calibrated tensor of the int8 graph (before widening to include 0). */
  ranges: Record<string, { min: number; max: number }>;
  /** (scale, zero point) of every tensor of the int8 graph but a final softmax. */
  params: Record<string, AffineParams>;
  /** Training rows the ranges come from. */
  samples: number;
  /** `minmax` or `p<percentile>`. */
  method: string;
}

/** The symbolic output of an int8-graph layer in a model built by toLayersModel (an add's activation is a layer after it). */
function outputOf(model: tf.LayersModel, g: ModelIR, name: string): tf.SymbolicTensor {
  if (name === g.layers[0].name) return model.inputs[0];
  const l = g.layers.find((x) => x.name === name)!;
  const tfName = l.kind === 'add' && l.activation !== 'linear' ? `${name}/activation` : name;
  return model.getLayer(tfName).output as tf.SymbolicTensor;
}

/** Rows `[0, n)` of `split` in a seeded order, the first `count` of them (sorted). */
export function calibrationRows(n: number, count: number, seed: number): Uint32Array {
  if (count >= n) return Uint32Array.from({ length: n }, (_, i) => i);
  return permutation(n, createRng(deriveSeed(seed, 'calibration'))).subarray(0, count).sort();
}

/** Runs `model` (one output per tensor) on the rows, calling `visit(tensorIndex, values)` per batch. */
function forEachOutput(model: tf.LayersModel, split: Split, rowLen: number, shape: number[], rows: Uint32Array, batch: number,
  visit: (t: number, v: Float32Array) => void): void {
  const xb = new Float32Array(batch * rowLen);
  for (let s = 0; s < rows.length; s += batch) {
    const m = Math.min(batch, rows.length - s);
    for (let i = 0; i < m; i++) xb.set(split.x.subarray(rows[s + i] * rowLen, (rows[s + i] + 1) * rowLen), i * rowLen);
    const outs = tf.tidy(() => {
      const y = model.predict(tf.tensor(xb.subarray(0, m * rowLen), [m, ...shape]));
      return Array.isArray(y) ? y : [y];
    });
    outs.forEach((o, t) => visit(t, o.dataSync() as Float32Array));
    tf.dispose(outs);
  }
}

const BINS = 4096;

/** Bytes of float32 activations one calibration pass may hold (all calibrated tensors of its rows). */
export const CALIBRATION_BATCH_BYTES = 256 * 1024 * 1024;

/**
 * Rows per calibration pass for a model whose calibrated tensors hold `floatsPerRow` float32 values per row:
 * at most 128, at least 1, and within CALIBRATION_BATCH_BYTES (a 224x224 MobileNetV2 gets 2-3 rows instead
 * of 128). This alone does not make that model's calibrate stage fit tfjs's 4 GB WASM heap: measured after
 * it, `yono compress` of MobileNetV2 1.0@224 still aborts there (5.86 GB peak); the rest of the memory is
 * spent elsewhere in the stage (open, see the issue note).
 */
export function calibrationBatch(floatsPerRow: number, budgetBytes = CALIBRATION_BATCH_BYTES): number {
  return Math.max(1, Math.min(128, Math.floor(budgetBytes / (4 * Math.max(1, floatsPerRow)))));
}

/**
 * Calibrates the int8 activations of an inference-graph model on `train` (see the file comment). Throws
 * when the split is empty or a tensor takes a non-finite value.
 */
export function calibrate(ir: ModelIR, train: Split, opts: CalibrationOptions = {}): Calibration {
  if (train.n === 0) throw new Error(`model '${ir.name}': int8 calibration needs training samples; the training split is empty`);
  const g = int8Graph(ir);
  const names = calibratedTensors(g);
  const rows = calibrationRows(train.n, opts.samples ?? 1000, opts.seed ?? 1);
  const rowLen = ir.inputShape.reduce((a, b) => a * b, 1);
  const full = toLayersModel(g);
  const probe = tf.model({ inputs: full.inputs, outputs: names.map((n) => outputOf(full, g, n)) });
  const floatsPerRow = probe.outputs.reduce((sum, o) => sum + o.shape.slice(1).reduce((a: number, c) => a * (c ?? 1), 1), 0);
  const batch = opts.batchSize ?? calibrationBatch(floatsPerRow);
  try {
    const lo = new Float64Array(names.length).fill(Infinity);
    const hi = new Float64Array(names.length).fill(-Infinity);
    forEachOutput(probe, train, rowLen, ir.inputShape, rows, batch, (t, v) => {
      let a = lo[t], b = hi[t];
      for (let i = 0; i < v.length; i++) { const x = v[i]; if (x < a) a = x; if (x > b) b = x; }
      lo[t] = a; hi[t] = b;
    });
    names.forEach((n, t) => {
      if (!Number.isFinite(lo[t]) || !Number.isFinite(hi[t])) throw new Error(`model '${ir.name}': tensor '${n}' takes non-finite values on the training data; it cannot be quantised`);
    });
    if (opts.percentile !== undefined) clipToPercentile(probe, train, rowLen, ir.inputShape, rows, batch, opts.percentile, lo, hi);
    const ranges: Calibration['ranges'] = {};
    const own: Record<string, AffineParams> = {};
    names.forEach((n, t) => {
      ranges[n] = { min: lo[t], max: hi[t] };
      own[n] = chooseActivationParams(Math.fround(lo[t]), Math.fround(hi[t]));
    });
    return { ranges, params: resolveParams(g, own), samples: rows.length, method: opts.percentile === undefined ? 'minmax' : `p${opts.percentile}` };
  } finally {
    full.dispose();
  }
}

/** Narrows [lo, hi] of every tensor to its two-sided `p` percentile (a second pass with histograms). */
function clipToPercentile(model: tf.LayersModel, split: Split, rowLen: number, shape: number[], rows: Uint32Array, batch: number,
  p: number, lo: Float64Array, hi: Float64Array): void {
  if (!(p > 50 && p <= 100)) throw new RangeError(`a calibration percentile is in (50, 100], got ${p}`);
  const hist = Array.from(lo, () => new Float64Array(BINS));
  forEachOutput(model, split, rowLen, shape, rows, batch, (t, v) => {
    const h = hist[t];
    const w = (hi[t] - lo[t]) / BINS || 1;
    for (let i = 0; i < v.length; i++) h[Math.min(BINS - 1, Math.floor((v[i] - lo[t]) / w))]++;
  });
  hist.forEach((h, t) => {
    const total = h.reduce((a, b) => a + b, 0);
    const cut = total * (1 - p / 100);
    const w = (hi[t] - lo[t]) / BINS;
    let acc = 0;
    let a = 0;
    while (a < BINS - 1 && acc + h[a] <= cut) acc += h[a++];
    acc = 0;
    let b = BINS - 1;
    while (b > a && acc + h[b] <= cut) acc += h[b--];
    const newLo = lo[t] + a * w;
    const newHi = lo[t] + (b + 1) * w;
    lo[t] = Math.max(lo[t], newLo);
    hi[t] = Math.min(hi[t], newHi);
  });
}
