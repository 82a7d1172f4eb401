import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { setupWasmBackend } from '../tfjs/backend';
import { fromLayersModel } from '../models/fromLayersModel';
import { inferenceGraph } from '../models/fuseActivations';
import { predictClasses } from '../models/evaluate';
import { toLayersModel } from '../models/toLayersModel';
import type { ModelIR } from '../models/ir';
import { maxAbsDiff, predictFlat, randomInput, randomizeWeights } from '../models/testing';
import type { Split } from '../data/types';
import { tfliteToIR, isTflite } from './toIR';
import { calibrationRanges } from './writer/calibrate';
import { TfliteParts, writeTflite } from './writer/writeTflite';
import { trainedTfliteNet } from '../compress/testing/tfliteNet';

const agreement = (a: Int32Array, b: Int32Array) => a.reduce((s, v, i) => s + (v === b[i] ? 1 : 0), 0) / a.length;

describe('TFLite import (files from the test writer)', () => {
  let model: tf.LayersModel;
  let test: Split;
  let graph: ModelIR;
  let want: Int32Array;
  beforeAll(async () => {
    await setupWasmBackend();
    ({ model, test } = await trainedTfliteNet(21));
    graph = inferenceGraph(fromLayersModel(model, 'net'));
    want = await predictClasses(model, test.x);
  });

  it('a float32 file imports to the IR and predicts as tfjs (same classes, logits within float rounding)', async () => {
    const bytes = writeTflite(graph);
    expect(isTflite(bytes)).toBe(true);
    const { ir, info } = tfliteToIR(bytes, 'net');
    expect(info.operators).toMatchObject({ CONV_2D: 2, DEPTHWISE_CONV_2D: 1, FULLY_CONNECTED: 2, PAD: 1, MUL: 1, CONCATENATION: 1, MEAN: 1, SOFTMAX: 1, LOGISTIC: 1 });
    expect(info.inputQuant).toBeNull();
    expect(ir.inputShape).toEqual([8, 8, 1]);
    // layouts: OHWI / (units x in) turned back into the IR's, exactly
    const c1 = ir.layers.find((l) => l.kind === 'conv2d' && l.kernel.shape[2] === 1);
    const orig = graph.layers.find((l) => l.name === 'c1');
    expect(c1 && 'kernel' in c1 && orig && 'kernel' in orig && Array.from(c1.kernel.data)).toEqual(orig && 'kernel' in orig && Array.from(orig.kernel.data));
    const m = toLayersModel(ir);
    expect(maxAbsDiff(predictFlat(m, test.x, test.n), predictFlat(model, test.x, test.n))).toBeLessThan(1e-5);
    m.dispose();
    expect(Array.from(await predictClasses(ir, test.x))).toEqual(Array.from(want));
  });

  it('a full-integer int8 file imports with dequantised weights and its input/output quantisation, within 1 % of tfjs', async () => {
    const ranges = calibrationRanges(graph, test.x.subarray(0, 100 * 64));
    const bytes = writeTflite(graph, { quantize: 'int8', ranges });
    const { ir, info } = tfliteToIR(bytes, 'net8');
    expect(info.weightTypes.INT8).toBeGreaterThan(0);
    expect(info.inputQuant?.scale).toBeGreaterThan(0);
    expect(info.outputQuant).toEqual({ scale: 1 / 256, zeroPoint: -128 });
    expect(ir.layers[1].kind).toBe('fakeQuant');
    expect(ir.layers.find((l) => l.name === ir.output)?.kind).toBe('fakeQuant');
    // weights are q * scale: within half a step of the float weights
    const c1 = ir.layers.find((l) => l.kind === 'conv2d' && l.kernel.shape[2] === 1);
    const orig = graph.layers.find((l) => l.name === 'c1');
    if (!c1 || !('kernel' in c1) || !orig || !('kernel' in orig)) throw new Error('no c1');
    const step = Math.max(...orig.kernel.data.map(Math.abs)) / 127;
    expect(maxAbsDiff(c1.kernel.data, orig.kernel.data)).toBeLessThanOrEqual(step / 2 + 1e-7);
    const got = await predictClasses(ir, test.x);
    expect(agreement(got, want)).toBeGreaterThanOrEqual(0.99);
    // the output is quantised to 1/256 steps, as the model says
    const probs = predictFlat(toLayersModel(ir), test.x.subarray(0, 64 * 4), 4);
    for (const p of probs) expect(Math.abs(p * 256 - Math.round(p * 256))).toBeLessThan(1e-3);
  });

  it('reads MUL / ADD by constants (Rescaling, a batch norm after a concatenation) as rescale and batchNorm layers', async () => {
    const L = tf.layers;
    const x = tf.input({ shape: [6, 6, 2] });
    const r = L.rescaling({ scale: 0.5, offset: -0.25 }).apply(x) as tf.SymbolicTensor;
    const a = L.conv2d({ filters: 3, kernelSize: 3, padding: 'same', activation: 'relu' }).apply(r) as tf.SymbolicTensor;
    const cat = L.concatenate().apply([r, a]) as tf.SymbolicTensor;
    const bn = L.batchNormalization().apply(cat) as tf.SymbolicTensor;
    const out = L.dense({ units: 3, activation: 'softmax' }).apply(L.flatten().apply(bn)) as tf.SymbolicTensor;
    const m = tf.model({ inputs: x, outputs: out });
    randomizeWeights(m, 8);
    const g = inferenceGraph(fromLayersModel(m, 'c'));
    const { ir, info } = tfliteToIR(writeTflite(g), 'c');
    expect(info.operators).toMatchObject({ MUL: 2, ADD: 2 });
    expect(ir.layers.map((l) => l.kind)).toEqual(expect.arrayContaining(['rescale', 'batchNorm', 'concat']));
    const xs = randomInput(10, [6, 6, 2], 4);
    const rebuilt = toLayersModel(ir);
    expect(maxAbsDiff(predictFlat(rebuilt, xs, 10), predictFlat(m, xs, 10))).toBeLessThan(1e-5);
    rebuilt.dispose();
    m.dispose();
  });

  it('names an unsupported operator and lists the supported ones; rejects a damaged file', () => {
    const p = new TfliteParts();
    p.codes.push(117);
    const a = p.tensor('in', [1, 4], 0, null);
    const b = p.tensor('hswish', [1, 4], 0, null);
    p.op(117, [a], [b]);
    expect(() => tfliteToIR(p.finish(a, b, 'x'), 'x')).toThrow(/TFLite operator 0 \(HARD_SWISH, output 'hswish'\) is not supported\. Supported TFLite operators: CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED/);
    const good = writeTflite(graph);
    expect(() => tfliteToIR(good.subarray(0, 200), 'x')).toThrow(/not a valid \.tflite file: .*outside the file/);
    const wrongId = good.slice();
    wrongId[4] = 0x41;
    expect(() => tfliteToIR(wrongId, 'x')).toThrow(/file identifier is 'AFL3'/);
    expect(() => tfliteToIR(new Uint8Array(5), 'x')).toThrow(/too short/);
  });
});
