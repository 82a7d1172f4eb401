import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { modelsCommand } from './models';

const entry = (name: string, suite?: boolean) => ({
  name, task: name, modality: 'image', params: 1000, macs: 2000, float32Bytes: 4000, testAccuracy: 0.9, path: `${name}/model.json`, ...(suite ? { suite } : {}),
});

describe('yono models and the generalization suite', () => {
  const prev = process.env.YONO_MODELS_DIR;
  afterEach(() => {
    if (prev === undefined) delete process.env.YONO_MODELS_DIR; else process.env.YONO_MODELS_DIR = prev;
    vi.restoreAllMocks();
  });

  it('marks each model as built-in or suite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yono-models-'));
    try {
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ format: 'yono-models', version: 1, models: [entry('digits'), entry('ecg', true)] }));
      process.env.YONO_MODELS_DIR = dir;
      const out: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((s: string) => { out.push(s); });
      expect(await modelsCommand.run([])).toBe(0);
      const lines = out.join('\n').split('\n');
      expect(lines[0]).toMatch(/\bset$/);
      expect(lines.find((l) => l.startsWith('digits'))).toMatch(/built-in$/);
      expect(lines.find((l) => l.startsWith('ecg'))).toMatch(/suite$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
