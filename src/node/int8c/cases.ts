// Random int8 layers for the C-kernel tests and their TypeScript reference outputs, written out as one C
// program that runs every case through yono_kernels_s8.c and prints "<case> <rc> <output bytes as hex>".
import { bitsFor, packIndices } from '../../core/pq/pack';
import { subvectorLayout, type KernelKind } from '../../core/pq/layout';
import { quantizeMultiplier } from '../../core/quant/multiplier';
import { convS8 } from '../../core/quant/kernels/conv';
import { depthwiseS8 } from '../../core/quant/kernels/depthwise';
import { avgPoolS8, maxPoolS8 } from '../../core/quant/kernels/pool';
import { decodePQInt8, type PQInt8Kernel } from '../../core/quant/kernels/decode';
import type { S8Geometry, S8Quant } from '../../core/quant/kernels/types';
import type { Rng } from '../../core/util/random';

export type CaseOp = 'conv' | 'depthwise' | 'dense' | 'maxpool' | 'avgpool';

/** One layer to run in C and in TypeScript. */
export interface KernelCase {
  name: string;
  op: CaseOp;
  g: S8Geometry;
  x: Int8Array;
  /** Weight layers: PQ or int8 (TensorFlow layout). */
  pq?: PQInt8Kernel;
  q8?: Int8Array;
  quant?: S8Quant;
  /** Pooling clamp. */
  act?: [number, number];
  /** int16 scratch values given to the C kernel. */
  scratch: number;
  /** The reference output. */
  want: Int8Array;
}

export interface LayerSpec {
  op: CaseOp;
  inH: number; inW: number; inC: number; outC: number;
  kh: number; kw: number; sh?: number; sw?: number; dh?: number; dw?: number;
  same?: boolean;
  /** PQ codebook (d, k) or int8 weights. */
  pq?: { d: number; k: number } | null;
  relu?: boolean;
  /** Multipliers above 1 (positive shifts) for coverage. */
  bigMultiplier?: boolean;
  /** Scratch for the C kernel: 'min' forces one channel per tile, a number is int16 values. */
  scratch?: 'min' | number;
}

const int8 = (rnd: Rng) => Math.floor(rnd() * 256) - 128;

/** Output size and leading padding of one axis (TensorFlow 'same' puts the extra pad after). */
function axis(n: number, k: number, s: number, d: number, same: boolean): [number, number] {
  const span = (k - 1) * d + 1;
  if (!same) return [Math.floor((n - span) / s) + 1, 0];
  const out = Math.ceil(n / s);
  const pad = Math.max(0, (out - 1) * s + span - n);
  return [out, Math.floor(pad / 2)];
}

/** A random layer of `spec` with its reference output. */
export function makeCase(name: string, spec: LayerSpec, rnd: Rng): KernelCase {
  const sh = spec.sh ?? 1, sw = spec.sw ?? 1, dh = spec.dh ?? 1, dw = spec.dw ?? 1;
  const [outH, padT] = axis(spec.inH, spec.kh, sh, dh, !!spec.same);
  const [outW, padL] = axis(spec.inW, spec.kw, sw, dw, !!spec.same);
  const g: S8Geometry = { inH: spec.inH, inW: spec.inW, inC: spec.inC, outH, outW, outC: spec.outC, kh: spec.kh, kw: spec.kw, sh, sw, dh, dw, padT, padL };
  const x = Int8Array.from({ length: spec.inH * spec.inW * spec.inC }, () => int8(rnd));
  if (spec.op === 'maxpool' || spec.op === 'avgpool') {
    const act: [number, number] = spec.relu ? [int8(rnd) >> 1, 127] : [-128, 127];
    const gp = { ...g, outC: g.inC };
    const want = spec.op === 'maxpool' ? maxPoolS8(gp, act[0], act[1], x) : avgPoolS8(gp, act[0], act[1], x);
    return { name, op: spec.op, g: gp, x, act, scratch: 0, want };
  }
  const kind: KernelKind = spec.op === 'depthwise' ? 'depthwiseConv2d' : spec.op === 'dense' ? 'dense' : 'conv2d';
  const shape = kind === 'depthwiseConv2d' ? [spec.kh, spec.kw, spec.inC, spec.outC / spec.inC] : kind === 'dense' ? [spec.inC, spec.outC] : [spec.kh, spec.kw, spec.inC, spec.outC];
  let pq: PQInt8Kernel | undefined, q8: Int8Array | undefined, kernel: Int8Array;
  if (spec.pq) {
    const { d, k } = spec.pq;
    const layout = subvectorLayout(kind, shape, d);
    const bits = bitsFor(k);
    const codebook = Int8Array.from({ length: k * d }, () => int8(rnd));
    const idx = Uint16Array.from({ length: layout.count }, () => Math.floor(rnd() * k));
    pq = { kind, shape, codebook, k, d, bits, indices: packIndices(idx, bits) };
    kernel = decodePQInt8(pq);
  } else {
    q8 = Int8Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => Math.max(-127, int8(rnd)));
    kernel = q8;
  }
  const units = spec.outC;
  const mult = new Int32Array(units), shift = new Int32Array(units);
  for (let u = 0; u < units; u++) {
    const real = spec.bigMultiplier && u % 3 === 0 ? 1 + rnd() * 3 : 10 ** (-4 + rnd() * 2.5);
    const m = quantizeMultiplier(real);
    mult[u] = m.multiplier;
    shift[u] = m.shift;
  }
  const bias = rnd() < 0.8 ? Int32Array.from({ length: units }, () => Math.floor((rnd() * 2 - 1) * 2 ** 16)) : null;
  const outZp = int8(rnd);
  const quant: S8Quant = { inZp: int8(rnd), outZp, actMin: spec.relu ? outZp : -128, actMax: 127, bias, mult, shift };
  const field = kind === 'depthwiseConv2d' ? spec.kh * spec.kw : spec.kh * spec.kw * spec.inC;
  const rowLen = (field + 1) & ~1;
  const scratch = spec.op === 'depthwise' ? spec.kh * spec.kw * spec.outC + rowLen
    : spec.op === 'dense' ? rowLen + (spec.pq ? spec.pq.k * spec.pq.d : 0)
      : spec.scratch === 'min' ? 3 * rowLen : typeof spec.scratch === 'number' ? spec.scratch : 2 * rowLen + units * rowLen;
  const want = spec.op === 'depthwise' ? depthwiseS8(g, kernel, quant, x) : convS8(spec.op === 'dense' ? { ...g, kh: 1, kw: 1 } : g, kernel, quant, x);
  return { name, op: spec.op, g, x, pq, q8, quant, scratch, want };
}

const arr = (type: string, name: string, v: ArrayLike<number>) =>
  `static const ${type} ${name}[${Math.max(1, v.length)}] = {${v.length ? Array.from(v).join(',') : '0'}};\n`;

/** The C program that runs `cases` and prints one line per case. */
export function casesProgram(cases: KernelCase[]): string {
  const parts = ['#include <stdio.h>\n#include <stdint.h>\n#include "yono_kernels_s8.h"\n'];
  const maxScratch = Math.max(1, ...cases.map((c) => c.scratch));
  const maxOut = Math.max(...cases.map((c) => c.want.length));
  parts.push(`static int16_t scratch[${maxScratch}];\nstatic int8_t out[${maxOut}];\n`);
  const calls: string[] = [];
  cases.forEach((c, i) => {
    const g = c.g;
    parts.push(arr('int8_t', `x${i}`, c.x));
    const geom = `{${[g.inH, g.inW, g.inC, g.outH, g.outW, g.outC, g.kh, g.kw, g.sh, g.sw, g.dh, g.dw, g.padT, g.padL].join(',')}}`;
    let call: string;
    if (c.op === 'maxpool' || c.op === 'avgpool') {
      call = `{ static const yono_s8_geom g = ${geom}; yono_s8_${c.op}(&g, ${c.act![0]}, ${c.act![1]}, x${i}, out); rc = 0; }`;
    } else {
      const q = c.quant!;
      if (q.bias) parts.push(arr('int32_t', `bias${i}`, q.bias));
      parts.push(arr('int32_t', `mult${i}`, q.mult), arr('int32_t', `shift${i}`, q.shift));
      let weights: string;
      const units = g.outC;
      const field = c.op === 'depthwise' ? g.kh * g.kw : g.kh * g.kw * g.inC;
      if (c.pq) {
        const chunks = Math.ceil(field / c.pq.d);
        parts.push(arr('int8_t', `cb${i}`, c.pq.codebook), arr('uint8_t', `idx${i}`, c.pq.indices));
        weights = `{YONO_S8_W_PQ, ${units}, ${field}, cb${i}, ${c.pq.d}, ${c.pq.bits}, ${chunks}, idx${i}, 0}`;
      } else {
        parts.push(arr('int8_t', `q${i}`, c.q8!));
        weights = `{YONO_S8_W_INT8, ${units}, ${field}, 0, 0, 0, 0, 0, q${i}}`;
      }
      const quant = `{${q.inZp}, ${q.outZp}, ${q.actMin}, ${q.actMax}, ${q.bias ? `bias${i}` : '0'}, mult${i}, shift${i}}`;
      const fn = c.op === 'dense' ? `yono_s8_dense(&w, &q, ${c.pq?.k ?? 0}, x${i}, out, scratch, ${c.scratch})`
        : `yono_s8_${c.op}(&g, &w, &q, x${i}, out, scratch, ${c.scratch})`;
      call = `{ static const yono_s8_geom g = ${geom}; static const yono_s8_weights w = ${weights}; static const yono_s8_quant q = ${quant}; (void)g; rc = ${fn}; }`;
    }
    calls.push(`  ${call}\n  printf("${i} %d", rc); for (j = 0; j < ${c.want.length}; j++) printf(" %02x", (unsigned)(uint8_t)out[j]); printf("\\n");`);
  });
  parts.push(`int main(void) {\n  int rc; int32_t j;\n${calls.join('\n')}\n  return 0;\n}\n`);
  return parts.join('');
}

/** Parses the program's output into per-case return codes and outputs. */
export function parseCaseOutput(text: string): { rc: number; y: Int8Array }[] {
  return text.trim().split('\n').map((l) => {
    const [, rc, ...hex] = l.trim().split(' ');
    return { rc: Number(rc), y: Int8Array.from(hex.map((h) => (parseInt(h, 16) << 24) >> 24)) };
  });
}
