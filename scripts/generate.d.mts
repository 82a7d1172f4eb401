// Types of scripts/generate.mjs (plain JS, run by `npm run generate`).
export interface Generated { name: string; kind: 'wasm' | 'c-templates'; source: string; out: string; prefix?: string; doc?: string }
export const GENERATED: Generated[];
export function sourceSha(text: string): string;
export function templatesModule(dir: string, prefix?: string, doc?: string): string;
export function generate(names?: string[]): Promise<void>;
