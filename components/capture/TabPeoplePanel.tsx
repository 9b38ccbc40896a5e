import { t, tCount } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { PeopleList } from './PeopleList';
import { useBroadcast } from '../shared/use-broadcast';
import { useRequest } from '../shared/use-request';

interface Props {
  tabId: number | undefined;
  selectedId?: string;
  onSelect: (contactId: string) => void;
}

/** "People on this page" for a tab, refreshed whenever the background says the tab changed. */
export function TabPeoplePanel({ tabId, selectedId, onSelect }: Props) {
  const tabPeople = useRequest(tabId === undefined ? undefined : () => ask({ type: 'getTabPeople', tabId }), [tabId]);
  useBroadcast(
    (message) => {
      if (message.tabId === tabId || message.tabId === undefined) tabPeople.reload();
    },
    [tabId],
  );
  if (tabPeople.error)
    return (
      <p role="alert" class="error">
        {tabPeople.error}
      </p>
    );
  const people = tabPeople.data?.people ?? [];
  if (tabId === undefined) return null;
  return (
    <section aria-labelledby="on-page-heading">
      <h2 id="on-page-heading">{t('onPageTitle')}</h2>
      {people.length === 0 ? <p class="empty">{t('onPageEmpty')}</p> : <PeopleList people={people} tabId={tabId} selectedId={selectedId} onSelect={onSelect} />}
      {tabPeople.data?.truncated && (
        <p class="notice" role="status">
          {tCount('onPageTruncated', people.length)}
        </p>
      )}
    </section>
  );
}
