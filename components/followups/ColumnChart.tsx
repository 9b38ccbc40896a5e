import { t } from '../../utils/i18n';

/** One column: a stretch of time and a count. */
export interface Column {
  /** Spoken and shown on hover, e.g. "Mon 3 Mar". */
  label: string;
  value: number;
}

const HEIGHT = 60;
const WIDTH = 300;

/** Columns over time drawn as inline SVG; the accessible name gives the total and the busiest column. */
export function ColumnChart({ title, columns }: { title: string; columns: Column[] }) {
  const max = Math.max(1, ...columns.map((c) => c.value));
  const total = columns.reduce((sum, c) => sum + c.value, 0);
  const busiest = columns.reduce<Column | undefined>((best, c) => (c.value > (best?.value ?? 0) ? c : best), undefined);
  const step = WIDTH / Math.max(1, columns.length);
  const summary = busiest ? t('chartColumnSummaryBusiest', title, total, busiest.label, busiest.value) : t('chartColumnSummary', title, total);
  return (
    <svg class="chart column-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT + 2}`} role="img" aria-label={summary}>
      <line class="axis" x1="0" x2={WIDTH} y1={HEIGHT + 1} y2={HEIGHT + 1} />
      {columns.map((column, i) => {
        const height = (column.value / max) * HEIGHT;
        return (
          <rect key={i} class="bar" x={i * step + step * 0.15} y={HEIGHT - height} width={step * 0.7} height={height} rx="1.5">
            <title>{t('chartColumnValue', column.label, column.value)}</title>
          </rect>
        );
      })}
    </svg>
  );
}
