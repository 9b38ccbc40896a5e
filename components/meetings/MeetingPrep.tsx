import { useState } from 'preact/hooks';
import { dateFormat, t, tCount } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import type { CalendarEvent, TabPerson } from '../../utils/model/records';
import { useBroadcast } from '../shared/use-broadcast';
import { useRequest } from '../shared/use-request';
import { GuestPrepList } from './GuestPrepList';
import './meeting.css';

const whenFormat = dateFormat({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });
const endFormat = dateFormat({ hour: 'numeric', minute: '2-digit' });

interface Props {
  tabId: number;
  event: CalendarEvent;
  /** The tab's people: the event's guests (the user left out). */
  guests: TabPerson[];
  onSelect: (contactId: string) => void;
}

/** When the event is, as the user reads dates ("Thu, 12 Mar 2026, 15:00 – 16:00"). */
function whenOf(event: CalendarEvent): string | undefined {
  if (event.start === undefined) return undefined;
  const start = whenFormat().format(event.start);
  return event.end === undefined ? start : `${start} – ${endFormat().format(event.end)}`;
}

/**
 * The calendar event the page shows: its title and time, what to know about each guest before
 * meeting them, and "Log this meeting" (one meeting entry on each saved guest, once per event).
 */
export function MeetingPrep({ tabId, event, guests, onSelect }: Props) {
  const prep = useRequest(() => ask({ type: 'getMeetingPrep', tabId }), [tabId, event.key, guests.map((g) => g.contactId).join()]);
  useBroadcast(() => prep.reload(), [tabId]);
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();
  const [busy, setBusy] = useState(false);
  const when = whenOf(event);
  const logThisMeeting = async () => {
    setBusy(true);
    try {
      const { logged, alreadyLogged } = await ask({ type: 'logMeeting', tabId });
      setStatus({ text: logged > 0 ? tCount('meetingLogged', logged) : tCount('meetingAlreadyLogged', alreadyLogged) });
    } catch (failure) {
      setStatus({ text: failure instanceof Error ? failure.message : String(failure), error: true });
    } finally {
      setBusy(false);
    }
  };
  const allLogged = prep.data !== undefined && prep.data.length > 0 && prep.data.every((guest) => guest.logged);
  return (
    <section aria-labelledby="meeting-heading" class="meeting">
      <h2 id="meeting-heading">{t('meetingHeading')}</h2>
      <p class="meeting-title">{event.title || t('meetingUntitled')}</p>
      {when && <p class="meeting-when">{when}</p>}
      <p class="meeting-guests">{tCount('meetingGuests', guests.length)}</p>
      {prep.data && <GuestPrepList prep={prep.data} guests={guests} onSelect={onSelect} />}
      <div class="meeting-actions">
        <button type="button" disabled={busy} onClick={() => void logThisMeeting()}>
          {t('meetingLog')}
        </button>
        {allLogged && !status && <span class="meeting-logged">{t('meetingLoggedBefore')}</span>}
      </div>
      {status && (
        <p role={status.error ? 'alert' : 'status'} class={status.error ? 'error' : 'notice'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
