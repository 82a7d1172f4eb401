import { describe, expect, it } from 'vitest';
import { createAppStore } from './store';
import { makeDeps } from './deps';
import { fakeServices } from './testing';
import { memoryStore } from './persist/kv';
import type { Services } from '../services/types';
import type { BuiltinTask, CodebookResult, ImportedModel, SimulationSummary, SweepPoint } from '../services/types';
import { presetPlan } from '../core';

const task = (name: string, trained: boolean): BuiltinTask => ({
  name, modality: 'image', synthetic: false, description: null, classes: null, samples: null, params: null, macs: null,
  float32Bytes: null, accuracy: null, modelUrl: trained ? `/models/${name}/model.json` : null, sample: null,
});
const imported = { name: 'mine', ir: { name: 'mine', inputShape: [2], output: 'input', layers: [] }, data: null, numClasses: 2, files: [], importedAt: 1 } as unknown as ImportedModel;
const result = (names: string[]) => ({ plan: presetPlan('yono'), codebooks: [], models: names.map((name) => ({ name })) }) as unknown as CodebookResult;
const views = { usage: [], projections: [] };

function make(over: Partial<Services>) {
  const s = createAppStore({ deps: makeDeps(fakeServices(over)), kv: memoryStore(), saveDelayMs: 0 });
  s.setState({ builtins: { status: 'ready', message: null, tasks: [task('digits', true), task('fashion', false)] }, imported: [imported] });
  return s;
}

describe('store flows', () => {
  it('learns over the trained built-ins and the imported models, keeps the plan it asked with, drops the stale simulation', async () => {
    let sent: Parameters<Services['learnCodebook']>[0] | null = null;
    const s = make({ learnCodebook: async (req) => { sent = req; return { result: result(['digits', 'mine']), views }; } });
    s.setState({ mcuReport: { strategies: [] } as unknown as SimulationSummary });
    await s.getState().learnCodebook();
    expect(sent!.models.map((m) => (m.kind === 'builtin' ? m.name : m.model.name))).toEqual(['digits', 'mine']);
    const b = sent!.models[0];
    expect(b.kind === 'builtin' && b.dataUrl).toMatch(/\/data\/digits\/$/);
    expect(s.getState().codebookViews).toBe(views);
    expect(s.getState().codebookPlan).toEqual(s.getState().plan);
    expect(s.getState().mcuReport).toBeNull();
  });

  it('fills the sweep in as points land', async () => {
    const seen: number[] = [];
    const p = (d: number): SweepPoint => ({ d, k: 16, bytes: d, accuracy: 0.5 });
    const s = make({
      runSweep: async (req, o) => {
        expect(req.ds).toEqual([2, 3, 4, 8]);
        o?.onPoint?.(p(4)); seen.push(s.getState().sweepPoints.length);
        o?.onPoint?.(p(8)); seen.push(s.getState().sweepPoints.length);
        return [p(4), p(8)];
      },
    });
    await s.getState().runSweep();
    expect(seen).toEqual([1, 2]);
    expect(s.getState().sweepPoints.map((x) => x.d)).toEqual([4, 8]);
  });

  it('reuses the current result for the preset it was run with, on the same models', async () => {
    let reuse: string[] | undefined;
    const s = make({
      learnCodebook: async () => ({ result: result(['digits', 'mine']), views }),
      compareMethods: async (req) => { reuse = req.reuse?.presets; return []; },
    });
    await s.getState().learnCodebook();
    await s.getState().runComparison();
    expect(reuse).toEqual(['yono']);
    s.getState().setSeed(99);
    await s.getState().runComparison();
    expect(reuse).toEqual([]);
    s.getState().setIncluded('mine', false);
    await s.getState().runComparison();
    expect(reuse).toBeUndefined();
    expect(s.getState().comparison?.models).toEqual(['digits']);
  });

  it('simulates with the device, scenario and every known model, and exports with the other figures', async () => {
    let sim: Parameters<Services['simulate']>[0] | null = null;
    let exp: Parameters<Services['exportFile']>[1] | null = null;
    const report = { device: 'nrf52840', strategies: [], memoryMaps: {} } as unknown as SimulationSummary;
    const s = make({
      simulate: async (req) => { sim = req; return { report, predictions: [] }; },
      exportFile: async (_k, req) => { exp = req; return { fileName: 'x', bytes: new Uint8Array(1), mime: 'a' }; },
    });
    s.setState({ codebookResult: result(['digits']), sweepPoints: [{ d: 4, k: 16, bytes: 1, accuracy: 1 }] });
    s.getState().setDevice('nrf52840');
    s.getState().setScenario([{ model: 'digits', periodMs: 500 }]);
    await s.getState().runSimulation();
    expect(sim!.device).toBe('nrf52840');
    expect(sim!.scenario).toEqual([{ model: 'digits', periodMs: 500 }]);
    expect(sim!.models.length).toBe(2);
    expect(s.getState().mcuReport).toBe(report);
    await s.getState().exportFile('report-json');
    expect(exp!.extras.simulation).toBe(report);
    expect(exp!.extras.sweep).toHaveLength(1);
  });
});
