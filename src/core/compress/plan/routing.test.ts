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

  it('coarse tier: big layers start in their kind\'s coarse codebook and are learned into their kind\'s too', () => {
    const plan = presetPlan('pq-shared');
    plan.coarseMinParams = 1024; // pw (1024 weights) and out (40960) are big
    plan.overrides['b/out'] = 'pq'; // an override routes the layer to its kind's codebook
    const routes = routeLayers(plan, [model('a'), model('b')]);
    expect(routes.map((r) => r.group)).toEqual(['spatial', 'spatial', 'coarse-pointwise', 'coarse-pointwise', 'spatial', 'spatial', 'coarse-pointwise', 'pointwise']);
    const groups = resolveGroups(plan, routes);
    expect(groups.map((g) => [g.name, g.d, g.k])).toEqual([['spatial', 3, 64], ['coarse-pointwise', 8, 64], ['pointwise', 4, 64]]);
    expect(groups[1].layers).toEqual(['a/pw', 'a/out', 'b/pw']);
    expect(groups[2].layers).toEqual(['a/pw', 'a/out', 'b/pw', 'b/out']);
    expect(routeLayers({ ...plan, grouping: 'single' }, [model('a')])[2].group).toBe('shared');
    // fixed codebooks without the coarse group (leave-one-out): big layers start in their kind's, the plan is untouched
    const fixed = routeLayers(plan, [model('a')], new Set(['spatial', 'pointwise']));
    expect(fixed.map((r) => r.group)).toEqual(['spatial', 'spatial', 'pointwise', 'pointwise']);
    expect(Object.keys(plan.overrides)).toEqual(['b/out']);
    expect(() => validatePlan({ ...plan, coarseMinParams: -1 })).toThrow(/coarseMinParams must be an integer >= 0/);
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

  it('fine tier: a shared `fine` group over every PQ layer; a pq-fine override routes a layer there', () => {
    const plan = presetPlan('pq-shared');
    plan.fineTier = true;
    plan.overrides['a/pw'] = 'pq-fine';
    const routes = routeLayers(plan, [model('a')]);
    expect(routes.map((r) => r.group)).toEqual(['spatial', 'spatial', 'fine', 'pointwise']);
    const groups = resolveGroups(plan, routes);
    expect(groups.map((g) => [g.name, g.d, g.k, g.layers.length])).toEqual([['spatial', 3, 64, 2], ['pointwise', 4, 64, 1], ['medium', 2, 64, 4], ['fine', 2, 256, 4]]);
  });

  it('medium tier: learned with the fine tier only when groups.medium is given; a pq-medium override routes a layer there', () => {
    const plan = presetPlan('pq-shared');
    plan.fineTier = true;
    delete plan.groups.medium; // e.g. a plan saved before the medium tier existed
    expect(resolveGroups(plan, routeLayers(plan, [model('a')])).map((g) => g.name)).toEqual(['spatial', 'pointwise', 'fine']);
    plan.overrides['a/dw'] = 'pq-medium';
    const routes = routeLayers(plan, [model('a')]);
    expect(routes.map((r) => [r.format, r.group])).toEqual([['pq', 'spatial'], ['pq', 'medium'], ['pq', 'pointwise'], ['pq', 'pointwise']]);
    // an override alone creates the group, over every PQ layer (d and K from groups.default)
    expect(resolveGroups(plan, routes).map((g) => [g.name, g.d, g.k, g.layers.length])).toEqual([['spatial', 3, 64, 1], ['pointwise', 4, 64, 2], ['medium', 4, 64, 4], ['fine', 2, 256, 4]]);
    expect(() => validatePlan({ ...plan, overrides: { 'a/dw': 'pq-coarse' as never } })).toThrow(/use pq, pq-medium, pq-fine, int8 or float32/);
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
