/**
 * `public/models/manifest.json`: the built-in pretrained models, written by `npm run pretrain`.
 * Figures are of the model as deployed: batch norm folded into the preceding layer where possible
 * (see foldBatchNorm), parameters = stored weights + biases (+ scale/shift of unfolded batch norms).
 */
export interface ModelsManifest {
  format: 'yono-models';
  version: 1;
  models: ModelEntry[];
}

/** One built-in model. */
export interface ModelEntry {
  /** Model name, e.g. `digits-cnn`. */
  name: string;
  /** Task (dataset) name it was trained on: digits, fashion, keywords, activity. */
  task: string;
  /** 'image' | 'audio' | 'sensor'. */
  modality: string;
  params: number;
  /** Multiply-accumulates per inference (see countMacs). */
  macs: number;
  float32Bytes: number;
  /** Accuracy on the task's test split, in [0, 1]. */
  testAccuracy: number;
  /** Path of the tfjs model.json relative to `public/models/`, e.g. `digits/model.json`. */
  path: string;
  /** Short description of the architecture. */
  architecture?: string;
  /**
   * True for the generalization suite's models (issue 14): listed by `yono models` and reached with
   * `yono compress --models suite`, but not shown in the app's Models step.
   */
  suite?: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function fail(what: string): never {
  throw new Error(`Models manifest is invalid: ${what}. Regenerate it with \`npm run pretrain\`.`);
}

/** Validates parsed manifest JSON and returns it typed; throws an Error naming the bad field. */
export function parseModelsManifest(json: unknown): ModelsManifest {
  if (!isObj(json)) fail('it is not a JSON object');
  if (json.format !== 'yono-models') fail(`format must be "yono-models", got ${JSON.stringify(json.format)}`);
  if (json.version !== 1) fail(`version ${JSON.stringify(json.version)} is not supported (this reader knows version 1)`);
  if (!Array.isArray(json.models)) fail('models must be an array');
  const models = json.models.map((m: unknown, i: number): ModelEntry => {
    if (!isObj(m)) fail(`models[${i}] is not an object`);
    for (const k of ['name', 'task', 'modality', 'path'] as const) {
      if (typeof m[k] !== 'string' || m[k] === '') fail(`models[${i}].${k} must be a non-empty string`);
    }
    for (const k of ['params', 'macs', 'float32Bytes', 'testAccuracy'] as const) {
      if (!isNum(m[k])) fail(`models[${i}].${k} must be a non-negative number`);
    }
    const path = m.path as string;
    if (path.includes('..') || path.startsWith('/')) fail(`models[${i}].path must be relative to public/models/`);
    if ((m.testAccuracy as number) > 1) fail(`models[${i}].testAccuracy must be in [0, 1]`);
    if (m.suite !== undefined && typeof m.suite !== 'boolean') fail(`models[${i}].suite must be true or false`);
    return {
      name: m.name as string, task: m.task as string, modality: m.modality as string, params: m.params as number,
      macs: m.macs as number, float32Bytes: m.float32Bytes as number, testAccuracy: m.testAccuracy as number, path,
      ...(typeof m.architecture === 'string' ? { architecture: m.architecture } : {}),
      ...(m.suite === true ? { suite: true } : {}),
    };
  });
  return { format: 'yono-models', version: 1, models };
}
