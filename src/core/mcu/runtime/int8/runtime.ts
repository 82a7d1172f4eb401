/**
 * The virtual MCU's int8 runtime: runs an int8 model of a bundle (format version 2) as the C export's
 * `yono_run_s8` does — int8 in, int8 out, every tensor in the planned input/output/arena buffers (plan.ts),
 * the integer arithmetic of the reference execution (quant/execute.ts) bit for bit (kernels.ts).
 */
import type { Bundle } from '../../../bundle/bundle';
import { BundleError } from '../../../bundle/errors';
import { lowerBundleModel } from '../../../bundle/lowered';
import { dequantizeValue, quantizeValue, type AffineParams } from '../../../quant/affine';
import { add, floatLayer } from '../../../quant/execute';
import type { LoweredModel, LoweredOp } from '../../../quant/lowered';
import { tapRanges } from '../../../models/shapes';
import { argmax } from '../executor';
import { convS8Fast, depthwiseS8Fast, poolS8Fast, unitMajor, widen, type PreparedWeights } from './kernels';
import { planInt8, type Int8Plan } from '../../../program/plan-s8';

/** An int8 model ready to run. */
export interface Int8Runtime {
  readonly model: LoweredModel;
  readonly plan: Int8Plan;
  /** (scale, zero point) of the input and of the output (int8 logits): real = scale · (q − zero point). */
  readonly inputQ: AffineParams;
  readonly outputQ: AffineParams;
  readonly inputSize: number;
  readonly outputSize: number;
  /** Runs one quantised input; returns a copy of the int8 output. */
  runS8(input: Int8Array): Int8Array;
  /** Quantises a float input with `inputQ`, runs it, returns the dequantised output (the logits as real values). */
  run(input: Float32Array): Float32Array;
  /** `n` float samples back to back: dequantised outputs (n x outputSize) and each sample's class. */
  runBatch(x: Float32Array, n?: number): { outputs: Float32Array; classes: Int32Array };
}

/** One op with its buffers resolved. */
interface Step {
  op: LoweredOp;
  x: Int8Array; xo: number; xn: number;
  x2: Int8Array; x2o: number;
  y: Int8Array; yo: number; yn: number;
  w: PreparedWeights | null;
  ry: Int32Array<ArrayBufferLike>; rx: Int32Array<ArrayBufferLike>;
}

const EMPTY: Int32Array<ArrayBufferLike> = new Int32Array(0);

function prepare(m: LoweredModel, plan: Int8Plan, bufs: Record<'input' | 'output' | 'arena', Int8Array>): Step[] {
  const at = (n: string) => {
    const p = plan.places.get(n);
    if (!p) throw new Error(`model '${m.name}': tensor '${n}' has no buffer (bug)`);
    return p;
  };
  return m.ops.map((op): Step => {
    const xp = at(op.inputs[0]);
    const x2p = op.inputs.length > 1 ? at(op.inputs[1]) : xp;
    const yp = at(op.name);
    let w: PreparedWeights | null = null;
    let ry = EMPTY, rx = EMPTY;
    if (op.op === 'conv' || op.op === 'depthwise') {
      const g = op.g;
      ry = tapRanges(g.outH, g.inH, g.kh, g.sh, g.dh, g.padT);
      rx = tapRanges(g.outW, g.inW, g.kw, g.sw, g.dw, g.padL);
      w = { g, depthwise: op.op === 'depthwise', w: unitMajor(op), bias: op.bias, mult: op.mult, shift: op.shift,
        inZp: op.in.zeroPoint, outZp: op.out.zeroPoint, actMin: op.actMin, actMax: op.actMax, ry, rx };
    } else if (op.op === 'maxPool' || op.op === 'avgPool') {
      ry = tapRanges(op.g.outH, op.g.inH, op.g.kh, op.g.sh, 1, op.g.padT);
      rx = tapRanges(op.g.outW, op.g.inW, op.g.kw, op.g.sw, 1, op.g.padL);
    }
    return { op, x: bufs[xp.buf], xo: xp.offset, xn: xp.size, x2: bufs[x2p.buf], x2o: x2p.offset, y: bufs[yp.buf], yo: yp.offset, yn: yp.size, w, ry, rx };
  });
}

function execute(s: Step, xs: Int32Array, col: Int32Array): void {
  const { op, x, xo, y, yo } = s;
  switch (op.op) {
    case 'conv': widen(x, xo, s.xn, op.in.zeroPoint, xs); convS8Fast(s.w!, xs, col, y, yo); return;
    case 'depthwise': widen(x, xo, s.xn, op.in.zeroPoint, xs); depthwiseS8Fast(s.w!, xs, y, yo); return;
    case 'maxPool': case 'avgPool': poolS8Fast(op.g, op.op === 'maxPool', x, xo, y, yo, s.ry, s.rx); return;
    case 'alias': return;
    case 'clamp': for (let i = 0; i < s.yn; i++) { const v = x[xo + i]; y[yo + i] = v < op.min ? op.min : v > op.max ? op.max : v; } return;
    case 'lut': for (let i = 0; i < s.yn; i++) y[yo + i] = op.table[x[xo + i] + 128]; return;
    case 'add': y.set(add(op, x.subarray(xo, xo + s.yn), s.x2.subarray(s.x2o, s.x2o + s.yn)), yo); return;
    case 'float': y.set(floatLayer(op, x.subarray(xo, xo + s.xn)), yo); return;
  }
}

/** An int8 runtime of a lowered model (tests and benchmarks give one directly; bundles go through createInt8Runtime). */
export function createInt8Executor(m: LoweredModel): Int8Runtime {
  const plan = planInt8(m);
  const bufs = { input: new Int8Array(plan.inputBytes), output: new Int8Array(plan.outputBytes), arena: new Int8Array(plan.arenaBytes) };
  const steps = prepare(m, plan, bufs);
  const xs = new Int32Array(Math.max(1, ...steps.filter((s) => s.w).map((s) => s.xn)));
  const col = new Int32Array(Math.max(1, ...steps.filter((s) => s.w).map((s) => s.w!.g.kh * s.w!.g.kw * s.w!.g.inC)));
  const inputQ = m.tensors[m.input].params;
  const outputQ = m.tensors[m.output].params;
  const runS8 = (input: Int8Array): Int8Array => {
    if (input.length !== plan.inputBytes) throw new BundleError('argument', `Model '${m.name}' takes ${plan.inputBytes} int8 input values ([${m.tensors[m.input].shape}]), got ${input.length}.`);
    bufs.input.set(input);
    for (const s of steps) execute(s, xs, col);
    return bufs.output;
  };
  const q = new Int8Array(plan.inputBytes);
  const run = (input: Float32Array): Float32Array => {
    if (input.length !== plan.inputBytes) throw new BundleError('argument', `Model '${m.name}' takes ${plan.inputBytes} input values ([${m.tensors[m.input].shape}]), got ${input.length}.`);
    for (let i = 0; i < q.length; i++) q[i] = quantizeValue(input[i], inputQ);
    return Float32Array.from(runS8(q), (v) => dequantizeValue(v, outputQ));
  };
  return {
    model: m, plan, inputQ, outputQ, inputSize: plan.inputBytes, outputSize: plan.outputBytes,
    runS8: (input) => runS8(input).slice(),
    run,
    runBatch(x, n = Math.floor(x.length / plan.inputBytes)) {
      const k = plan.inputBytes;
      if (x.length < n * k) throw new BundleError('argument', `runBatch: ${n} samples need ${n * k} values, got ${x.length}.`);
      const outputs = new Float32Array(n * plan.outputBytes);
      const classes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const y = run(x.subarray(i * k, (i + 1) * k));
        outputs.set(y, i * plan.outputBytes);
        classes[i] = argmax(y);
      }
      return { outputs, classes };
    },
  };
}

/** The int8 runtime of int8 model `name` of a validated bundle (a BundleError for a float model). */
export function createInt8Runtime(bundle: Bundle, name: string): Int8Runtime {
  return createInt8Executor(lowerBundleModel(bundle, name));
}
