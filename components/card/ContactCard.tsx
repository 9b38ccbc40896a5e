import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { AutosaveField } from './AutosaveField';
import { ContactDetails } from './ContactDetails';
import { ExportPersonVCard } from './ExportPersonVCard';
import { DeletePerson } from './DeletePerson';
import { ContactFacts } from './ContactFacts';
import { CadenceState } from './CadenceState';
import { ContactFollowUps } from '../followups/ContactFollowUps';
import { TimelineOwner } from './timeline-owner';
import { NoteComposer } from '../capture/NoteComposer';
import { Timeline } from '../timeline/Timeline';
import { useBroadcast } from '../shared/use-broadcast';
import { useRequest } from '../shared/use-request';

/** One person: name, what matters to them, facts, details, a composer and their history. */
export function ContactCard({ contactId }: { contactId: string }) {
  const contact = useRequest(() => ask({ type: 'getContact', contactId }), [contactId]);
  useBroadcast((message) => message.contactIds?.includes(contactId) && contact.reload(), [contactId]);

  if (contact.error)
    return (
      <p role="alert" class="error">
        {contact.error}
      </p>
    );
  if (contact.data === null) return <p class="empty">{t('cardGone')}</p>;
  if (!contact.data) return <p class="loading">{t('commonLoading')}</p>;
  const person = contact.data;
  return (
    <article class="card" aria-labelledby="card-name">
      <h2 id="card-name">{person.displayName}</h2>
      <ul class="identities" aria-label={t('cardAddresses')}>
        {person.identities.map((identity) => (
          <li key={`${identity.kind}:${identity.value}`}>{identity.value}</li>
        ))}
      </ul>
      <ContactFacts contact={person} />
      <CadenceState contact={person} />
      <div class="what-matters">
        <AutosaveField
          id="field-what-matters"
          label={t('cardWhatMatters')}
          multiline
          placeholder={t('cardWhatMattersPlaceholder')}
          value={person.whatMatters ?? ''}
          onSave={(v) => ask({ type: 'updateContact', contactId, patch: { whatMatters: v.trim() === '' ? null : v } }).then(() => undefined)}
        />
      </div>
      <details class="more">
        <summary>{t('cardDetails')}</summary>
        <AutosaveField
          id="field-name"
          label={t('cardName')}
          value={person.displayName}
          onSave={(v) => ask({ type: 'updateContact', contactId, patch: { displayName: v } }).then(() => undefined)}
        />
        <ContactDetails contact={person} />
        <ExportPersonVCard contact={person} />
        <DeletePerson contact={person} />
      </details>
      <ContactFollowUps contactId={contactId} />
      <NoteComposer
        onSave={async ({ text, kind, experience, requestId }) => {
          await ask({ type: 'logInteraction', contactIds: [contactId], kind, text, requestId, ...(experience && { experience }) });
        }}
      />
      <h3>{t('cardHistory')}</h3>
      <TimelineOwner.Provider value={contactId}>
        <Timeline contactId={contactId} />
      </TimelineOwner.Provider>
    </article>
  );
}
