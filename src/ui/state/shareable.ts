/**
 * Between the store and the URL: which part of the state is shareable, and how a decoded hash is
 * applied to a running app (the user edited the URL or followed a link in the same tab).
 */
import type { AllState } from './types';
import type { ShareableSettings } from './settings';
import { applyPlanSettings, planFromSettings, planSettingsOf } from './settings';

/** The shareable settings of the current state. */
export function shareableOf(s: AllState): ShareableSettings {
  return { tab: s.tab, plan: planSettingsOf(s.plan), learn: s.learn, device: s.device };
}

/** The state change that applies `next` (only the parts that differ, so unchanged objects keep their identity). */
export function applyShareable(s: AllState, next: ShareableSettings, hasPlan: boolean): Partial<AllState> {
  const out: Partial<AllState> = {};
  if (next.tab !== s.tab) out.tab = next.tab;
  if (next.device !== s.device) out.device = next.device;
  const l = s.learn;
  if (l.rows !== next.learn.rows || l.cols !== next.learn.cols || l.d !== next.learn.d || l.k !== next.learn.k || l.seed !== next.learn.seed) {
    out.learn = { ...next.learn };
  }
  if (hasPlan && JSON.stringify(planSettingsOf(s.plan)) !== JSON.stringify(next.plan)) {
    out.plan = next.plan.preset === s.plan.preset
      ? applyPlanSettings(s.plan, next.plan)
      : { ...planFromSettings(next.plan), overrides: s.plan.overrides };
  }
  return out;
}
