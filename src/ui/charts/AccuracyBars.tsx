/** Accuracy per model before (float32) and after compression, grouped bars in %. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AFTER, AXIS, BEFORE, GRID } from './palette';
import { chartTooltip } from './ChartTooltip';

export interface ModelAccuracy {
  model: string;
  /** [0, 1] */
  before: number;
  /** [0, 1] */
  after: number;
}

const tooltip = chartTooltip({ format: (v) => `${v.toFixed(2)} %` });

export function AccuracyBars({ data, height = 260 }: { data: ModelAccuracy[]; height?: number }) {
  const rows = data.map((d) => ({ model: d.model, before: d.before * 100, after: d.after * 100 }));
  const lo = Math.max(0, Math.floor(Math.min(...rows.flatMap((r) => [r.before, r.after]), 100) / 10) * 10 - 10);
  return (
    <div className="chart" style={{ height }} data-testid="chart-accuracy">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="model" tick={{ fontSize: 11.5, fill: AXIS }} />
          <YAxis domain={[lo, 100]} tick={{ fontSize: 11, fill: AXIS }} label={{ value: 'test accuracy (%)', angle: -90, position: 'insideLeft', fill: AXIS, fontSize: 11 }} />
          <Tooltip content={tooltip} />
          <Legend verticalAlign="top" height={24} itemSorter={null} />
          <Bar dataKey="before" name="Float32" fill={BEFORE} isAnimationActive={false} />
          <Bar dataKey="after" name="Compressed" fill={AFTER} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
