import { test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { mkdirSync } from 'node:fs';
import { SHOTS, checkStep, panel, readSaved } from './fixtures/flow';

const TABS = ['Models', 'Codebook', 'Trade-offs', 'Virtual MCU', 'Export', 'Learn'];

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

test('the six steps are a keyboard-operable tablist, and each is screenshotted', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.goto('/');
  const list = page.getByRole('tablist', { name: 'Workbench steps' });
  await expect(list.getByRole('tab')).toHaveCount(6);
  for (const name of TABS) await expect(tab(page, name)).toBeVisible();
  await expect(tab(page, 'Models')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-models');

  // Arrow keys move and activate; Home/End jump.
  await tab(page, 'Models').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'Codebook')).toHaveAttribute('aria-selected', 'true');
  await expect(tab(page, 'Codebook')).toBeFocused();
  await page.keyboard.press('End');
  await expect(tab(page, 'Learn')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'Models')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(tab(page, 'Learn')).toHaveAttribute('aria-selected', 'true');

  for (const [i, name] of TABS.entries()) {
    await tab(page, name).click();
    await expect(tab(page, name)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel').getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
    expect(page.url()).toContain(`tab=${['models', 'codebook', 'tradeoffs', 'mcu', 'export', 'learn'][i]}`);
    await page.waitForTimeout(300); // let lazy charts settle
    await page.screenshot({ path: `${SHOTS}/${i + 1}-${name.toLowerCase().replace(/[^a-z]+/g, '-')}.png`, fullPage: true });
  }
});

test('the hash carries the tab and the settings, a reload keeps them, and the plan is saved in IndexedDB', async ({ page }) => {
  await page.goto('/#tab=learn&lsize=16x8&ld=3&lk=4&lseed=11');
  await expect(tab(page, 'Learn')).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page).getByLabel('Layer inputs')).toHaveValue('16');
  await expect(panel(page).getByLabel('Layer units')).toHaveValue('8');
  await expect(panel(page).getByLabel('Subvector size d')).toHaveValue('3');
  await expect(panel(page).getByLabel('Codebook size K')).toHaveValue('4');
  await expect(panel(page).getByLabel('Seed')).toHaveValue('11');

  await tab(page, 'Codebook').click();
  const spatial = panel(page).getByRole('group', { name: '3×3 kernels' });
  await spatial.getByLabel('Subvector size').fill('5');
  await spatial.getByLabel('Codebook size').selectOption('128');
  await panel(page).getByLabel('Normalization').selectOption('layer');
  await panel(page).getByLabel('Seed').fill('42');
  await expect(page).toHaveURL(/spatial=d5k128/);
  await expect(page).toHaveURL(/pointwise=d4k64/); // the 1x1/dense row keeps the preset's d = 4, K = 64
  await expect(page).toHaveURL(/seed=42/);

  await page.reload();
  await expect(tab(page, 'Codebook')).toHaveAttribute('aria-selected', 'true');
  const spatial2 = panel(page).getByRole('group', { name: '3×3 kernels' });
  await expect(spatial2.getByLabel('Subvector size')).toHaveValue('5');
  await expect(spatial2.getByLabel('Codebook size')).toHaveValue('128');
  await expect(panel(page).getByLabel('Normalization')).toHaveValue('layer');
  await expect(panel(page).getByLabel('Seed')).toHaveValue('42');
  expect(page.url()).toContain('lsize=16x8');

  // The plan is in IndexedDB as a structured clone; opening the bare URL restores it.
  await expect.poll(async () => ((await readSaved(page, 'plan')) as { seed?: number } | null)?.seed).toBe(42);
  await page.goto('/');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await tab(page, 'Codebook').click();
  await expect(panel(page).getByLabel('Seed')).toHaveValue('42');
  await expect(panel(page).getByRole('group', { name: '3×3 kernels' }).getByLabel('Subvector size')).toHaveValue('5');
});

test('the Learn view steps, plays, pauses and reaches the reconstruction', async ({ page }) => {
  await page.goto('/#tab=learn&lsize=24x12&ld=2&lk=8&lseed=7');
  const phase = page.getByTestId('learn-phase');
  await expect(phase).toHaveAttribute('data-phase', 'weights');
  // Frames are numbered from 1; the terms a student meets are explained in one line each.
  await expect(page.getByTestId('learn-frame')).toHaveText('(frame 1)');
  for (const term of ['k-means++', 'Inertia', 'SQNR', 'PCA']) await expect(page.getByTestId('learn-terms').getByText(term, { exact: true })).toBeVisible();
  const step = panel(page).getByRole('button', { name: 'Step', exact: true });
  await step.click();
  await expect(phase).toHaveAttribute('data-phase', 'cut');
  await expect(page.getByTestId('learn-frame')).toHaveText('(frame 2)');
  await step.click();
  await expect(phase).toHaveAttribute('data-phase', 'init');
  await expect(page.getByTestId('learn-scatter').locator('[data-codeword]')).toHaveCount(8);
  await step.click();
  await expect(phase).toHaveAttribute('data-phase', 'assign');
  const firstInertia = Number(await page.getByTestId('learn-inertia').textContent());
  expect(firstInertia).toBeGreaterThan(0);
  await panel(page).getByRole('button', { name: 'Back' }).click();
  await expect(phase).toHaveAttribute('data-phase', 'init');

  await panel(page).getByLabel('Speed').selectOption('200');
  await panel(page).getByRole('button', { name: 'Play' }).click();
  await expect(panel(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(async () => Number(await page.getByTestId('learn-iteration').textContent())).toBeGreaterThan(1);
  await panel(page).getByRole('button', { name: 'Pause' }).click();
  const paused = await page.getByTestId('learn-iteration').textContent();
  await page.waitForTimeout(700);
  await expect(page.getByTestId('learn-iteration')).toHaveText(paused!);

  await panel(page).getByRole('button', { name: 'Play' }).click();
  await expect(phase).toHaveAttribute('data-phase', 'reconstruct', { timeout: 30_000 });
  await expect(page.getByTestId('learn-sqnr')).toContainText('dB');
  expect(Number(await page.getByTestId('learn-inertia').textContent())).toBeLessThanOrEqual(firstInertia);
  await expect(page.getByRole('img', { name: 'Reconstruction error' })).toBeVisible();
  await checkStep(page, '6-learn');

  // Another seed is another demo, from the start.
  await panel(page).getByRole('button', { name: 'Next seed', exact: true }).click();
  await expect(page).toHaveURL(/lseed=8/);
  await expect(phase).toHaveAttribute('data-phase', 'weights');
});

test('a bad hash opens the app with defaults and a dismissable note', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/#tab=nowhere&d=abc,9&k=0&lsize=9999x1&ld=-1&seed=1e99&%E0%A4%A=&device=z80');
  await expect(tab(page, 'Models')).toHaveAttribute('aria-selected', 'true');
  const note = page.getByRole('alert').filter({ hasText: 'not valid' });
  await expect(note).toBeVisible();
  await note.getByRole('button', { name: /Dismiss/ }).click();
  await expect(note).toHaveCount(0);
  await tab(page, 'Codebook').click();
  await expect(panel(page).getByRole('group', { name: '3×3 kernels' }).getByLabel('Subvector size')).toHaveValue('3'); // the preset's d
  // The rewritten hash is valid again.
  expect(page.url()).not.toContain('nowhere');
  expect(errors).toEqual([]);
});

test('before any codebook run the later steps say what comes first, and the app goes on', async ({ page }) => {
  await page.goto('/#tab=mcu');
  await expect(panel(page).getByRole('button', { name: 'Run simulation' })).toBeDisabled();
  await expect(panel(page).getByText('Learn a codebook first')).toBeVisible();
  await tab(page, 'Export').click();
  for (const name of ['Export bundle', 'Export C', 'Export tfjs model', 'Export report']) {
    await expect(panel(page).getByRole('button', { name, exact: true })).toBeDisabled();
  }
  await expect(panel(page).getByRole('button', { name: 'Import bundle', exact: true })).toBeEnabled();
  await tab(page, 'Learn').click();
  await panel(page).getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('learn-phase')).toHaveAttribute('data-phase', 'cut');
});

test('the Models step is interactive within 3 s with under 2 MB of gzipped JavaScript, no tfjs', async ({ page }) => {
  const js: { url: string; gz: number; sent: number }[] = [];
  let interactive = false;
  page.on('response', async (r) => {
    if (interactive || !r.url().endsWith('.js') || r.request().resourceType() === 'worker') return;
    const url = r.url();
    try {
      // gz: the body gzipped (what a compressing server would send); sent: what this server transferred.
      const sizes = await r.request().sizes();
      js.push({ url, gz: gzipSync(await r.body()).length, sent: sizes.responseBodySize });
    } catch { /* a worker script, or gone */ }
  });
  const t0 = Date.now();
  await page.goto('/');
  await expect(tab(page, 'Models')).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page).getByRole('button', { name: 'Import model' })).toBeEnabled();
  const ms = Date.now() - t0;
  interactive = true;
  await tab(page, 'Codebook').click(); // and it responds
  await expect(tab(page, 'Codebook')).toHaveAttribute('aria-selected', 'true');
  const total = js.reduce((a, b) => a + b.gz, 0);
  const sent = js.reduce((a, b) => a + b.sent, 0);
  console.log(`interactive after ${ms} ms; JS before it: ${js.length} files, ${(total / 1024).toFixed(1)} KB gzipped (${(sent / 1024).toFixed(1)} KB transferred by vite preview)`);
  expect(ms).toBeLessThan(3000);
  expect(total).toBeLessThan(2 * 1024 * 1024);
  expect(js.map((j) => j.url).filter((u) => /tfjs|tensorflow/i.test(u))).toEqual([]);
});
