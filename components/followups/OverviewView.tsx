import { useState } from 'preact/hooks';
import { dateFormat, t, tCount, type MessageKey } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { Overview } from '../../utils/messaging/features/followups';
import { LoggableKind } from '../../utils/model/records';
import { ActivityTable } from './ActivityTable';
import { BarChart } from './BarChart';
import { ColumnChart } from './ColumnChart';
import { LastWeek } from './LastWeek';
import { experienceLabel, kindLabel } from '../shared/labels';
import { useBroadcast } from '../shared/use-broadcast';
import { useRequest } from '../shared/use-request';

const PERIODS = { month: 'overviewMonth', quarter: 'overviewQuarter', year: 'overviewYear' } as const satisfies Record<string, MessageKey>;
type Period = keyof typeof PERIODS;

const dayLabel = dateFormat({ weekday: 'short', day: 'numeric', month: 'short' });
const monthLabel = dateFormat({ month: 'long' });
const shortDay = dateFormat({ day: 'numeric', month: 'short' });
const shortMonth = dateFormat({ month: 'short' });
const columnLabel = (period: Period, start: number) =>
  period === 'year' ? monthLabel().format(start) : period === 'quarter' ? t('overviewWeekOf', dayLabel().format(start)) : dayLabel().format(start);
/** The date under a column: "3 May" for a day or the week starting then, "Jan" for a month. */
const columnTick = (period: Period, start: number) => (period === 'year' ? shortMonth().format(start) : shortDay().format(start));
const TIME_AXIS = { month: 'overviewAxisDay', quarter: 'overviewAxisWeek', year: 'overviewAxisMonth' } as const satisfies Record<Period, MessageKey>;

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

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div class="overview-outcome">
      <dt>{label}</dt>
      <dd>
        <strong>{value}</strong>
      </dd>
    </div>
  );
}

/** How relationships went in a period: won, lost, grown, new people, the last week, activity, experiences, drift. */
export function OverviewView({ onOpenPerson }: { onOpenPerson: (contactId: string) => void }) {
  const [period, setPeriod] = useState<Period>('month');
  const overview = useRequest(() => ask({ type: 'getOverview', period }), [period]);
  useBroadcast(() => overview.reload(), []);
  const data = overview.data;
  return (
    <section class="overview" aria-labelledby="overview-heading">
      <h2 id="overview-heading">{t('overviewTitle')}</h2>
      <label for="overview-period">{t('overviewPeriod')}</label>{' '}
      <select id="overview-period" value={period} onChange={(e) => setPeriod(e.currentTarget.value as Period)}>
        {(Object.keys(PERIODS) as Period[]).map((p) => (
          <option key={p} value={p}>
            {t(PERIODS[p])}
          </option>
        ))}
      </select>
      {overview.error && (
        <p role="alert" class="error">
          {overview.error}
        </p>
      )}
      {!data ? (
        <p class="loading">{t('commonLoading')}</p>
      ) : (
        <>
          <dl class="overview-outcomes">
            <People label={t('overviewWon')} people={data.won} onOpenPerson={onOpenPerson} />
            <People label={t('overviewLost')} people={data.lost} onOpenPerson={onOpenPerson} />
            <People label={t('overviewGrown')} people={data.grown} onOpenPerson={onOpenPerson} />
            <Count label={t('overviewNewPeople')} value={data.newPeople} />
            <Count label={t('overviewPeopleInTouch')} value={data.peopleInTouch} />
            <People label={t('overviewDriftingNow')} people={data.drifting} onOpenPerson={onOpenPerson} />
          </dl>
          {data.driftingCount > data.drifting.length && <p class="muted">{tCount('overviewDriftingCount', data.driftingCount)}</p>}
          <LastWeek week={data.lastWeek} onOpenPerson={onOpenPerson} />
          <h3>{t('overviewInteractions')}</h3>
          <BarChart
            title={t('overviewByKind')}
            valueAxis={t('overviewCountAxis')}
            bars={LoggableKind.options.map((kind) => ({ label: kindLabel(kind), value: data.byKind[kind] }))}
          />
          <p class="muted">{tCount('overviewSightings', data.sightings)}</p>
          <h3>{t('overviewOverTimeHeading')}</h3>
          <ColumnChart
            title={t('overviewOverTime')}
            valueAxis={t('overviewInteractionsAxis')}
            timeAxis={t(TIME_AXIS[period])}
            columns={data.activity.map((c) => ({ label: columnLabel(period, c.start), tick: columnTick(period, c.start), value: c.count }))}
          />
          <ColumnChart
            title={t('overviewPeopleOverTime')}
            valueAxis={t('overviewPeopleAxis')}
            timeAxis={t(TIME_AXIS[period])}
            total={data.peopleInTouch}
            columns={data.activity.map((c) => ({ label: columnLabel(period, c.start), tick: columnTick(period, c.start), value: c.people }))}
          />
          <ActivityTable
            caption={t('overviewTableCaption')}
            timeHeading={t(TIME_AXIS[period])}
            rows={data.activity.map((c) => ({ label: columnLabel(period, c.start), interactions: c.count, people: c.people }))}
          />
          <h3>{t('overviewHowItWent')}</h3>
          <BarChart
            valueAxis={t('overviewCountAxis')}
            title={t('overviewExperiences')}
            bars={(['positive', 'neutral', 'negative'] as const).map((mark) => ({ label: experienceLabel(mark), value: data.experiences[mark], tone: mark }))}
          />
        </>
      )}
    </section>
  );
}
