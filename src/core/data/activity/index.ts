/** The simulated accelerometer task (see README.md in this folder). */
export { ACTIVITY_CLASSES, ACTIVITY_PARAMS } from './params';
export type { ActivityName } from './params';
export { drawPerson } from './person';
export type { Person } from './person';
export { generateWindow, ACTIVITY_RATE, ACTIVITY_WINDOW, ACTIVITY_RANGE } from './window';
export { generateActivitySplits, ACTIVITY_DEFAULTS } from './dataset';
export type { ActivityDataOptions, ActivitySplit } from './dataset';
