/**
 * What the workers need to find each model: a built-in task's model and data URLs (absolute, on this
 * app's origin: a worker resolves relative URLs against its own script) or an imported model itself.
 */
import type { AllState } from './types';
import type { ModelRef } from '../services/types';

// Read through loose types: the store also runs in Node tests (no page, no Vite env).
const origin = (): string => (globalThis as { location?: { href?: string } }).location?.href ?? 'http://localhost/';
const baseUrl = (): string => {
  const base = (import.meta as { env?: { BASE_URL?: unknown } }).env?.BASE_URL;
  return typeof base === 'string' ? base : '/';
};

/** Refs of the named models (built-in tasks with a trained model, imported models), in the given order. */
export function modelRefs(s: Pick<AllState, 'builtins' | 'imported'>, names: string[]): ModelRef[] {
  return names.flatMap((name): ModelRef[] => {
    const t = s.builtins.tasks.find((x) => x.name === name);
    if (t?.modelUrl) {
      return [{
        kind: 'builtin', name,
        modelUrl: new URL(t.modelUrl, origin()).href,
        dataUrl: new URL(`${baseUrl()}data/${encodeURIComponent(name)}/`, origin()).href,
      }];
    }
    const m = s.imported.find((x) => x.name === name);
    return m ? [{ kind: 'imported', model: m }] : [];
  });
}

/** Refs of every model the app knows (for test samples of a result's models). */
export function allModelRefs(s: Pick<AllState, 'builtins' | 'imported'>): ModelRef[] {
  return modelRefs(s, [...s.builtins.tasks.map((t) => t.name), ...s.imported.map((m) => m.name)]);
}
