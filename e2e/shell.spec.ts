import { test, expect } from '@playwright/test';

test('the built app loads cross-origin isolated', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'YONO Workbench' })).toBeVisible();
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
});
