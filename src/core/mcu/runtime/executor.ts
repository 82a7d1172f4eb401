import type { Bundle } from '../../bundle/bundle';
import { floatSection, sectionView } from '../../bundle/bundle';
import { DTYPE_BYTES } from '../../bundle/format';
import { BundleError } from '../../bundle/errors';
import type { ModelCounts } from '../counts';
import { compileModel } from '../../program/compile';
import { COUNTER_FIELDS, Counters, accumulate } from './counters';
import { modelCounts } from './counts';
import type { WeightViews } from './decode';
import { gatherOffsets } from './decode';
import { tapRanges } from '../../models/shapes';
import { runWeighted } from './kernels/weighted';
import { activation, add, batchNorm } from './kernels/elementwise';
import { globalPool, pool } from './kernels/pool';
import { executeExtra } from './extra';
import type { Step } from './step';
import type { MemoryImage } from './memory-image';
import { createMemoryImage } from './memory-image';
import type { Program, TensorRef } from '../../program/program';
import { BUF, OP } from '../../program/program';

const EMPTY_F = new Float32Array(0);
const EMPTY_I = new Int32Array(0);
const EMPTY_U16 = new Uint16Array(0);

/** A model of a bundle, ready to run on the virtual MCU. */
export interface ModelRuntime {
  readonly program: Program;
  readonly image: MemoryImage;
  /** Runs one sample (input shape row-major); returns a copy of the model output (logits or probabilities). */
  run(input: Float32Array): Float32Array;
  /** Runs `n` samples stored back to back; outputs (n x outputSize) and the class (argmax of the flat output) of each. */
  runBatch(x: Float32Array, n?: number): { outputs: Float32Array; classes: Int32Array };
  /** Per-layer counts measured during the last run (runs a zero input first if none ran yet). */
  counts(): ModelCounts;
}

/** Index of the largest value of v[o .. o + n) (the first on ties). */
export function argmax(v: Float32Array, o = 0, n = v.length): number {
  let best = 0;
  for (let i = 1; i < n; i++) if (v[o + i] > v[o + best]) best = i;
  return best;
}

function steps(bundle: Bundle, program: Program, image: MemoryImage): Step[] {
  const buf = (r: TensorRef): Float32Array => (r.buf === BUF.arena ? image.arena : r.buf === BUF.input ? image.input : image.output);
  const base = (r: TensorRef): number => (r.buf === BUF.arena ? image.layout.arena : r.buf === BUF.input ? image.layout.input : image.layout.output);
  const m = bundle.manifest.models.find((x) => x.name === program.model);
  return program.ops.map((op): Step => {
    const f32 = (i: number) => (i >= 0 ? sectionView(bundle, i, 'f32') : EMPTY_F);
    let w: WeightViews | null = null;
    if (op.w) {
      const r = op.w;
      const kind = m?.layers[op.layer].kind as 'dense';
      const cbDtype = r.codebook >= 0 ? bundle.manifest.sections[r.codebook].dtype : null;
      w = {
        ref: r, codebook: cbDtype === 'f32' ? f32(r.codebook) : EMPTY_F, codebook16: cbDtype === 'f16' ? sectionView(bundle, r.codebook, 'f16') : EMPTY_U16, indices: r.indices >= 0 ? sectionView(bundle, r.indices, 'u8') : new Uint8Array(0),
        scales: r.scales >= 0 ? floatSection(bundle, r.scales) : EMPTY_F, q: r.q >= 0 ? sectionView(bundle, r.q, 'i8') : new Int8Array(0), data: f32(r.data), base: gatherOffsets(r, kind),
      };
    }
    const g = op.g;
    const windowed = op.op === OP.conv || op.op === OP.depthwise || op.op === OP.maxPool || op.op === OP.avgPool;
    return {
      op, x: buf(op.in), xo: op.in.offset, x2: op.in2 ? buf(op.in2) : EMPTY_F, x2o: op.in2 ? op.in2.offset : 0,
      y: buf(op.out), yo: op.out.offset, w, bias: op.bias >= 0 ? floatSection(bundle, op.bias) : null,
      biasBytes: op.bias >= 0 ? DTYPE_BYTES[bundle.manifest.sections[op.bias].dtype] : 0, bnScale: f32(op.bnScale), bnShift: f32(op.bnShift),
      params: Float32Array.from(op.params ?? []),
      ry: windowed ? tapRanges(g.outH, g.inH, g.kh, g.sh, g.dh, g.padT) : EMPTY_I,
      rx: windowed ? tapRanges(g.outW, g.inW, g.kw, g.sw, g.dw, g.padL) : EMPTY_I,
      xPtr: base(op.in) + op.in.offset * 4, yPtr: base(op.out) + op.out.offset * 4,
    };
  });
}

function execute(s: Step, image: MemoryImage, c: Counters): void {
  const { op } = s;
  const g = op.g;
  switch (op.op) {
    case OP.conv: case OP.depthwise:
      runWeighted(op, { x: s.x, xo: s.xo, xPtr: s.xPtr, y: s.y, yo: s.yo, yPtr: s.yPtr, w: s.w as WeightViews, bias: s.bias, biasBytes: s.biasBytes, ry: s.ry, rx: s.rx }, image, c);
      return;
    case OP.maxPool: case OP.avgPool: pool(s.x, s.xo, s.y, s.yo, g, op.op === OP.maxPool, s.ry, s.rx, c); return;
    case OP.globalMax: case OP.globalAvg: globalPool(s.x, s.xo, s.y, s.yo, g, op.op === OP.globalMax, c); return;
    case OP.batchNorm: batchNorm(s.x, s.xo, s.y, s.yo, g.inH * g.inW, g.inC, s.bnScale, s.bnShift, c); return;
    case OP.activation: activation(s.x, s.xo, s.y, s.yo, op.out.size, g.outC, op.act, c); return;
    case OP.add: add(s.x, s.xo, s.x2, s.x2o, s.y, s.yo, op.out.size, g.outC, op.act, c); return;
    case OP.copy: activation(s.x, s.xo, s.y, s.yo, op.out.size, g.outC, 0, c); return;
    default: executeExtra(s, c);
  }
}

/**
 * Prepares model `name` of a validated bundle for the virtual MCU: compiles it, lays out flash (the bundle
 * bytes) and SRAM (arena, scratch, input, output) and resolves every op. `simd: false` forces the plain
 * TypeScript kernels (the SIMD ones give the same bits, faster). Running it decodes each output
 * unit's weights from flash into the scratch as it goes; no decoded weight tensor is ever built.
 */
export function createRuntime(bundle: Bundle, name: string, opts: { simd?: boolean } = {}): ModelRuntime {
  const program = compileModel(bundle, name);
  const image = createMemoryImage(bundle, program, opts);
  const plan = steps(bundle, program, image);
  const c = new Counters();
  const table = new Float64Array(program.layers.length * COUNTER_FIELDS.length);
  let ran = false;
  const run = (input: Float32Array): Float32Array => {
    if (input.length !== program.inputSize) {
      throw new BundleError('argument', `Model '${name}' takes ${program.inputSize} input values ([${program.inputShape}]), got ${input.length}.`);
    }
    image.input.set(input);
    table.fill(0);
    for (const s of plan) {
      c.reset();
      execute(s, image, c);
      accumulate(c, table, s.op.layer);
    }
    ran = true;
    return image.output;
  };
  return {
    program, image,
    run: (input) => run(input).slice(),
    runBatch(x, n = Math.floor(x.length / program.inputSize)) {
      if (x.length < n * program.inputSize) throw new BundleError('argument', `runBatch: ${n} samples need ${n * program.inputSize} values, got ${x.length}.`);
      const outputs = new Float32Array(n * program.outputSize);
      const classes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const y = run(x.subarray(i * program.inputSize, (i + 1) * program.inputSize));
        outputs.set(y, i * program.outputSize);
        classes[i] = argmax(y);
      }
      return { outputs, classes };
    },
    counts() {
      if (!ran) run(new Float32Array(program.inputSize));
      return modelCounts(bundle, program, table);
    },
  };
}
