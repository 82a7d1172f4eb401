/**
 * Small typed checks for untrusted parsed JSON. Each takes the value and its path in the manifest
 * (`models[0].layers[3].strides`) and either returns it typed or throws a BundleError naming the path.
 */
import { bundleFail } from './errors';
import { LIMITS } from './format';

type Obj = Record<string, unknown>;

const REPAIR = 'The file is damaged or was not written by this tool: re-export it with `yono compress --out` or the Export step.';

/** Fails with a schema error at `path`. */
export function bad(path: string, what: string): never {
  return bundleFail('schema', `Bundle manifest: ${path} ${what}. ${REPAIR}`);
}

const show = (v: unknown): string => {
  const s = typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : Array.isArray(v) ? `an array of ${v.length}` : v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v);
  return s;
};

export function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) bad(path, `must be an object, got ${show(v)}`);
  return v as Obj;
}

export function arr(v: unknown, path: string, maxLen: number): unknown[] {
  if (!Array.isArray(v)) bad(path, `must be an array, got ${show(v)}`);
  if (v.length > maxLen) bad(path, `has ${v.length} entries, more than the limit ${maxLen}`);
  return v;
}

/** An integer in [min, max]. */
export function int(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) bad(path, `must be an integer, got ${show(v)}`);
  if (v < min || v > max) bad(path, `is ${v}, outside ${min}..${max}`);
  return v;
}

/** A finite number in [min, max]. */
export function num(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) bad(path, `must be a finite number, got ${show(v)}`);
  if (v < min || v > max) bad(path, `is ${v}, outside ${min}..${max}`);
  return v;
}

export function str(v: unknown, path: string, maxLen: number = LIMITS.nameChars): string {
  if (typeof v !== 'string') bad(path, `must be a string, got ${show(v)}`);
  if (v.length === 0 || v.length > maxLen) bad(path, `must have 1..${maxLen} characters, has ${v.length}`);
  return v;
}

export function oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) bad(path, `must be one of ${allowed.join(', ')}, got ${show(v)}`);
  return v as T;
}

/** A shape: 1..maxRank positive integer dimensions, each at most LIMITS.dim. */
export function shape(v: unknown, path: string, minRank: number, maxRank: number): number[] {
  const a = arr(v, path, maxRank);
  if (a.length < minRank) bad(path, `must have ${minRank}..${maxRank} dimensions, has ${a.length}`);
  return a.map((d, i) => int(d, `${path}[${i}]`, 1, LIMITS.dim));
}

/** A pair of integers in [min, max]. */
export function pair(v: unknown, path: string, min: number, max: number): [number, number] {
  const a = arr(v, path, 2);
  if (a.length !== 2) bad(path, `must have 2 entries, has ${a.length}`);
  return [int(a[0], `${path}[0]`, min, max), int(a[1], `${path}[1]`, min, max)];
}

/** A section index in 0..nSections-1. */
export function sectionRef(v: unknown, path: string, nSections: number): number {
  if (nSections === 0) bad(path, 'refers to a section but the bundle lists none');
  return int(v, path, 0, nSections - 1);
}

export function nullable<T>(v: unknown, f: (v: unknown) => T): T | null {
  return v === null ? null : f(v);
}
