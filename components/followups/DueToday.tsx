import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { useRequest } from '../shared/use-request';

/** End of the user's day: what is due "today" includes this evening and everything overdue. */
const endOfToday = () => new Date(new Date().setHours(23, 59, 59, 999)).getTime();

/** The follow-ups due today or overdue, for the popup; nothing at all when there are none. */
export function DueToday() {
  const lists = useRequest(() => ask({ type: 'listFollowUps' }), []);
  const due = [...(lists.data?.due ?? []), ...(lists.data?.upcoming ?? [])].filter((item) => !item.done && item.due <= endOfToday());
  if (due.length === 0) return null;
  return (
    <section aria-labelledby="due-today-heading" class="due-today">
      <h2 id="due-today-heading">{t('dueTodayTitle')}</h2>
      <ul aria-label={t('dueTodayList')}>
        {due.map((item) => (
          <li key={item.id}>
            <strong>{item.contactName}</strong>: {item.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
