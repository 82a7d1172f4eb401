/** Per-layer SQNR of the stored weights, dB, as points joined by a line (higher is better). */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS, GRID, SERIES } from './palette';
import { chartTooltip } from './ChartTooltip';
import { formatDb } from '../lib/format';

export interface LayerSqnr {
  layer: string;
  sqnrDb: number | null;
  /** Accuracy drop when only this layer is quantized, percentage points. */
  sensitivityPp?: number | null;
}

const tooltip = chartTooltip({ format: (v, name) => (name.startsWith('SQNR') ? formatDb(v) : `${v.toFixed(2)} pp`) });

export function SqnrChart({ data, height = 300 }: { data: LayerSqnr[]; height?: number }) {
  const hasSens = data.some((d) => typeof d.sensitivityPp === 'number');
  return (
    <div className="chart" style={{ height }} data-testid="chart-sqnr">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 8 }}>
          <CartesianGrid stroke={GRID} />
          <XAxis dataKey="layer" tick={{ fontSize: 10.5, fill: AXIS }} angle={-35} textAnchor="end" interval={0} height={60} />
          <YAxis yAxisId="db" tick={{ fontSize: 11, fill: AXIS }} label={{ value: 'SQNR (dB)', angle: -90, position: 'insideLeft', fill: AXIS, fontSize: 11 }} />
          {hasSens && <YAxis yAxisId="pp" orientation="right" tick={{ fontSize: 11, fill: AXIS }} label={{ value: 'accuracy drop (pp)', angle: 90, position: 'insideRight', fill: AXIS, fontSize: 11 }} />}
          <Tooltip content={tooltip} />
          <Legend verticalAlign="top" height={24} itemSorter={null} />
          <Line yAxisId="db" dataKey="sqnrDb" name="SQNR (dB)" stroke={SERIES[0]} dot isAnimationActive={false} connectNulls={false} />
          {hasSens && <Line yAxisId="pp" dataKey="sensitivityPp" name="Accuracy drop alone (pp)" stroke={SERIES[1]} dot isAnimationActive={false} />}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
