/** Reads the built-in catalogue once at start, whatever step the page opens on (it is small JSON). */
import { useEffect } from 'react';
import { appStore } from '../state/appStore';

export function useBuiltins(): void {
  useEffect(() => {
    if (appStore.getState().builtins.status === 'idle') void appStore.getState().loadBuiltins();
  }, []);
}
