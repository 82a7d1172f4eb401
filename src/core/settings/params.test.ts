import { describe, expect, it } from 'vitest';
import { decodeSettings, encodeSettings } from './params';
import { settingsOf } from './plan';
import { SETTINGS, SETTINGS_VERSION } from './schema';
import { PRESET_NAMES, presetPlan } from '../compress/presets';

describe('link pairs', () => {
  it('carry the version and every setting once, and read back as the same settings', () => {
    for (const name of PRESET_NAMES) {
      const values = settingsOf(presetPlan(name));
      const enc = encodeSettings(values);
      expect(enc[0]).toEqual(['v', String(SETTINGS_VERSION)]);
      expect(new Set(enc.map(([k]) => k)).size).toBe(enc.length);
      const dec = decodeSettings(enc);
      expect(dec.values).toEqual(values);
      expect(dec.problems).toEqual([]);
      expect(dec.touched).toBe(true);
    }
    expect(new Set(SETTINGS.map((s) => s.url)).size).toBe(SETTINGS.length);
  });

  it('report a bad value with the preset\'s value it falls back to, and keep the rest', () => {
    const dec = decodeSettings([['v', String(SETTINGS_VERSION)], ['preset', 'int8'], ['budget', '101'], ['recovery', 'yes'], ['epochs', '4'], ['group', 'zig']]);
    expect(dec.values).toEqual({ preset: 'int8', epochs: 4 });
    expect(dec.problems).toEqual([
      'The link\'s "group" value "zig" is not valid; using the preset\'s paper (one of paper, single, per-model, per-layer).',
      'The link\'s "budget" value "101" is not valid; using the preset\'s 1 (a number in 0..100).',
      'The link\'s "recovery" value "yes" is not valid; using the preset\'s 0 (1 or 0).',
    ]);
  });

  it('say when nothing of the plan was set', () => {
    expect(decodeSettings([['tab', 'learn']]).touched).toBe(false);
    expect(decodeSettings([['tab', 'learn'], ['d', '3,4']]).touched).toBe(true); // an old link's list
  });
});
