import { t } from '../../utils/i18n';

/** One bar: a label and a count. */
export interface Bar {
  label: string;
  value: number;
  /** A CSS class for the bar's colour (e.g. "positive", "negative"). */
  tone?: string;
}

const ROW = 22;
const LABEL_WIDTH = 96;
const WIDTH = 300;

const AXIS = 18;

/** Horizontal bars drawn as inline SVG, with each value written out and the values' axis named (no chart library). */
export function BarChart({ title, bars, valueAxis }: { title: string; bars: Bar[]; valueAxis: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const barSpace = WIDTH - LABEL_WIDTH - 36;
  const summary = t('chartBarSummary', title, bars.map((b) => t('chartBarValue', b.label, b.value)).join(', '));
  return (
    <svg class="chart bar-chart" viewBox={`0 0 ${WIDTH} ${bars.length * ROW + AXIS}`} role="img" aria-label={summary}>
      {bars.map((bar, i) => {
        const width = (bar.value / max) * barSpace;
        const y = i * ROW;
        return (
          <g key={bar.label}>
            <text x={LABEL_WIDTH - 6} y={y + ROW / 2} text-anchor="end" dominant-baseline="middle">
              {bar.label}
            </text>
            <rect class={`bar ${bar.tone ?? ''}`} x={LABEL_WIDTH} y={y + 4} width={Math.max(width, bar.value > 0 ? 2 : 0)} height={ROW - 8} rx="3" />
            <text x={LABEL_WIDTH + width + 6} y={y + ROW / 2} dominant-baseline="middle">
              {bar.value}
            </text>
          </g>
        );
      })}
      <line class="axis" x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={bars.length * ROW} />
      <text class="axis-title" x={LABEL_WIDTH + barSpace / 2} y={bars.length * ROW + AXIS - 4} text-anchor="middle">
        {valueAxis}
      </text>
    </svg>
  );
}
