import type { ModelIR } from '../models/ir';
import { inferShapes } from '../models/shapes';
import { Ctx, quantOf } from './context';
import { convertOp, SUPPORTED_TFLITE_OPS } from './ops';
import { parseTflite } from './parse';
import { OP, opName } from './schema';
import { constFloats, typeName } from './tensors';

/** What the importer found in a `.tflite` file besides the IR, for reports. */
export interface TfliteInfo {
  /** Operator names in the file, with counts. */
  operators: Record<string, number>;
  /** Element types of the constant weight tensors, with counts (FLOAT32, FLOAT16, INT8, ...). */
  weightTypes: Record<string, number>;
  /** The model's input and output quantisation (null: float). */
  inputQuant: { scale: number; zeroPoint: number } | null;
  outputQuant: { scale: number; zeroPoint: number } | null;
}

/**
 * Converts a `.tflite` model (its first subgraph: one input, one output, builtin operators that map to
 * the IR) into the model IR with every weight dequantised to float32 and the TFLite layouts turned into
 * the IR's (OHWI conv filters -> HWIO, (units x in) fully-connected weights -> (in x units), depthwise
 * (1 x kh x kw x cin*mult) -> (kh x kw x cin x mult); batch dimension dropped). The model's int8/uint8
 * input and output quantisation become `fakeQuant` layers, so evaluation quantises the input and
 * dequantises the output as the model says; intermediate int8 activations are computed in float.
 * Throws an Error naming an unsupported operator (and listing the supported ones) or a malformed file.
 */
export function tfliteToIR(bytes: Uint8Array, name: string): { ir: ModelIR; info: TfliteInfo } {
  const m = parseTflite(bytes);
  if (m.inputs.length !== 1 || m.outputs.length !== 1) {
    throw new Error(`the TFLite model has ${m.inputs.length} inputs and ${m.outputs.length} outputs: only single-input, single-output models are supported`);
  }
  const ctx = new Ctx(m);
  const inT = m.tensors[m.inputs[0]];
  const inputShape = inT.shape.slice(1);
  if (inT.shape.length < 2 || inT.shape.length > 4) throw new Error(`the TFLite input '${inT.name}' has shape [${inT.shape}]; expected a batch dimension and 1 to 3 more`);
  const inQ = quantOf(inT);
  ctx.push({ kind: 'input', name: ctx.uniqueName('input'), inputs: [], outputShape: inputShape.slice() }, m.inputs[0]);
  if (inQ) ctx.push({ kind: 'fakeQuant', name: ctx.uniqueName(`${inT.name}/quantize`), inputs: [ctx.layers[0].name], outputShape: inputShape.slice(), ...inQ }, m.inputs[0]);
  const operators: Record<string, number> = {};
  const weightTypes: Record<string, number> = {};
  for (const op of m.operators) {
    const opn = op.code === OP.CUSTOM ? `CUSTOM '${op.custom ?? '?'}'` : opName(op.code);
    operators[opn] = (operators[opn] ?? 0) + 1;
    for (const i of op.inputs) if (i >= 0 && m.tensors[i].data) { const t = typeName(m.tensors[i]); weightTypes[t] = (weightTypes[t] ?? 0) + 1; }
    if (op.code === OP.DEQUANTIZE && ctx.isConst(op.inputs[0])) {
      const t = m.tensors[op.inputs[0]];
      ctx.consts.set(op.outputs[0], { shape: t.shape.slice(), data: constFloats(t) });
      continue;
    }
    if (op.code === OP.CUSTOM) throw ctx.error(op, `is the custom operator '${op.custom ?? '?'}', which is not supported. Supported TFLite operators: ${SUPPORTED_TFLITE_OPS.join(', ')}`);
    if (op.outputs.length !== 1) throw ctx.error(op, `has ${op.outputs.length} outputs; only single-output operators are supported`);
    convertOp(ctx, op);
  }
  const outT = m.tensors[m.outputs[0]];
  let output = ctx.producer.get(m.outputs[0]);
  if (output === undefined) throw new Error(`no operator produces the TFLite output '${outT.name}'`);
  const outQ = quantOf(outT);
  if (outQ && ctx.layers.find((l) => l.name === output)?.kind !== 'fakeQuant') {
    output = ctx.push({ kind: 'fakeQuant', name: ctx.uniqueName(`${outT.name}/dequantize`), inputs: [output], outputShape: outT.shape.slice(1), ...outQ });
  }
  const ir: ModelIR = { name, inputShape, layers: ctx.layers, output };
  try {
    inferShapes(ir);
  } catch (e) {
    throw new Error(`the TFLite model does not convert consistently: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const q = (x: ReturnType<typeof quantOf>) => (x ? { scale: x.scale, zeroPoint: x.zeroPoint } : null);
  return { ir, info: { operators, weightTypes, inputQuant: q(inQ), outputQuant: q(outQ) } };
}

/** True when the bytes look like a TFLite flatbuffer (identifier `TFL3` at bytes 4..7). */
export function isTflite(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[4] === 0x54 && bytes[5] === 0x46 && bytes[6] === 0x4c && bytes[7] === 0x33;
}
