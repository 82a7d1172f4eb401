/** The built-in tasks, one per modality mix of the YONO paper (image x2, audio, sensor). */
export type TaskName = 'digits' | 'fashion' | 'keywords' | 'activity';

/** All built-in task names, in the order the UI and CLI list them. */
export const TASK_NAMES: readonly TaskName[] = ['digits', 'fashion', 'keywords', 'activity'];

/** True when `s` names a built-in task. */
export function isTaskName(s: string): s is TaskName {
  return (TASK_NAMES as readonly string[]).includes(s);
}

/** What a task's samples are; 'text' is a feature vector of a text (the suite's bag-of-words spam task). */
export type Modality = 'image' | 'audio' | 'sensor' | 'text';

export type SplitName = 'train' | 'val' | 'test';

/** The three fixed splits, in file order. */
export const SPLIT_NAMES: readonly SplitName[] = ['train', 'val', 'test'];

/** One split in memory: samples as float32 rows, labels as class ids. */
export interface Split {
  /** (n x prod(inputShape)) row-major, already de-quantized (see the manifest's `x` encoding). */
  x: Float32Array;
  /** (n) class ids in [0, classNames.length). */
  y: Uint8Array;
  n: number;
}

/** A task's data in memory, as every consumer (training, compression, evaluation, UI) sees it. */
export interface Dataset {
  name: string;
  modality: Modality;
  /** True when the samples are generated (synthetic speech, simulated accelerometer), not recorded. */
  synthetic: boolean;
  description: string;
  /** Shape of one sample without the batch dimension, channels last (e.g. [28, 28, 1], [49, 40, 1], [128, 3]). */
  inputShape: number[];
  classNames: string[];
  train: Split;
  val: Split;
  test: Split;
}
