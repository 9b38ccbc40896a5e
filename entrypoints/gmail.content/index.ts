import { defineContentScript } from 'wxt/utils/define-content-script';
import { gmailRecogniser } from '../../utils/recognise/gmail';
import { watchPage } from '../../utils/recognise/page-watcher';

/** Gmail: report the people of the open thread as the user moves through mail. */
export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    watchPage(ctx, gmailRecogniser);
  },
});
