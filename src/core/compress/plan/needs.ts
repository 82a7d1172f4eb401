/**
 * What a plan needs and stores, read from the plan alone (no model, no TensorFlow.js): the page's estimate
 * and the comparison's planning use these without loading the pipeline.
 */
import type { Plan } from '../types';

/** True when a plan needs the models' training splits (calibration, recovery). */
export const planNeedsTrain = (p: Plan): boolean => p.recovery.enabled || p.codebookFit === 'data-aware' || p.correction || p.formats.length > 0 || p.activations === 'int8';

/**
 * Int8 codebooks for a plan: with int8 activations (what the int8 runtime stores) and for data-aware plans;
 * float16 for the paper's plain recipe with float activations.
 */
export const int8Codebooks = (plan: Plan): boolean => plan.codebookFit === 'data-aware' || plan.activations === 'int8';
