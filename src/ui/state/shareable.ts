/**
 * Between the store and the URL: which part of the state is shareable, and how a decoded hash is
 * applied to a running app (the user edited the URL or followed a link in the same tab).
 */
import type { AllState } from './types';
import type { ShareableSettings } from './settings';
import type { Plan } from '../../core/compress/types';
import type { SettingValues } from '../../core/settings/schema';
import { basePreset, applySettings, planFromSettings, settingsOf, withEditMark, samePlan } from '../core';

/** The shareable settings of the current state. */
export function shareableOf(s: AllState): ShareableSettings {
  return { tab: s.tab, plan: settingsOf(s.plan), learn: s.learn, device: s.device };
}

/**
 * `plan` with a link's plan settings on top: when the link names another preset, that preset's plan with
 * the link's settings (the per-layer overrides of `plan` kept); else `plan` with the given settings set.
 */
export function planWithLink(plan: Plan, link: Partial<SettingValues>): Plan {
  if (link.preset !== undefined && link.preset !== basePreset(plan.preset)) return { ...planFromSettings(link), overrides: plan.overrides };
  return withEditMark(applySettings(plan, link));
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
  if (hasPlan) {
    const plan = planWithLink(s.plan, next.plan);
    if (!samePlan(plan, s.plan) || plan.preset !== s.plan.preset) out.plan = plan;
  }
  return out;
}
