import { useEffect, useState } from 'preact/hooks';
import { ContactCard } from '../../components/ContactCard';
import { TabPeoplePanel } from '../../components/TabPeoplePanel';
import { useTabId } from '../../components/use-tab-id';

/** The side panel: the people on the current tab, and the card of the one the user picks. */
export function App() {
  const tabId = useTabId();
  const [selected, setSelected] = useState<string>();
  // Another tab shows other people: start from its list rather than a stale card.
  useEffect(() => setSelected(undefined), [tabId]);
  return (
    <main class="panel">
      <TabPeoplePanel tabId={tabId} selectedId={selected} onSelect={setSelected} />
      {selected && <ContactCard key={selected} contactId={selected} />}
    </main>
  );
}
