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

/** One rectangle to draw: pixel x and width, its kind, an event it stands for, and how many it merges. */
export interface LaneRect {
  x: number;
  w: number;
  /** The kind drawn: the event's, or for merged sub-pixel events the kind that takes most time there. */
  kind: TimelineEvent['kind'];
  /** The event shown on hover (the first of `kind` in the rectangle). */
  event: TimelineEvent;
  count: number;
}

const KIND_ORDER: TimelineEvent['kind'][] = ['compute', 'load', 'switch', 'idle'];

/**
 * Rectangles of a lane's events inside `v`, for a plot `width` pixels wide. Events are assumed in time
 * order (the simulator emits them so). Events narrower than a pixel are pooled per pixel column and
 * drawn as one 1-px rectangle of the busy kind (load, switch, compute) that takes most of that pixel's
 * time, or idle when nothing else happens there; neighbouring
 * rectangles of one kind are joined. So the number of rectangles stays near the pixel width.
 */
export function layoutLane(events: TimelineEvent[], v: TimeView, width: number): LaneRect[] {
  const span = v.t1 - v.t0;
  if (!(span > 0) || width <= 0) return [];
  const k = width / span;
  const out: LaneRect[] = [];
  const push = (r: LaneRect) => {
    const last = out[out.length - 1];
    if (last && last.kind === r.kind && r.x - (last.x + last.w) < 0.5 && (r.count > 1 || last.count > 1)) {
      last.w = Math.max(last.w, r.x + r.w - last.x);
      last.count += r.count;
    } else out.push(r);
  };
  let px = -1;
  let time: Record<string, number> = {};
  let firsts: Partial<Record<TimelineEvent['kind'], TimelineEvent>> = {};
  let pooled = 0;
  const flush = () => {
    if (pooled === 0) return;
    // Activity wins over idle: a pixel with any load, switch or compute shows the busiest of them.
    const busy = KIND_ORDER.filter((kd) => kd !== 'idle' && firsts[kd]);
    const pool = busy.length ? busy : (['idle'] as const);
    const kind = pool.reduce((best, kd) => ((time[kd] ?? 0) > (time[best] ?? 0) ? kd : best), pool[0]);
    push({ x: px, w: 1, kind, event: firsts[kind]!, count: pooled });
    time = {};
    firsts = {};
    pooled = 0;
  };
  let lo = 0, hi = events.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (events[mid].t1Us <= v.t0) lo = mid + 1; else hi = mid; }
  for (let i = lo; i < events.length; i++) {
    const e = events[i];
    if (e.t0Us >= v.t1) break;
    const x0 = Math.max(0, (e.t0Us - v.t0) * k);
    const x1 = Math.min(width, (e.t1Us - v.t0) * k);
    if (x1 - x0 >= 1) {
      flush();
      push({ x: x0, w: x1 - x0, kind: e.kind, event: e, count: 1 });
      continue;
    }
    const col = Math.floor(x0);
    if (col !== px) { flush(); px = col; }
    time[e.kind] = (time[e.kind] ?? 0) + (e.t1Us - e.t0Us);
    firsts[e.kind] ??= e;
    pooled++;
  }
  flush();
  return out;
}

/**
 * Where a tick label sits so it stays inside the plot: centred on its tick, or flush to the edge it would
 * cross (`halfWidth`: half the label's width in px).
 */
export function tickAnchor(x: number, left: number, right: number, halfWidth = 24): 'start' | 'middle' | 'end' {
  if (x + halfWidth > right) return 'end';
  if (x - halfWidth < left) return 'start';
  return 'middle';
}
