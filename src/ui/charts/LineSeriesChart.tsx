/** A small line chart of one or more series over a numeric x, with axis titles and units. */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS, GRID, SERIES } from './palette';
import { chartTooltip } from './ChartTooltip';

export interface LineSeriesProps {
  data: Record<string, number | null>[];
  x: { key: string; label: string };
  series: { key: string; name: string }[];
  yLabel: string;
  format: (v: number) => string;
  height?: number;
  testId?: string;
}

export function LineSeriesChart({ data, x, series, yLabel, format, height = 220, testId }: LineSeriesProps) {
  const tooltip = chartTooltip({ format, title: (l) => `${x.label} ${String(l)}` });
  return (
    <div className="chart" style={{ height }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 22, left: 8 }}>
          <CartesianGrid stroke={GRID} />
          <XAxis dataKey={x.key} type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} tick={{ fontSize: 11, fill: AXIS }} label={{ value: x.label, position: 'insideBottom', offset: -12, fill: AXIS, fontSize: 11 }} />
          <YAxis tick={{ fontSize: 11, fill: AXIS }} tickFormatter={(v: number) => format(v)} width={70} label={{ value: yLabel, angle: -90, position: 'insideLeft', fill: AXIS, fontSize: 11, dx: -4 }} />
          <Tooltip content={tooltip} />
          <Legend verticalAlign="top" height={24} itemSorter={null} />
          {series.map((s, i) => <Line key={s.key} dataKey={s.key} name={s.name} stroke={SERIES[i % SERIES.length]} dot={{ r: 2.5 }} isAnimationActive={false} connectNulls />)}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
