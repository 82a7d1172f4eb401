import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { allPreviews, previewJson } from './previews';
import { parseManifest } from '../src/core/data/manifest';
import { decodeSplit } from '../src/core/data/decode';
import { loadSamplePreview } from '../src/ui/services/builtins';

describe('sample preview files', () => {
  it('hold the first test sample of the split in a few KB, and the page shows the same thumbnail from them as from the split', async () => {
    const json = previewJson('public/data', 'digits')!;
    expect(json.length).toBeLessThan(16_000);
    const m = parseManifest(JSON.parse(readFileSync('public/data/digits/manifest.json', 'utf8')));
    const split = decodeSplit(m, 'test', readFileSync(`public/data/digits/${m.splits.test.file}`));
    const fetched: string[] = [];
    const serve = (withPreview: boolean) => async (url: string) => {
      fetched.push(url);
      const path = url.replace(/^\//, 'public/');
      if (url.endsWith('preview.json')) return withPreview ? new Response(json, { headers: { 'content-type': 'application/json' } }) : new Response('', { status: 404 });
      return new Response(readFileSync(path), { headers: { 'content-type': url.endsWith('.json') ? 'application/json' : 'application/octet-stream' } });
    };
    const small = await loadSamplePreview(serve(true), '/', 'digits');
    expect(fetched.some((u) => u.endsWith(m.splits.test.file))).toBe(false);
    const full = await loadSamplePreview(serve(false), '/', 'digits');
    expect(fetched.some((u) => u.endsWith(m.splits.test.file))).toBe(true);
    expect(small?.label).toBe(full?.label);
    expect(small?.label).toBe(m.classNames[split.y[0]]);
    const a = small?.kind === 'image' ? small.pixels : null;
    const b = full?.kind === 'image' ? full.pixels : null;
    for (let i = 0; i < 784; i++) expect(Math.abs(a![i] - b![i])).toBeLessThan(1e-4);
    expect(previewJson('public/data', 'no-such-task')).toBeNull();
    expect(allPreviews('public/data').digits).toBe(json);
  });
});
