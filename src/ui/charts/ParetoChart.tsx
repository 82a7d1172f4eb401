/**
 * Size against accuracy for a (d, K) sweep: every configuration a labelled point ("d 4, K 64"), the
 * Pareto front a line through its points drawn under them (so no point hides another), the accuracy axis
 * fitted to the points within 0..100 %. Clicking a point loads that configuration.
 */
import { CartesianGrid, LabelList, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis, Cell } from 'recharts';
import { AXIS, GRID, SERIES } from './palette';
import { chartTooltip } from './ChartTooltip';
import { accuracyDomain, paretoFront, pointLabel } from './pareto';
import { formatBytes } from '../lib/format';

export interface ParetoPoint {
  d: number;
  k: number;
  bytes: number;
  /** [0, 1] */
  accuracy: number;
}

const tooltip = chartTooltip({
  format: (v, name) => (name.startsWith('size') ? formatBytes(v * 1024) : `${v.toFixed(2)} %`),
  title: (_l, d) => (d ? `d = ${String(d.d)}, K = ${String(d.k)}` : ''),
});

const noShape = () => <g />;

export function ParetoChart({ points, onPick, height = 340 }: { points: ParetoPoint[]; onPick?: (p: ParetoPoint) => void; height?: number }) {
  const onFront = new Set(paretoFront(points));
  const rows = points.map((p, i) => ({ ...p, kb: p.bytes / 1024, acc: p.accuracy * 100, label: pointLabel(p), front: onFront.has(i) }));
  const front = rows.filter((r) => r.front).sort((a, b) => a.kb - b.kb);
  const pick = (d: unknown) => {
    const p = (d as { payload?: ParetoPoint } | undefined)?.payload;
    if (p && onPick) onPick({ d: p.d, k: p.k, bytes: p.bytes, accuracy: p.accuracy });
  };
  return (
    <div className="chart" style={{ height: height + 24 }} data-testid="chart-pareto">
      {/* The legend sits above the plot, never over a point. */}
      <div className="legend" style={{ height: 24 }}>
        <span><span className="swatch" style={{ background: SERIES[0] }} />configuration (d, K)</span>
        <span><span className="swatch" style={{ background: SERIES[1] }} />on the Pareto front (line)</span>
      </div>
      <ResponsiveContainer width="100%" height={height}>
        <ScatterChart margin={{ top: 20, right: 28, bottom: 24, left: 8 }}>
          <CartesianGrid stroke={GRID} />
          <XAxis type="number" dataKey="kb" name="size (KB)" domain={['auto', 'auto']} tick={{ fontSize: 11, fill: AXIS }} label={{ value: 'total size (KB)', position: 'insideBottom', offset: -12, fill: AXIS, fontSize: 11 }} />
          <YAxis type="number" dataKey="acc" name="accuracy (%)" domain={accuracyDomain(points.map((p) => p.accuracy))} allowDataOverflow={false} tick={{ fontSize: 11, fill: AXIS }} label={{ value: 'mean accuracy (%)', angle: -90, position: 'insideLeft', fill: AXIS, fontSize: 11 }} />
          <ZAxis range={[60, 60]} />
          <Tooltip content={tooltip} />
          <Scatter name="Pareto front" data={front} fill={SERIES[1]} line={{ stroke: SERIES[1], strokeWidth: 2 }} lineType="joint" shape={noShape} legendType="line" isAnimationActive={false} />
          <Scatter name="Configurations" data={rows} fill={SERIES[0]} onClick={pick} cursor="pointer" isAnimationActive={false}>
            {rows.map((r) => <Cell key={r.label} fill={r.front ? SERIES[1] : SERIES[0]} />)}
            <LabelList dataKey="label" position="top" offset={8} style={{ fontSize: 10, fill: AXIS }} />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
