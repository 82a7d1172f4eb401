import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32 } from '../data/crc32';
import { decodeModel } from '../compress/decode';
import { createRuntime } from '../mcu/runtime/executor';
import { createInt8Runtime } from '../mcu/runtime/int8/runtime';
import { int8ModelCounts } from '../mcu/runtime/int8/counts';
import { setupNodeTfjs } from '../../node/tfjs';
import { zooInt8Result } from './testing/zoo-int8';
import { BundleError } from './errors';
import { readBundle } from './read';
import { writeBundle } from './write';
import { assembleBundle, fixSectionCrcs, setHeaderField, splitBundle } from './testing/assemble';
import { createRng } from '../util/random';
import { zooModels, zooResult, zooSamples } from './testing/zoo';

/**
 * Fuzz test of the reader: thousands of seeded mutations of a valid bundle. Every input must either be
 * rejected with a BundleError (never code 'internal', which marks a bug in a check) or load and then
 * run every model; each case under 100 ms; no typed-array or ArrayBuffer allocation larger than the file
 * calls for (2 x the input length: the reader's copy plus the runtime's arena/scratch for this bundle).
 */

const result = zooResult(zooModels());
const samples = Object.fromEntries(result.models.map((m, i) => [m.name, zooSamples(decodeModel(result, m.name), 4, i)]));
let base = writeBundle(result, { samples });
let parts = splitBundle(base);
let manifest = JSON.parse(parts.manifest) as Json;
/** Allocation bound per input byte: 2 for float bundles; int8 ones decode each PQ kernel once (int8 + its int32 unit-major copy). */
let allocPerByte = 2;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// ---- allocation tracking: wrap the typed-array and ArrayBuffer constructors while the fuzz runs ----
const CTORS = ['ArrayBuffer', 'Uint8Array', 'Int8Array', 'Int32Array', 'Uint32Array', 'Uint16Array', 'Float32Array', 'Float64Array'] as const;
const saved = new Map<string, unknown>();
let maxAlloc = 0;
function track(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  for (const name of CTORS) {
    const C = g[name] as { new(...a: unknown[]): unknown; BYTES_PER_ELEMENT?: number };
    saved.set(name, C);
    g[name] = new Proxy(C, {
      construct(target, args, newTarget) {
        if (typeof args[0] === 'number') maxAlloc = Math.max(maxAlloc, args[0] * (target.BYTES_PER_ELEMENT ?? 1));
        return Reflect.construct(target, args, newTarget === g[name] ? target : newTarget);
      },
    });
  }
}
function untrack(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  for (const [name, C] of saved) g[name] = C;
}

// ---- mutations ----
type Rnd = () => number;
const pick = <T>(r: Rnd, a: readonly T[]): T => a[Math.floor(r() * a.length)];
const int = (r: Rnd, n: number) => Math.floor(r() * n);

function bitFlips(r: Rnd): Uint8Array {
  const b = base.slice();
  const n = 1 + int(r, 4);
  for (let i = 0; i < n; i++) b[int(r, b.length)] ^= 1 << int(r, 8);
  return b;
}

function truncateOrExtend(r: Rnd): Uint8Array {
  if (r() < 0.8) return base.slice(0, int(r, base.length));
  const b = new Uint8Array(base.length + 1 + int(r, 64));
  b.set(base);
  for (let i = base.length; i < b.length; i++) b[i] = int(r, 256);
  return b;
}

const HUGE = [0, 1, 15, 16, 0x7fffffff, 0xffffffff, 0x100000, base.length, base.length + 16, base.length - 16];
function headerField(r: Rnd): Uint8Array {
  const field = pick(r, [8, 12, 16, 20, 24]);
  const v = r() < 0.7 ? pick(r, HUGE) : int(r, 2 ** 32);
  return setHeaderField(base, field, v, r() < 0.8);
}

/** Every [object, key] of the manifest, to pick a node to mutate. */
function slots(o: Json, out: [Json, string | number][] = []): [Json, string | number][] {
  for (const k of Object.keys(o)) {
    out.push([o, Array.isArray(o) ? Number(k) : k]);
    if (o[k] !== null && typeof o[k] === 'object') slots(o[k], out);
  }
  return out;
}

const WEIRD = [0, -1, 1, 2, 1.5, 2 ** 31, 2 ** 32, 2 ** 53, 1e300, -1e300, null, '', 'x', 'relu', 'same', 'pq', true, [], {}, [1], [0, 0], [1e9, 1e9, 1e9]];
function manifestEdit(r: Rnd): Uint8Array {
  const m = JSON.parse(JSON.stringify(manifest)) as Json;
  const n = 1 + int(r, 3);
  for (let i = 0; i < n; i++) {
    const all = slots(m);
    const [o, k] = pick(r, all);
    const v = o[k];
    const kind = int(r, 10);
    const secs = (Array.isArray(m.sections) ? m.sections : []).filter((x: unknown) => x !== null && typeof x === 'object') as Json[];
    if (secs.length === 0 && kind >= 5 && kind <= 7) continue;
    if (kind === 0 && typeof v === 'number') o[k] = v + pick(r, [-16, -1, 1, 16, 4096]);
    else if (kind === 1) o[k] = pick(r, WEIRD);
    else if (kind === 2 && Array.isArray(o)) o.splice(k as number, 1);
    else if (kind === 3 && Array.isArray(o)) o.push(JSON.parse(JSON.stringify(v)));
    else if (kind === 4) delete o[k];
    else if (kind === 5) { const s = pick(r, secs); s.offset = pick(r, [parts.data.length, parts.data.length + 16, 2 ** 31, pick(r, secs).offset]); }
    else if (kind === 6) { const s = pick(r, secs); s.length = pick(r, [2 ** 31, s.length * 2, 0, parts.data.length]); s.count = s.length; }
    else if (kind === 7) { const a = pick(r, secs), b = pick(r, secs); [a.offset, b.offset] = [b.offset, a.offset]; }
    else if (kind === 8) m.version = pick(r, [0, 2, 99, '1']);
    else if (typeof v === 'string') o[k] = pick(r, ['input', 'out', 'c1', 'spatial', 'pointwise', 'img', 'add', v + '!']);
    else o[k] = pick(r, WEIRD);
  }
  return assembleBundle({ ...parts, manifest: JSON.stringify(m) });
}

function brokenJson(r: Rnd): Uint8Array {
  let t = parts.manifest;
  const at = int(r, t.length);
  const op = int(r, 4);
  if (op === 0) t = t.slice(0, at);
  else if (op === 1) t = t.slice(0, at) + pick(r, ['{', '}', '[', ']', ',', '"', ':', '\\', 'null', '1e999', '-']) + t.slice(at);
  else if (op === 2) t = t.slice(0, at) + t.slice(at + 1 + int(r, 20));
  else t = '['.repeat(1 + int(r, 5000)) + t;
  return assembleBundle({ ...parts, manifest: t });
}

function payloadEdit(r: Rnd): Uint8Array {
  const data = parts.data.slice();
  const s = pick(r, manifest.sections as Json[]);
  const n = 1 + int(r, 3);
  for (let i = 0; i < n && s.length > 0; i++) data[s.offset + int(r, s.length)] = int(r, 256);
  return assembleBundle(fixSectionCrcs({ ...parts, data }));
}

function wrongVersion(r: Rnd): Uint8Array {
  return assembleBundle({ ...parts, version: pick(r, [0, 2, 3, 255, 0xffffffff]) });
}

const KINDS: [string, (r: Rnd) => Uint8Array, number][] = [
  ['bit flips', bitFlips, 1200],
  ['truncations and extensions', truncateOrExtend, 400],
  ['header fields (huge lengths, offsets)', headerField, 400],
  ['manifest fields (offsets past the end, overlaps, huge lengths, types)', manifestEdit, 1600],
  ['broken JSON', brokenJson, 300],
  ['section payloads with fixed CRCs', payloadEdit, 500],
  ['wrong version', wrongVersion, 50],
];

/** Reads a case and runs every model of it; returns whether it loaded. Fails on any escape but a BundleError. */
const codes = new Map<string, number>();

function once(input: Uint8Array, label: string, i: number): 'loaded' | 'rejected' {
  try {
    const b = readBundle(input);
    for (const m of b.manifest.models) {
      if (m.arithmetic === 'int8') {
        const rt8 = createInt8Runtime(b, m.name);
        expect(rt8.runS8(new Int8Array(rt8.inputSize)).length).toBe(rt8.outputSize);
        int8ModelCounts(b, rt8);
        continue;
      }
      const rt = createRuntime(b, m.name);
      const y = rt.run(new Float32Array(rt.program.inputSize).fill(0.5));
      expect(y.length).toBe(rt.program.outputSize);
      rt.counts();
    }
    return 'loaded';
  } catch (e) {
    if (!(e instanceof BundleError) || e.code === 'internal') {
      throw new Error(`case ${i} of '${label}' escaped as ${e instanceof Error ? `${e.name} (${(e as BundleError).code ?? ''}): ${e.message}` : String(e)}`, { cause: e });
    }
    expect(e.message.length).toBeGreaterThan(20);
    codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
    return 'rejected';
  }
}

function timed(input: Uint8Array, label: string, i: number): number {
  const t0 = performance.now();
  once(input, label, i);
  return performance.now() - t0;
}

function fuzzKinds(prefix: string, share: number): void {
  for (const [label0, mutate, count0] of KINDS) {
    const label = `${prefix}${label0}`;
    const count = Math.ceil(count0 * share);
    it(`${label}: ${count} cases, each rejected with a BundleError or loaded and run`, () => {
      const r = createRng(crc32(Uint8Array.from(label, (c) => c.charCodeAt(0))));
      codes.clear();
      let loaded = 0, rejected = 0, slowest = 0;
      for (let i = 0; i < count; i++) {
        const input = mutate(r);
        maxAlloc = 0;
        const t0 = performance.now();
        const outcome = once(input, label, i);
        let dt = performance.now() - t0;
        if (outcome === 'loaded') loaded++; else rejected++;
        // On this shared 2-core machine a slow measurement is repeated once to tell scheduler stalls
        // from real work (the minimum of two runs is what the case costs).
        if (dt >= 100) dt = Math.min(dt, timed(input, label, i));
        slowest = Math.max(slowest, dt);
        expect(dt, `case ${i} of '${label}' took ${dt.toFixed(1)} ms`).toBeLessThan(100);
        expect(maxAlloc, `case ${i} of '${label}' allocated ${maxAlloc} bytes for a ${input.length}-byte file`).toBeLessThanOrEqual(allocPerByte * Math.max(input.length, 1));
      }
      expect(loaded + rejected).toBe(count);
      console.log(`${label}: ${rejected} rejected (${[...codes].map(([k, v]) => `${k} ${v}`).join(', ')}), ${loaded} loaded and ran; slowest ${slowest.toFixed(1)} ms`);
    });
  }
}

describe('fuzz: readBundle on thousands of seeded mutations', () => {
  beforeAll(() => { maxAlloc = 0; track(); });
  afterAll(() => untrack());
  fuzzKinds('', 1);
});

describe('fuzz: an int8 bundle (format 2), a quarter as many cases', () => {
  beforeAll(async () => {
    await setupNodeTfjs();
    const z = zooInt8Result();
    base = writeBundle(z.result, { samples: z.samples, maxSamples: 4 });
    parts = splitBundle(base);
    manifest = JSON.parse(parts.manifest) as Json;
    allocPerByte = 64;
    maxAlloc = 0;
    track();
  }, 120_000);
  afterAll(() => untrack());
  fuzzKinds('int8: ', 0.25);
});
