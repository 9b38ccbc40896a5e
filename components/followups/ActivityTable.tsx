import { t } from '../../utils/i18n';

/** One row: a stretch of time, its logged interactions and the people in touch. */
export interface ActivityRow {
  label: string;
  interactions: number;
  people: number;
}

/** The charts' numbers as a table, folded away: what a screen reader or a careful reader can check. */
export function ActivityTable({ caption, timeHeading, rows }: { caption: string; timeHeading: string; rows: ActivityRow[] }) {
  return (
    <details class="activity-table">
      <summary>{t('overviewShowNumbers')}</summary>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{timeHeading}</th>
            <th scope="col">{t('overviewInteractionsAxis')}</th>
            <th scope="col">{t('overviewPeopleAxis')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.interactions}</td>
              <td>{row.people}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
