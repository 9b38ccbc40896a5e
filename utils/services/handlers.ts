import { broadcast } from '../messaging/client';
import type { RouterHandlers } from '../messaging/router';
import { readTx, type TendDatabase } from '../db/schema';
import { getContact } from '../db/contacts-repo';
import { listTimeline } from '../db/interactions-repo';
import { learnOwnAddresses } from '../settings';
import { getTabPeople, setTabPeople } from '../tab-people';
import { captureRulesFrom } from './capture-rules';
import { addNote } from './notes';
import { recordSighting } from './sightings';
import { readTabOnce, syncWebReader } from './site-access';

/** What the background does for each message the router accepts. */
export function createHandlers(db: Promise<TendDatabase>, clock: () => number = Date.now): RouterHandlers {
  return {
    async content(request, from) {
      const rules = captureRulesFrom(await learnOwnAddresses(request.self));
      const now = clock();
      // The page URL comes from the sender: a page cannot file its people under another address.
      const sighting = { ...request, page: { ...request.page, url: from.pageUrl } };
      const outcome = await recordSighting(await db, sighting, rules, now);
      await setTabPeople(from.tabId, {
        url: from.pageUrl,
        title: request.page.title,
        people: outcome.people,
        truncated: request.truncated ?? false,
        seenAt: now,
      });
      await broadcast({ type: 'changed', tabId: from.tabId, contactIds: outcome.changedContactIds });
    },
    page: {
      getTabPeople: ({ tabId }) => getTabPeople(tabId),
      getContact: async ({ contactId }) => (await getContact(readTx(await db, ['contacts']), contactId)) ?? null,
      getTimeline: async ({ contactId, limit }) =>
        listTimeline(readTx(await db, ['timeline', 'interactions']), contactId, limit),
      async addNote({ contactId, text }) {
        const note = await addNote(await db, contactId, text, clock());
        await broadcast({ type: 'changed', contactIds: [contactId] });
        return note;
      },
      readTab: ({ tabId }) => readTabOnce(tabId),
      syncSiteAccess: () => syncWebReader(),
    },
  };
}
