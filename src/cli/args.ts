import { UsageError } from './command';

/** Parsed `--flag value` / `--flag` options plus positional arguments. */
export interface ParsedArgs {
  flags: Map<string, string | true>;
  positional: string[];
}

/** Parses argv; `booleans` lists flags that take no value. Unknown flags are rejected. */
export function parseArgs(argv: string[], known: { values?: string[]; booleans?: string[] }): ParsedArgs {
  const values = new Set(known.values ?? []);
  const booleans = new Set(known.booleans ?? []);
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) { positional.push(a); continue; }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (booleans.has(name)) { flags.set(name, true); continue; }
    if (!values.has(name)) throw new UsageError(`unknown option --${name}`);
    const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (v === undefined) throw new UsageError(`--${name} needs a value`);
    flags.set(name, v);
  }
  return { flags, positional };
}

/** Reads an integer flag, with a default; rejects non-integers. */
export function intFlag(p: ParsedArgs, name: string, dflt: number): number {
  const v = p.flags.get(name);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (v === true || !Number.isInteger(n)) throw new UsageError(`--${name} must be an integer, got ${String(v)}`);
  return n;
}

/** Reads a string flag, with an optional default. */
export function strFlag(p: ParsedArgs, name: string, dflt?: string): string | undefined {
  const v = p.flags.get(name);
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v ?? dflt;
}

/** The `--threads N` flag (an integer in 1..64), or undefined for the default. */
export function threadsFlag(p: ParsedArgs): number | undefined {
  const raw = strFlag(p, 'threads');
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--threads takes an integer in 1..64, got '${raw}'`);
  return n;
}
