import { t } from '../../utils/i18n';

/** One column: a stretch of time and a count. */
export interface Column {
  /** Spoken and shown on hover, e.g. "Mon 3 Mar" or "week of Mon 3 Mar". */
  label: string;
  /** The short date under the axis, e.g. "3 Mar". */
  tick: string;
  value: number;
}

const WIDTH = 320;
const HEIGHT = 124;
const LEFT = 34; // room for the value axis, its title and numbers
const RIGHT = 8;
const TOP = 8;
const PLOT = 72; // height of the columns' area
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;

/** The columns whose dates are written under the axis: the first, the middle and the last. */
const tickColumns = (count: number) => [...new Set([0, Math.floor((count - 1) / 2), count - 1])].filter((i) => i >= 0);

/**
 * Columns over time drawn as inline SVG, with labelled axes: counts up the side (0 and the
 * largest), dates along the bottom. The accessible name gives the total and the busiest column;
 * `total` replaces the sum where columns overlap (the same person in touch on several days).
 */
export function ColumnChart({
  title,
  columns,
  valueAxis,
  timeAxis,
  total,
}: {
  title: string;
  columns: Column[];
  valueAxis: string;
  timeAxis: string;
  total?: number;
}) {
  const max = Math.max(1, ...columns.map((c) => c.value));
  const sum = total ?? columns.reduce((all, c) => all + c.value, 0);
  const busiest = columns.reduce<Column | undefined>((best, c) => (c.value > (best?.value ?? 0) ? c : best), undefined);
  const step = PLOT_WIDTH / Math.max(1, columns.length);
  const summary = busiest ? t('chartColumnSummaryBusiest', title, sum, busiest.label, busiest.value) : t('chartColumnSummary', title, sum);
  const base = TOP + PLOT;
  const ticks = tickColumns(columns.length);
  return (
    <svg class="chart column-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
      <text class="axis-title" transform={`translate(10 ${TOP + PLOT / 2}) rotate(-90)`} text-anchor="middle">
        {valueAxis}
      </text>
      <line class="axis" x1={LEFT} x2={LEFT} y1={TOP} y2={base} />
      <text class="tick" x={LEFT - 4} y={TOP} text-anchor="end" dominant-baseline="hanging">
        {max}
      </text>
      <text class="tick" x={LEFT - 4} y={base} text-anchor="end">
        0
      </text>
      <line class="axis" x1={LEFT} x2={WIDTH - RIGHT} y1={base} y2={base} />
      {columns.map((column, i) => {
        const height = (column.value / max) * PLOT;
        return (
          <rect key={i} class="bar" x={LEFT + i * step + step * 0.15} y={base - height} width={step * 0.7} height={height} rx="1.5">
            <title>{t('chartColumnValue', column.label, column.value)}</title>
          </rect>
        );
      })}
      {ticks.map((i, n) => (
        <text
          key={i}
          class="tick"
          x={LEFT + i * step + step / 2}
          y={base + 14}
          text-anchor={ticks.length > 1 && n === 0 ? 'start' : n === ticks.length - 1 && ticks.length > 1 ? 'end' : 'middle'}
        >
          {columns[i]!.tick}
        </text>
      ))}
      <text class="axis-title" x={LEFT + PLOT_WIDTH / 2} y={HEIGHT - 6} text-anchor="middle">
        {timeAxis}
      </text>
    </svg>
  );
}
