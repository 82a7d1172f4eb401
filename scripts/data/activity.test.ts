import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseManifest, SPLIT_NAMES } from '../../src/core/data/index';
import { encodeActivity } from './activity';
import { filesMatchManifest } from './images.mjs';
import { writeEncoded } from './write';

const committed = parseManifest(JSON.parse(readFileSync(join(__dirname, '../../public/data/activity/manifest.json'), 'utf8')));
const tmp = mkdtempSync(join(tmpdir(), 'yono-activity-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('activity data generated at install', () => {
  const enc = encodeActivity();

  it('reproduces the committed manifest (sizes and checksums) byte for byte', () => {
    for (const s of SPLIT_NAMES) {
      expect(enc.manifest.splits[s].bytes).toBe(committed.splits[s].bytes);
      expect(enc.manifest.splits[s].crc32).toBe(committed.splits[s].crc32);
    }
  });

  it('is up to date only while every file matches its manifest entry', () => {
    writeEncoded(tmp, enc);
    const dir = join(tmp, 'activity');
    expect(filesMatchManifest(dir, committed)).toBe(true);
    const f = join(dir, committed.splits.val.file);
    const b = readFileSync(f);
    b[100] ^= 1;
    writeFileSync(f, b);
    expect(filesMatchManifest(dir, committed)).toBe(false);
    rmSync(f);
    expect(filesMatchManifest(dir, committed)).toBe(false);
  });
});
