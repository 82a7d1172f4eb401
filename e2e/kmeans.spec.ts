import { test, expect } from '@playwright/test';
import type { Page } from '@playwright/test';

// Counts main-thread long tasks from now on (registered before a run starts).
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
}

const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);

// Waits for the run to end and checks it ended in 'done' (else fails with the page's error message).
async function expectDone(page: Page, timeout: number): Promise<void> {
  const status = page.getByTestId('kmeans-status');
  await expect(status).not.toHaveText('running', { timeout });
  const alert = page.getByTestId('kmeans-demo').getByRole('alert');
  const why = (await alert.count()) ? await alert.textContent() : '';
  expect(await status.textContent(), `the run ended with: ${why}`).toBe('done');
}

async function setField(page: Page, name: string, value: number): Promise<void> {
  const input = page.getByTestId('kmeans-demo').locator(`input[name="${name}"]`);
  await input.fill(String(value));
  await expect(input).toHaveValue(String(value));
}

test('k-means runs in a worker from the page: progress, result, a responsive page; cancel stops a run and a later run works', async ({ page }) => {
  await page.goto('/');
  const panel = page.getByTestId('kmeans-demo');
  const status = page.getByTestId('kmeans-status');
  const run = panel.getByRole('button', { name: 'Run k-means' });
  // The footer moves while the Models step's cards and previews load: a click on the summary can land
  // mid-shift, so open the panel until its button shows.
  await expect(async () => {
    if (!(await run.isVisible())) await panel.locator('summary').click();
    await expect(run).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const cancel = panel.getByRole('button', { name: 'Cancel' });
  await expect(status).toHaveText('idle');

  // 1. A full run: 131,072 subvectors x 8, K = 256, 30 iterations.
  await watchLongTasks(page);
  await run.click();
  await expect(status).toHaveText('running');
  await expectDone(page, 120_000);
  await expect(page.getByTestId('kmeans-iterations')).toHaveText('30');
  expect(Number(await page.getByTestId('kmeans-inertia').textContent())).toBeGreaterThan(0);
  expect(Number(await page.getByTestId('kmeans-progress-events').textContent())).toBeGreaterThan(0);
  await expect(page.getByTestId('kmeans-progress')).toHaveJSProperty('value', 1);
  await expect(page.getByTestId('kmeans-transferred')).toHaveText('yes');
  await expect(page.getByTestId('kmeans-ms')).toContainText('wasm');
  console.log(`k-means in the worker: ${await page.getByTestId('kmeans-ms').textContent()}`);
  const tasks = await longTasks(page);
  console.log(`main-thread long tasks during the run (ms): ${tasks.join(', ') || 'none'}`);
  expect(tasks.filter((ms) => ms > 200), `main-thread long tasks (ms): ${tasks.join(', ')}`).toEqual([]);

  // 2. A long run, cancelled once progress shows: it stops and says so.
  await setField(page, 'iterations', 5000);
  await run.click();
  await expect.poll(async () => Number(await page.getByTestId('kmeans-progress').evaluate((p) => (p as HTMLProgressElement).value)), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await cancel.click();
  await expect(status).toHaveText('cancelled');
  await expect(page.getByTestId('kmeans-result')).toHaveCount(0);

  // 3. A later run works (the worker was restarted).
  await setField(page, 'iterations', 3);
  await setField(page, 'n', 32768);
  await run.click();
  await expectDone(page, 60_000);
  await expect(page.getByTestId('kmeans-iterations')).toHaveText('3');
});
