import { useEffect, useState } from 'preact/hooks';
import { ContactCard } from '../../components/card/ContactCard';
import { DeletedPersonNotice } from '../../components/card/DeletedPersonNotice';
import { FollowUpsView } from '../../components/followups/FollowUpsView';
import { PeopleView } from '../../components/people/PeopleView';
import { QuickNote } from '../../components/capture/QuickNote';
import { notePeople } from '../../components/capture/note-people';
import { SearchView } from '../../components/search/SearchView';
import { SyncStateLine } from '../../components/sync/SyncStateLine';
import { TabPeoplePanel } from '../../components/capture/TabPeoplePanel';
import { useMenuDraft } from '../../components/capture/use-menu-draft';
import { useTabPeople } from '../../components/capture/use-tab-people';
import { useCardFollowsThread, type OpenCard } from '../../components/card/card-follows-thread';
import { useOpenPersonRequests } from '../../components/card/use-open-person';
import { useTabId } from '../../components/shared/use-tab-id';
import { t, type MessageKey } from '../../utils/i18n';
import type { TabPeople } from '../../utils/model/records';

const VIEWS = [
  ['page', 'panelViewPage'],
  ['people', 'panelViewPeople'],
  ['search', 'panelViewSearch'],
  ['followups', 'panelViewFollowUps'],
] as const satisfies readonly (readonly [string, MessageKey])[];
type View = (typeof VIEWS)[number][0];

const NO_CARD: OpenCard = { pinned: false };

/** The side panel: the people on the current tab and their cards; search; follow-ups. */
export function App() {
  const tabId = useTabId();
  const [view, setView] = useState<View>('page');
  const [card, setCard] = useState<OpenCard>(NO_CARD);
  const tabPeople = useTabPeople(tabId);
  const menuDraftWaiting = useMenuDraft(tabId);
  // Another person's card starts unpinned.
  const showCard = (contactId: string | undefined) => setCard((open) => (open.contactId === contactId ? open : { contactId, pinned: false }));
  // Another tab shows other people: start from its list rather than a stale card, unless pinned.
  useEffect(() => setCard((open) => (open.pinned ? open : NO_CARD)), [tabId]);
  // Another thread in the same tab: the card follows it (see cardForPeople).
  useCardFollowsThread(tabId, tabPeople.data, card, showCard);
  const openPerson = (contactId: string) => {
    showCard(contactId);
    setView('page');
  };
  // A clicked follow-up reminder names a person: show their card (after the tab reset above).
  useOpenPersonRequests(tabId !== undefined, openPerson);
  return (
    <main class="panel">
      <nav class="views" aria-label={t('panelViews')}>
        {VIEWS.map(([id, label]) => (
          <button key={id} type="button" aria-current={view === id ? 'page' : undefined} onClick={() => setView(id)}>
            {t(label)}
          </button>
        ))}
      </nav>
      <SyncStateLine />
      {tabId !== undefined && menuDraftWaiting && (
        <section aria-labelledby="log-heading" class="log-this">
          <h2 id="log-heading">{t('panelLogThis')}</h2>
          <MenuComposer tabId={tabId} tabPeople={tabPeople.data?.tabId === tabId ? tabPeople.data.people : undefined} openCardId={card.contactId} />
        </section>
      )}
      {view === 'people' && <PeopleView onOpenPerson={openPerson} />}
      {view === 'search' && <SearchView onOpenPerson={openPerson} />}
      {view === 'followups' && <FollowUpsView onOpenPerson={openPerson} />}
      {view === 'page' && (
        <>
          <DeletedPersonNotice onDeleted={(id) => setCard((open) => (open.contactId === id ? NO_CARD : open))} onRestored={openPerson} />
          <TabPeoplePanel tabId={tabId} tabPeople={tabPeople} selectedId={card.contactId} onSelect={showCard} />
          {card.contactId && (
            <ContactCard
              key={card.contactId}
              contactId={card.contactId}
              pinned={card.pinned}
              onPin={(pinned) => setCard((open) => ({ ...open, pinned }))}
              onClose={() => setCard(NO_CARD)}
            />
          )}
        </>
      )}
    </main>
  );
}

/** "Log this interaction" finished here: for the open card's person or the one correspondent, the page's people one click away. */
function MenuComposer({ tabId, tabPeople, openCardId }: { tabId: number; tabPeople: TabPeople | null | undefined; openCardId: string | undefined }) {
  const { offered, preselect } = notePeople(tabPeople, openCardId);
  return <QuickNote tabId={tabId} pagePeople={offered} preselect={preselect} fromMenu />;
}
