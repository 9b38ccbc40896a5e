import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { AutosaveField } from './AutosaveField';
import { CardActions } from './CardActions';
import { CardHeader } from './CardHeader';
import { ContactDetails } from './ContactDetails';
import { ExportPersonVCard } from './ExportPersonVCard';
import { DeletePerson } from './DeletePerson';
import { ContactFacts } from './ContactFacts';
import { CadenceState } from './CadenceState';
import { ContactFollowUps } from '../followups/ContactFollowUps';
import { TimelineOwner } from './timeline-owner';
import { Timeline } from '../timeline/Timeline';
import { AlsoKnownTo } from '../sync/AlsoKnownTo';
import { useShownCard } from '../capture/use-shown-card';
import { useBroadcast } from '../shared/use-broadcast';
import { concernsPerson } from '../../utils/messaging/changed';
import { useRequest } from '../shared/use-request';

interface Props {
  contactId: string;
  pinned?: boolean;
  onPin?: (pinned: boolean) => void;
  onClose?: () => void;
}

/**
 * One person, compact: who they are and where things stand, what matters to them, then a note
 * or a reminder at once; their follow-ups, details (all editable) and history below.
 */
export function ContactCard({ contactId, pinned = false, onPin, onClose }: Props) {
  const contact = useRequest(() => ask({ type: 'getContact', contactId }), [contactId]);
  // While the card shows a person (the note box or "Remind me" open), the popup's note is for them.
  useShownCard(contact.data ? contactId : undefined);
  useBroadcast((message) => concernsPerson(message, contactId) && contact.reload(), [contactId]);

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
      <CardHeader contact={person} pinned={pinned} onPin={onPin} onClose={onClose} />
      <ContactFacts contact={person} />
      <CadenceState contact={person} />
      <AlsoKnownTo contactId={contactId} />
      <div class="what-matters">
        <AutosaveField
          id="field-what-matters"
          label={t('cardWhatMatters')}
          multiline
          placeholder={t('cardWhatMattersPlaceholder')}
          value={person.whatMatters ?? ''}
          contactId={contactId}
          field="whatMatters"
          guarded
          toPatch={(v) => ({ whatMatters: v.trim() === '' ? null : v })}
        />
      </div>
      <CardActions contactId={contactId} />
      <ContactFollowUps contactId={contactId} />
      <details class="more">
        <summary>{t('cardDetails')}</summary>
        <AutosaveField
          id="field-name"
          label={t('cardName')}
          value={person.displayName}
          contactId={contactId}
          field="displayName"
          toPatch={(v) => ({ displayName: v })}
        />
        <ContactDetails contact={person} />
        <ExportPersonVCard contact={person} />
        <DeletePerson contact={person} />
      </details>
      <h3>{t('cardHistory')}</h3>
      <TimelineOwner.Provider value={contactId}>
        <Timeline contactId={contactId} />
      </TimelineOwner.Provider>
    </article>
  );
}
