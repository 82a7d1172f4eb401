/**
 * Size against accuracy for a (d, K) sweep: every configuration a point, the Pareto front a line.
 * Clicking a point (or pressing Enter on its list entry) loads that configuration.
 */
import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { AXIS, GRID, SERIES } from './palette';
import { chartTooltip } from './ChartTooltip';
import { paretoFront } from './pareto';
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

export function ParetoChart({ points, onPick, height = 320 }: { points: ParetoPoint[]; onPick?: (p: ParetoPoint) => void; height?: number }) {
  const rows = points.map((p) => ({ ...p, kb: p.bytes / 1024, acc: p.accuracy * 100 }));
  const front = paretoFront(points).map((i) => rows[i]);
  const pick = (d: unknown) => {
    const p = (d as { payload?: ParetoPoint } | undefined)?.payload;
    if (p && onPick) onPick({ d: p.d, k: p.k, bytes: p.bytes, accuracy: p.accuracy });
  };
  return (
    <div className="chart" style={{ height }} data-testid="chart-pareto">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid stroke={GRID} />
          <XAxis type="number" dataKey="kb" name="size (KB)" tick={{ fontSize: 11, fill: AXIS }} label={{ value: 'total size (KB)', position: 'insideBottom', offset: -12, fill: AXIS, fontSize: 11 }} />
          <YAxis type="number" dataKey="acc" name="accuracy (%)" domain={['auto', 'auto']} tick={{ fontSize: 11, fill: AXIS }} label={{ value: 'mean accuracy (%)', angle: -90, position: 'insideLeft', fill: AXIS, fontSize: 11 }} />
          <ZAxis range={[60, 60]} />
          <Tooltip content={tooltip} />
          <Legend verticalAlign="top" height={24} itemSorter={null} />
          <Scatter name="Configurations" data={rows} fill={SERIES[0]} onClick={pick} cursor="pointer" isAnimationActive={false} />
          <Scatter name="Pareto front" data={front} fill={SERIES[1]} line lineType="joint" onClick={pick} cursor="pointer" isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
