/** Names of the simulation's strategies as the page shows them. */
export const STRATEGY_LABEL: Record<string, string> = {
  'external-storage': 'External storage (SD card)',
  'internal-flash': 'Internal flash (uncompressed)',
  yono: 'YONO in memory',
};

/** Short names, for the timeline's lane labels. */
export const SHORT_LABEL: Record<string, string> = {
  'external-storage': 'SD card',
  'internal-flash': 'Internal flash',
  yono: 'YONO',
};
