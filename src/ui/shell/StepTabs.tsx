/**
 * The six steps as an ARIA tablist: roving tabindex, Left/Right/Home/End move and activate, each tab
 * controls the one step panel.
 */
import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { STEPS } from '../state/settings';
import type { StepId } from '../state/settings';
import { useApp } from '../state/appStore';

export const PANEL_ID = 'step-panel';

/** Id of a step's tab element. */
export const tabId = (id: StepId) => `tab-${id}`;

export function StepTabs() {
  const tab = useApp((s) => s.tab);
  const setTab = useApp((s) => s.setTab);
  const refs = useRef(new Map<StepId, HTMLButtonElement>());

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = STEPS.findIndex((s) => s.id === tab);
    const to = e.key === 'ArrowRight' ? (i + 1) % STEPS.length
      : e.key === 'ArrowLeft' ? (i - 1 + STEPS.length) % STEPS.length
        : e.key === 'Home' ? 0 : e.key === 'End' ? STEPS.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    const id = STEPS[to].id;
    setTab(id);
    refs.current.get(id)?.focus();
  };

  return (
    <div className="steps" role="tablist" aria-label="Workbench steps" onKeyDown={onKey}>
      {STEPS.map((s, i) => (
        <button
          key={s.id}
          ref={(el) => { if (el) refs.current.set(s.id, el); else refs.current.delete(s.id); }}
          id={tabId(s.id)}
          role="tab"
          type="button"
          className={`step-tab ${s.id}`}
          aria-selected={tab === s.id}
          aria-controls={PANEL_ID}
          tabIndex={tab === s.id ? 0 : -1}
          onClick={() => setTab(s.id)}
        >
          {s.id !== 'learn' && <span className="n" aria-hidden="true">{i + 1}</span>}
          {s.label}
        </button>
      ))}
    </div>
  );
}
