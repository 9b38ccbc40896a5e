import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '../../utils/content/page-watcher';
import { reportSighting } from '../../utils/messaging/content-client';
import { outlookRecogniser } from '../../utils/recognise/outlook/recogniser';
import { outlookSite } from '../../utils/sites/outlook';

/** Outlook on the web: report the people of the open message or draft. */
export default defineContentScript({
  matches: outlookSite.matches,
  runAt: 'document_idle',
  main(ctx) {
    watchPage(ctx, outlookRecogniser, reportSighting);
  },
});
