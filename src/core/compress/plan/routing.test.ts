import { describe, expect, it } from 'vitest';
import type { Layer, ModelIR } from '../../models/ir';
import { basePreset, completePlan, presetPlan, validatePlan } from './presets';
import type { Plan } from '../types';
import { resolveGroups, routeLayers } from './routing';

const t = (shape: number[]) => ({ shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)) });

function model(name: string): ModelIR {
  const layers: Layer[] = [
    { kind: 'input', name: 'input', inputs: [], outputShape: [8, 8, 1] },
    { kind: 'conv2d', name: 'c3', inputs: ['input'], outputShape: [8, 8, 16], strides: [1, 1], padding: 'same', dilation: [1, 1], activation: 'relu', kernel: t([3, 3, 1, 16]), bias: t([16]) },
    { kind: 'depthwiseConv2d', name: 'dw', inputs: ['c3'], outputShape: [8, 8, 16], strides: [1, 1], padding: 'same', dilation: [1, 1], activation: 'relu', kernel: t([3, 3, 16, 1]), bias: null },
    { kind: 'conv2d', name: 'pw', inputs: ['dw'], outputShape: [8, 8, 64], strides: [1, 1], padding: 'same', dilation: [1, 1], activation: 'relu', kernel: t([1, 1, 16, 64]), bias: t([64]) },
    { kind: 'flatten', name: 'f', inputs: ['pw'], outputShape: [4096] },
    { kind: 'dense', name: 'out', inputs: ['f'], outputShape: [10], activation: 'softmax', kernel: t([4096, 10]), bias: t([10]) },
  ];
  return { name, inputShape: [8, 8, 1], layers, output: 'out' };
}

describe('routing', () => {
  it('paper rule: 3x3 conv and depthwise share `spatial`, 1x1 and dense share `pointwise`', () => {
    const plan = presetPlan('pq-shared');
    const routes = routeLayers(plan, [model('a'), model('b')]);
    expect(routes.map((r) => r.group)).toEqual(['spatial', 'spatial', 'pointwise', 'pointwise', 'spatial', 'spatial', 'pointwise', 'pointwise']);
    const groups = resolveGroups(plan, routes);
    expect(groups.map((g) => [g.name, g.d, g.k, g.layers.length])).toEqual([['spatial', 3, 64, 4], ['pointwise', 4, 64, 4]]);
  });

  it('keep rule, overrides and the other grouping rules', () => {
    const plan = presetPlan('yono');
    plan.keep.minParams = 1024; // layers under 1024 weights stay int8
    plan.overrides['a/out'] = 'float32';
    const routes = routeLayers(plan, [model('a')]);
    expect(routes.map((r) => r.format)).toEqual(['int8', 'int8', 'pq', 'float32']);
    expect(routeLayers({ ...plan, grouping: 'per-model' }, [model('a')])[2].group).toBe('a/pointwise');
    expect(routeLayers({ ...plan, grouping: 'per-layer' }, [model('a')])[2].group).toBe('a/pw');
    expect(routeLayers({ ...plan, grouping: 'single' }, [model('a')])[2].group).toBe('shared');
    expect(routeLayers(presetPlan('int8'), [model('a')]).every((r) => r.format === 'int8' && r.group === null)).toBe(true);
  });

  it('overrides: pq:<format> routes a layer to PQ; a plan checks its formats and override names', () => {
    const plan = presetPlan('yono');
    plan.overrides['a/pw'] = 'pq:a2k256';
    expect(routeLayers(plan, [model('a')]).map((r) => r.format)).toEqual(['int8', 'int8', 'pq', 'pq']); // the small ones kept int8
    expect(() => validatePlan({ ...plan, overrides: { 'a/dw': 'pq-fine' as never } })).toThrow(/use pq, pq:<format>/);
    expect(() => validatePlan({ ...plan, formats: ['q9k256'] })).toThrow(/<s\|p\|a><d>k<K>/);
    expect(() => validatePlan({ ...plan, formats: ['s9k256', 'S9K256'] })).toThrow(/listed twice/);
    expect(() => validatePlan({ ...plan, grouping: 'per-model' })).toThrow(/needs grouping paper or single/);
    expect(() => validatePlan({ ...presetPlan('pq-shared'), flashBytes: 1000 })).toThrow(/flash-size target needs an allocation/);
  });

  it('rejects duplicate model names and bad plans with a message', () => {
    expect(() => routeLayers(presetPlan('yono'), [model('a'), model('a')])).toThrow(/unique name/);
    expect(() => validatePlan({ ...presetPlan('yono'), groups: { default: { d: 0, k: 256 } } })).toThrow(/d must be/);
    expect(() => validatePlan({ ...presetPlan('yono'), normalization: 'x' as never })).toThrow(/normalization 'x'/);
    expect(validatePlan(presetPlan('yono')).preset).toBe('yono');
    const old = { ...presetPlan('int8') } as Partial<Plan>;
    delete old.selectionMarginPp;
    expect(validatePlan(completePlan(old)).selectionMarginPp).toBe(0);
  });
});

describe('basePreset', () => {
  it('is the preset an edited plan started from, yono when unknown', () => {
    expect(basePreset('int8*')).toBe('int8');
    expect(basePreset('pq-shared')).toBe('pq-shared');
    expect(basePreset('mine')).toBe('yono');
    expect(basePreset(undefined)).toBe('yono');
  });
});
