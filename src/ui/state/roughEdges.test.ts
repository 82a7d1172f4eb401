/** The rough edges that live in the store and the services: each with the behaviour a user sees. */
import { describe, expect, it } from 'vitest';
import { createAppStore } from './store';
import { makeDeps } from './deps';
import { fakeServices } from './testing';
import { memoryStore } from './persist/kv';
import { InputError, forBrowser } from '../services/errors';
import type { BundleSummary, Services } from '../services/types';

const open = (over: Partial<Services>) => createAppStore({ deps: makeDeps(fakeServices(over)), kv: memoryStore(), saveDelayMs: 0 });
const summary = { fileName: 'a.yono', fileBytes: 10, version: 1, preset: 'yono', sections: [], models: [], codebooks: [] } as unknown as BundleSummary;

describe('rough edges', () => {
  it('a failed bundle import clears the previous bundle, and a later success clears the error banner', async () => {
    let fail = false;
    const s = open({ importBundle: async () => { if (fail) throw new InputError('Not a .yono bundle.', 'Choose another file.'); return summary; } });
    await s.hydrated;
    await s.getState().importBundle(new File([], 'a.yono'));
    expect(s.getState().openedBundle?.fileName).toBe('a.yono');
    fail = true;
    await s.getState().importBundle(new File([], 'b.yono'));
    expect(s.getState().openedBundle).toBeNull();
    expect(s.getState().errors.map((e) => e.title)).toEqual(['The bundle could not be opened']);
    fail = false;
    await s.getState().importBundle(new File([], 'a.yono'));
    expect(s.getState().errors).toEqual([]);
    expect(s.getState().openedBundle?.fileName).toBe('a.yono');
  });

  it('the bundle reader\'s errors reach a browser user without command-line advice', () => {
    // The reader's wording (core/bundle/read.ts); the e2e journey opens a broken file in the page too.
    const message = 'Not a complete .yono bundle: the file has 8 bytes, the header alone needs 64. Re-export the bundle (`yono compress --out FILE.yono` or the Export step) and copy it in binary mode.';
    const shown = forBrowser(message);
    expect(shown).not.toMatch(/yono compress|`/);
    expect(shown).toContain('Not a complete .yono bundle');
  });
});
