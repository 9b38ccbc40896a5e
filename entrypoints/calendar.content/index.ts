import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '../../utils/content/page-watcher';
import { reportSighting } from '../../utils/messaging/content-client';
import { googleCalendarRecogniser } from '../../utils/recognise/calendar/google';
import { googleCalendarSite } from '../../utils/sites/google-calendar';

/** Google Calendar: report the guests of the event open in its popup or its page. */
export default defineContentScript({
  matches: googleCalendarSite.matches,
  runAt: 'document_idle',
  main(ctx) {
    watchPage(ctx, googleCalendarRecogniser, reportSighting);
  },
});
