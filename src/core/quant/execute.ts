/**
 * The reference execution of a lowered model (lowered.ts) on the int8 reference kernels (kernels/): plain
 * loops in the order of the C kernels' arithmetic, exact in integers. Slow; for tests and measurements. The
 * float32 escape hatch runs in float32 in the tap-major order of the float runtime.
 */
import { INT8_MAX, INT8_MIN, dequantizeValue, quantizeValue } from './affine';
import { multiplyByQuantizedMultiplier } from './fixed-point';
import { convS8 } from './kernels/conv';
import { depthwiseS8 } from './kernels/depthwise';
import { avgPoolS8, maxPoolS8 } from './kernels/pool';
import type { S8Quant } from './kernels/types';
import type { AddOp, FloatOp, LoweredModel, WeightOp } from './lowered';
import type { Activation } from '../models/ir';
import { tapRanges } from '../models/shapes';

/** The activations a float layer of an int8 graph can carry (sigmoid, tanh and softmax are split off). */
function activate(v: number, act: Activation): number {
  if (act === 'relu') return v > 0 ? v : 0;
  if (act === 'relu6') return v > 6 ? 6 : v > 0 ? v : 0;
  if (act === 'linear') return v;
  throw new Error(`a float layer of an int8 graph has no ${act} (it is split off)`);
}

function quantOf(op: WeightOp): S8Quant {
  return { inZp: op.in.zeroPoint, outZp: op.out.zeroPoint, actMin: op.actMin, actMax: op.actMax, bias: op.bias, mult: op.mult, shift: op.shift };
}

/** TFLM's int8 add, elementwise. */
export function add(op: AddOp, a: Int8Array, b: Int8Array): Int8Array {
  const y = new Int8Array(a.length);
  const [pa, pb] = op.in;
  const [ma, mb] = op.inMult;
  const ls = 2 ** op.leftShift;
  for (let i = 0; i < a.length; i++) {
    const va = multiplyByQuantizedMultiplier((a[i] - pa.zeroPoint) * ls, ma.multiplier, ma.shift);
    const vb = multiplyByQuantizedMultiplier((b[i] - pb.zeroPoint) * ls, mb.multiplier, mb.shift);
    const v = multiplyByQuantizedMultiplier(va + vb, op.outMult.multiplier, op.outMult.shift) + op.out.zeroPoint;
    y[i] = v < op.actMin ? op.actMin : v > op.actMax ? op.actMax : v;
  }
  return y;
}

/** A float32 layer on int8 tensors: dequantise, convolve in float32 (taps, then input channels), activate, quantise. */
export function floatLayer(op: FloatOp, x: Int8Array): Int8Array {
  const { g, layer } = op;
  const k = layer.kernel.data;
  const depthwise = layer.kind === 'depthwiseConv2d';
  const mult = depthwise ? g.outC / g.inC : 1;
  const xf = Float32Array.from(x, (q) => dequantizeValue(q, op.in));
  const y = new Int8Array(g.outH * g.outW * g.outC);
  const ry = tapRanges(g.outH, g.inH, g.kh, g.sh, g.dh, g.padT);
  const rx = tapRanges(g.outW, g.inW, g.kw, g.sw, g.dw, g.padL);
  for (let oy = 0; oy < g.outH; oy++) for (let ox = 0; ox < g.outW; ox++) for (let u = 0; u < g.outC; u++) {
    let acc = 0;
    for (let ky = ry[2 * oy]; ky < ry[2 * oy + 1]; ky++) for (let kx = rx[2 * ox]; kx < rx[2 * ox + 1]; kx++) {
      const xb = ((oy * g.sh - g.padT + ky * g.dh) * g.inW + ox * g.sw - g.padL + kx * g.dw) * g.inC;
      const tap = ky * g.kw + kx;
      if (depthwise) acc = Math.fround(acc + Math.fround(xf[xb + Math.floor(u / mult)] * k[tap * g.outC + u]));
      else for (let ci = 0; ci < g.inC; ci++) acc = Math.fround(acc + Math.fround(xf[xb + ci] * k[(tap * g.inC + ci) * g.outC + u]));
    }
    const b = layer.bias ? layer.bias.data[u] : 0;
    y[(oy * g.outW + ox) * g.outC + u] = quantizeValue(activate(Math.fround(acc + b), layer.activation), op.out);
  }
  return y;
}

/**
 * Runs a lowered model on one int8 input (the model input quantised with its params) and returns every
 * tensor it computed, by name; the output is `tensors.get(model.output)`.
 */
export function executeLowered(model: LoweredModel, input: Int8Array): Map<string, Int8Array> {
  const t = new Map<string, Int8Array>([[model.input, input]]);
  const get = (n: string): Int8Array => {
    const v = t.get(n);
    if (!v) throw new Error(`model '${model.name}': tensor '${n}' is read before it is written`);
    return v;
  };
  for (const op of model.ops) {
    const x = get(op.inputs[0]);
    let y: Int8Array;
    switch (op.op) {
      case 'conv': y = convS8(op.g, op.kernel, quantOf(op), x); break;
      case 'depthwise': y = depthwiseS8(op.g, op.kernel, quantOf(op), x); break;
      case 'float': y = floatLayer(op, x); break;
      case 'maxPool': y = maxPoolS8(op.g, INT8_MIN, INT8_MAX, x); break;
      case 'avgPool': y = avgPoolS8(op.g, INT8_MIN, INT8_MAX, x); break;
      case 'alias': y = x; break;
      case 'clamp': y = x.map((v) => (v < op.min ? op.min : v > op.max ? op.max : v)); break;
      case 'lut': y = x.map((v) => op.table[v + 128]); break;
      case 'add': y = add(op, x, get(op.inputs[1])); break;
    }
    t.set(op.name, y);
  }
  return t;
}

/** The int8 output of a lowered model for a float input (quantised with the input's params). */
export function runLowered(model: LoweredModel, x: ArrayLike<number>): Int8Array {
  const p = model.tensors[model.input].params;
  const q = Int8Array.from({ length: x.length }, (_, i) => quantizeValue(Math.fround(x[i]), p));
  return executeLowered(model, q).get(model.output)!;
}
