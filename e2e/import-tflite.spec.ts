/**
 * A .tflite model in the Models step: a full-integer int8 file of the tiny blob classifier with its
 * x.npy / y.npy, picked as a user would; it imports in the worker and shows its layers, including the
 * input and output quantisation the model declares.
 */
import { test, expect } from '@playwright/test';
import { writeTinyModel } from './fixtures/tinyModel';
import { panel, shot } from './fixtures/flow';

test('an int8 .tflite file imports with its data and shows its layers', async ({ page }) => {
  const files = await writeTinyModel('test-results/fixtures/tiny-model-tflite');
  await page.goto('/');
  await panel(page).getByLabel('Import model files').setInputFiles([files.tflite, files.x, files.y]);
  const mine = panel(page).locator('details.imported-model', { hasText: 'blobs' });
  await expect(mine).toContainText('300 samples');
  const table = mine.getByRole('table');
  await expect(table).toContainText('fakeQuant');
  await expect(table).toContainText('conv2d');
  await expect(panel(page).getByTestId('import-error')).toHaveCount(0);
  await shot(page, 'import-tflite');
});
