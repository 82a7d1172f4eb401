import { describe, expect, it } from 'vitest';
import { clampView, fullView, layoutLane, niceTicks, panView, zoomView, MIN_SPAN_US } from './timelineView';
import type { TimelineEvent } from './timelineView';

const ev = (t0Us: number, t1Us: number, kind: TimelineEvent['kind'] = 'compute'): TimelineEvent => ({ t0Us, t1Us, kind, model: 'm', energyUj: 1 });

describe('timeline view', () => {
  const bounds = { t0: 0, t1: 1_000_000 };

  it('fits every lane and has a default for no events', () => {
    expect(fullView([{ events: [ev(5, 10)] }, { events: [ev(2, 40)] }])).toEqual({ t0: 2, t1: 40 });
    expect(fullView([])).toEqual({ t0: 0, t1: 1000 });
  });

  it('zooms around the anchor and keeps the anchor where it was', () => {
    const v = zoomView(bounds, 0.5, 250_000, bounds);
    expect(v).toEqual({ t0: 125_000, t1: 625_000 });
    const rel = (250_000 - v.t0) / (v.t1 - v.t0);
    expect(rel).toBeCloseTo(0.25, 12);
    expect(zoomView(v, 10, 0, bounds)).toEqual(bounds); // zoom out stops at the data
    expect(zoomView(bounds, 1e-9, 500, bounds).t1 - zoomView(bounds, 1e-9, 500, bounds).t0).toBe(MIN_SPAN_US);
  });

  it('pans within the data only', () => {
    const v = { t0: 100_000, t1: 200_000 };
    expect(panView(v, 50_000, bounds)).toEqual({ t0: 150_000, t1: 250_000 });
    expect(panView(v, -1e9, bounds)).toEqual({ t0: 0, t1: 100_000 });
    expect(panView(v, 1e9, bounds)).toEqual({ t0: 900_000, t1: 1_000_000 });
    expect(clampView({ t0: NaN, t1: NaN }, bounds)).toEqual(bounds);
  });

  it('puts ticks on 1-2-5 steps inside the window', () => {
    expect(niceTicks({ t0: 0, t1: 1000 }, 5)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(niceTicks({ t0: 130, t1: 870 }, 4)).toEqual([200, 400, 600, 800]);
    expect(niceTicks({ t0: 0, t1: 0 }, 4)).toEqual([]);
  });

  it('lays out visible events and pools sub-pixel ones per pixel', () => {
    const events = [ev(0, 100, 'load'), ev(100, 1000, 'compute'), ev(1000, 1001), ev(1001, 1002), ev(1002, 5000, 'idle'), ev(9000, 9500)];
    const rects = layoutLane(events, { t0: 0, t1: 5000 }, 500); // 10 µs per pixel
    expect(rects.map((r) => [r.kind, Math.round(r.x), Math.round(r.w), r.count])).toEqual([
      ['load', 0, 10, 1], ['compute', 10, 91, 3], ['idle', 100, 400, 1],
    ]);
    const zoomed = layoutLane(events, { t0: 1000, t1: 1002 }, 200);
    expect(zoomed.map((r) => [Math.round(r.x), Math.round(r.w), r.count])).toEqual([[0, 100, 1], [100, 100, 1]]);
    expect(layoutLane(events, { t0: 0, t1: 5000 }, 0)).toEqual([]);
  });

  it('keeps 10,000 alternating requests near the pixel count, with the dominant kind per pixel', () => {
    const events: TimelineEvent[] = [];
    for (let i = 0; i < 10_000; i++) {
      const t = i * 1000;
      events.push(ev(t, t + 100, 'load'), ev(t + 100, t + 700), ev(t + 700, t + 1000, 'idle'));
    }
    const rects = layoutLane(events, { t0: 0, t1: 10_000_000 }, 800);
    expect(rects.length).toBeLessThanOrEqual(800);
    expect(rects.every((r) => r.kind === 'compute')).toBe(true); // the busiest kind of every pixel
    expect(rects.reduce((a, r) => a + r.count, 0)).toBe(30_000);
    // Mostly idle pixels with a little load still show the load.
    const sparse = [ev(0, 10, 'load'), ev(10, 990, 'idle'), ev(990, 1000, 'idle')];
    expect(layoutLane(sparse, { t0: 0, t1: 1000 }, 1).map((r) => r.kind)).toEqual(['load']);
  });
});

describe('tick labels', () => {
  it('stay inside the plot: the last tick ends at the right edge, the first starts at the left', async () => {
    const { tickAnchor } = await import('./timelineView');
    expect(tickAnchor(995, 100, 1000)).toBe('end');
    expect(tickAnchor(105, 100, 1000)).toBe('start');
    expect(tickAnchor(500, 100, 1000)).toBe('middle');
  });
});
