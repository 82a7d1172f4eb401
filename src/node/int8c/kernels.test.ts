// yono_kernels_s8.c against the TypeScript reference kernels (src/core/quant/kernels): every layer kind,
// PQ (several d, k, bit widths) and int8 weights, padding, strides, dilation, tiling, odd sizes, positive
// shifts - the same bytes from the portable C on the host and from the __SMLAD path on an emulated
// Cortex-M7 and Cortex-M4.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../core/util/random';
import { buildElf, buildPlugin } from '../qemu/build';
import { runOnQemu } from '../qemu/run';
import { M4, M7 } from '../qemu/targets';
import { requireArmTools } from '../qemu/tools';
import { casesProgram, makeCase, parseCaseOutput, type KernelCase, type LayerSpec } from './cases';
import { INT8_C_DIR, requireCc } from './paths';

const work = mkdtempSync(join(tmpdir(), 'yono-kernels-s8-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SPECS: [string, LayerSpec][] = [
  ['conv3x3 same, PQ d3 k64 (6-bit)', { op: 'conv', inH: 7, inW: 6, inC: 5, outC: 7, kh: 3, kw: 3, same: true, pq: { d: 3, k: 64 } }],
  ['conv3x3 same, first layer Cin=1, PQ d2 k256', { op: 'conv', inH: 9, inW: 8, inC: 1, outC: 6, kh: 3, kw: 3, same: true, pq: { d: 2, k: 256 }, relu: true }],
  ['conv10x4 stride 2 same, Cin=1 (keywords conv1), PQ d2 k256', { op: 'conv', inH: 13, inW: 11, inC: 1, outC: 8, kh: 10, kw: 4, sh: 2, sw: 2, same: true, pq: { d: 2, k: 256 } }],
  ['conv3x3 valid stride 2, int8', { op: 'conv', inH: 9, inW: 7, inC: 4, outC: 5, kh: 3, kw: 3, sh: 2, sw: 2 }],
  ['conv3x3 same, one channel per tile (min scratch), PQ d6 k64', { op: 'conv', inH: 6, inW: 5, inC: 8, outC: 5, kh: 3, kw: 3, same: true, pq: { d: 6, k: 64 }, scratch: 'min' }],
  ['conv3x2 dilated (2,1) same, PQ d4 k16, positive shifts', { op: 'conv', inH: 8, inW: 6, inC: 3, outC: 4, kh: 3, kw: 2, dh: 2, same: true, pq: { d: 4, k: 16 }, bigMultiplier: true }],
  ['conv tiles of 3 channels (odd), PQ d3 k24 (5-bit)', { op: 'conv', inH: 5, inW: 5, inC: 6, outC: 8, kh: 3, kw: 3, same: true, pq: { d: 3, k: 24 }, scratch: 2 * 54 + 3 * 54 }],
  ['pointwise 1x1, PQ d4 k64', { op: 'conv', inH: 5, inW: 3, inC: 12, outC: 10, kh: 1, kw: 1, pq: { d: 4, k: 64 }, relu: true }],
  ['pointwise 1x1, odd Cin, PQ d8 k64', { op: 'conv', inH: 3, inW: 3, inC: 13, outC: 6, kh: 1, kw: 1, pq: { d: 8, k: 64 } }],
  ['conv1d k5 same (H = 1), PQ d3 k64', { op: 'conv', inH: 1, inW: 17, inC: 6, outC: 9, kh: 1, kw: 5, same: true, pq: { d: 3, k: 64 } }],
  ['conv1d k7 stride 2, Cin 3, int8', { op: 'conv', inH: 1, inW: 20, inC: 3, outC: 4, kh: 1, kw: 7, sw: 2, same: true }],
  ['depthwise 3x3 same, C % 4 = 0, PQ d3 k64', { op: 'depthwise', inH: 6, inW: 5, inC: 8, outC: 8, kh: 3, kw: 3, same: true, pq: { d: 3, k: 64 }, relu: true }],
  ['depthwise 3x3 stride 2 same, C % 4 = 0, PQ d2 k256', { op: 'depthwise', inH: 7, inW: 6, inC: 12, outC: 12, kh: 3, kw: 3, sh: 2, sw: 2, same: true, pq: { d: 2, k: 256 } }],
  ['depthwise 3x3 same, C = 6 (ungrouped), int8', { op: 'depthwise', inH: 5, inW: 4, inC: 6, outC: 6, kh: 3, kw: 3, same: true }],
  ['depthwise multiplier 2, PQ d3 k64', { op: 'depthwise', inH: 5, inW: 5, inC: 3, outC: 6, kh: 3, kw: 3, same: true, pq: { d: 3, k: 64 } }],
  ['dense, PQ d2 k256', { op: 'dense', inH: 1, inW: 1, inC: 30, outC: 7, kh: 1, kw: 1, pq: { d: 2, k: 256 } }],
  ['dense, PQ d4 k64, field not a multiple of d', { op: 'dense', inH: 1, inW: 1, inC: 29, outC: 5, kh: 1, kw: 1, pq: { d: 4, k: 64 }, relu: true }],
  ['dense, PQ d8 k64', { op: 'dense', inH: 1, inW: 1, inC: 64, outC: 9, kh: 1, kw: 1, pq: { d: 8, k: 64 } }],
  ['dense, PQ d3 k64 (odd d)', { op: 'dense', inH: 1, inW: 1, inC: 20, outC: 4, kh: 1, kw: 1, pq: { d: 3, k: 64 } }],
  ['dense, int8', { op: 'dense', inH: 1, inW: 1, inC: 33, outC: 6, kh: 1, kw: 1 }],
  ['max pool 2x2', { op: 'maxpool', inH: 7, inW: 6, inC: 5, outC: 5, kh: 2, kw: 2, sh: 2, sw: 2 }],
  ['max pool 3x3 stride 2 same, clamped', { op: 'maxpool', inH: 7, inW: 7, inC: 4, outC: 4, kh: 3, kw: 3, sh: 2, sw: 2, same: true, relu: true }],
  ['avg pool 3x3 stride 2 same', { op: 'avgpool', inH: 7, inW: 6, inC: 3, outC: 3, kh: 3, kw: 3, sh: 2, sw: 2, same: true }],
  ['global avg pool 13x10x8', { op: 'avgpool', inH: 13, inW: 10, inC: 8, outC: 8, kh: 13, kw: 10 }],
];

function cases(seed: number): KernelCase[] {
  const rnd = createRng(seed);
  return SPECS.map(([name, spec]) => makeCase(name, spec, rnd));
}

function expectSame(cs: KernelCase[], text: string): void {
  const got = parseCaseOutput(text);
  expect(got.length).toBe(cs.length);
  cs.forEach((c, i) => {
    expect(got[i].rc, `${c.name}: return code`).toBe(0);
    expect(Array.from(got[i].y), c.name).toEqual(Array.from(c.want));
  });
}

describe('yono_kernels_s8.c gives the bytes of the TypeScript reference kernels', () => {
  it(`portable C on the host (cc -std=c99 -Wall -Wextra -Werror -O2), ${SPECS.length} layers x 3 seeds`, () => {
    requireCc();
    for (const seed of [1, 2, 3]) {
      const cs = cases(seed);
      const src = join(work, `host-${seed}.c`);
      writeFileSync(src, casesProgram(cs));
      const exe = join(work, `host-${seed}`);
      execFileSync('cc', ['-std=c99', '-Wall', '-Wextra', '-Werror', '-O2', `-I${INT8_C_DIR}`, '-o', exe, src, join(INT8_C_DIR, 'yono_kernels_s8.c'), '-lm'], { stdio: 'pipe' });
      expectSame(cs, execFileSync(exe, { encoding: 'utf8' }));
    }
  });

  it('the __SMLAD path on the emulated Cortex-M7 and Cortex-M4', () => {
    requireArmTools();
    const plugin = buildPlugin();
    const cs = cases(4);
    const src = join(work, 'arm.c');
    writeFileSync(src, casesProgram(cs));
    for (const t of [M7, M4]) {
      const build = buildElf(t, [src, join(INT8_C_DIR, 'yono_kernels_s8.c')], join(work, 'arm'), `kernels-${t.name}`, { includes: [INT8_C_DIR] });
      const r = runOnQemu(t, build, plugin);
      expect(r.status).toBe(0);
      expect(r.insns.symbols.yono_s8_conv, 'the kernels ran').toBeGreaterThan(0);
      expectSame(cs, r.stdout);
    }
  });
});
