import { defineContentScript } from 'wxt/utils/define-content-script';
import { gmailRecogniser } from '../../utils/recognise/gmail/recogniser';
import { watchPage } from '../../utils/content/page-watcher';
import { reportSighting } from '../../utils/messaging/content-client';
import { MAIL_SITE_MATCHES } from '../../utils/recognise/sites';

/** Gmail: report the people of the open thread as the user moves through mail. */
export default defineContentScript({
  matches: MAIL_SITE_MATCHES.filter((pattern) => pattern.includes('mail.google.com')),
  runAt: 'document_idle',
  main(ctx) {
    watchPage(ctx, gmailRecogniser, reportSighting);
  },
});
