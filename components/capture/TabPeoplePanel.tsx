import { t, tCount } from '../../utils/i18n';
import { PageEmptyState } from './PageEmptyState';
import { PeopleList } from './PeopleList';
import type { Loaded } from '../shared/use-request';
import type { PeopleOfTab } from './use-tab-people';
import { TeamsAndMailboxes } from './TeamsAndMailboxes';
import { MeetingPrep } from '../meetings/MeetingPrep';

interface Props {
  tabId: number | undefined;
  /** The tab's people, read by the panel (it also decides which card they open). */
  tabPeople: Loaded<PeopleOfTab>;
  selectedId?: string;
  onSelect: (contactId: string) => void;
}

/** "People on this page" for a tab. */
export function TabPeoplePanel({ tabId, tabPeople, selectedId, onSelect }: Props) {
  if (tabPeople.error)
    return (
      <p role="alert" class="error">
        {tabPeople.error}
      </p>
    );
  // Until this tab's answer comes, the list of the tab shown before is not shown under it.
  const ofThisTab = tabPeople.data?.tabId === tabId ? tabPeople.data?.people : undefined;
  const people = ofThisTab?.people ?? [];
  if (tabId === undefined) return null;
  return (
    <section aria-labelledby="on-page-heading" class="on-page">
      {ofThisTab?.event && <MeetingPrep tabId={tabId} event={ofThisTab.event} guests={people} onSelect={onSelect} />}
      <h2 id="on-page-heading">{t('onPageTitle')}</h2>
      {people.length === 0 ? <PageEmptyState tabId={tabId} /> : <PeopleList people={people} tabId={tabId} selectedId={selectedId} onSelect={onSelect} />}
      {ofThisTab?.truncated && (
        <p class="notice" role="status">
          {tCount('onPageTruncated', people.length)}
        </p>
      )}
      <TeamsAndMailboxes
        mailboxes={(tabPeople.data?.tabId === tabId && tabPeople.data.people?.mailboxes) || []}
        tabId={tabId}
        selectedId={selectedId}
        onSelect={onSelect}
      />
    </section>
  );
}
