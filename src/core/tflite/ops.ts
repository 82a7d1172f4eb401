import type { Activation, Layer, Padding } from '../models/ir';
import { sizeOf } from '../models/shapes';
import type { Ctx } from './context';
import { quantOf } from './context';
import type { TfliteOperator } from './parse';
import { F, OP, PADDING } from './schema';
import { constInts } from './tensors';

/** Operators the importer maps to the IR, by name (for the "unsupported operator" message). */
export const SUPPORTED_TFLITE_OPS = ['CONV_2D', 'DEPTHWISE_CONV_2D', 'FULLY_CONNECTED', 'AVERAGE_POOL_2D', 'MAX_POOL_2D',
  'MEAN (over height and width)', 'RESHAPE', 'SQUEEZE', 'SOFTMAX (beta 1)', 'ADD and MUL (also with a scalar or per-channel constant)', 'MAXIMUM', 'MINIMUM', 'CONCATENATION',
  'PAD / PADV2 (zero, height and width)', 'TRANSPOSE (batch kept first)', 'RESIZE_NEAREST_NEIGHBOR (integer factors)', 'RELU', 'RELU6',
  'LOGISTIC', 'TANH', 'ELU', 'LEAKY_RELU', 'PRELU', 'QUANTIZE', 'DEQUANTIZE'] as const;

const pad = (p: number): Padding => (p === PADDING.VALID ? 'valid' : 'same');

/** Appends `layer`, then an activation layer after it when `act` is not linear; records the output tensor. */
function withActivation(ctx: Ctx, layer: Layer, act: Activation, out: number): void {
  if (act === 'linear') { ctx.push(layer, out); return; }
  ctx.push(layer);
  ctx.push({ kind: 'activation', name: ctx.uniqueName(`${layer.name}/${act}`), inputs: [layer.name], outputShape: layer.outputShape.slice(), activation: act }, out);
}

/** Bias of `units` values, or null when the operator has none. */
function bias(ctx: Ctx, op: TfliteOperator, units: number): { shape: number[]; data: Float32Array } | null {
  const i = op.inputs[2];
  if (i === undefined || i < 0) return null;
  const b = ctx.constOf(op, i, 'bias');
  if (b.data.length !== units) throw ctx.error(op, `has ${b.data.length} bias values for ${units} output channels`);
  return { shape: [units], data: b.data };
}

/**
 * ADD or MUL of an activation and a constant, as the converter writes a Keras Rescaling (scalars) or a
 * batch norm it could not fold (one value per channel): a `rescale` or a `batchNorm` layer.
 */
function constantOperand(ctx: Ctx, op: TfliteOperator, name: string, outputShape: number[]): void {
  const ci = op.inputs.findIndex((i) => ctx.isConst(i));
  const x = op.inputs[1 - ci];
  if (op.inputs.length !== 2 || ctx.isConst(x)) throw ctx.error(op, 'combines two constants; only one constant operand is supported');
  const c = ctx.constOf(op, op.inputs[ci], 'constant operand');
  const mul = op.code === OP.MUL;
  const act = ctx.fused(op, op.options ? op.options.int8(F.add.activation) : 0);
  const base = { name, inputs: [ctx.input(op, x)], outputShape };
  const channels = outputShape[outputShape.length - 1];
  if (c.data.length === 1) {
    withActivation(ctx, { ...base, kind: 'rescale', scale: mul ? c.data[0] : 1, offset: mul ? 0 : c.data[0] }, act, op.outputs[0]);
    return;
  }
  if (c.data.length !== channels || c.shape.slice(0, -1).some((d) => d !== 1)) {
    throw ctx.error(op, `has a constant operand of shape [${c.shape}]; only a scalar or one value per channel (${channels}) is supported`);
  }
  const v = { shape: [channels], data: c.data };
  const fill = (k: number) => ({ shape: [channels], data: new Float32Array(channels).fill(k) });
  withActivation(ctx, { ...base, kind: 'batchNorm', scale: mul ? v : fill(1), shift: mul ? fill(0) : v }, act, op.outputs[0]);
}

/** Converts one operator into IR layers. Throws naming the operator for anything it cannot map. */
export function convertOp(ctx: Ctx, op: TfliteOperator): void {
  const o = op.options;
  const out = op.outputs[0];
  const name = ctx.uniqueName(ctx.tensor(out).name);
  const outputShape = ctx.shapeOf(out);
  const base = () => ({ name, inputs: [ctx.input(op, op.inputs[0])], outputShape });
  const int = (id: number, d = 0) => (o ? o.int32(id, d) : d);
  const byte = (id: number, d = 0) => (o ? o.int8(id, d) : d);
  switch (op.code) {
    case OP.CONV_2D: {
      const w = ctx.constOf(op, op.inputs[1], 'filter'); // (cout x kh x kw x cin)
      const [co, kh, kw, ci] = w.shape;
      const k = new Float32Array(w.data.length); // -> (kh x kw x cin x cout)
      for (let a = 0; a < co; a++) for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) for (let c = 0; c < ci; c++) {
        k[((y * kw + x) * ci + c) * co + a] = w.data[((a * kh + y) * kw + x) * ci + c];
      }
      ctx.push({ ...base(), kind: 'conv2d', strides: [int(F.conv2d.strideH, 1), int(F.conv2d.strideW, 1)], padding: pad(byte(F.conv2d.padding)),
        dilation: [int(F.conv2d.dilationH, 1), int(F.conv2d.dilationW, 1)], activation: ctx.fused(op, byte(F.conv2d.activation)),
        kernel: { shape: [kh, kw, ci, co], data: k }, bias: bias(ctx, op, co) }, out);
      return;
    }
    case OP.DEPTHWISE_CONV_2D: {
      const w = ctx.constOf(op, op.inputs[1], 'filter'); // (1 x kh x kw x cin*mult), the same order as (kh x kw x cin x mult)
      const cin = ctx.shapeOf(op.inputs[0])[2];
      const [, kh, kw, cm] = w.shape;
      if (cm % cin !== 0) throw ctx.error(op, `has ${cm} filter channels for ${cin} input channels`);
      ctx.push({ ...base(), kind: 'depthwiseConv2d', strides: [int(F.depthwise.strideH, 1), int(F.depthwise.strideW, 1)], padding: pad(byte(F.depthwise.padding)),
        dilation: [int(F.depthwise.dilationH, 1), int(F.depthwise.dilationW, 1)], activation: ctx.fused(op, byte(F.depthwise.activation)),
        kernel: { shape: [kh, kw, cin, cm / cin], data: w.data }, bias: bias(ctx, op, cm) }, out);
      return;
    }
    case OP.FULLY_CONNECTED: {
      const w = ctx.constOf(op, op.inputs[1], 'weights'); // (units x in)
      const [units, n] = w.shape;
      const k = new Float32Array(w.data.length); // -> (in x units)
      for (let u = 0; u < units; u++) for (let i = 0; i < n; i++) k[i * units + u] = w.data[u * n + i];
      let src = ctx.input(op, op.inputs[0]);
      const inShape = ctx.shapeOf(op.inputs[0]);
      const keep = o ? o.bool(F.fullyConnected.keepNumDims) : false;
      if (!keep && inShape.length > 1) {
        src = ctx.push({ kind: 'flatten', name: ctx.uniqueName(`${name}/flatten`), inputs: [src], outputShape: [sizeOf(inShape)] });
      }
      ctx.push({ name, inputs: [src], outputShape, kind: 'dense', activation: ctx.fused(op, byte(F.fullyConnected.activation)),
        kernel: { shape: [n, units], data: k }, bias: bias(ctx, op, units) }, out);
      return;
    }
    case OP.AVERAGE_POOL_2D: case OP.MAX_POOL_2D:
      withActivation(ctx, { ...base(), kind: op.code === OP.MAX_POOL_2D ? 'maxPool2d' : 'avgPool2d',
        poolSize: [int(F.pool2d.filterH, 1), int(F.pool2d.filterW, 1)], strides: [int(F.pool2d.strideH, 1), int(F.pool2d.strideW, 1)],
        padding: pad(byte(F.pool2d.padding)) }, ctx.fused(op, byte(F.pool2d.activation)), out);
      return;
    case OP.MEAN: {
      const axes = constInts(ctx.tensor(op.inputs[1])).map((a) => (a < 0 ? a + 4 : a)).sort();
      const inShape = ctx.shapeOf(op.inputs[0]);
      if (inShape.length !== 3 || axes.join() !== '1,2') throw ctx.error(op, `averages over axes [${axes}] of a rank-${inShape.length + 1} tensor; only the global average over height and width (axes 1, 2 of NHWC) is supported`);
      const c = inShape[2];
      const keep = o ? o.bool(F.reducer.keepDims) : false;
      if (!keep) { ctx.push({ ...base(), kind: 'globalAvgPool2d' }, out); return; }
      const g = ctx.push({ ...base(), name: ctx.uniqueName(`${name}/pool`), outputShape: [c], kind: 'globalAvgPool2d' });
      ctx.push({ name, inputs: [g], outputShape, kind: 'reshape', targetShape: outputShape.slice() }, out);
      return;
    }
    case OP.RESHAPE: case OP.SQUEEZE:
      if (outputShape.length < 1 || outputShape.length > 3) throw ctx.error(op, `gives a rank-${outputShape.length + 1} tensor; the IR holds ranks 2..4 with the batch`);
      ctx.push({ ...base(), kind: 'reshape', targetShape: outputShape.slice() }, out);
      return;
    case OP.SOFTMAX: {
      const beta = o ? o.float32(F.softmax.beta, 1) : 1;
      if (beta !== 1) throw ctx.error(op, `has beta ${beta}; only beta 1 is supported`);
      ctx.push({ ...base(), kind: 'activation', activation: 'softmax' }, out);
      return;
    }
    case OP.RELU: case OP.RELU6: case OP.LOGISTIC: case OP.TANH: case OP.ELU: {
      const act: Activation = op.code === OP.RELU ? 'relu' : op.code === OP.RELU6 ? 'relu6' : op.code === OP.LOGISTIC ? 'sigmoid' : op.code === OP.TANH ? 'tanh' : 'elu';
      ctx.push({ ...base(), kind: 'activation', activation: act }, out);
      return;
    }
    case OP.LEAKY_RELU: ctx.push({ ...base(), kind: 'leakyRelu', alpha: o ? o.float32(F.leakyRelu.alpha) : 0 }, out); return;
    case OP.PRELU: {
      const a = ctx.constOf(op, op.inputs[1], 'alpha');
      const rank = outputShape.length;
      const s = a.shape.length > rank ? a.shape.slice(a.shape.length - rank) : [...new Array<number>(rank - a.shape.length).fill(1), ...a.shape];
      ctx.push({ ...base(), kind: 'prelu', alpha: { shape: s, data: a.data } }, out);
      return;
    }
    case OP.ADD: case OP.MUL: case OP.MAXIMUM: case OP.MINIMUM: {
      if ((op.code === OP.ADD || op.code === OP.MUL) && op.inputs.some((i) => ctx.isConst(i))) { constantOperand(ctx, op, name, outputShape); return; }
      const inputs = op.inputs.map((i) => ctx.input(op, i));
      const act = op.code === OP.ADD || op.code === OP.MUL ? ctx.fused(op, byte(F.add.activation)) : 'linear';
      if (op.code === OP.ADD) { ctx.push({ name, inputs, outputShape, kind: 'add', activation: act }, out); return; }
      const kind = op.code === OP.MUL ? 'multiply' : op.code === OP.MAXIMUM ? 'maximum' : 'minimum';
      withActivation(ctx, { name, inputs, outputShape, kind }, act, out);
      return;
    }
    case OP.CONCATENATION: {
      const rank = outputShape.length + 1;
      const a = int(F.concatenation.axis);
      const axis = a < 0 ? a + rank : a;
      if (axis < 1 || axis >= rank) throw ctx.error(op, `concatenates along axis ${a}; only non-batch axes are supported`);
      withActivation(ctx, { name, inputs: op.inputs.map((i) => ctx.input(op, i)), outputShape, kind: 'concat', axis: axis - 1 },
        ctx.fused(op, byte(F.concatenation.activation)), out);
      return;
    }
    case OP.PAD: case OP.PADV2: {
      const p = constInts(ctx.tensor(op.inputs[1]));
      if (op.code === OP.PADV2 && op.inputs[2] >= 0) {
        const v = ctx.constOf(op, op.inputs[2], 'pad value').data[0];
        if (v !== 0) throw ctx.error(op, `pads with ${v}; only zero padding is supported`);
      }
      if (p.length !== 8 || p[0] || p[1] || p[6] || p[7]) throw ctx.error(op, `pads [${p}]; only the height and width of an NHWC tensor can be padded`);
      ctx.push({ ...base(), kind: 'zeroPad2d', pad: [p[2], p[3], p[4], p[5]] }, out);
      return;
    }
    case OP.TRANSPOSE: {
      const perm = constInts(ctx.tensor(op.inputs[1]));
      if (perm[0] !== 0) throw ctx.error(op, `moves the batch axis (perm [${perm}])`);
      ctx.push({ ...base(), kind: 'permute', perm: perm.slice(1).map((p) => p - 1) }, out);
      return;
    }
    case OP.RESIZE_NEAREST_NEIGHBOR: {
      const inShape = ctx.shapeOf(op.inputs[0]);
      const size = [outputShape[0] / inShape[0], outputShape[1] / inShape[1]];
      if (!size.every((s) => Number.isInteger(s) && s >= 1) || (o && (o.bool(F.resizeNearest.alignCorners) || o.bool(F.resizeNearest.halfPixelCenters)))) {
        throw ctx.error(op, 'resizes by a non-integer factor or with align_corners / half_pixel_centers; only integer up-sampling is supported');
      }
      ctx.push({ ...base(), kind: 'upSample2d', size: [size[0], size[1]], interpolation: 'nearest' }, out);
      return;
    }
    case OP.QUANTIZE: case OP.DEQUANTIZE: {
      const q = quantOf(ctx.tensor(op.code === OP.QUANTIZE ? out : op.inputs[0]));
      if (!q) { ctx.producer.set(out, ctx.input(op, op.inputs[0])); return; }
      ctx.push({ ...base(), kind: 'fakeQuant', ...q }, out);
      return;
    }
    default:
      throw ctx.error(op, `is not supported. Supported TFLite operators: ${SUPPORTED_TFLITE_OPS.join(', ')}`);
  }
}
