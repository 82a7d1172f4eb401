/**
 * Reads the built-in catalogue from the static files: `models/manifest.json` (written by `npm run
 * pretrain`) and `data/<task>/manifest.json` (written by `npm run data`). Missing files are not an
 * error: the catalogue is then `missing`, or a task card says its model is not trained yet. Nothing
 * here pulls tfjs; the previews' decoder is loaded on demand.
 */
import { parseModelsManifest } from '../../core/models/manifest';
import type { ModelEntry } from '../../core/models/manifest';
import { parseManifest } from '../../core/data/manifest';
import type { DatasetManifest } from '../../core/data/manifest';
import { TASK_NAMES } from '../../core/data/types';
import { sizeOf } from '../../core/models/shapes';
import type { BuiltinCatalog, BuiltinTask, SamplePreview } from './types';

export type Fetch = (url: string) => Promise<Response>;

/** Fetches JSON; null when the file is absent (404, or the dev server's HTML fallback). */
async function getJson(fetchFn: Fetch, url: string): Promise<unknown | null> {
  const r = await fetchFn(url);
  if (!r.ok) return null;
  if ((r.headers.get('content-type') ?? '').includes('text/html')) return null;
  try {
    return JSON.parse(await r.text()) as unknown;
  } catch {
    throw new Error(`${url} is not valid JSON. Regenerate it (npm run data / npm run pretrain).`);
  }
}

/** The task card of one task from its dataset manifest and/or its model entry. */
export function taskCard(name: string, data: DatasetManifest | null, model: ModelEntry | null, base: string): BuiltinTask {
  const samples = data ? data.splits.train.n + data.splits.val.n + data.splits.test.n : null;
  const description = data ? data.description : null;
  return {
    name,
    modality: data?.modality ?? model?.modality ?? 'unknown',
    synthetic: data?.synthetic ?? null,
    description,
    classes: data ? [...data.classNames] : null,
    samples,
    params: model?.params ?? null,
    macs: model?.macs ?? null,
    float32Bytes: model?.float32Bytes ?? null,
    accuracy: model?.testAccuracy ?? null,
    modelUrl: model ? `${base}models/${model.path}` : null,
    sample: null,
  };
}

/** Loads the catalogue; `base` is the app's base URL (ends with '/'). */
export async function loadBuiltinCatalog(fetchFn: Fetch, base: string): Promise<BuiltinCatalog> {
  const modelsJson = await getJson(fetchFn, `${base}models/manifest.json`);
  const models = modelsJson === null ? [] : parseModelsManifest(modelsJson).models;
  const tasks: BuiltinTask[] = [];
  for (const name of TASK_NAMES) {
    const json = await getJson(fetchFn, `${base}data/${name}/manifest.json`);
    const data = json === null ? null : parseManifest(json);
    const model = models.find((m) => m.task === name) ?? null;
    if (data || model) tasks.push(taskCard(name, data, model, base));
  }
  if (tasks.length === 0) {
    return { status: 'missing', message: 'No built-in tasks yet: run `npm run data` and `npm run pretrain` to generate the datasets and models.' };
  }
  return { status: 'ready', tasks };
}

/** The first test sample of a task, shaped for its modality's preview; null when its data is absent. */
export async function loadSamplePreview(fetchFn: Fetch, base: string, task: string): Promise<SamplePreview | null> {
  const json = await getJson(fetchFn, `${base}data/${task}/manifest.json`);
  if (json === null) return null;
  const m = parseManifest(json);
  // The build's few-KB preview file (scripts/vite-previews.ts); the whole test split only where it is absent.
  const small = await getJson(fetchFn, `${base}data/${task}/preview.json`);
  if (isPreviewFile(small) && small.x.length === sizeOf(m.inputShape) && small.y < m.classNames.length) {
    const p = previewOf(m.modality, m.inputShape, Float32Array.from(small.x), m.extra);
    return p && { ...p, label: m.classNames[small.y] };
  }
  const r = await fetchFn(`${base}data/${task}/${m.splits.test.file}`);
  if (!r.ok || (r.headers.get('content-type') ?? '').includes('text/html')) return null;
  const { decodeSplit } = await import('../../core/data/decode');
  const split = decodeSplit(m, 'test', await r.arrayBuffer());
  const size = sizeOf(m.inputShape);
  const p = previewOf(m.modality, m.inputShape, split.x.slice(0, size), m.extra);
  return p && { ...p, label: m.classNames[split.y[0]] };
}

const isPreviewFile = (v: unknown): v is { x: number[]; y: number } =>
  typeof v === 'object' && v !== null && Array.isArray((v as { x?: unknown }).x) && Number.isInteger((v as { y?: unknown }).y)
  && (v as { x: unknown[] }).x.every((n) => typeof n === 'number');

/** Shapes one sample for the preview of its modality. */
export function previewOf(modality: string, shape: number[], x: Float32Array, extra?: Record<string, unknown>): SamplePreview | null {
  if (modality === 'image' && shape.length >= 2) return { kind: 'image', height: shape[0], width: shape[1], pixels: x };
  if (modality === 'audio' && shape.length >= 2) return { kind: 'spectrogram', frames: shape[0], bands: shape[1], values: x };
  if (modality === 'sensor' && shape.length === 2 && shape[1] === 3) {
    const rate = typeof extra?.sampleRateHz === 'number' ? extra.sampleRateHz : undefined;
    return { kind: 'trace', length: shape[0], values: x, ...(rate ? { rateHz: rate } : {}) };
  }
  return null;
}
