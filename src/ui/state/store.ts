/**
 * The one store: the slices combined in one place, with persistence (IndexedDB, split per part) on the
 * combined store only. `createAppStore` takes its dependencies so tests build a store with fake
 * services and an in-memory key-value store.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import type { AllState } from './types';
import type { StoreDeps } from './deps';
import type { KeyValueStore } from './persist/kv';
import { createSplitStorage } from './persist/splitStorage';
import type { SplitStorage } from './persist/splitStorage';
import { PERSIST_VERSION, mergePersisted, migrateSaved, partialize } from './persist/persisted';
import type { PersistedState } from './persist/persisted';
import { createUiSlice } from './slices/ui';
import { createPlanSlice } from './slices/plan';
import { createModelsSlice } from './slices/models';
import { createCodebookSlice } from './slices/codebook';
import { createTradeoffsSlice } from './slices/tradeoffs';
import { createMcuSlice } from './slices/mcu';
import { createExportSlice } from './slices/exports';
import { createLearnSlice } from './slices/learn';
import { createEstimateSlice } from './slices/estimate';
import { createHistorySlice } from './slices/history';
import { describeError } from '../services/errors';

export type AppStore = StoreApi<AllState> & { storage: SplitStorage<PersistedState>; hydrated: Promise<void> };

export interface AppStoreOptions {
  deps: StoreDeps;
  kv: KeyValueStore;
  /** Applied before hydration (e.g. the decoded URL hash), so hydration knows what the link set. */
  initial?: Partial<AllState>;
  /** Batch window of IndexedDB writes, ms. */
  saveDelayMs?: number;
}

const NAME = 'yono';

/** Builds the store and starts restoring saved work; `hydrated` resolves when that is done. */
export function createAppStore(o: AppStoreOptions): AppStore {
  let api: StoreApi<AllState> | null = null;
  const report = (title: string, e: unknown) => {
    const v = describeError(e);
    api?.getState().reportError({ title, message: v.message, action: 'Your work stays in this tab, but may not survive a reload. Free some disk space or leave private browsing.', source: 'storage' });
    api?.getState().setSaveStatus('error');
  };
  const storage = createSplitStorage<PersistedState>(o.kv, {
    delayMs: o.saveDelayMs,
    onError: (e) => report('Your work could not be saved', e),
    onStatus: (s) => api?.getState().setSaveStatus(s),
  });
  let resolveHydrated: () => void = () => undefined;
  const hydrated = new Promise<void>((r) => { resolveHydrated = r; });
  const store = createStore<AllState>()(
    persist(
      (...a) => ({
        ...createUiSlice(...a),
        ...createPlanSlice(...a),
        ...createModelsSlice(o.deps)(...a),
        ...createCodebookSlice(o.deps)(...a),
        ...createTradeoffsSlice(o.deps)(...a),
        ...createMcuSlice(o.deps)(...a),
        ...createExportSlice(o.deps)(...a),
        ...createLearnSlice(...a),
        ...createEstimateSlice(o.deps)(...a),
        ...createHistorySlice(...a),
        ...o.initial,
      }),
      {
        name: NAME,
        version: PERSIST_VERSION,
        storage,
        partialize,
        // Work saved by an older version goes through the settings' migrate chain.
        migrate: (saved, version) => migrateSaved(saved, version),
        merge: (saved, current) => mergePersisted(saved, current),
        onRehydrateStorage: () => (_state, error) => {
          if (error) report('Your saved work could not be read', error);
          else api?.getState().setSaveStatus('saved');
          storage.enable();
          resolveHydrated();
        },
      },
    ),
  );
  api = store;
  return Object.assign(store, { storage, hydrated });
}
