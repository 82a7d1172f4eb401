/**
 * A tiny async key-value interface for the saved work, with an IndexedDB implementation (idb-keyval:
 * values are stored by structured clone, so typed arrays stay typed arrays and are never JSON'd) and an
 * in-memory one that clones the same way (tests, or a browser where IndexedDB is unavailable).
 */
import { createStore, del, get, set } from 'idb-keyval';

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

/** The workbench's IndexedDB database `yono-workbench`, object store `work`. */
export function idbStore(): KeyValueStore {
  const store = createStore('yono-workbench', 'work');
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
  };
}

/** An in-memory store that structured-clones on the way in and out, like IndexedDB. */
export function memoryStore(map = new Map<string, unknown>()): KeyValueStore & { map: Map<string, unknown> } {
  return {
    map,
    get: async (key) => (map.has(key) ? structuredClone(map.get(key)) : undefined),
    set: async (key, value) => { map.set(key, structuredClone(value)); },
    del: async (key) => { map.delete(key); },
  };
}
