/**
 * Per-layer bytes before (float32) and after compression, grouped bars, KB on the y axis. Compressed
 * layers carry ST-style `(c)` marks in their axis label.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AFTER, AXIS, BEFORE, GRID } from './palette';
import { chartTooltip } from './ChartTooltip';
import { formatBytes } from '../lib/format';

export interface LayerBytes {
  /** `model/layer` or the layer name. */
  layer: string;
  beforeBytes: number;
  afterBytes: number;
  compressed: boolean;
}

const tooltip = chartTooltip({ format: (v) => formatBytes(v * 1024) });

export function BytesBarChart({ data, height = 300 }: { data: LayerBytes[]; height?: number }) {
  const rows = data.map((d) => ({ name: d.compressed ? `${d.layer} (c)` : d.layer, before: d.beforeBytes / 1024, after: d.afterBytes / 1024 }));
  return (
    <div className="chart" style={{ height }} data-testid="chart-bytes">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 8 }}>
          <CartesianGrid stroke={GRID} vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 10.5, fill: AXIS }} angle={-35} textAnchor="end" interval={0} height={60} />
          <YAxis tick={{ fontSize: 11, fill: AXIS }} label={{ value: 'size (KB)', angle: -90, position: 'insideLeft', fill: AXIS, fontSize: 11 }} />
          <Tooltip content={tooltip} />
          <Legend verticalAlign="top" height={24} itemSorter={null} />
          <Bar dataKey="before" name="Float32" fill={BEFORE} isAnimationActive={false} />
          <Bar dataKey="after" name="Compressed" fill={AFTER} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
