import type { TaskName } from './types';
import { isTaskName } from './types';

/**
 * The generalization suite: small models of other kinds than the four built-ins, on other data, that
 * the compression recipe is never tuned on — only reported on (issue 14). They are reached from the CLI
 * (`yono compress --models suite`) and the bench; the app's Models step shows only the built-ins.
 */
export type SuiteName = 'spam' | 'ecg' | 'shapes' | 'clothes8';

/** The suite's task names, in the order the CLI lists them. */
export const SUITE_NAMES: readonly SuiteName[] = ['spam', 'ecg', 'shapes', 'clothes8'];

/** A task whose data lives in `public/data/<name>/`: a built-in task or a suite task. */
export type DatasetName = TaskName | SuiteName;

/** True when `s` names a suite task. */
export function isSuiteName(s: string): s is SuiteName {
  return (SUITE_NAMES as readonly string[]).includes(s);
}

/** True when `s` names a built-in or a suite task. */
export function isDatasetName(s: string): s is DatasetName {
  return isTaskName(s) || isSuiteName(s);
}
