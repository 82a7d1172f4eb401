import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';

// The chart gallery (/?gallery) shows every chart component with made-up data of the right shape.

const spanOf = (text: string | null): number => {
  // "12.50 ms – 1.25 s" -> span in µs
  const toUs = (s: string) => {
    const [v, u] = s.trim().split(/\s+/);
    return Number(v) * ({ 'µs': 1, ms: 1e3, s: 1e6 } as Record<string, number>)[u];
  };
  const [a, b] = (text ?? '').split('–');
  return toUs(b) - toUs(a);
};

test('the timeline zooms, pans and explains an event on hover; many events still draw', async ({ page }) => {
  await page.goto('/?gallery');
  const win = page.getByTestId('timeline-window');
  const full = spanOf(await win.textContent());
  expect(full).toBeGreaterThan(9e6); // 40 requests x 250 ms

  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => Math.abs(spanOf(await win.textContent()) / (full / 2) - 1)).toBeLessThan(0.02); // display rounding
  const before = await win.textContent();
  await page.getByRole('button', { name: 'Pan right' }).click();
  await expect(win).not.toHaveText(before!);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(async () => spanOf(await win.textContent())).toBe(full);

  // Wheel over the plot zooms around the pointer; dragging pans.
  const svg = page.getByRole('img', { name: /Sample timeline/ });
  const box = (await svg.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => spanOf(await win.textContent())).toBeLessThan(full * 0.9);
  const zoomed = await win.textContent();
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(win).not.toHaveText(zoomed!);

  // Hover a compute event of lane B.
  await page.getByRole('button', { name: 'Reset' }).click();
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  const rect = page.locator('[data-lane="Lane B (fast switch)"] rect[data-kind="compute"]').first();
  await rect.hover();
  const tip = page.getByTestId('timeline-tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('Compute');
  await expect(tip).toContainText('Duration');
  await expect(tip).toContainText('30.0 ms');
  await expect(tip).toContainText('mJ');

  // 10,000 requests: sub-pixel events merge, so the drawing stays small.
  await page.getByLabel('Requests').selectOption('10000');
  const rects = await page.locator('[data-lane] rect[data-kind]').count();
  expect(rects).toBeGreaterThan(0);
  expect(rects).toBeLessThan(5000);
  await page.locator('[data-lane="Lane A (slow load)"] rect[data-kind]').first().hover();
  await expect(tip).toContainText('Merged');
  await expect(page.getByText('Does not fit: needs 1.4 MB, has 1 MB (sample note)')).toBeVisible();
});

test('chart components: per-layer small multiples read without hover; the sweep labels every point, hides none and keeps a sane axis; a point can be picked', async ({ page }) => {
  await page.goto('/?gallery');
  await expect(page.getByText('made-up sample data, not results')).toBeVisible();
  const layers = page.getByTestId('layer-bars-sample');
  await expect(layers.getByRole('table', { name: 'Layers of sample' })).toContainText('PQ spatial');
  // what each layer ended in, with its codebook's d and K
  await expect(layers.getByTestId('stored-as').nth(1)).toHaveText('PQ spatiald 3 · K 64');
  await expect(layers).toContainText('72.1 KB → 8.2 KB');
  await expect(layers).toContainText('14.2 dB');
  await expect(page.getByTestId('chart-accuracy').getByText('test accuracy (%)')).toBeVisible();
  const pareto = page.getByTestId('chart-pareto');
  await expect(pareto.getByText('total size (KB)')).toBeVisible();
  // The 3 x 3 sample grid: every configuration labelled (d, K) and drawn; the accuracy axis stays within 0..100 %.
  // (recharts sets each word of a label in its own tspan: compare without spaces)
  const labels = (await pareto.locator('.recharts-label-list text').allTextContents()).map((t) => t.replace(/\s+/g, ''));
  expect(labels.sort()).toEqual([4, 8, 16].flatMap((d) => [16, 64, 256].map((k) => `d${d},K${k}`)).sort());
  const ticks = (await pareto.locator('.recharts-yAxis .recharts-cartesian-axis-tick-value').allInnerTexts()).map(Number);
  expect(Math.max(...ticks)).toBeLessThanOrEqual(100);
  for (const name of [/28×28 image/, /spectrogram, 49 frames × 40 bands/, /3-axis accelerometer trace/]) {
    await expect(page.getByRole('img', { name })).toBeVisible();
  }
  const point = pareto.locator('.recharts-scatter-symbol').last();
  await point.click();
  await expect(page.getByTestId('pareto-picked')).toContainText('picked d =');
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.getByLabel('Requests').selectOption('40');
  await page.screenshot({ path: 'test-results/screenshots/chart-gallery.png', fullPage: true });
});
