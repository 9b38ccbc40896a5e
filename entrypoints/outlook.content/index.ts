import { defineContentScript } from 'wxt/utils/define-content-script';
import { outlookRecogniser } from '../../utils/recognise/outlook/recogniser';
import { watchPage } from '../../utils/content/page-watcher';
import { reportSighting } from '../../utils/messaging/content-client';
import { MAIL_SITE_MATCHES } from '../../utils/recognise/sites';

/** Outlook on the web: report the people of the open message or draft. */
export default defineContentScript({
  matches: MAIL_SITE_MATCHES.filter((pattern) => pattern.includes('outlook')),
  runAt: 'document_idle',
  main(ctx) {
    watchPage(ctx, outlookRecogniser, reportSighting);
  },
});
