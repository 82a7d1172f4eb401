/** Writes pending saved work when the page is hidden or closed, so a quick reload loses nothing. */
import { useEffect } from 'react';
import { appStore } from '../state/appStore';

export function usePersistFlush(): void {
  useEffect(() => {
    const flush = () => { void appStore.storage.flush(); };
    const onVisibility = () => { if (document.visibilityState === 'hidden') flush(); };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
