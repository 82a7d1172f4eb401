/** C source literals for the export: identifiers, strings, comments and typed-array initializers. */
import { utf8Encode } from '../../util/utf8';

/** A C identifier made from `name` (letters, digits, underscores; never starting with a digit). */
export function cIdent(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z]/.test(s) ? s : `m${s}`;
}

/** A C string literal of `s` (printable ASCII kept, everything else as octal escapes). */
export function cString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c >= 0x20 && c < 0x7f && ch !== '?') out += ch;
    else for (const b of utf8Encode(ch)) out += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}

/** Text safe inside a C block comment. */
export function cComment(s: string): string {
  return s.replace(/[^A-Za-z0-9_ ./:,()[\]x=-]/g, '?');
}

/**
 * A float32 value as a C float constant that converts back to exactly the same float: 9 significant
 * digits (FLT_DECIMAL_DIG) with trailing zeros dropped, `f` suffix; NAN/INFINITY from math.h.
 */
export function cFloat(v: number): string {
  if (Number.isNaN(v)) return 'NAN';
  if (!Number.isFinite(v)) return v > 0 ? 'INFINITY' : '-INFINITY';
  if (v === 0) return Object.is(v, -0) ? '-0.0f' : '0.0f';
  let s = Math.fround(v).toPrecision(9);
  let exp = '';
  const e = s.indexOf('e');
  if (e >= 0) { exp = s.slice(e); s = s.slice(0, e); }
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '.0');
  else s += '.0';
  return `${s}${exp}f`;
}

/** Comma-separated initializer lines, `perLine` values each, indented by two spaces. */
export function cValues(values: ArrayLike<number>, fmt: (v: number) => string, perLine: number): string {
  const lines: string[] = [];
  for (let i = 0; i < values.length; i += perLine) {
    const row: string[] = [];
    for (let j = i; j < Math.min(values.length, i + perLine); j++) row.push(fmt(values[j]));
    lines.push(`  ${row.join(', ')},`);
  }
  return lines.join('\n');
}

/** `static const <type> name[n] = { ... };` (or without `static` when `exported`). */
export function cArray(type: string, name: string, values: ArrayLike<number>, exported = false): string {
  const fmt = type === 'float' ? cFloat
    : type === 'uint8_t' ? (v: number) => `0x${v.toString(16).padStart(2, '0')}`
      : type === 'uint16_t' ? (v: number) => `0x${v.toString(16).padStart(4, '0')}` : (v: number) => String(v);
  const per = type === 'float' ? 6 : type === 'uint8_t' ? 16 : 16;
  return `${exported ? '' : 'static '}const ${type} ${name}[${values.length}] = {\n${cValues(values, fmt, per)}\n};\n`;
}
