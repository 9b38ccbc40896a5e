import { t } from '../../utils/i18n';
import type { TabPerson } from '../../utils/model/records';
import { PeopleList } from './PeopleList';

interface Props {
  /** The tab's role addresses and mailing lists, as the worker classified them. */
  mailboxes: TabPerson[];
  tabId: number;
  selectedId?: string;
  onSelect: (contactId: string) => void;
}

/** "Teams and mailboxes": a page's info@, press@, noreply@ and mailing lists, apart from its people. */
export function TeamsAndMailboxes({ mailboxes, tabId, selectedId, onSelect }: Props) {
  if (mailboxes.length === 0) return null;
  return (
    <section aria-labelledby="teams-heading">
      <h3 id="teams-heading">{t('teamsTitle')}</h3>
      <p class="muted">{t('teamsNote')}</p>
      <PeopleList people={mailboxes} tabId={tabId} selectedId={selectedId} onSelect={onSelect} label={t('teamsListLabel')} />
    </section>
  );
}
