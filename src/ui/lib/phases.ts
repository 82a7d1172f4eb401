/** The stages of the jobs as a person reads them (the pipeline's and the pool jobs' phase names). */
const PHASE_LABEL: Record<string, string> = {
  starting: 'Starting',
  extract: 'Reading the weights',
  kmeans: 'Learning codebooks (k-means)',
  assign: 'Assigning codewords',
  evaluate: 'Measuring accuracy',
  sensitivity: 'Measuring each layer\'s sensitivity',
  calibrate: 'Calibrating (float outputs, input statistics)',
  codebooks: 'Learning codebooks',
  table: 'Measuring each layer\'s formats',
  select: 'Allocating formats, correction and recovery',
  recovery: 'Recovery (fine-tuning)',
  done: 'Finishing',
  sweep: 'Sweep',
  comparison: 'Method comparison',
};

/** A phase name in words ("kmeans" → "Learning codebooks (k-means)"); unknown names as they are. */
export const phaseLabel = (phase: string): string => PHASE_LABEL[phase] ?? phase;
