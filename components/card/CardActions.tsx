import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { NoteComposer } from '../capture/NoteComposer';
import { FollowUpForm } from '../followups/FollowUpForm';
import './card-actions.css';

/**
 * The two things done on a card most: write a note (shown first, ready to type in) or set a
 * reminder. One shows at a time, so the note box stays near the top of a short panel.
 */
export function CardActions({ contactId }: { contactId: string }) {
  const [action, setAction] = useState<'note' | 'remind'>('note');
  // A follow-up left half written (the panel closed) is shown again where it was being written.
  useEffect(() => {
    void ask({ type: 'getDraft', about: { kind: 'newFollowUp', contactId } }).then(
      (record) => record && setAction('remind'),
      () => undefined,
    );
  }, [contactId]);
  return (
    <section class="card-actions">
      <div class="segmented" role="group" aria-label={t('cardActions')}>
        <button type="button" aria-pressed={action === 'note'} onClick={() => setAction('note')}>
          {t('cardNote')}
        </button>
        <button type="button" aria-pressed={action === 'remind'} onClick={() => setAction('remind')}>
          {t('cardRemindMe')}
        </button>
      </div>
      {action === 'note' ? (
        <NoteComposer
          quietLabel
          draftKey={{ kind: 'person', contactId }}
          onSave={(entry) => ask({ type: 'logInteraction', contactIds: [contactId], ...entry }).then(() => undefined)}
        />
      ) : (
        <FollowUpForm contactId={contactId} idPrefix="card-followup" />
      )}
    </section>
  );
}
