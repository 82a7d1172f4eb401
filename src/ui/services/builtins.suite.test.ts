// The app's Models step shows the four built-ins only: the generalization suite's models, in the same
// models manifest with `suite: true`, and its data folders are not cards.
import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog } from './builtins';

const json = (v: unknown) => new Response(JSON.stringify(v), { status: 200, headers: { 'content-type': 'application/json' } });
const entry = (name: string, suite?: boolean) => ({
  name, task: name, modality: 'image', params: 1, macs: 1, float32Bytes: 4, testAccuracy: 0.9, path: `${name}/model.json`, ...(suite ? { suite } : {}),
});

describe('built-in catalogue and the suite', () => {
  it('lists the built-in models and leaves the suite out', async () => {
    const files: Record<string, unknown> = {
      '/models/manifest.json': { format: 'yono-models', version: 1, models: [entry('digits'), entry('ecg', true), entry('shapes', true)] },
    };
    const requested: string[] = [];
    const cat = await loadBuiltinCatalog(async (url) => {
      requested.push(url);
      return url in files ? json(files[url]) : new Response('', { status: 404 });
    }, '/');
    if (cat.status !== 'ready') throw new Error('expected ready');
    expect(cat.tasks.map((t) => t.name)).toEqual(['digits']);
    expect(requested.some((u) => u.includes('/data/ecg/') || u.includes('/data/shapes/'))).toBe(false);
  });
});
