import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '../../utils/content/page-watcher';
import { reportSighting } from '../../utils/messaging/content-client';
import { outlookCalendarRecogniser } from '../../utils/recognise/calendar/outlook';
import { outlookRecogniser } from '../../utils/recognise/outlook/recogniser';
import { matchesPattern } from '../../utils/sites/match-pattern';
import { outlookSite } from '../../utils/sites/outlook';
import { outlookCalendarSite } from '../../utils/sites/outlook-calendar';

/** Outlook on the web: report the people of the open message or draft, or the guests of the open calendar event. */
export default defineContentScript({
  matches: [...outlookSite.matches, ...outlookCalendarSite.matches],
  runAt: 'document_idle',
  main(ctx) {
    // Mail and calendar are one app: a move between them is a navigation, not a new page.
    const isCalendar = (url: URL) => outlookCalendarSite.matches.some((pattern) => matchesPattern(pattern, url));
    watchPage(ctx, (url) => (isCalendar(url) ? outlookCalendarRecogniser : outlookRecogniser), reportSighting);
  },
});
