/**
 * The maths of the timeline chart, apart from React: the visible window (zoom around a point, pan,
 * clamped to the data), tick positions at 1-2-5 steps, and the rectangles to draw for a lane at a
 * given width — events narrower than a pixel are merged so 10,000 requests still draw quickly.
 */

/** The visible time window, µs. */
export interface TimeView {
  t0: number;
  t1: number;
}

/** A timeline event as the MCU simulator emits it (issue 6). */
export interface TimelineEvent {
  t0Us: number;
  t1Us: number;
  kind: 'load' | 'switch' | 'compute' | 'idle';
  model: string;
  energyUj: number;
}

/** The smallest window, µs (zooming stops there). */
export const MIN_SPAN_US = 10;

/** The window covering every event of every lane (0..1 ms when there is none). */
export function fullView(lanes: { events: TimelineEvent[] }[]): TimeView {
  let t0 = Infinity, t1 = -Infinity;
  for (const l of lanes) for (const e of l.events) { if (e.t0Us < t0) t0 = e.t0Us; if (e.t1Us > t1) t1 = e.t1Us; }
  if (!(t1 > t0)) return { t0: 0, t1: 1000 };
  return { t0, t1 };
}

/** Keeps `v` inside `bounds` and at least MIN_SPAN_US wide (never wider than the bounds). */
export function clampView(v: TimeView, bounds: TimeView): TimeView {
  const full = bounds.t1 - bounds.t0;
  let span = Math.min(full, Math.max(MIN_SPAN_US, v.t1 - v.t0));
  if (!(span > 0)) span = full;
  let t0 = Math.max(bounds.t0, Math.min(v.t0, bounds.t1 - span));
  if (!Number.isFinite(t0)) t0 = bounds.t0;
  return { t0, t1: t0 + span };
}

/** Zooms by `factor` (< 1 in, > 1 out) keeping time `anchor` at the same place on screen. */
export function zoomView(v: TimeView, factor: number, anchor: number, bounds: TimeView): TimeView {
  const a = Math.min(v.t1, Math.max(v.t0, anchor));
  return clampView({ t0: a - (a - v.t0) * factor, t1: a + (v.t1 - a) * factor }, bounds);
}

/** Moves the window by `delta` µs. */
export function panView(v: TimeView, delta: number, bounds: TimeView): TimeView {
  return clampView({ t0: v.t0 + delta, t1: v.t1 + delta }, bounds);
}

/** Tick times at a 1-2-5 step with at most about `max` ticks inside the window. */
export function niceTicks(v: TimeView, max: number): number[] {
  const span = v.t1 - v.t0;
  if (!(span > 0) || max < 1) return [];
  const raw = span / max;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const out: number[] = [];
  for (let t = Math.ceil(v.t0 / step) * step; t <= v.t1 + 1e-9; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

/** One rectangle to draw: pixel x and width, the first event it stands for, and how many it merges. */
export interface LaneRect {
  x: number;
  w: number;
  event: TimelineEvent;
  count: number;
}

/**
 * Rectangles of a lane's events inside `v`, for a plot `width` pixels wide. Events are assumed in time
 * order (the simulator emits them so). An event narrower than a pixel that touches the previous
 * rectangle of its kind is merged into it.
 */
export function layoutLane(events: TimelineEvent[], v: TimeView, width: number): LaneRect[] {
  const span = v.t1 - v.t0;
  if (!(span > 0) || width <= 0) return [];
  const k = width / span;
  const out: LaneRect[] = [];
  let lo = 0, hi = events.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (events[mid].t1Us <= v.t0) lo = mid + 1; else hi = mid; }
  for (let i = lo; i < events.length; i++) {
    const e = events[i];
    if (e.t0Us >= v.t1) break;
    const x0 = Math.max(0, (e.t0Us - v.t0) * k);
    const x1 = Math.min(width, (e.t1Us - v.t0) * k);
    const last = out[out.length - 1];
    if (last && last.event.kind === e.kind && x1 - x0 < 1 && x0 - (last.x + last.w) < 1) {
      last.w = Math.max(last.w, x1 - last.x);
      last.count++;
      continue;
    }
    out.push({ x: x0, w: Math.max(1, x1 - x0), event: e, count: 1 });
  }
  return out;
}
