import { broadcast } from '../messaging/client';
import type { RouterHandlers } from '../messaging/router';
import { readTx, type TendDatabase } from '../db/schema';
import { getContact } from '../db/contacts-repo';
import { listTimeline } from '../db/interactions-repo';
import { learnOwnAddresses, updateSettings } from '../settings';
import { getTabPeople, setTabPeople } from '../tab-people';
import { captureRulesFrom } from './capture-rules';
import { addIdentity, removeIdentity, updateContact } from './contact-edits';
import { contactFacts } from './facts';
import { deleteInteraction, editInteraction, logInteraction, restoreInteraction } from './log';
import { createContact, findPeople, getContacts, recentEntries } from './people';
import { createFollowUpHandlers } from './followups-handlers';
import { createSearchHandlers } from './search-handlers';
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
      ...createSearchHandlers(db, clock),
      ...createFollowUpHandlers(db, clock),
      getTabPeople: ({ tabId }) => getTabPeople(tabId),
      getContact: async ({ contactId }) => (await getContact(readTx(await db, ['contacts']), contactId)) ?? null,
      getTimeline: async ({ contactId, limit, before }) =>
        listTimeline(readTx(await db, ['timeline', 'interactions']), contactId, limit, before),
      getContactFacts: async ({ contactId, since }) => contactFacts(await db, contactId, since),
      async updateContact({ contactId, patch }) {
        const contact = await updateContact(await db, contactId, patch, clock());
        await broadcast({ type: 'changed', contactIds: [contactId] });
        return contact;
      },
      async addIdentity({ contactId, value }) {
        const contact = await addIdentity(await db, contactId, value, clock());
        await broadcast({ type: 'changed', contactIds: [contactId] });
        return contact;
      },
      async removeIdentity({ contactId, identity }) {
        const contact = await removeIdentity(await db, contactId, identity, clock());
        await broadcast({ type: 'changed', contactIds: [contactId] });
        return contact;
      },
      async editInteraction({ interactionId, text, kind, experience }) {
        const entry = await editInteraction(await db, interactionId, { text, kind, experience }, clock());
        await broadcast({ type: 'changed', contactIds: entry.contactIds });
        return entry;
      },
      async restoreInteraction({ interaction }) {
        const entry = await restoreInteraction(await db, interaction);
        await broadcast({ type: 'changed', contactIds: entry.contactIds });
        return entry;
      },
      async logInteraction(request) {
        const entry = await logInteraction(await db, request, clock());
        await broadcast({ type: 'changed', contactIds: entry.contactIds });
        return entry;
      },
      async deleteInteraction({ interactionId }) {
        const removed = await deleteInteraction(await db, interactionId, clock());
        if (removed) await broadcast({ type: 'changed', contactIds: removed.contactIds });
        return { deleted: removed !== undefined };
      },
      findPeople: async ({ query, limit }) => findPeople(await db, query, limit),
      getContacts: async ({ contactIds }) => getContacts(await db, contactIds),
      async createContact(request) {
        const contact = await createContact(await db, request, clock());
        await broadcast({ type: 'changed', contactIds: [contact.id] });
        return contact;
      },
      recentEntries: async ({ contactIds, limit }) => recentEntries(await db, contactIds, limit),
      updateSettings: ({ patch }) =>
        // Only the fields the page sent: absent fields keep their latest stored value.
        updateSettings((current) => ({ ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) })),
      readTab: ({ tabId }) => readTabOnce(tabId),
      syncSiteAccess: () => syncWebReader(),
    },
  };
}
