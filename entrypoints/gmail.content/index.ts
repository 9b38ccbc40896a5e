import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '../../utils/content/page-watcher';
import { reportSighting } from '../../utils/messaging/content-client';
import { gmailRecogniser } from '../../utils/recognise/gmail/recogniser';
import { gmailSite } from '../../utils/sites/gmail';

/** Gmail: report the people of the open thread as the user moves through mail. */
export default defineContentScript({
  matches: gmailSite.matches,
  runAt: 'document_idle',
  main(ctx) {
    watchPage(ctx, gmailRecogniser, reportSighting);
  },
});
