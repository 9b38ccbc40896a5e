import { useEffect, useState } from 'preact/hooks';
import { ContactCard } from '../../components/ContactCard';
import { QuickNote } from '../../components/QuickNote';
import { TabPeoplePanel } from '../../components/TabPeoplePanel';
import { useMenuDraft } from '../../components/use-menu-draft';
import { useTabId } from '../../components/use-tab-id';

/** The side panel: the people on the current tab, and the card of the one the user picks. */
export function App() {
  const tabId = useTabId();
  const [selected, setSelected] = useState<string>();
  const menuDraftWaiting = useMenuDraft(tabId);
  // Another tab shows other people: start from its list rather than a stale card.
  useEffect(() => setSelected(undefined), [tabId]);
  return (
    <main class="panel">
      {tabId !== undefined && menuDraftWaiting && (
        <section aria-labelledby="log-heading" class="log-this">
          <h2 id="log-heading">Log this interaction</h2>
          <QuickNote tabId={tabId} pagePeople={[]} />
        </section>
      )}
      <TabPeoplePanel tabId={tabId} selectedId={selected} onSelect={setSelected} />
      {selected && <ContactCard key={selected} contactId={selected} />}
    </main>
  );
}
