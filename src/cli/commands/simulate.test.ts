import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBundle } from '../../core/bundle/write';
import { zooModels, zooResult } from '../../core/bundle/testing/zoo';
import { captureLog } from './testing';
import { simulateCommand } from './simulate';

const work = mkdtempSync(join(tmpdir(), 'yono-simulate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const capture = (args: string[]): Promise<string> => captureLog(simulateCommand, args);

describe('yono simulate', () => {
  const file = join(work, 'zoo.yono');
  writeFileSync(file, writeBundle(zooResult(zooModels())));

  it('prints the three strategies and the reduction, and writes the report and the CSV', async () => {
    const report = join(work, 'r.json');
    const csv = join(work, 'e.csv');
    const text = await capture([file, '--device', 'nrf52840', '--report', report, '--csv', csv]);
    expect(text).toMatch(/nRF52840.*: \d+ requests over 60\.0 s/);
    expect(text).toMatch(/external-storage \(int8 weights\)\n {2}switches \d+, mean switch [\d.]+ ms/);
    expect(text).toMatch(/YONO against external storage: switch latency -\d+\.\d\d %, switch energy -\d+\.\d\d %/);
    const r = JSON.parse(readFileSync(report, 'utf8')) as { device: string; strategies: { name: string; fits: boolean; events: { kind: string }[] }[]; reduction: { switchLatencyPct: number } };
    expect(r.device).toBe('nrf52840');
    expect(r.strategies.map((s) => s.name)).toEqual(['external-storage', 'internal-flash', 'yono']);
    const yono = r.strategies[2];
    expect(yono.events.some((e) => e.kind === 'compute')).toBe(true);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('strategy,kind,model,t0_us,t1_us,energy_uj');
    expect(rows.length - 1).toBe(r.strategies.reduce((a, s) => a + s.events.length, 0));
  });

  it('takes an explicit scenario from a JSON file and rejects bad ones with the file named', async () => {
    const sc = join(work, 's.json');
    writeFileSync(sc, JSON.stringify({ requests: [{ atMs: 0, model: 'img' }, { atMs: 10, model: 'seq' }, { atMs: 20, model: 'img' }] }));
    const r = JSON.parse(await capture([file, '--scenario', sc, '--json'])) as { requests: number; strategies: { switches: number; events?: unknown }[] };
    expect(r.requests).toBe(3);
    expect(r.strategies[2].switches).toBe(3);
    expect(r.strategies[2].events).toBeUndefined();
    writeFileSync(sc, JSON.stringify({ requests: [{ atMs: 0, model: 'nope' }] }));
    await expect(simulateCommand.run([file, '--scenario', sc])).rejects.toThrow(/'nope'/);
    writeFileSync(sc, '{ not json');
    await expect(simulateCommand.run([file, '--scenario', sc])).rejects.toThrow(/s\.json: not JSON/);
    await expect(simulateCommand.run([file, '--device', 'esp32'])).rejects.toThrow(/--device must be one of stm32f746, stm32h743, nrf52840/);
  });
});
