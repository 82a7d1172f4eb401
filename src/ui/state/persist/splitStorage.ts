/**
 * A zustand PersistStorage that keeps each top-level part of the persisted state under its own key
 * (`<name>:<part>`) and rewrites only the parts whose object reference changed. So a progress update
 * writes nothing, and changing the plan does not re-clone megabytes of imported weights. Writes are
 * batched (at most one flush per `delayMs`), never block a state update, and failures are reported,
 * not thrown. Writing waits until hydration has finished (`enable()`), so defaults never overwrite
 * saved work that is still being read.
 */
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import type { KeyValueStore } from './kv';

export interface SplitStorageOptions {
  /** Batch window in ms. */
  delayMs?: number;
  /** Called with each write failure (quota, unavailable IndexedDB). */
  onError?: (e: unknown) => void;
  /** 'saving' when a flush starts, 'saved' when it ends without error. */
  onStatus?: (s: 'saving' | 'saved') => void;
  /** Schedules a flush (default setTimeout). */
  schedule?: (fn: () => void, ms: number) => void;
}

export interface SplitStorage<S> extends PersistStorage<S, void> {
  /** Starts writing (call once hydration finished, successfully or not). */
  enable(): void;
  /** Writes every pending part now; resolves when done. */
  flush(): Promise<void>;
}

const META = 'meta';

/** Creates the storage; `S` is the partialized state, an object of parts. */
export function createSplitStorage<S extends object>(kv: KeyValueStore, opts: SplitStorageOptions = {}): SplitStorage<S> {
  const delayMs = opts.delayMs ?? 250;
  const schedule = opts.schedule ?? ((fn, ms) => { setTimeout(fn, ms); });
  const written = new Map<string, unknown>();
  let enabled = false;
  let latest: { name: string; value: StorageValue<S> } | null = null;
  let scheduled = false;
  let flushing: Promise<void> = Promise.resolve();

  const doFlush = async (): Promise<void> => {
    scheduled = false;
    if (!latest) return;
    const { name, value } = latest;
    const dirty = Object.entries(value.state as Record<string, unknown>).filter(([k, v]) => written.get(k) !== v);
    if (dirty.length === 0) return;
    opts.onStatus?.('saving');
    let ok = true;
    for (const [k, v] of dirty) written.set(k, v);
    const metaValue = { version: value.version ?? 0, parts: Object.keys(value.state) };
    await Promise.all([
      ...dirty.map(([k, v]) => kv.set(`${name}:${k}`, v).catch((e) => {
        ok = false;
        written.delete(k); // retry on the next change
        opts.onError?.(e);
      })),
      kv.set(`${name}:${META}`, metaValue).catch((e) => { ok = false; opts.onError?.(e); }),
    ]);
    if (ok) opts.onStatus?.('saved');
  };
  const request = () => {
    if (!enabled || scheduled) return;
    scheduled = true;
    schedule(() => { flushing = flushing.then(doFlush); }, delayMs);
  };

  return {
    async getItem(name) {
      const meta = (await kv.get(`${name}:${META}`)) as { version?: unknown; parts?: unknown } | undefined;
      if (!meta || !Array.isArray(meta.parts)) return null;
      const parts = meta.parts.filter((p): p is string => typeof p === 'string');
      const values = await Promise.all(parts.map((p) => kv.get(`${name}:${p}`)));
      const state: Record<string, unknown> = {};
      parts.forEach((p, i) => {
        if (values[i] === undefined) return;
        state[p] = values[i];
        written.set(p, values[i]);
      });
      return { state: state as S, version: typeof meta.version === 'number' ? meta.version : 0 };
    },
    setItem(name, value) {
      latest = { name, value };
      request();
    },
    async removeItem(name) {
      const meta = (await kv.get(`${name}:${META}`)) as { parts?: unknown } | undefined;
      const parts = Array.isArray(meta?.parts) ? meta.parts : [];
      await Promise.all([...parts.map((p) => kv.del(`${name}:${String(p)}`)), kv.del(`${name}:${META}`)]);
      written.clear();
    },
    enable() {
      enabled = true;
      request();
    },
    async flush() {
      if (!enabled) return;
      scheduled = false;
      flushing = flushing.then(doFlush);
      await flushing;
    },
  };
}
