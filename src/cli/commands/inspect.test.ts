import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBundle } from '../../core/bundle/write';
import { zooModels, zooResult } from '../../core/bundle/testing/zoo';
import { captureLog } from './testing';
import { inspectCommand } from './inspect';

const work = mkdtempSync(join(tmpdir(), 'yono-inspect-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const capture = (args: string[]): Promise<string> => captureLog(inspectCommand, args);

describe('yono inspect', () => {
  const file = join(work, 'zoo.yono');
  const bytes = writeBundle(zooResult(zooModels()));
  writeFileSync(file, bytes);

  it('lists models, layers, formats, codebooks and bytes', async () => {
    const text = await capture([file, '--sections']);
    expect(text).toMatch(/\.yono bundle v2, preset yono: \d+ bytes \(manifest \d+; \d+ in an MCU image, as the compression report counts\)/);
    expect(text).toMatch(/codebook spatial: k 24 x d 9, 432 bytes/); // float16: 24 x 9 x 2
    expect(text).toMatch(/model img \(float32\): input \[10,9,3\] -> \[5\]/);
    expect(text).toMatch(/c1 +conv2d +\[10,9,8\] +pq:spatial +216/);
    expect(text).toMatch(/sections:\n +\d+ +432 B +f16 +crc [0-9a-f]{8} +codebook\/spatial/);
  });

  it('--json gives the summary as data', async () => {
    const s = JSON.parse(await capture([file, '--json'])) as { models: { name: string; layers: unknown[] }[]; fileBytes: number };
    expect(s.models.map((m) => m.name)).toEqual(['img', 'seq', 'vec']);
    expect(s.fileBytes).toBe(bytes.length);
  });

  it('fails with a message naming the file and the problem on a damaged or missing file', async () => {
    const bad = join(work, 'bad.yono');
    writeFileSync(bad, bytes.subarray(0, 1000));
    await expect(inspectCommand.run([bad])).rejects.toThrow(/bad\.yono: .*truncated/);
    await expect(inspectCommand.run([join(work, 'none.yono')])).rejects.toThrow(/no such file; write one with `yono compress --out/);
  });
});
