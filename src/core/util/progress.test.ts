import { describe, expect, it } from 'vitest';
import { CancelledError, throwIfCancelled } from './progress';

describe('throwIfCancelled', () => {
  it('throws CancelledError when the check says stop, sync or async', async () => {
    await expect(throwIfCancelled(() => true)).rejects.toBeInstanceOf(CancelledError);
    await expect(throwIfCancelled(async () => true)).rejects.toBeInstanceOf(CancelledError);
  });
  it('returns when the check says go on or there is none', async () => {
    await expect(throwIfCancelled(() => false)).resolves.toBeUndefined();
    await expect(throwIfCancelled(undefined)).resolves.toBeUndefined();
  });
});
