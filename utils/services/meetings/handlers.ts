import type { TendDatabase } from '../../db/schema';
import { TendError } from '../../errors';
import { t } from '../../i18n';
import { currentTabPeople } from '../tabs/current-tab-people';
import { logMeeting } from './log-meeting';
import { meetingPrep } from './prep';

/** Handlers of the meeting requests (see utils/messaging/features/meetings.ts). */
export function createMeetingHandlers(db: Promise<TendDatabase>, clock: () => number) {
  return {
    async logMeeting({ tabId }: { tabId: number }) {
      // The event and its guests are what the worker recorded for the tab: a page cannot name others.
      const tab = await currentTabPeople(tabId);
      if (!tab) throw new TendError('not-found', t('errorNoMeetingOnTab'));
      return logMeeting(await db, tab, clock());
    },
    async getMeetingPrep({ tabId }: { tabId: number }) {
      const tab = await currentTabPeople(tabId);
      return tab ? meetingPrep(await db, tab) : [];
    },
  };
}
