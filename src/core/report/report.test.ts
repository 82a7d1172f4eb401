import { describe, expect, it } from 'vitest';
import { zooResult } from '../bundle/testing/zoo';
import { csvField, reportCsv, reportJson } from './report';

describe('report', () => {
  const result = zooResult();
  result.models.forEach((m) => {
    m.layers = [{ name: 'c1', kind: 'conv2d', params: 72, compressed: true, format: 'pq', codebook: 'spatial', sqnrDb: 12.5, bytes: 40, float32Bytes: 320, sensitivityPp: 0.25, recovered: false }];
  });
  const extras = {
    comparison: [{ preset: 'int8', label: 'Int8, "per-channel"', totalBytes: 100, float32Bytes: 400, ratio: 4, accuracy: { a: 0.5, b: 1 }, dropPp: {}, timeMs: 1 }],
    sweep: [{ d: 4, k: 16, bytes: 10, accuracy: 0.75 }],
    simulation: null,
  };

  it('JSON keeps the pipeline report keys and adds the extras', () => {
    const j = JSON.parse(reportJson(result, extras)) as Record<string, unknown>;
    for (const k of ['totals', 'codebooks', 'models', 'timingsMs', 'comparison', 'sweep', 'simulation']) expect(j).toHaveProperty(k);
  });

  it('CSV has one row per layer, model, total, method and sweep point, quoted where needed', () => {
    const lines = reportCsv(result, extras).trim().split('\n');
    expect(lines[0]).toBe('scope,model,layer,kind,params,format,codebook,sqnr_db,bytes,float32_bytes,sensitivity_pp,recovered,accuracy_float,accuracy_compressed');
    const n = result.models.length;
    expect(lines).toHaveLength(1 + 2 * n + 1 + 1 + 1);
    expect(lines.find((l) => l.startsWith('method'))).toContain('"Int8, ""per-channel"""');
    expect(lines.find((l) => l.startsWith('method'))).toContain(',0.750000');
    expect(lines.find((l) => l.startsWith('layer'))).toContain(',12.5000,40,320,0.250000,false,,');
    expect(csvField(null)).toBe('');
    expect(csvField('a\nb')).toBe('"a\nb"');
  });
});
