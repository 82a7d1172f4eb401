/**
 * A Gantt-like timeline: one lane per strategy, events coloured by kind (load, switch, compute, idle).
 * Zoom with the wheel (around the pointer) or the buttons, pan by dragging or with the buttons / arrow
 * keys; hovering an event shows its figures. SVG; only what is visible is drawn (see timelineView).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { EVENT_COLORS, EVENT_LABELS, GRID, AXIS } from './palette';
import { fullView, layoutLane, niceTicks, panView, tickAnchor, zoomView } from './timelineView';
import type { TimeView, TimelineEvent, LaneRect } from './timelineView';
import { formatUj, formatUs } from '../lib/format';

export interface TimelineLane {
  /** Lane title, e.g. "External storage (SD)". */
  name: string;
  /** In time order. */
  events: TimelineEvent[];
  /** Shown instead of events, e.g. "Does not fit: needs 1.4 MB, has 1 MB". */
  note?: string;
}

const LABEL_W = 150;
const LANE_H = 30;
const AXIS_H = 22;
const KINDS = ['load', 'switch', 'compute', 'idle'] as const;

interface Hover { lane: string; rect: LaneRect; x: number; y: number }

export function Timeline({ lanes, title = 'Timeline' }: { lanes: TimelineLane[]; title?: string }) {
  const wrap = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(800);
  const bounds = useMemo(() => fullView(lanes), [lanes]);
  const [view, setView] = useState<TimeView>(bounds);
  const [hover, setHover] = useState<Hover | null>(null);
  const drag = useRef<{ x: number; view: TimeView } | null>(null);
  useEffect(() => setView(bounds), [bounds]);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(200, el.clientWidth)));
    ro.observe(el);
    setWidth(Math.max(200, el.clientWidth));
    return () => ro.disconnect();
  }, []);

  const plotW = Math.max(50, width - LABEL_W - 8);
  const timeAt = (clientX: number, v: TimeView) => {
    const r = svg.current!.getBoundingClientRect();
    return v.t0 + ((clientX - r.left - LABEL_W) / plotW) * (v.t1 - v.t0);
  };

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      setView((v) => zoomView(v, e.deltaY > 0 ? 1.25 : 0.8, timeAt(e.clientX, v), bounds));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  });

  const mid = (view.t0 + view.t1) / 2;
  const step = (view.t1 - view.t0) * 0.25;
  const ticks = niceTicks(view, Math.max(2, Math.floor(plotW / 90)));
  const height = AXIS_H + lanes.length * LANE_H + 4;
  const X = (t: number) => LABEL_W + ((t - view.t0) / (view.t1 - view.t0)) * plotW;

  const onPointerDown = (e: ReactPointerEvent) => {
    drag.current = { x: e.clientX, view };
    (e.target as Element).setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: ReactPointerEvent) => {
    if (!drag.current) return;
    const dx = e.clientX - drag.current.x;
    const v0 = drag.current.view;
    setView(panView(v0, (-dx / plotW) * (v0.t1 - v0.t0), bounds));
  };
  const endDrag = () => { drag.current = null; };

  return (
    <div className="timeline stack-sm" ref={wrap}>
      <div className="row">
        <strong className="small">{title}</strong>
        <span className="small muted num" data-testid="timeline-window">{formatUs(view.t0)} – {formatUs(view.t1)}</span>
        <span className="spacer" />
        <div className="legend" aria-label="Event kinds">
          {KINDS.map((k) => <span key={k}><span className="swatch" style={{ background: EVENT_COLORS[k] }} />{EVENT_LABELS[k]}</span>)}
        </div>
        <div className="row" role="group" aria-label="Timeline zoom and pan">
          <button type="button" className="btn btn-sm" onClick={() => setView((v) => panView(v, -step, bounds))} aria-label="Pan left">◀</button>
          <button type="button" className="btn btn-sm" onClick={() => setView((v) => zoomView(v, 0.5, mid, bounds))} aria-label="Zoom in">+</button>
          <button type="button" className="btn btn-sm" onClick={() => setView((v) => zoomView(v, 2, mid, bounds))} aria-label="Zoom out">−</button>
          <button type="button" className="btn btn-sm" onClick={() => setView(bounds)}>Reset</button>
          <button type="button" className="btn btn-sm" onClick={() => setView((v) => panView(v, step, bounds))} aria-label="Pan right">▶</button>
        </div>
      </div>
      <div style={{ position: 'relative' }}>
        <svg
          ref={svg}
          width={width}
          height={height}
          role="img"
          aria-label={`${title}: ${lanes.map((l) => l.name).join(', ')}`}
          tabIndex={0}
          style={{ display: 'block', cursor: 'grab', touchAction: 'none' }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
          onPointerLeave={() => setHover(null)}
          onKeyDown={(e) => {
            const act = { ArrowLeft: () => panView(view, -step, bounds), ArrowRight: () => panView(view, step, bounds),
              '+': () => zoomView(view, 0.5, mid, bounds), '=': () => zoomView(view, 0.5, mid, bounds), '-': () => zoomView(view, 2, mid, bounds) }[e.key];
            if (act) { e.preventDefault(); setView(act()); }
          }}
        >
          {ticks.map((t) => (
            <g key={t}>
              <line x1={X(t)} x2={X(t)} y1={AXIS_H - 4} y2={height} stroke={GRID} />
              <text x={X(t)} y={12} fontSize={10.5} fill={AXIS} textAnchor={tickAnchor(X(t), LABEL_W, width - 2, formatUs(t).length * 3)}>{formatUs(t)}</text>
            </g>
          ))}
          <text x={4} y={12} fontSize={10.5} fill={AXIS}>time</text>
          {lanes.map((lane, li) => {
            const y = AXIS_H + li * LANE_H;
            const rects = layoutLane(lane.events, view, plotW);
            return (
              <g key={lane.name} data-lane={lane.name}>
                <text x={4} y={y + LANE_H / 2 + 4} fontSize={12} fill="#1b2430">{lane.name}</text>
                <rect x={LABEL_W} y={y + 3} width={plotW} height={LANE_H - 6} fill="#f7f8fa" />
                {lane.note && <text x={LABEL_W + 8} y={y + LANE_H / 2 + 4} fontSize={11.5} fill="#b4321f">{lane.note}</text>}
                {rects.map((r, i) => (
                  <rect
                    key={i}
                    x={LABEL_W + r.x}
                    y={y + 5}
                    width={r.w}
                    height={LANE_H - 10}
                    fill={EVENT_COLORS[r.kind]}
                    data-kind={r.kind}
                    onPointerEnter={(e) => {
                      const box = wrap.current!.getBoundingClientRect();
                      setHover({ lane: lane.name, rect: r, x: e.clientX - box.left, y: y + LANE_H });
                    }}
                    onPointerLeave={() => setHover(null)}
                  />
                ))}
              </g>
            );
          })}
        </svg>
        {hover && (
          <div className="chart-tooltip" role="tooltip" data-testid="timeline-tooltip"
            style={{ position: 'absolute', left: Math.min(hover.x + 12, width - 240), top: hover.y + 4, width: 228 }}>
            <div className="title">{EVENT_LABELS[hover.rect.event.kind]} · {hover.rect.event.model}</div>
            <dl className="kv">
              <dt>Lane</dt><dd>{hover.lane}</dd>
              <dt>Start</dt><dd>{formatUs(hover.rect.event.t0Us)}</dd>
              <dt>End</dt><dd>{formatUs(hover.rect.event.t1Us)}</dd>
              <dt>Duration</dt><dd>{formatUs(hover.rect.event.t1Us - hover.rect.event.t0Us)}</dd>
              <dt>Energy</dt><dd>{formatUj(hover.rect.event.energyUj)}</dd>
              {hover.rect.count > 1 && <><dt>Merged</dt><dd>{hover.rect.count} events (zoom in)</dd></>}
            </dl>
          </div>
        )}
      </div>
    </div>
  );
}
