/**
 * Keeps the URL hash and the store in step: every change of a shareable setting rewrites the hash
 * (replaceState: no history entry per keystroke), and a hash the user edits or a link followed in
 * the same tab is decoded and applied. Bad values fall back to defaults with a note.
 */
import { useEffect } from 'react';
import { appStore } from '../state/appStore';
import { decodeHash, encodeHash } from '../state/hash';
import { applyShareable, shareableOf } from '../state/shareable';

export function useHashSync(): void {
  useEffect(() => {
    let last = '';
    const write = () => {
      const hash = encodeHash(shareableOf(appStore.getState()));
      if (hash === last) return;
      last = hash;
      if (location.hash !== hash) history.replaceState(history.state, '', hash);
    };
    write();
    const unsub = appStore.subscribe(write);
    const onHash = () => {
      if (location.hash === last) return;
      const dec = decodeHash(location.hash);
      const s = appStore.getState();
      appStore.setState(applyShareable(s, dec.settings, dec.hasPlan));
      if (dec.problems.length) {
        s.reportError({
          title: 'Some settings in the link were not valid',
          message: dec.problems.join(' '),
          action: 'Defaults are used for those settings.',
          source: 'link',
        });
      }
      write();
    };
    window.addEventListener('hashchange', onHash);
    return () => { unsub(); window.removeEventListener('hashchange', onHash); };
  }, []);
}
