import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBundle } from '../../core/bundle/write';
import { zooResult } from '../../core/bundle/testing/zoo';
import { fromLayersModel } from '../../core/models/fromLayersModel';
import { inferenceGraph } from '../../core/models/fuseActivations';
import { branchyModel } from '../../core/models/layers/testing';
import { randomizeWeights } from '../../core/models/testing';
import { setupNodeTfjs } from '../../node/tfjs';
import { exportCCommand } from './export-c';

const dir = mkdtempSync(join(tmpdir(), 'yono-export-c-unsupported-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('yono export-c with layers the C runtime does not run', () => {
  it('stops before writing anything and names every layer that stops it, with its op or activation', async () => {
    await setupNodeTfjs();
    const m = branchyModel();
    randomizeWeights(m, 1);
    const ir = inferenceGraph(fromLayersModel(m, 'branchy'));
    m.dispose();
    const file = join(dir, 'b.yono');
    writeFileSync(file, writeBundle(zooResult([ir])));
    const out = join(dir, 'c');
    await expect(exportCCommand.run([file, '--out', out])).rejects.toThrow(
      /Model 'branchy' cannot run on the virtual MCU and the C runtime yet: layer 'rescale' \(op 'rescale'\), layer 'stem_pad' \(op 'zeroPad2d'\), .*layer 'dense_cat' \(op 'concat'\), .*layer 'se_reduce' \(activation 'swish'\)/);
    expect(existsSync(join(out, 'yono_runtime.c'))).toBe(false);
  });
});
