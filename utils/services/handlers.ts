import { broadcast } from '../messaging/client';
import type { RouterHandlers } from '../messaging/router';
import { readTx, type TendDatabase } from '../db/schema';
import { getContact } from '../db/contacts-repo';
import { listTimeline } from '../db/interactions-repo';
import { learnOwnAddresses, updateSettings } from '../storage/settings';
import { getTabPeople, linkNameOnlyPerson, setTabPeople } from '../storage/tab-people';
import { announced } from './announce';
import { captureRulesFrom } from './sightings/capture-rules';
import { addIdentity, removeIdentity, updateContact } from './people/contact-edits';
import { contactFacts } from './people/facts';
import { deleteInteraction, editInteraction, logInteraction, restoreInteraction } from './capture/log';
import { createContact, findPeople, getContacts, recentEntries } from './people/people';
import { createFollowUpHandlers } from './followups/handlers';
import { createSearchHandlers } from './search/handlers';
import { recordSighting } from './sightings/sightings';
import { readTabOnce, syncWebReader } from './sightings/site-access';

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
      updateContact: async ({ contactId, patch }) => announced(updateContact(await db, contactId, patch, clock()), () => [contactId]),
      addIdentity: async ({ contactId, value }) => announced(addIdentity(await db, contactId, value, clock()), () => [contactId]),
      removeIdentity: async ({ contactId, identity }) =>
        announced(removeIdentity(await db, contactId, identity, clock()), () => [contactId]),
      editInteraction: async ({ interactionId, text, kind, experience }) =>
        announced(editInteraction(await db, interactionId, { text, kind, experience }, clock()), (entry) => entry.contactIds),
      restoreInteraction: async ({ interaction }) => announced(restoreInteraction(await db, interaction), (entry) => entry.contactIds),
      logInteraction: async (request) => announced(logInteraction(await db, request, clock()), (entry) => entry.contactIds),
      deleteInteraction: async ({ interactionId }) => {
        const removed = await announced(deleteInteraction(await db, interactionId, clock()), (entry) => entry?.contactIds);
        return { deleted: removed !== undefined };
      },
      findPeople: async ({ query, limit }) => findPeople(await db, query, limit),
      getContacts: async ({ contactIds }) => getContacts(await db, contactIds),
      createContact: async ({ fromTab, ...request }) => {
        const created = async () => {
          const contact = await createContact(await db, request, clock());
          if (fromTab !== undefined && request.displayName) await linkNameOnlyPerson(fromTab, request.displayName, contact.id);
          return contact;
        };
        return announced(created(), (contact) => [contact.id]);
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
