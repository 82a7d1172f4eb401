/**
 * Data of the models a worker works on, without tfjs: built-in task splits fetched from the app's origin
 * (decoded and checked, cached per worker) and imported models' data split 60/20/20 by seed.
 */
import type { Split } from '../../core/data/types';
import { parseManifest } from '../../core/data/manifest';
import type { DatasetManifest } from '../../core/data/manifest';
import { decodeSplit } from '../../core/data/decode';
import type { SplitName } from '../../core/data/types';
import type { ImportedModel, ModelRef } from '../types';
import { fetchBytes, fetchJson } from './fetch';
import { splitRows } from '../../core/compress/input/split';

export type BuiltinRef = Extract<ModelRef, { kind: 'builtin' }>;

const cache = new Map<string, Promise<unknown>>();

/** `make()` once per key and worker; a failed load is retried next time. */
export function cached<T>(key: string, make: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = make();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

/** The manifest of a built-in task's data. */
export function builtinManifest(ref: BuiltinRef): Promise<DatasetManifest> {
  return cached(`manifest:${ref.dataUrl}`, async () => parseManifest(await fetchJson(`${ref.dataUrl}manifest.json`)));
}

/** One split of a built-in task, decoded and checked. */
export function builtinSplit(ref: BuiltinRef, split: SplitName): Promise<Split> {
  return cached(`split:${ref.dataUrl}${split}`, async () => {
    const m = await builtinManifest(ref);
    return decodeSplit(m, split, await fetchBytes(`${ref.dataUrl}${m.splits[split].file}`));
  });
}

/** The splits of an imported model's data; an Error saying how to add data when there is none. */
export function importedSplits(m: ImportedModel, seed: number): { train: Split; val: Split; test: Split } {
  if (!m.data) {
    throw new Error(`model '${m.name}' has no evaluation data, so its accuracy cannot be measured: import it again together with x.npy and y.npy, or exclude it`);
  }
  const rowLen = m.ir.inputShape.reduce((a, b) => a * b, 1);
  return splitRows(m.data.x, m.data.y, m.data.y.length, rowLen, seed);
}

/** The name a ref goes by. */
export const refName = (r: ModelRef): string => (r.kind === 'builtin' ? r.name : r.model.name);

/** Input modality guessed for an imported model from its input shape (only 2-D single-channel is drawn). */
export function guessModality(inputShape: number[]): string {
  if (inputShape.length === 2 && inputShape[1] === 3) return 'sensor';
  if ((inputShape.length === 3 && inputShape[2] === 1) || inputShape.length === 2) return 'image';
  return 'unknown';
}

/** Test samples of every ref, with what the page needs to draw them (modality, class names). */
export async function testSamples(refs: ModelRef[], seed: number): Promise<{ model: string; modality: string; classNames: string[] | null; x: Float32Array; y: Uint8Array; n: number }[]> {
  return Promise.all(refs.map(async (r) => {
    if (r.kind === 'imported') {
      const t = importedSplits(r.model, seed).test;
      return { model: r.model.name, modality: guessModality(r.model.ir.inputShape), classNames: null, ...t };
    }
    const [m, t] = await Promise.all([builtinManifest(r), builtinSplit(r, 'test')]);
    return { model: r.name, modality: m.modality, classNames: [...m.classNames], ...t };
  }));
}
