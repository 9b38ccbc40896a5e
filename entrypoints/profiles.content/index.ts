import { defineContentScript } from 'wxt/utils/define-content-script';
import { watchPage } from '../../utils/content/page-watcher';
import { reportSighting } from '../../utils/messaging/content-client';
import { githubRecogniser } from '../../utils/recognise/profiles/github';
import { linkedinRecogniser } from '../../utils/recognise/profiles/linkedin';
import { githubSite } from '../../utils/sites/github';
import { LINKEDIN_HOST, linkedinSite } from '../../utils/sites/linkedin';

/** GitHub and LinkedIn profile pages: read the person the page is about. Reads only, injects nothing. */
export default defineContentScript({
  matches: [...githubSite.matches, ...linkedinSite.matches],
  runAt: 'document_idle',
  main(ctx) {
    const recogniser = location.hostname.endsWith(LINKEDIN_HOST) ? linkedinRecogniser : githubRecogniser;
    watchPage(ctx, recogniser, reportSighting);
  },
});
