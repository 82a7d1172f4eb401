/**
 * The app's one store instance, set up from the URL hash (so a shared link comes up as it was) and
 * IndexedDB (the user's work), plus the React hook to read it.
 */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { AllState } from './types';
import { createAppStore } from './store';
import { makeDeps } from './deps';
import { decodeHash } from './hash';
import { idbStore, memoryStore } from './persist/kv';
import { createServices } from '../services';
import { newErrorId } from './slices/ui';
import { planFromSettings } from '../core';

function kvOrMemory() {
  try {
    if (typeof indexedDB === 'undefined') return memoryStore();
    return idbStore();
  } catch {
    return memoryStore();
  }
}

const decoded = decodeHash(globalThis.location?.hash ?? '');
const { settings } = decoded;

export const appStore = createAppStore({
  deps: makeDeps(createServices()),
  kv: kvOrMemory(),
  initial: {
    tab: settings.tab,
    plan: planFromSettings(settings.plan),
    learn: settings.learn,
    device: settings.device,
    linkPlan: decoded.hasPlan ? settings.plan : null,
    errors: decoded.problems.length === 0 ? [] : [{
      id: newErrorId(),
      title: 'Some settings in the link were not valid',
      message: decoded.problems.join(' '),
      action: 'The app opened with defaults for those settings; everything else is as the link says.',
      source: 'link',
    }],
  },
});

/** Reads a slice of the store; re-renders only when it changes (shallow compare for objects). */
export function useApp<T>(selector: (s: AllState) => T): T {
  return useStore(appStore, useShallow(selector));
}
