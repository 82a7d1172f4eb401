import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { KERNEL_SOURCE_SHA } from '../src/core/pq/wasm/kernel.generated';

describe('src/core/pq/wasm/kernel.generated.ts', () => {
  it('was built from the current kernel.as (else run `npm run build:wasm` and commit the result)', () => {
    const src = readFileSync(new URL('../src/core/pq/wasm/kernel.as', import.meta.url), 'utf8');
    expect(createHash('sha256').update(src).digest('hex').slice(0, 16)).toBe(KERNEL_SOURCE_SHA);
  });
});
