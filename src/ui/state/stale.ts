/**
 * Which results describe another plan than the one on screen: the learned codebooks (and everything
 * made from them: views, charts, simulation), the sweep and the comparison. Computed from the plans
 * saved with each result, so the marks are right after a reload too. Pure.
 */
import type { AllState } from './types';
import type { Plan } from '../../core/compress/types';
import { includedModels } from './slices/models';
import { samePlan } from '../core';

type S = Pick<AllState, 'plan' | 'codebookResult' | 'codebookPlan' | 'builtins' | 'imported' | 'excluded'>;

const differs = (plan: Plan, ran: Plan | null | undefined): boolean => !!ran && !samePlan(plan, ran);

/** Why the learned codebooks are stale ('' when they are current or absent). */
export function resultStaleReason(s: S): string {
  const r = s.codebookResult;
  if (!r) return '';
  if (differs(s.plan, s.codebookPlan)) return 'computed for another plan';
  // The catalogue is not read yet right after a reload: only known model lists are compared.
  if (s.builtins.status === 'ready' && r.models.map((m) => m.name).join() !== includedModels(s).join()) return 'computed for other models';
  return '';
}

/** True when the sweep points were computed for another plan than the current one (d and K aside: the sweep sets them). */
export function sweepStale(s: Pick<AllState, 'plan' | 'sweepPlan' | 'sweepPoints'>): boolean {
  if (!s.sweepPlan || s.sweepPoints.length === 0) return false;
  const strip = (p: Plan): Plan => ({ ...p, groups: {} as Plan['groups'], preset: p.preset.replace(/\*$/, '') });
  return !samePlan(strip(s.plan), strip(s.sweepPlan));
}

/** True when the comparison rows were built from another plan than the current one. */
export function comparisonStale(s: Pick<AllState, 'plan' | 'comparison'>): boolean {
  return differs(s.plan, s.comparison?.plan);
}
