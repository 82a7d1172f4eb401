/**
 * UTF-8 text <-> bytes through the platform's TextEncoder/TextDecoder (present in browsers, workers and
 * Node), reached through globalThis because the core compiles without the DOM and Node type libraries.
 */
interface Codecs {
  TextEncoder: new () => { encode(s: string): Uint8Array };
  TextDecoder: new (label?: string, opts?: { fatal?: boolean }) => { decode(b: Uint8Array): string };
}
const g = globalThis as unknown as Codecs;

/** Encodes a string as UTF-8. */
export function utf8Encode(s: string): Uint8Array {
  return new g.TextEncoder().encode(s);
}

/** Decodes UTF-8 bytes; throws on invalid UTF-8. */
export function utf8Decode(b: Uint8Array): string {
  return new g.TextDecoder('utf-8', { fatal: true }).decode(b);
}
