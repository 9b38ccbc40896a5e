import { useState } from 'preact/hooks';
import { ask } from '../utils/messaging/client';
import type { Overview } from '../utils/messaging/features/followups';
import { LoggableKind } from '../utils/model';
import { BarChart } from './BarChart';
import { ColumnChart } from './ColumnChart';
import { EXPERIENCE_LABELS, KIND_LABELS } from './labels';
import { useBroadcast } from './use-broadcast';
import { useRequest } from './use-request';

const PERIODS = { month: 'This month', quarter: 'This quarter', year: 'This year' } as const;
type Period = keyof typeof PERIODS;

const dayLabel = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const monthLabel = new Intl.DateTimeFormat(undefined, { month: 'long' });
const columnLabel = (period: Period, start: number) => (period === 'year' ? monthLabel.format(start) : period === 'quarter' ? `week of ${dayLabel.format(start)}` : dayLabel.format(start));

function People({ label, people, onOpenPerson }: { label: string; people: Overview['won']; onOpenPerson: (id: string) => void }) {
  return (
    <div class="overview-outcome">
      <dt>{label}</dt>
      <dd>
        <strong>{people.length}</strong>
        {people.length > 0 && (
          <ul aria-label={label}>
            {people.slice(0, 8).map((person) => (
              <li key={person.id}>
                <button type="button" class="link" onClick={() => onOpenPerson(person.id)}>
                  {person.displayName}
                </button>
              </li>
            ))}
          </ul>
        )}
      </dd>
    </div>
  );
}

/** How relationships went in a period: won, lost, grown, new people, activity, experiences, drift. */
export function OverviewView({ onOpenPerson }: { onOpenPerson: (contactId: string) => void }) {
  const [period, setPeriod] = useState<Period>('month');
  const overview = useRequest(() => ask({ type: 'getOverview', period }), [period]);
  useBroadcast(() => overview.reload(), []);
  const data = overview.data;
  return (
    <section class="overview" aria-labelledby="overview-heading">
      <h2 id="overview-heading">Overview</h2>
      <label for="overview-period">Period</label>{' '}
      <select id="overview-period" value={period} onChange={(e) => setPeriod(e.currentTarget.value as Period)}>
        {(Object.keys(PERIODS) as Period[]).map((p) => (
          <option key={p} value={p}>
            {PERIODS[p]}
          </option>
        ))}
      </select>
      {overview.error && (
        <p role="alert" class="error">
          {overview.error}
        </p>
      )}
      {!data ? (
        <p class="loading">Loading…</p>
      ) : (
        <>
          <dl class="overview-outcomes">
            <People label="Won" people={data.won} onOpenPerson={onOpenPerson} />
            <People label="Lost" people={data.lost} onOpenPerson={onOpenPerson} />
            <People label="Grown" people={data.grown} onOpenPerson={onOpenPerson} />
            <div class="overview-outcome">
              <dt>New people met</dt>
              <dd>
                <strong>{data.newPeople}</strong>
              </dd>
            </div>
            <People label="Drifting now" people={data.drifting} onOpenPerson={onOpenPerson} />
          </dl>
          {data.driftingCount > data.drifting.length && <p class="muted">{data.driftingCount} people are past their keep-in-touch cadence.</p>}
          <h3>Interactions logged</h3>
          <BarChart title="Interactions logged by kind" bars={LoggableKind.options.map((kind) => ({ label: KIND_LABELS[kind], value: data.byKind[kind] }))} />
          <p class="muted">Also seen in {data.sightings} mail {data.sightings === 1 ? 'thread' : 'threads'}.</p>
          <ColumnChart title="Interactions logged over the period" columns={data.activity.map((c) => ({ label: columnLabel(period, c.start), value: c.count }))} />
          <h3>How it went</h3>
          <BarChart
            title="Experiences"
            bars={(['positive', 'neutral', 'negative'] as const).map((mark) => ({ label: EXPERIENCE_LABELS[mark], value: data.experiences[mark], tone: mark }))}
          />
        </>
      )}
    </section>
  );
}
