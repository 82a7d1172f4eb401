/**
 * The whole flow with the built-in models: learn codebooks with the default preset (light effort), the
 * per-layer chart and the comparison table, the MCU simulation (timelines, reduction figure, predictions),
 * export a bundle, import it back, reload and find the work restored. Throughout: no request leaves
 * localhost, no main-thread long task over 200 ms while codebooks are learned; a screenshot per step.
 */
import { test, expect } from '@playwright/test';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { lightPlan, longTasksBetween, openStep, pageNow, panel, recordLongTasks, shot, waitSavedBundle, useBuiltinModels, waitDone, watchNetwork } from './fixtures/flow';

test.setTimeout(15 * 60_000);

test('built-in models: codebooks, trade-offs, comparison, virtual MCU, export, re-open, reload', async ({ page, context }) => {
  const models = await useBuiltinModels(context);
  test.skip(!models?.tasks.length, 'No built-in models yet: run `npm run pretrain` (or set YONO_E2E_MODELS_DIR to a folder of models).');
  // Every built-in task with a trained model (all four once `npm run pretrain` has run).
  const tasks = models!.tasks;
  const outside = watchNetwork(context);
  await recordLongTasks(page);
  const times: Record<string, number> = {};
  const timed = async (name: string, f: () => Promise<void>) => { const t = Date.now(); await f(); times[name] = Date.now() - t; };

  // Models: the built-in tasks with trained models.
  await page.goto('/');
  for (const t of tasks) {
    await expect(page.getByTestId(`task-${t}`)).toBeVisible();
    await expect(page.getByTestId(`task-${t}`)).not.toContainText('Model not trained yet');
  }
  await shot(page, 'builtin-1-models');

  // Codebook: the default preset (YONO), light effort; learn with progress; the three views.
  await openStep(page, 'Codebook');
  await expect(panel(page).locator('#plan-preset')).toHaveValue('yono');
  await lightPlan(page);
  // Cancel stops a run at once (the worker is terminated) and changes nothing.
  const bar = panel(page).getByRole('progressbar', { name: 'Codebook learning progress' });
  await panel(page).getByRole('button', { name: 'Learn codebook' }).click();
  await expect(bar).toHaveAttribute('aria-valuenow', /\d+/);
  await panel(page).getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(panel(page).getByText('Cancelled. Nothing was changed.')).toBeVisible();
  await expect(panel(page).getByTestId('codebook-summary')).toHaveCount(0);
  const t0 = await pageNow(page);
  await timed('learn', async () => {
    await panel(page).getByRole('button', { name: 'Learn codebook' }).click();
    await expect(bar).toHaveAttribute('aria-valuenow', /\d+/);
    await waitDone(page, panel(page).getByTestId('codebook-summary'), 8 * 60_000, 'Learning the codebook');
  });
  const t1 = await pageNow(page);
  await expect(panel(page).getByTestId('codebook-summary')).toContainText(tasks.join(', '));
  // The first codebook's heatmap, codeword usage per model and 2-D projection.
  await expect(panel(page).getByRole('img', { name: /^Codebook \S+: \d+ codewords/ })).toBeVisible();
  await expect(panel(page).locator('[data-testid^="usage-"]')).toBeVisible();
  await expect(panel(page).locator('[data-testid^="projection-"]')).toBeVisible();
  const long = await longTasksBetween(page, t0, t1);
  console.log(`learning took ${times.learn} ms; main-thread long tasks meanwhile (ms): ${long.join(', ') || 'none'}`);
  expect(long.filter((ms) => ms > 200), 'long tasks over 200 ms while learning').toEqual([]);
  await shot(page, 'builtin-2-codebook');

  // Trade-offs: per-layer chart with (c) marks, SQNR chart, per-model table; the comparison table.
  await openStep(page, 'Trade-offs');
  await expect(panel(page).getByTestId('chart-bytes')).toBeVisible();
  await expect(panel(page).getByTestId('chart-bytes')).toContainText('(c)');
  await expect(panel(page).getByTestId('chart-sqnr')).toBeVisible();
  await expect(panel(page).getByRole('table', { name: 'Per-model figures' })).toContainText(tasks[tasks.length - 1]);
  await timed('compare', async () => {
    await panel(page).getByRole('button', { name: 'Compare methods' }).click();
    await waitDone(page, panel(page).getByTestId('compare-yono'), 8 * 60_000, 'The comparison');
  });
  const table = panel(page).getByRole('table', { name: 'Method comparison' });
  for (const m of ['Float32', 'Int8', 'PQ per model', 'PQ shared', 'YONO']) await expect(table).toContainText(m);
  await shot(page, 'builtin-3-tradeoffs');

  // Virtual MCU: run the simulation; timelines, reduction figures, memory map, live predictions.
  await openStep(page, 'Virtual MCU');
  await timed('simulate', async () => {
    await panel(page).getByRole('button', { name: 'Run simulation' }).click();
    await waitDone(page, panel(page).getByTestId('switch-latency-cut').getByText('%'), 120_000, 'The simulation');
  });
  const cut = await panel(page).getByTestId('switch-latency-cut').locator('.value').innerText();
  console.log(`switch latency cut on the STM32F746: ${cut}`);
  expect(Number.parseFloat(cut)).toBeGreaterThan(0);
  await expect(panel(page).getByRole('img', { name: /^Timelines on stm32f746: SD card, Internal flash, YONO$/ })).toBeVisible();
  await expect(panel(page).getByTestId('memory-yono')).toContainText(/fits/);
  for (const t of tasks) await expect(panel(page).getByTestId(`predictions-${t}`)).toContainText('true:');
  await shot(page, 'builtin-4-mcu');

  // Export: a bundle (downloaded through a Blob URL), then import it back; a bad file says what is wrong.
  await openStep(page, 'Export');
  const download = page.waitForEvent('download');
  await timed('export', async () => { await panel(page).getByRole('button', { name: 'Export bundle' }).click(); });
  const d = await download;
  expect(d.url()).toMatch(/^blob:/);
  mkdirSync('test-results/downloads', { recursive: true });
  const path = 'test-results/downloads/builtin.yono';
  await d.saveAs(path);
  const bytes = readFileSync(path);
  expect(bytes.length).toBeGreaterThan(1000);
  const picker = panel(page).getByLabel('Import bundle files');
  const bad = 'test-results/downloads/bad.yono';
  writeFileSync(bad, Buffer.concat([bytes.subarray(0, 64), Buffer.alloc(100)]));
  await picker.setInputFiles(bad);
  await expect(panel(page).locator('.notice-error')).toBeVisible();
  console.log(`bad bundle: ${await panel(page).locator('.notice-error').innerText()}`);
  await picker.setInputFiles(path);
  const opened = panel(page).getByTestId('opened-bundle');
  await expect(opened).toContainText('builtin.yono');
  for (const t of tasks) await expect(opened.getByRole('table', { name: 'Bundle contents' })).toContainText(t);
  await shot(page, 'builtin-5-export');

  // Reload: the result, the comparison, the simulation and the opened bundle are restored.
  await waitSavedBundle(page, 'builtin.yono');
  await page.reload();
  await expect(page.getByTestId('opened-bundle')).toContainText('builtin.yono');
  await openStep(page, 'Trade-offs');
  await expect(panel(page).getByTestId('chart-bytes')).toBeVisible();
  await expect(panel(page).getByTestId('compare-yono')).toBeVisible();
  await openStep(page, 'Virtual MCU');
  await expect(panel(page).getByTestId('switch-latency-cut')).toContainText(cut);
  await openStep(page, 'Codebook');
  await expect(panel(page).getByTestId('codebook-summary')).toBeVisible();
  await expect(panel(page).locator('[data-testid^="usage-"]')).toBeVisible();
  await shot(page, 'builtin-6-restored');

  console.log(`models from ${models!.dir} (${tasks.join(', ')}); times (ms): ${JSON.stringify(times)}`);
  expect(outside(), 'requests that left localhost').toEqual([]);
});
