import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBundle } from '../../core/bundle/write';
import { readBundle } from '../../core/bundle/read';
import { zooResult, zooSamples } from '../../core/bundle/testing/zoo';
import { fromLayersModel } from '../../core/models/fromLayersModel';
import { inferenceGraph } from '../../core/models/fuseActivations';
import { activationChain, branchyModel } from '../../core/models/layers/testing';
import { randomizeWeights } from '../../core/models/testing';
import { ACTIVATIONS } from '../../core/models/ir';
import { argmax, createRuntime } from '../../core/mcu/runtime/executor';
import { decodeModel } from '../../core/compress/result/decode';
import { runExportOnHost } from '../../node/hostC';
import { setupNodeTfjs } from '../../node/tfjs';

const work = mkdtempSync(join(tmpdir(), 'yono-export-c-extra-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(async () => { await setupNodeTfjs(); });

describe('C export of the Keras-application layers (pad, crop, concat, merges, up-sampling, permute, PReLU, ReLU variants, every activation)', () => {
  it('compiles warning-free and gives the virtual MCU\'s classes, outputs within a few float32 ulp of exp/tanh/log', () => {
    const irs = [branchyModel(), activationChain(ACTIVATIONS)].map((m, i) => {
      randomizeWeights(m, 1 + i);
      const ir = inferenceGraph(fromLayersModel(m, ['branchy', 'acts'][i]));
      m.dispose();
      return ir;
    });
    // PQ, int8 and float32 kernels in turn: the new ops sit between weight layers of every format
    const result = zooResult(irs);
    const n = 16;
    const samples = Object.fromEntries(irs.map((ir, i) => [ir.name, zooSamples(decodeModel(result, ir.name), n, 40 + i)]));
    const bundle = readBundle(writeBundle(result, { samples }));
    const c = runExportOnHost(bundle, join(work, 'c'), n);
    for (const ir of irs) {
      const rt = createRuntime(bundle, ir.name);
      const { outputs, classes } = rt.runBatch(samples[ir.name].x, n);
      const got = c.get(ir.name) as Float32Array;
      expect(got.length, ir.name).toBe(outputs.length);
      const k = rt.program.outputSize;
      const scale = outputs.reduce((m, v) => Math.max(m, Math.abs(v)), 1e-30);
      let worst = 0;
      for (let j = 0; j < got.length; j++) worst = Math.max(worst, Math.abs(got[j] - outputs[j]) / scale);
      for (let s = 0; s < n; s++) expect(argmax(got, s * k, k), `${ir.name} sample ${s}`).toBe(classes[s]);
      console.log(`${ir.name}: C vs virtual MCU, ${n} samples, same classes, worst output difference ${worst.toExponential(2)} of the largest`);
      expect(worst, ir.name).toBeLessThan(1e-5);
    }
  }, 120_000);
});
