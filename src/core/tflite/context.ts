import type { Activation, Layer } from '../models/ir';
import type { TfliteModel, TfliteOperator, TfliteTensor } from './parse';
import { FUSED, opName } from './schema';
import { constFloats, typeName } from './tensors';
import { TENSOR_TYPE as T } from './schema';

/** A constant tensor's real values with its TFLite shape. */
export interface Const { shape: number[]; data: Float32Array }

/**
 * State of one conversion: the IR layers so far, which IR layer holds each TFLite tensor, the folded
 * constants (DEQUANTIZE of float16 or int8 weights), and unique layer names.
 */
export class Ctx {
  readonly layers: Layer[] = [];
  /** TFLite tensor index -> IR layer name holding its value. */
  readonly producer = new Map<number, string>();
  /** TFLite tensor index -> folded constant. */
  readonly consts = new Map<number, Const>();
  private readonly names = new Set<string>();

  constructor(readonly m: TfliteModel) {}

  tensor(i: number): TfliteTensor {
    return this.m.tensors[i];
  }

  /** A unique, readable IR name from a TFLite tensor name (its first ';' part, at most 64 characters). */
  uniqueName(raw: string): string {
    const base = (raw.split(';')[0] || 'layer').slice(0, 64);
    let n = base;
    for (let k = 2; this.names.has(n); k++) n = `${base}_${k}`;
    this.names.add(n);
    return n;
  }

  /** Appends a layer and records it as the holder of tensor `out` (if given). */
  push(layer: Layer, out?: number): string {
    this.layers.push(layer);
    if (out !== undefined) this.producer.set(out, layer.name);
    return layer.name;
  }

  /** True when tensor i is a constant (stored data or a folded DEQUANTIZE). */
  isConst(i: number): boolean {
    return i >= 0 && (this.consts.has(i) || this.tensor(i).data !== null);
  }

  /** Real values of constant tensor i (folded first, else dequantised from its buffer). */
  constOf(op: TfliteOperator, i: number, what: string): Const {
    if (i < 0) throw this.error(op, `has no ${what} tensor`);
    const c = this.consts.get(i);
    if (c) return c;
    const t = this.tensor(i);
    if (!t.data) throw this.error(op, `takes its ${what} '${t.name}' from another operator; only constant ${what}s are supported`);
    return { shape: t.shape.slice(), data: constFloats(t) };
  }

  /** IR layer holding activation tensor i. */
  input(op: TfliteOperator, i: number): string {
    const n = this.producer.get(i);
    if (n === undefined) {
      const t = this.tensor(i);
      throw this.error(op, t.data ? `reads the constant tensor '${t.name}' where an activation is expected (constant operands are not supported here)`
        : `reads tensor '${t?.name ?? i}', which no earlier operator produces`);
    }
    return n;
  }

  /** Shape without the batch dimension of tensor i. */
  shapeOf(i: number): number[] {
    return this.tensor(i).shape.slice(1);
  }

  /** An Error naming the operator (index, name, output tensor). */
  error(op: TfliteOperator, msg: string): Error {
    const out = this.tensor(op.outputs[0]);
    return new Error(`TFLite operator ${op.index} (${opName(op.code)}${out ? `, output '${out.name}'` : ''}) ${msg}`);
  }

  /** The IR activation of a fused activation function. */
  fused(op: TfliteOperator, f: number): Activation {
    switch (f) {
      case FUSED.NONE: return 'linear';
      case FUSED.RELU: return 'relu';
      case FUSED.RELU6: return 'relu6';
      case FUSED.TANH: return 'tanh';
      default: throw this.error(op, `has fused activation ${f === FUSED.RELU_N1_TO_1 ? 'RELU_N1_TO_1' : f === FUSED.SIGN_BIT ? 'SIGN_BIT' : f}, which the IR does not have (supported: NONE, RELU, RELU6, TANH)`);
    }
  }
}

/** The fake-quantisation attributes of an int8 / uint8 / int16 tensor, or null for a float one. */
export function quantOf(t: TfliteTensor): { scale: number; zeroPoint: number; qmin: number; qmax: number } | null {
  const range = t.type === T.INT8 ? [-128, 127] : t.type === T.UINT8 ? [0, 255] : t.type === T.INT16 ? [-32768, 32767] : null;
  if (!range) {
    if (t.type !== T.FLOAT32) throw new Error(`tensor '${t.name}' has type ${typeName(t)}; model inputs and outputs must be FLOAT32, INT8, UINT8 or INT16`);
    return null;
  }
  if (!t.quant || t.quant.scale.length !== 1) throw new Error(`tensor '${t.name}' (${typeName(t)}) needs one scale and zero point (per-tensor quantisation)`);
  return { scale: t.quant.scale[0], zeroPoint: t.quant.zeroPoint[0] ?? 0, qmin: range[0], qmax: range[1] };
}
