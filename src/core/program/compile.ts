import type { Bundle } from '../bundle/bundle';
import { BundleError } from '../bundle/errors';
import { DTYPE_BYTES } from '../bundle/format';
import type { KernelEntry, LayerEntry, ModelEntry } from '../bundle/format';
import { padBefore, sizeOf } from '../models/shapes';
import type { RuntimeActivation } from '../models/ir';
import { subvectorLayout } from '../pq/layout';
import type { ArenaBuffer } from './arena';
import { liveSizes, planArena } from './arena';
import { ACT, BUF, OP, WFMT } from './program';
import { assertRuntimeSupports } from './support';
import { extraOps, hwc } from './compile-extra';
import type { Geometry, Op, OpCode, Program, TensorRef, WeightRef } from './program';

/** The model entry of a bundle by name; a BundleError lists the names when it is absent. */
export function findModel(bundle: Bundle, name: string): ModelEntry {
  const m = bundle.manifest.models.find((x) => x.name === name);
  if (!m) throw new BundleError('argument', `The bundle has no model '${name}'; it holds ${bundle.manifest.models.map((x) => x.name).join(', ')}.`);
  return m;
}

function geometry(inShape: number[], outShape: number[]): Geometry {
  const [inH, inW, inC] = hwc(inShape);
  const [outH, outW, outC] = hwc(outShape);
  return { inH, inW, inC, outH, outW, outC, kh: 1, kw: 1, sh: 1, sw: 1, dh: 1, dw: 1, padT: 0, padL: 0, mult: 1 };
}

/** Positions x channels view: every position of the last axis. */
function flatGeometry(shape: number[]): Geometry {
  const c = shape[shape.length - 1];
  const p = sizeOf(shape) / c;
  return geometry([p, c], [p, c]);
}

function weightRef(bundle: Bundle, kind: LayerEntry['kind'], k: KernelEntry): WeightRef {
  const layoutKind = kind as 'dense' | 'conv1d' | 'conv2d' | 'depthwiseConv2d';
  const base = { entry: k, d: 0, bits: 0, k: 0, chunks: 1, codebook: -1, indices: -1, scales: -1, nScales: 0, scaleBytes: 0, codebookBytes: 0, q: -1, data: -1 };
  const scaleBytes = (i: number | null) => (i === null ? 0 : DTYPE_BYTES[bundle.manifest.sections[i].dtype]);
  const lay = subvectorLayout(layoutKind, k.shape, k.format === 'pq' ? k.d : 1);
  if (k.format === 'pq') {
    const cbi = bundle.manifest.codebooks.findIndex((c) => c.name === k.codebook);
    const cb = bundle.manifest.codebooks[cbi];
    return { ...base, format: WFMT.pq, units: lay.units, field: lay.fieldSize, d: k.d, bits: k.bits, k: cb.k, chunks: lay.chunksPerUnit,
      codebook: cb.section, indices: k.indices, scales: k.scales ?? -1, nScales: k.scales === null ? 0 : bundle.manifest.sections[k.scales].count,
      scaleBytes: scaleBytes(k.scales), codebookBytes: DTYPE_BYTES[bundle.manifest.sections[cb.section].dtype] };
  }
  if (k.format === 'int8') return { ...base, format: WFMT.int8, units: lay.units, field: lay.fieldSize, q: k.q, scales: k.scales, nScales: lay.units, scaleBytes: scaleBytes(k.scales) };
  return { ...base, format: WFMT.float32, units: lay.units, field: lay.fieldSize, data: k.data };
}

/** Buffer bookkeeping: which storage each layer's output uses. */
interface Storage { root: Int32Array; first: Int32Array; last: Int32Array }

function storage(m: ModelEntry, index: Map<string, number>): Storage {
  const n = m.layers.length;
  const root = new Int32Array(n);
  const last = new Int32Array(n).fill(-1);
  m.layers.forEach((l, i) => {
    root[i] = (l.kind === 'flatten' || l.kind === 'reshape') ? root[index.get(l.inputs[0]) as number] : i;
    last[root[i]] = Math.max(last[root[i]], i);
    for (const src of l.inputs) { const r = root[index.get(src) as number]; last[r] = Math.max(last[r], i); }
  });
  const first = Int32Array.from(root, (_, i) => i);
  return { root, first, last };
}

/**
 * Compiles model `name` of a validated bundle into a Program: one op per layer (an n-input add gives
 * n - 1 ops, flatten and reshape none: they alias their input), every tensor placed in the input buffer,
 * the output buffer or the arena (planned with buffer reuse), kernels referenced by bundle section.
 */
export function compileModel(bundle: Bundle, name: string): Program {
  const m = findModel(bundle, name);
  assertRuntimeSupports(m);
  const index = new Map(m.layers.map((l, i) => [l.name, i]));
  const outIdx = index.get(m.output) as number;
  const st = storage(m, index);
  // The output layer needs storage of its own when it aliases the model input: emit a copy then.
  const copyOut = st.root[outIdx] === 0 && outIdx !== 0;
  const outRoot = copyOut ? -1 : st.root[outIdx];
  const arenaIds: number[] = [];
  const buffers: ArenaBuffer[] = [];
  m.layers.forEach((l, i) => {
    if (i === 0 || st.root[i] !== i || i === outRoot) return;
    arenaIds[i] = buffers.length;
    buffers.push({ size: sizeOf(l.outputShape), first: i, last: Math.max(i, st.last[i]) });
  });
  const plan = planArena(buffers);
  const ref = (i: number): TensorRef => {
    const r = st.root[i];
    const size = sizeOf(m.layers[i].outputShape);
    if (copyOut && i === outIdx) return { buf: BUF.output, offset: 0, size };
    if (r === 0) return { buf: BUF.input, offset: 0, size };
    if (r === outRoot) return { buf: BUF.output, offset: 0, size };
    return { buf: BUF.arena, offset: plan.offsets[arenaIds[r]], size };
  };
  const ops: Op[] = [];
  let scratch = 0;
  m.layers.forEach((l, i) => {
    if (i === 0) return;
    const inIdx = index.get(l.inputs[0]) as number;
    const inShape = m.layers[inIdx].outputShape;
    const out = ref(i);
    const g = geometry(inShape, l.outputShape);
    const op = (code: OpCode, extra: Partial<Op> = {}): void => {
      ops.push({ layer: i, op: code, act: ACT.linear, in: ref(inIdx), in2: null, out, g, w: null, bias: -1, bnScale: -1, bnShift: -1, ...extra });
    };
    switch (l.kind) {
      case 'input': return;
      case 'flatten': case 'reshape':
        if (copyOut && i === outIdx) op(OP.copy, { g: flatGeometry(l.outputShape) });
        return;
      case 'dense': case 'conv1d': case 'conv2d': case 'depthwiseConv2d': {
        const w = weightRef(bundle, l.kind, l.kernel);
        const decoded = w.format === WFMT.pq ? w.chunks * w.d : w.field;
        const spatial = l.kind !== 'dense' && l.kind !== 'depthwiseConv2d' && l.kernel.shape[0] * (l.kind === 'conv1d' ? 1 : l.kernel.shape[1]) > 1;
        scratch = Math.max(scratch, decoded + (spatial ? w.field : 0));
        if (l.kind === 'dense') {
          const p = sizeOf(inShape) / inShape[inShape.length - 1];
          Object.assign(g, geometry([p, g.inC], [p, g.outC]));
        } else if (l.kind === 'conv1d') {
          Object.assign(g, { kw: l.kernel.shape[0], sw: l.stride, dw: l.dilation, padL: padBefore(g.inW, l.kernel.shape[0], l.stride, l.dilation, l.padding) });
        } else {
          const [kh, kw] = l.kernel.shape;
          Object.assign(g, { kh, kw, sh: l.strides[0], sw: l.strides[1], dh: l.dilation[0], dw: l.dilation[1],
            padT: padBefore(g.inH, kh, l.strides[0], l.dilation[0], l.padding), padL: padBefore(g.inW, kw, l.strides[1], l.dilation[1], l.padding),
            mult: l.kind === 'depthwiseConv2d' ? l.kernel.shape[3] : 1 });
        }
        op(l.kind === 'depthwiseConv2d' ? OP.depthwise : OP.conv, { w, act: ACT[l.activation as RuntimeActivation], bias: l.bias ?? -1 });
        return;
      }
      case 'maxPool2d': case 'avgPool2d': {
        const [kh, kw] = l.poolSize;
        const [sh, sw] = l.strides;
        Object.assign(g, { kh, kw, sh, sw, padT: padBefore(g.inH, kh, sh, 1, l.padding), padL: padBefore(g.inW, kw, sw, 1, l.padding) });
        op(l.kind === 'maxPool2d' ? OP.maxPool : OP.avgPool);
        return;
      }
      case 'maxPool1d': case 'avgPool1d':
        Object.assign(g, { kw: l.poolSize, sw: l.stride, padL: padBefore(g.inW, l.poolSize, l.stride, 1, l.padding) });
        op(l.kind === 'maxPool1d' ? OP.maxPool : OP.avgPool);
        return;
      case 'globalAvgPool1d': case 'globalAvgPool2d': case 'globalMaxPool1d': case 'globalMaxPool2d': {
        const c = inShape[inShape.length - 1];
        Object.assign(g, geometry([sizeOf(inShape) / c, c], [c]));
        op(l.kind.startsWith('globalAvg') ? OP.globalAvg : OP.globalMax);
        return;
      }
      case 'batchNorm': op(OP.batchNorm, { g: flatGeometry(inShape), bnScale: l.scale, bnShift: l.shift }); return;
      case 'activation': op(OP.activation, { g: flatGeometry(inShape), act: ACT[l.activation as RuntimeActivation] }); return;
      case 'add': {
        const fg = flatGeometry(inShape);
        for (let j = 1; j < l.inputs.length; j++) {
          const a = j === 1 ? ref(inIdx) : out;
          const last = j === l.inputs.length - 1;
          ops.push({ layer: i, op: OP.add, act: last ? ACT[l.activation as RuntimeActivation] : ACT.linear, in: a, in2: ref(index.get(l.inputs[j]) as number), out, g: fg, w: null, bias: -1, bnScale: -1, bnShift: -1 });
        }
        return;
      }
      default:
        if (extraOps(l, i, { m, index, ref, ops, g, op })) return;
        throw new BundleError('unsupported', `layer '${l.name}': op '${l.kind}' is not executable (bug: assertRuntimeSupports let it through)`);
    }
  });
  const outputShape = m.layers[outIdx].outputShape;
  return {
    model: m.name,
    layers: m.layers.map((l) => ({ name: l.name, kind: l.kind, outputShape: l.outputShape.slice() })),
    ops, inputShape: m.inputShape.slice(), inputSize: sizeOf(m.inputShape), outputShape: outputShape.slice(), outputSize: sizeOf(outputShape),
    arenaFloats: plan.size, scratchFloats: scratch, liveFloats: liveSizes(buffers, m.layers.length),
  };
}
