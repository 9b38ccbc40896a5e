import { defineContentScript } from 'wxt/utils/define-content-script';
import { githubRecogniser } from '../../utils/recognise/profiles/github';
import { linkedinRecogniser } from '../../utils/recognise/profiles/linkedin';
import { watchPage } from '../../utils/content/page-watcher';
import { reportSighting } from '../../utils/messaging/content-client';
import { PROFILE_SITE_MATCHES } from '../../utils/recognise/sites';

/** GitHub and LinkedIn profile pages: read the person the page is about. Reads only, injects nothing. */
export default defineContentScript({
  matches: PROFILE_SITE_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const recogniser = location.hostname.endsWith('linkedin.com') ? linkedinRecogniser : githubRecogniser;
    watchPage(ctx, recogniser, reportSighting);
  },
});
