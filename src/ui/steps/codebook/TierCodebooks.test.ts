import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { TierCodebooks } from './TierCodebooks';
import type { Plan } from '../../../core/compress/types';
import { presetPlan } from '../../core';

const render = (plan: Plan, disabled = false) => renderToStaticMarkup(createElement(TierCodebooks, { plan, disabled, onChange: () => undefined }));

/** The fieldsets of the markup: legend and whether the fieldset is disabled. */
const fieldsets = (html: string) => [...html.matchAll(/<fieldset([^>]*)><legend>([^<]*)<\/legend>/g)].map((m) => [m[2], m[1].includes('disabled')]);

describe('TierCodebooks', () => {
  it('shows a closed disclosure with d and K of every YONO tier, with hints', () => {
    const html = render(presetPlan('yono'));
    expect(html).toMatch(/^<details class="effort"[^>]*><summary>Advanced: tier codebooks<\/summary>/);
    expect(html).not.toMatch(/<details[^>]* open/);
    expect(fieldsets(html)).toEqual([['Coarse spatial', false], ['Coarse pointwise', false], ['Medium tier', false], ['Fine tier', false]]);
    expect(html).toMatch(/id="d-medium"[^>]*value="2"/);
    expect(html).toContain('id="k-fine"');
    expect(html).toContain('<option value="256" selected="">256</option>');
    expect(html).toContain('8 bits per index (K)');
    expect(html).toContain('0.75 bits per weight'); // coarse-pointwise: 6 bits / 8 weights
    expect(html).toContain('weights per index (d)');
    expect(html).toContain('6 bits per index (K)');
    expect(html).toContain('1 bit per weight.'); // coarse-spatial: 6 bits / 6 weights
  });

  it('disables every tier during a run, and medium and fine while the fine tier is off', () => {
    expect(fieldsets(render(presetPlan('yono'), true)).every(([, off]) => off)).toBe(true);
    const html = render({ ...presetPlan('yono'), fineTier: false });
    expect(fieldsets(html)).toEqual([['Coarse spatial', false], ['Coarse pointwise', false], ['Medium tier', true], ['Fine tier', true]]);
    expect(html).toContain('turn on &quot;Medium and fine tiers&quot; under Effort');
  });

  it('renders nothing for presets without tiers', () => {
    expect(render(presetPlan('pq-shared'))).toBe('');
    expect(render(presetPlan('int8'))).toBe('');
    expect(render({ ...presetPlan('yono'), grouping: 'per-model' })).toBe('');
  });
});
