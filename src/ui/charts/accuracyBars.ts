/** The accuracy bars' axis: from a floor rounded down to 10 % (10 below the lowest figure) to 100 %. Pure. */

/** The axis of the accuracy bars, in %. */
export interface AccuracyAxis { lo: number }

/** The axis for these accuracies ([0, 1]): its floor is 10 % under the lowest one, rounded down to 10, never below 0. */
export function accuracyAxis(data: { before: number; after: number }[]): AccuracyAxis {
  const min = Math.min(100, ...data.flatMap((d) => [d.before * 100, d.after * 100]));
  return { lo: Math.max(0, Math.floor(min / 10) * 10 - 10) };
}

/** Width (%) of the bar of accuracy `v` ([0, 1]) on `axis`, within 0..100. */
export function accuracyPct(v: number, axis: AccuracyAxis): number {
  if (!Number.isFinite(v)) return 0;
  return Math.max(0, Math.min(100, (100 * (v * 100 - axis.lo)) / (100 - axis.lo)));
}
