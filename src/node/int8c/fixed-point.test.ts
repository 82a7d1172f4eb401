// The C fixed-point header (src/core/bundle/c/int8/yono_fixed_point.h) against src/core/quant: the same
// bits on many random and edge cases, built with the host cc and with arm-none-eabi-gcc for the emulated
// Cortex-M7 (where gcc uses SMULL and the FPU's float32 division), run headless under QEMU.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/util/random';
import { INT32_MAX, INT32_MIN, multiplyByQuantizedMultiplier, roundingDivideByPOT, saturatingRoundingDoublingHighMul } from '../../core/quant/fixed-point';
import { dequantizeValue, quantizeValue } from '../../core/quant/affine';
import { requantize } from '../../core/quant/requantize';
import { quantizeMultiplier } from '../../core/quant/multiplier';
import { unitMultiplier } from '../../core/quant/unit-multiplier';
import { toF16Bits } from '../../core/util/f16';
import { buildElf, buildPlugin } from '../qemu/build';
import { runOnQemu } from '../qemu/run';
import { M7 } from '../qemu/targets';
import { requireArmTools } from '../qemu/tools';
import { INT8_C_DIR, requireCc } from './paths';

const work = mkdtempSync(join(tmpdir(), 'yono-fixed-point-c-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const rnd = createRng(99);
const int32 = () => Math.floor(rnd() * 2 ** 32) | 0;
const f32bits = (v: number) => new Uint32Array(Float32Array.of(v).buffer)[0];
const bitsF32 = (u: number) => new Float32Array(Uint32Array.of(u).buffer)[0];
const EDGES = [0, 1, -1, 2, -3, 127, -128, INT32_MAX, INT32_MIN, INT32_MIN + 1, 2 ** 30, -(2 ** 30), 2 ** 30 - 1, -(2 ** 30) - 1, 65535, -65536];

/** Cases and the TS results, one C array per function. */
function makeCases(n: number) {
  const srdhm: number[][] = [];
  for (const a of EDGES) for (const b of EDGES) srdhm.push([a, b]);
  for (let i = 0; i < n; i++) srdhm.push([int32(), i % 2 ? int32() >> (i % 31) : int32()]);
  const rdbpot: number[][] = [];
  for (let i = 0; i < n; i++) {
    const e = i % 32;
    const odd = 2 * Math.floor(rnd() * Math.min(1000, 2 ** (31 - e))) + 1; // odd · 2^(e-1) < 2^31: an exact tie
    const tie = e > 0 && i % 5 === 0 ? odd * 2 ** (e - 1) * (i % 10 ? 1 : -1) : int32();
    rdbpot.push([tie, e]);
  }
  const mbqm: number[][] = [];
  for (let i = 0; i < n; i++) mbqm.push([i % 3 ? int32() >> (i % 24) : int32(), 2 ** 30 + Math.floor(rnd() * 2 ** 30), (i % 63) - 31]);
  const quant: number[][] = [];
  for (let i = 0; i < n; i++) {
    const scale = Math.fround(2 ** (rnd() * 16 - 12));
    const x = i % 7 === 0 ? Math.fround((Math.floor(rnd() * 400) - 200 + 0.5) * scale) : Math.fround((rnd() * 2 - 1) * 300 * scale);
    quant.push([f32bits(x), f32bits(scale), Math.floor(rnd() * 256) - 128]);
  }
  const requant: number[][] = [];
  for (let i = 0; i < n; i++) {
    const zp = Math.floor(rnd() * 256) - 128;
    requant.push([int32() >> (i % 20), 2 ** 30 + Math.floor(rnd() * 2 ** 30), -(i % 32), zp, i % 2 ? zp : -128, 127]);
  }
  const unit: number[][] = [];
  for (let i = 0; i < n; i++) {
    const b = quantizeMultiplier(2 ** (-24 + 26 * rnd()));
    const f16 = i % 11 === 0 ? Math.floor(rnd() * 1024) : toF16Bits(2 ** (-24 + 28 * rnd())); // subnormal scales too
    unit.push([b.multiplier, b.shift, f16]);
  }
  const ts = [
    ...srdhm.map(([a, b]) => saturatingRoundingDoublingHighMul(a, b)),
    ...rdbpot.map(([x, e]) => roundingDivideByPOT(x, e)),
    ...mbqm.map(([x, m, s]) => multiplyByQuantizedMultiplier(x, m, s)),
    ...quant.map(([x, s, z]) => quantizeValue(bitsF32(x), { scale: bitsF32(s), zeroPoint: z })),
    ...quant.map(([, s, z], i) => f32bits(dequantizeValue((i % 256) - 128, { scale: bitsF32(s), zeroPoint: z })) | 0),
    ...requant.map(([acc, m, s, z, lo, hi]) => requantize(acc, m, s, z, lo, hi)),
    ...unit.flatMap(([m, s, f]) => { const u = unitMultiplier({ multiplier: m, shift: s }, f); return [u.multiplier, u.shift]; }),
  ];
  return { srdhm, rdbpot, mbqm, quant, requant, unit, ts };
}

function cProgram(c: ReturnType<typeof makeCases>): string {
  const arr = (name: string, rows: number[][], type = 'int32_t') =>
    `static const ${type} ${name}[${rows.length}][${rows[0].length}] = {\n${rows.map((r) => `{${r.map((v) => (type === 'uint32_t' ? `${v >>> 0}u` : v === INT32_MIN ? 'INT32_MIN' : String(v))).join(',')}}`).join(',\n')}\n};\n`;
  return `#include <stdio.h>
#include <string.h>
#include "yono_fixed_point.h"
${arr('srdhm', c.srdhm)}${arr('rdbpot', c.rdbpot)}${arr('mbqm', c.mbqm)}${arr('quant', c.quant, 'uint32_t')}${arr('requant', c.requant)}${arr('unit', c.unit)}
static float f(uint32_t u) { float v; memcpy(&v, &u, 4); return v; }
int main(void) {
  size_t i;
  for (i = 0; i < ${c.srdhm.length}; i++) printf("%ld\\n", (long)yono_srdhm(srdhm[i][0], srdhm[i][1]));
  for (i = 0; i < ${c.rdbpot.length}; i++) printf("%ld\\n", (long)yono_rounding_divide_by_pot(rdbpot[i][0], rdbpot[i][1]));
  for (i = 0; i < ${c.mbqm.length}; i++) printf("%ld\\n", (long)yono_multiply_by_quantized_multiplier(mbqm[i][0], mbqm[i][1], mbqm[i][2]));
  for (i = 0; i < ${c.quant.length}; i++) printf("%d\\n", (int)yono_quantize_f32(f(quant[i][0]), f(quant[i][1]), (int32_t)quant[i][2]));
  for (i = 0; i < ${c.quant.length}; i++) {
    float v = yono_dequantize_s8((int8_t)((int32_t)(i % 256) - 128), f(quant[i][1]), (int32_t)quant[i][2]);
    int32_t b; memcpy(&b, &v, 4); printf("%ld\\n", (long)b);
  }
  for (i = 0; i < ${c.requant.length}; i++) printf("%d\\n", (int)yono_requantize(requant[i][0], requant[i][1], requant[i][2], requant[i][3], requant[i][4], requant[i][5]));
  for (i = 0; i < ${c.unit.length}; i++) {
    int32_t m, s;
    yono_unit_multiplier(unit[i][0], unit[i][1], (uint16_t)unit[i][2], &m, &s);
    printf("%ld\\n%ld\\n", (long)m, (long)s);
  }
  return 0;
}
`;
}

describe('yono_fixed_point.h gives the bits of src/core/quant', () => {
  const cases = makeCases(4000);
  const src = join(work, 'fixed_point_cases.c');
  writeFileSync(src, cProgram(cases));

  it(`on the host (cc -std=c99 -Wall -Wextra -Werror -O2), ${cases.ts.length} results`, () => {
    requireCc();
    const exe = join(work, 'fp');
    execFileSync('cc', ['-std=c99', '-Wall', '-Wextra', '-Werror', '-O2', `-I${INT8_C_DIR}`, '-o', exe, src, '-lm'], { stdio: 'pipe' });
    const got = execFileSync(exe, { encoding: 'utf8', maxBuffer: 64 << 20 }).trim().split('\n').map(Number);
    expect(got.length).toBe(cases.ts.length);
    const bad = got.findIndex((v, i) => v !== cases.ts[i]);
    expect(bad, bad >= 0 ? `case ${bad}: C ${got[bad]}, TS ${cases.ts[bad]}` : '').toBe(-1);
  });

  it('on the emulated Cortex-M7 (arm-none-eabi-gcc -O2, FPv5), a fifth of the cases', () => {
    requireArmTools();
    const small = makeCases(800);
    const armSrc = join(work, 'fixed_point_cases_arm.c');
    writeFileSync(armSrc, cProgram(small));
    const build = buildElf(M7, [armSrc], join(work, 'arm'), 'fixed-point', { includes: [INT8_C_DIR] });
    const r = runOnQemu(M7, build, buildPlugin());
    expect(r.status).toBe(0);
    const got = r.stdout.trim().split('\n').map(Number);
    expect(got.length).toBe(small.ts.length);
    const bad = got.findIndex((v, i) => v !== small.ts[i]);
    expect(bad, bad >= 0 ? `case ${bad}: C ${got[bad]}, TS ${small.ts[bad]}` : '').toBe(-1);
  });
});
