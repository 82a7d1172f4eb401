import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED, sourceSha, templatesModule } from './generate.mjs';

const root = join(__dirname, '..');

describe('generated files (else run `npm run generate` and commit the result)', () => {
  for (const g of GENERATED) {
    it(`${g.out} is current with ${g.source}`, async () => {
      const out = readFileSync(join(root, g.out), 'utf8');
      if (g.kind === 'c-templates') {
        expect(templatesModule(join(root, g.source), g.prefix, g.doc)).toBe(out);
      } else {
        const mod = (await import(join(root, g.out))) as Record<string, string>;
        expect(mod[`${g.prefix}_SOURCE_SHA`]).toBe(sourceSha(readFileSync(join(root, g.source), 'utf8')));
        expect(out).toContain(`export const ${g.prefix}_WASM_BASE64`);
      }
    });
  }
});
