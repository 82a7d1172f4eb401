import { describe, expect, it } from 'vitest';
import type { LayerEntry, ModelEntry } from '../bundle/format';
import { EXTRA_LAYER_KINDS } from '../bundle/layers-extra';
import { ACTIVATIONS } from '../models/ir';
import { BundleError } from '../bundle/errors';
import { assertRuntimeSupports, RUNTIME_LAYER_KINDS, unsupportedLayers } from './support';
import { ACT } from './program';

const entry = (layers: LayerEntry[]): ModelEntry => ({ name: 'm', inputShape: [4], output: layers[layers.length - 1].name, accuracyFloat: null, accuracyCompressed: null, layers, samples: null });

describe('runtime support check', () => {
  it('the float runtimes execute every layer kind the bundle stores and every activation', () => {
    for (const k of EXTRA_LAYER_KINDS) expect(RUNTIME_LAYER_KINDS, k).toContain(k);
    for (const a of ACTIVATIONS) expect(ACT[a], a).toBeTypeOf('number');
  });

  it('names a layer the runtime cannot execute, what it executes and what still works', () => {
    const layers = [{ name: 'in', kind: 'input', inputs: [], outputShape: [4] }, { name: 'odd', kind: 'lstm', inputs: ['in'], outputShape: [4] }] as unknown as LayerEntry[];
    expect(unsupportedLayers(entry(layers))).toEqual([{ layer: 'odd', kind: 'lstm', why: "op 'lstm'" }]);
    expect(() => assertRuntimeSupports(entry(layers))).toThrow(BundleError);
    expect(() => assertRuntimeSupports(entry(layers))).toThrow(/Model 'm' cannot run on the virtual MCU and the C runtime yet: layer 'odd' \(op 'lstm'\)\. They execute the layer kinds dense, .*concat.* with the activations linear, .*gelu.*exports to tfjs/);
  });
});
