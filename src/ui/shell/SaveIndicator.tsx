/** Shows whether the user's work is saved in this browser (IndexedDB). */
import { useApp } from '../state/appStore';

const TEXT = {
  loading: ['Restoring saved work…', 'badge'],
  saving: ['Saving…', 'badge'],
  saved: ['Saved in this browser', 'badge badge-ok'],
  error: ['Not saved', 'badge badge-danger'],
} as const;

export function SaveIndicator() {
  const status = useApp((s) => s.saveStatus);
  const [text, cls] = TEXT[status];
  return <span className={cls} style={{ minWidth: 150, justifyContent: 'center' }} data-testid="save-status" data-status={status} role="status">{text}</span>;
}
