/** Colours of chart series and timeline events (SVG attributes cannot read CSS variables). */
import type { EventKind } from '../../core/mcu/scenario/types';

/** Series colours, in order. */
export const SERIES = ['#2f5fd0', '#e07b39', '#2a9d8f', '#9b59b6', '#c0392b', '#7f8c8d'] as const;

/** "Before" (float32) and "after" (compressed) everywhere. */
export const BEFORE = '#9aa5b5';
export const AFTER = '#2f5fd0';

export const EVENT_COLORS: Record<EventKind, string> = {
  load: '#e07b39',
  switch: '#9b59b6',
  compute: '#2f5fd0',
  idle: '#dfe3ea',
};

export const EVENT_LABELS: Record<EventKind, string> = {
  load: 'Load from storage',
  switch: 'Switch',
  compute: 'Compute',
  idle: 'Idle',
};

export const GRID = '#e8ebf0';
export const AXIS = '#5b6675';
