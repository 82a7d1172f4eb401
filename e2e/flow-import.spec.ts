/**
 * The flow with a user's model: a small tfjs model made by the test (model.json + weights.bin + x.npy /
 * y.npy), and a broken one first (clear error, the app goes on). Then codebooks, trade-offs, comparison,
 * the virtual MCU, export, re-open, reload. A worker crash in the middle of a run shows an error, the
 * worker restarts and the next run works. No request leaves localhost; no long task over 200 ms while
 * codebooks are learned; a screenshot per step.
 */
import { test, expect } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Locator, Page, Route } from '@playwright/test';
import { writeTinyModel } from './fixtures/tinyModel';
import type { TinyModelFiles } from './fixtures/tinyModel';
import { lightPlan, longTasksBetween, openStep, pageNow, panel, readSaved, recordLongTasks, shot, waitSavedBundle, waitDone, watchNetwork } from './fixtures/flow';

test.setTimeout(8 * 60_000);

/** Drops files on `target` as a user dragging them from the desktop would (a DataTransfer with Files). */
async function dropFiles(page: Page, target: Locator, paths: string[]): Promise<void> {
  const list = paths.map((p) => ({ name: basename(p), b64: readFileSync(p).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((fs) => {
    const dt = new DataTransfer();
    for (const f of fs) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, list);
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

let files: TinyModelFiles;
test.beforeAll(async () => {
  files = await writeTinyModel('test-results/fixtures/tiny-model');
});

test('an imported model: broken file first, then codebooks, trade-offs, virtual MCU, export, re-open, reload; a worker crash is survived', async ({ page, context }) => {
  const outside = watchNetwork(context);
  await recordLongTasks(page);
  await page.goto('/');
  const picker = panel(page).getByLabel('Import model files');

  // A broken model (weights file cut in half): the error is shown inline and says what is wrong.
  await picker.setInputFiles(files.brokenFiles);
  const error = panel(page).getByTestId('import-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText(/weights?|bytes/i);
  console.log(`broken model: ${await error.innerText()}`);
  await shot(page, 'import-1-broken');

  // The app goes on: the good model imports, dropped on the drop zone (model.json + weights.bin + x.npy + y.npy).
  await dropFiles(page, panel(page).locator('.dropzone', { has: page.getByRole('button', { name: 'Import model' }) }), [files.modelJson, files.weights, files.x, files.y]);
  await expect(error).toHaveCount(0);
  const mine = panel(page).locator('details.imported-model', { hasText: 'blobs' });
  await expect(mine).toContainText('300 samples');
  await expect(mine.getByRole('table', { name: 'Layers of blobs' })).toContainText('hidden');
  // Only the imported model takes part (built-in tasks, if any, are left out to keep this flow short).
  for (const box of await panel(page).locator('[data-testid^="task-"] input[type=checkbox]').all()) await box.uncheck();
  await shot(page, 'import-2-models');

  // Codebook: a crash of the worker in the middle of a run shows an error; the next run works.
  await openStep(page, 'Codebook');
  await expect(panel(page).getByText('1 model: blobs')).toBeVisible();
  const learn = panel(page).getByRole('button', { name: 'Learn codebook' });
  // The estimate's own worker (same script) starts with the step; the next one is the codebook run's.
  await expect(panel(page).locator('[data-testid="estimate-card"][data-sqnr="current"]')).toBeVisible({ timeout: 60_000 });
  const started = page.waitForEvent('worker', (w) => w.url().includes('compress.worker'));
  // The new worker's WebAssembly arrives late, so the run is surely pending when the crash comes.
  const slowWasm = async (route: Route) => { await new Promise((r) => setTimeout(r, 3000)); await route.continue().catch(() => undefined); };
  await context.route(/\.wasm(\?|$)/, slowWasm);
  await learn.click();
  const worker = await started;
  // An uncaught error in the worker (as an out-of-memory abort would be); the run never yields a macrotask,
  // so the error is thrown from a microtask. The worker is then terminated, which may end this evaluate.
  await worker.evaluate(() => { queueMicrotask(() => { throw new Error('e2e: simulated worker crash'); }); }).catch(() => undefined);
  await expect(page.getByRole('alert').filter({ hasText: 'stopped unexpectedly' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'restarted' })).toBeVisible();
  await shot(page, 'import-3-crash');
  await context.unroute(/\.wasm(\?|$)/, slowWasm);
  await lightPlan(page);
  await expect(learn).toBeEnabled();
  const t0 = await pageNow(page);
  await learn.click();
  await waitDone(page, panel(page).getByTestId('codebook-summary'), 3 * 60_000, 'Learning the codebook');
  const t1 = await pageNow(page);
  await expect(panel(page).getByTestId('codebook-summary')).toContainText('blobs');
  const long = await longTasksBetween(page, t0, t1);
  console.log(`learning took ${Math.round(t1 - t0)} ms; long tasks meanwhile (ms): ${long.join(', ') || 'none'}`);
  expect(long.filter((ms) => ms > 200)).toEqual([]);
  await shot(page, 'import-4-codebook');

  // A reload in the middle of a run says it was interrupted and restarts it on request.
  await panel(page).getByLabel('Seed').fill('2');
  // The tiny model learns in well under a second: the compression workers are held busy for a few seconds
  // first, so the run is still going when the page reloads, as a long run would be.
  for (const w of page.workers().filter((x) => x.url().includes('compress.worker'))) {
    void w.evaluate(() => { const t = Date.now(); while (Date.now() - t < 8000) { /* busy, like a long k-means */ } }).catch(() => undefined);
  }
  await page.waitForTimeout(300);
  await learn.click();
  await expect.poll(async () => ((await readSaved(page, 'activeRun')) as { key?: string } | null)?.key, { timeout: 10_000 }).toBe('codebook');
  await page.reload();
  const interrupted = page.getByTestId('interrupted-run');
  await expect(interrupted).toContainText('Learning the codebook was interrupted');
  await interrupted.getByRole('button', { name: 'Restart' }).click();
  await expect(interrupted).toHaveCount(0);
  await waitDone(page, panel(page).getByTestId('codebook-summary'), 3 * 60_000, 'Learning the codebook');
  await expect(panel(page).getByRole('progressbar', { name: 'Codebook learning progress' })).not.toHaveAttribute('aria-valuenow', /\d+/);

  // Trade-offs: per-layer small multiple, per-model table, the two runs side by side, comparison table.
  await openStep(page, 'Trade-offs');
  await expect(panel(page).getByTestId('layer-bars-blobs')).toContainText(/PQ|int8/);
  await expect(panel(page).getByRole('table', { name: 'Run history' }).locator('tbody tr')).toHaveCount(2);
  await expect(panel(page).getByRole('table', { name: 'Plan settings that differ' })).toContainText('seed');
  await expect(panel(page).getByRole('table', { name: 'Two runs side by side' })).toContainText('blobs');
  await expect(panel(page).getByRole('table', { name: 'Per-model figures' })).toContainText('blobs');
  await panel(page).getByRole('button', { name: 'Compare methods' }).click();
  await waitDone(page, panel(page).getByTestId('compare-yono'), 4 * 60_000, 'The comparison');
  await expect(panel(page).getByRole('table', { name: 'Method comparison' })).toContainText('PQ shared');
  // A small (d, K) sweep on the worker pool; clicking a point loads it into the plan.
  await panel(page).getByLabel('Subvector sizes (d)').fill('4, 8');
  await panel(page).getByLabel('Codebook sizes (K)').fill('16, 64');
  await panel(page).getByRole('button', { name: 'Run sweep' }).click();
  await waitDone(page, panel(page).getByText('Done: 4 points.'), 4 * 60_000, 'The sweep');
  await expect.poll(async () => (await panel(page).getByTestId('chart-pareto').locator('.recharts-label-list text').allTextContents()).map((t) => t.replace(/\s+/g, '')).sort())
    .toEqual(['d4,K16', 'd4,K64', 'd8,K16', 'd8,K64']);
  await panel(page).getByTestId('chart-pareto').locator('.recharts-scatter-symbol').last().click();
  // The click says which groups it set, as the sweep ran the point; the comparison is then marked stale.
  await expect(panel(page).getByTestId('sweep-loaded')).toContainText(/Set d = \d+, K = \d+ in codebook groups? /);
  await expect(panel(page).getByTestId('stale').first()).toBeVisible();
  await shot(page, 'import-5-tradeoffs');

  // Virtual MCU: simulation of the imported model, predictions with the input drawn.
  await openStep(page, 'Virtual MCU');
  await panel(page).getByRole('button', { name: 'Run simulation' }).click();
  await waitDone(page, panel(page).getByTestId('strategy-yono'), 120_000, 'The simulation');
  // One model, one task: nothing switches, and the page says so instead of a switch figure.
  await expect(panel(page).getByTestId('verdicts')).toContainText('Nothing switches');
  await expect(panel(page).getByTestId('strategy-yono').getByTestId('switch-cost')).toHaveText('nothing switches');
  await expect(panel(page).getByRole('img', { name: /^Timelines on .*: SD card, Internal flash, YONO$/ })).toBeVisible();
  const preds = panel(page).getByTestId('predictions-blobs');
  await expect(preds).toContainText('true: class');
  await expect(preds.getByRole('img').first()).toBeVisible();
  await shot(page, 'import-6-mcu');

  // Export a bundle and re-open it.
  await openStep(page, 'Export');
  const download = page.waitForEvent('download');
  await panel(page).getByRole('button', { name: 'Export bundle' }).click();
  const d = await download;
  mkdirSync('test-results/downloads', { recursive: true });
  await d.saveAs('test-results/downloads/imported.yono');
  expect(readFileSync('test-results/downloads/imported.yono').subarray(0, 4).toString('latin1')).toMatch(/YONO/i);
  await panel(page).getByLabel('Import bundle files').setInputFiles('test-results/downloads/imported.yono');
  await expect(panel(page).getByTestId('opened-bundle').getByRole('table', { name: 'Bundle contents' })).toContainText('blobs');
  await shot(page, 'import-7-export');

  // Reload: the imported model and the results are restored.
  await waitSavedBundle(page, 'imported.yono');
  await page.reload();
  await expect(panel(page).getByTestId('opened-bundle')).toContainText('imported.yono');
  await openStep(page, 'Models');
  await expect(panel(page).locator('details.imported-model', { hasText: 'blobs' })).toBeVisible();
  await openStep(page, 'Trade-offs');
  await expect(panel(page).getByTestId('compare-yono')).toBeVisible();
  await openStep(page, 'Virtual MCU');
  await expect(panel(page).getByTestId('predictions-blobs')).toBeVisible();
  await shot(page, 'import-8-restored');

  expect(outside(), 'requests that left localhost').toEqual([]);
});
