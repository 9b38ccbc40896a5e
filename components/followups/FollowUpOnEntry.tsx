import { useContext, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import type { Interaction } from '../../utils/model/records';
import { FollowUpForm } from './FollowUpForm';
import { entrySummaryText } from '../shared/labels';
import { TimelineOwner } from '../card/timeline-owner';

/** "Follow up on this" under a history entry: a follow-up linked to the entry, for the timeline's person. */
export function FollowUpOnEntry({ entry }: { entry: Interaction }) {
  const owner = useContext(TimelineOwner);
  const [open, setOpen] = useState(false);
  const contactId = owner && entry.contactIds.includes(owner) ? owner : entry.contactIds[0];
  if (!contactId) return null;
  // A stage change reads as words ("Stage: Prospect → Won"), not as the record it is stored as.
  const summary = entrySummaryText(entry);
  if (!open) {
    return (
      <button type="button" class="link" aria-label={t('followUpOnThisNamed', summary.slice(0, 40))} onClick={() => setOpen(true)}>
        {t('followUpOnThis')}
      </button>
    );
  }
  return (
    <div class="entry-followup">
      <FollowUpForm
        contactId={contactId}
        entryId={entry.id}
        idPrefix={`followup-${entry.id}`}
        defaultText={summary.slice(0, 200)}
        onSaved={() => setOpen(false)}
      />
      <button type="button" class="link" onClick={() => setOpen(false)}>
        {t('commonCancel')}
      </button>
    </div>
  );
}
