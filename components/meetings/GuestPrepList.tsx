import { dateFormat, t, tCount } from '../../utils/i18n';
import type { GuestPrep } from '../../utils/messaging/features/meetings';
import type { TabPerson } from '../../utils/model/records';
import { Avatar } from '../shared/Avatar';

const dueFormat = dateFormat({ day: 'numeric', month: 'short' });

interface Props {
  prep: GuestPrep[];
  guests: TabPerson[];
  onSelect: (contactId: string) => void;
}

/** "Before you meet": each saved guest with what matters to them and their open follow-ups; a click opens the card. */
export function GuestPrepList({ prep, guests, onSelect }: Props) {
  const worthShowing = prep.filter((guest) => guest.whatMatters || guest.openFollowUps > 0);
  if (worthShowing.length === 0) return null;
  const nameOf = (contactId: string) => guests.find((guest) => guest.contactId === contactId)?.displayName ?? '';
  return (
    <ul class="guest-prep" aria-label={t('meetingPrepLabel')}>
      {worthShowing.map((guest) => (
        <li key={guest.contactId}>
          <button type="button" class="guest-prep-person" onClick={() => onSelect(guest.contactId)}>
            <Avatar id={guest.contactId} name={nameOf(guest.contactId)} />
            <span class="person-name">{nameOf(guest.contactId)}</span>
          </button>
          {guest.whatMatters && (
            <p class="guest-prep-matters">
              <span class="guest-prep-label">{t('meetingWhatMatters')}</span> {guest.whatMatters}
            </p>
          )}
          {guest.openFollowUps > 0 && (
            <>
              <p class="guest-prep-label">{tCount('meetingOpenFollowUps', guest.openFollowUps)}</p>
              <ul class="guest-prep-followups">
                {guest.followUps.map((followUp) => (
                  <li key={followUp.id}>
                    {followUp.text} <span class="guest-prep-due">{t('meetingFollowUpDue', dueFormat().format(followUp.due))}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
