import { ask } from '../utils/messaging/client';
import { NoteComposer } from './NoteComposer';
import { Timeline } from './Timeline';
import { useBroadcast } from './use-broadcast';
import { useRequest } from './use-request';

/** One person: name, addresses, a note composer and their history newest first. */
export function ContactCard({ contactId }: { contactId: string }) {
  const contact = useRequest(() => ask({ type: 'getContact', contactId }), [contactId]);
  const timeline = useRequest(() => ask({ type: 'getTimeline', contactId, limit: 50 }), [contactId]);
  useBroadcast(
    (message) => {
      if (!message.contactIds?.includes(contactId)) return;
      contact.reload();
      timeline.reload();
    },
    [contactId],
  );

  const error = contact.error ?? timeline.error;
  if (error) return <p role="alert" class="error">{error}</p>;
  if (contact.data === null) return <p class="empty">This person is no longer in Tend.</p>;
  if (!contact.data) return <p class="loading">Loading…</p>;
  const person = contact.data;
  return (
    <article class="card" aria-labelledby="card-name">
      <h2 id="card-name">{person.displayName}</h2>
      <ul class="identities" aria-label="Addresses">
        {person.identities.map((identity) => (
          <li key={`${identity.kind}:${identity.value}`}>{identity.value}</li>
        ))}
      </ul>
      <NoteComposer
        onSave={async (text, requestId) => {
          await ask({ type: 'logInteraction', contactIds: [contactId], kind: 'note', text, requestId });
          timeline.reload();
        }}
      />
      <h3>History</h3>
      <Timeline entries={timeline.data ?? []} />
    </article>
  );
}
