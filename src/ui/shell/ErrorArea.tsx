/**
 * The error area: one card per problem (worker crash, bad link, storage trouble) with what happened,
 * what to do, and a dismiss button. Fixed in a corner so it never pushes the page; announced politely.
 */
import { useApp } from '../state/appStore';

export function ErrorArea() {
  const errors = useApp((s) => s.errors);
  const dismiss = useApp((s) => s.dismissError);
  return (
    <section className="toasts" aria-live="polite" aria-label="Problems">
      {errors.map((e) => (
        <div key={e.id} className={`toast source-${e.source}`} role="alert">
          <div className="title">
            <span>{e.title}</span>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => dismiss(e.id)} aria-label={`Dismiss: ${e.title}`}>
              Dismiss
            </button>
          </div>
          <p>{e.message}</p>
          <p className="what"><strong>What to do:</strong> {e.action}</p>
        </div>
      ))}
    </section>
  );
}
