import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { AllocationFormats, formatLabel } from './AllocationFormats';
import type { Plan } from '../../../core/compress/types';
import { presetPlan } from '../../core';

const render = (plan: Plan, disabled = false) => renderToStaticMarkup(createElement(AllocationFormats, { plan, disabled, onChange: () => undefined }));

describe('AllocationFormats', () => {
  it('shows a closed disclosure with every YONO format checked, the KL threshold and the flash target', () => {
    const html = render(presetPlan('yono'));
    expect(html).toMatch(/^<details class="effort"[^>]*><summary>Advanced: allocation<\/summary>/);
    expect(html).not.toMatch(/<details[^>]* open/);
    for (const f of presetPlan('yono').formats) expect(html).toContain(formatLabel(f));
    expect((html.match(/checked=""/g) ?? []).length).toBe(presetPlan('yono').formats.length);
    expect(html).toMatch(/id="plan-kl"[^>]*value="0.015"/);
    expect(html).toMatch(/id="plan-flash"[^>]*value="0"/);
  });

  it('says what a format holds and its bits per weight', () => {
    expect(formatLabel('s9k256')).toBe('s9k256: 3×3 / depthwise / conv1d, d 9, K 256 (0.89 bits per weight)');
    expect(formatLabel('p8k256')).toBe('p8k256: 1×1 / dense, d 8, K 256 (1 bit per weight)');
    expect(formatLabel('a2k64')).toBe('a2k64: any kernel, d 2, K 64 (3 bits per weight)');
  });

  it('disables everything during a run, and renders nothing for plans without an allocation', () => {
    expect(render(presetPlan('yono'), true)).not.toMatch(/<input(?![^>]*disabled)/);
    expect(render(presetPlan('pq-shared'))).toBe('');
    expect(render(presetPlan('int8'))).toBe('');
  });
});
