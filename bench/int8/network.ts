// A built-in model as a chain of the standalone int8 C kernels (src/core/bundle/c/int8), for measuring
// them on QEMU before they are wired into the export: every layer's geometry and PQ format (codebook d and
// k, the real packed indices) come from a .yono bundle; codebooks are converted to int8 (scale max|c|/127),
// requantisation multipliers are plausible stand-ins (counts do not depend on them), activations run
// through two ping-pong int8 buffers. Each op runs in probe region 1 + its index.
import type { Bundle } from '../../src/core/bundle/bundle';
import { floatSection, sectionView } from '../../src/core/bundle/bundle';
import { compileModel } from '../../src/core/program/compile';
import { OP, WFMT } from '../../src/core/program/program';
import { quantizeMultiplier } from '../../src/core/quant/multiplier';
import type { S8Geometry } from '../../src/core/quant/kernels/types';
import { createRng } from '../../src/core/util/random';

/** Layer kinds of the per-kind table (CMSIS-NN's categories). */
export type NetKind = 'conv' | 'first conv' | 'pointwise' | 'depthwise' | 'conv1d' | 'dense' | 'pool';

/** One op of the chain. */
export interface NetOp {
  name: string;
  kind: NetKind;
  fn: 'conv' | 'depthwise' | 'dense' | 'maxpool' | 'avgpool';
  g: S8Geometry;
  /** Nominal multiply-accumulates (padding taps included, as CMSIS-NN and `yono models` count them). */
  macs: number;
  /** Weight format of a weight layer: 'pq d<d> k<k>' or 'int8'. */
  format: string;
  /** C declarations of the op's constants, and its call. */
  decl: string;
  call: string;
  /** int16 scratch values it needs. */
  scratch: number;
  inSize: number;
  outSize: number;
}

const list = (v: ArrayLike<number>) => Array.from(v).join(',');

function codebookInt8(b: Bundle, section: number): Int8Array {
  const v = floatSection(b, section);
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  const s = m > 0 ? m / 127 : 1;
  return Int8Array.from(v, (x) => Math.round(x / s));
}

/**
 * The ops of `model` as C, scratch capped at `scratchBudget` int16 values for convolutions (at least one
 * channel pair per tile). Throws on layer kinds the standalone kernels do not cover (add, batch norm,
 * separate activations, float32 kernels).
 */
export function networkOps(b: Bundle, model: string, scratchBudget: number): NetOp[] {
  const p = compileModel(b, model);
  const rnd = createRng(5);
  const ops: NetOp[] = [];
  const codebooks = new Map<number, string>();
  let decls = '';
  p.ops.forEach((op, i) => {
    const g: S8Geometry = { inH: op.g.inH, inW: op.g.inW, inC: op.g.inC, outH: op.g.outH, outW: op.g.outW, outC: op.g.outC,
      kh: op.g.kh, kw: op.g.kw, sh: op.g.sh, sw: op.g.sw, dh: op.g.dh, dw: op.g.dw, padT: op.g.padT, padL: op.g.padL };
    const name = p.layers[op.layer].name;
    const geom = `{${[g.inH, g.inW, g.inC, g.outH, g.outW, g.outC, g.kh, g.kw, g.sh, g.sw, g.dh, g.dw, g.padT, g.padL].join(',')}}`;
    const inSize = g.inH * g.inW * g.inC;
    const base = { name, g, inSize, outSize: g.outH * g.outW * g.outC, format: '' };
    if (op.op === OP.maxPool || op.op === OP.avgPool || op.op === OP.globalAvg || op.op === OP.globalMax) {
      const global = op.op === OP.globalAvg || op.op === OP.globalMax;
      const gp = global ? { ...g, kh: g.inH, kw: g.inW, sh: 1, sw: 1, padT: 0, padL: 0, outC: g.inC } : { ...g, outC: g.inC };
      const fn = op.op === OP.maxPool || op.op === OP.globalMax ? 'maxpool' : 'avgpool';
      const gs = `{${[gp.inH, gp.inW, gp.inC, gp.outH, gp.outW, gp.outC, gp.kh, gp.kw, gp.sh, gp.sw, 1, 1, gp.padT, gp.padL].join(',')}}`;
      decls += `static const yono_s8_geom g${i} = ${gs};\n`;
      ops.push({ ...base, g: gp, outSize: gp.outH * gp.outW * gp.outC, kind: 'pool', fn, macs: 0, decl: '', call: `yono_s8_${fn}(&g${i}, -128, 127, IN, OUT)`, scratch: 0 });
      return;
    }
    if (op.op !== OP.conv && op.op !== OP.depthwise) throw new Error(`${model}/${name}: op ${op.op} is not covered by the standalone int8 kernels`);
    const w = op.w!;
    if (w.format === WFMT.float32) throw new Error(`${model}/${name}: float32 kernels are not covered by the int8 kernels`);
    const units = g.outC;
    const taps = g.kh * g.kw;
    const field = op.op === OP.depthwise ? taps : taps * g.inC;
    const mult: number[] = [], shift: number[] = [];
    for (let u = 0; u < units; u++) {
      const m = quantizeMultiplier((0.006 / Math.sqrt(field)) * (0.5 + rnd()));
      mult.push(m.multiplier);
      shift.push(m.shift);
    }
    const bias = Array.from({ length: units }, () => Math.floor((rnd() * 2 - 1) * 4096));
    decls += `static const int32_t mult${i}[${units}] = {${list(mult)}};\nstatic const int32_t shift${i}[${units}] = {${list(shift)}};\n`;
    decls += `static const int32_t bias${i}[${units}] = {${list(bias)}};\n`;
    let weights: string;
    let format: string;
    if (w.format === WFMT.pq) {
      if (!codebooks.has(w.codebook)) {
        codebooks.set(w.codebook, `cb${w.codebook}`);
        decls += `static const int8_t cb${w.codebook}[] = {${list(codebookInt8(b, w.codebook))}};\n`;
      }
      decls += `static const uint8_t idx${i}[] = {${list(sectionView(b, w.indices, 'u8'))}};\n`;
      weights = `{YONO_S8_W_PQ, ${units}, ${field}, cb${w.codebook}, ${w.d}, ${w.bits}, ${w.chunks}, idx${i}, 0}`;
      format = `pq d${w.d} k${w.k}`;
    } else {
      decls += `static const int8_t k8_${i}[] = {${list(sectionView(b, w.q, 'i8'))}};\n`;
      weights = `{YONO_S8_W_INT8, ${units}, ${field}, 0, 0, 0, 0, 0, k8_${i}}`;
      format = 'int8';
    }
    const relu = op.act === 1 || op.act === 2;
    if (!(g.outH * g.outW === 1 && taps === 1)) decls += `static const yono_s8_geom g${i} = ${geom};\n`;
    decls += `static const yono_s8_weights w${i} = ${weights};\n`;
    decls += `static const yono_s8_quant q${i} = {3, -128 + ${relu ? 0 : 100}, ${relu ? -128 : -128}, 127, bias${i}, mult${i}, shift${i}};\n`;
    const rowLen = (field + 1) & ~1;
    const positions = g.outH * g.outW;
    const layerKind = p.layers[op.layer].kind;
    let kind: NetKind, fn: NetOp['fn'], scratch: number, call: string;
    if (op.op === OP.depthwise) {
      kind = 'depthwise';
      fn = 'depthwise';
      scratch = taps * units + rowLen;
      call = `yono_s8_depthwise(&g${i}, &w${i}, &q${i}, IN, OUT, scratch, SCRATCH)`;
    } else if (positions === 1 && taps === 1) {
      kind = 'dense';
      fn = 'dense';
      scratch = rowLen + (w.format === WFMT.pq ? w.k * w.d : 0);
      call = `yono_s8_dense(&w${i}, &q${i}, ${w.k}, IN, OUT, scratch, SCRATCH)`;
    } else {
      kind = layerKind === 'conv1d' ? 'conv1d' : taps === 1 ? 'pointwise' : g.inC < 4 ? 'first conv' : 'conv';
      fn = 'conv';
      const tile = Math.max(2, Math.min(units, Math.floor((scratchBudget - 2 * rowLen) / rowLen)));
      scratch = (2 + tile) * rowLen;
      call = `yono_s8_conv(&g${i}, &w${i}, &q${i}, IN, OUT, scratch, SCRATCH)`;
    }
    const macs = positions * units * field;
    ops.push({ ...base, kind, fn, macs, format, decl: '', call, scratch });
  });
  if (ops.length) ops[0].decl = decls;
  return ops;
}

/**
 * The C program running `runs` inferences of the chain on a fixed pseudo-random input: op i in probe
 * region 1 + i; prints a checksum of the output so nothing is optimised away.
 */
export function networkProgram(ops: NetOp[], runs: number): string {
  const maxAct = Math.max(...ops.map((o) => Math.max(o.inSize, o.outSize)));
  const scratch = Math.max(1, ...ops.map((o) => o.scratch));
  const steps = ops.map((o, i) => {
    const [src, dst] = i % 2 === 0 ? ['buf0', 'buf1'] : ['buf1', 'buf0'];
    const call = o.call.replace('IN', src).replace('OUT', dst);
    return `    yono_probe(${i + 1}u);\n    ${o.fn === 'maxpool' || o.fn === 'avgpool' ? `${call};` : `if (${call} != 0) return 2;`}`;
  });
  const last = ops.length % 2 === 0 ? 'buf0' : 'buf1';
  return `#include <stdio.h>
#include <stdint.h>
#include "yono_kernels_s8.h"
#include "yono_probe.h"
#define SCRATCH ${scratch}
${ops[0].decl}
static int8_t buf0[${maxAct}], buf1[${maxAct}];
static int16_t scratch[SCRATCH];
int main(void) {
  uint32_t r, i, seed = 12345u, sum = 0u;
  for (r = 0; r < ${runs}u; r++) {
    for (i = 0; i < ${ops[0].inSize}u; i++) { seed = seed * 1664525u + 1013904223u; buf0[i] = (int8_t)(seed >> 24); }
${steps.join('\n')}
    yono_probe(0u);
    for (i = 0; i < ${ops[ops.length - 1].outSize}u; i++) sum = sum * 31u + (uint8_t)${last}[i];
  }
  printf("checksum %lu\\n", (unsigned long)sum);
  return 0;
}
`;
}
