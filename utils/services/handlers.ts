import { broadcast } from '../messaging/client';
import type { RouterHandlers } from '../messaging/router';
import { readTx, type TendDatabase } from '../db/schema';
import { getContact } from '../db/contacts-repo';
import { listTimeline } from '../db/interactions-repo';
import { linkListedPerson, setTabPeople } from '../storage/tab-people';
import { currentTabPeople } from './tabs/current-tab-people';
import { watchCommits } from './commit-effects';
import { localDay } from '../time/local-day';
import { captureRulesFrom } from './sightings/capture-rules';
import { addIdentity, removeIdentity, saveCardField, updateContact } from './people/contact-edits';
import { contactFacts } from './people/facts';
import { deletePerson, dropExpiredUndoRecords, lastDeletion, undoDeletePerson } from './people/delete';
import { deleteInteraction, editInteraction, logInteraction, restoreInteraction } from './capture/log';
import { createContact, findPeople, getContacts, recentEntries } from './people/people';
import { createDraftHandlers } from './drafts/handlers';
import { createFollowUpHandlers } from './followups/handlers';
import { createMeetingHandlers } from './meetings/handlers';
import { createPortabilityHandlers } from './portability/handlers';
import { createPeopleListHandlers } from './people-list/handlers';
import { createSearchHandlers } from './search/handlers';
import { createSettingsHandlers } from './settings/handlers';
import { createSyncHandlers } from './sync/handlers';
import { learnOwnAddresses } from './settings/settings';
import { recordSighting } from './sightings/sightings';
import { keepEndingMeeting } from './meetings/auto-log';
import { withUsersPart } from './meetings/users-part';
import { saveListedPerson } from './sightings/listed';
import { readTabOnce, syncWebReader } from './sightings/site-access';

/** What the background does for each message the router accepts. */
export function createHandlers(db: Promise<TendDatabase>, clock: () => number = Date.now): RouterHandlers {
  // Whatever writes (these handlers, the context menu, notification buttons), pages hear of it.
  void db.then((opened) => watchCommits(opened, clock));
  // What undoing a delete needs is kept for a while only; a worker start drops what is older.
  void db.then((opened) => dropExpiredUndoRecords(opened, clock())).catch((error: unknown) => console.error('Tend: could not drop old undo records', error));
  return {
    async content(request, from) {
      const rules = captureRulesFrom(await learnOwnAddresses(await db, request.self));
      const now = clock();
      // Read before the sighting drops the user's own addresses from the guests.
      const event = request.event && withUsersPart(request.event, request.people, rules.own);
      // The page URL and the site come from the sender: a page cannot speak for another one.
      const sighting = { ...request, site: from.site, page: { ...request.page, url: from.pageUrl } };
      const outcome = await recordSighting(await db, sighting, rules, now);
      await setTabPeople(from.tabId, {
        url: from.pageUrl,
        title: request.page.title,
        people: outcome.people,
        mailboxes: outcome.mailboxes,
        truncated: request.truncated ?? false,
        ...(event && { event }),
        seenAt: now,
      });
      await keepEndingMeeting(await db, { site: from.site, url: from.pageUrl, event, people: outcome.people }, rules, now);
      // The people's own changes were announced when they committed; this is the tab's list.
      await broadcast({ type: 'changed', tabId: from.tabId });
    },
    page: {
      ...createSearchHandlers(db, clock),
      ...createFollowUpHandlers(db, clock),
      ...createPortabilityHandlers(db, clock),
      ...createPeopleListHandlers(db, clock),
      ...createDraftHandlers(db, clock),
      ...createSettingsHandlers(db, clock),
      ...createMeetingHandlers(db, clock),
      ...createSyncHandlers(db, clock),
      getTabPeople: ({ tabId }) => currentTabPeople(tabId),
      getContact: async ({ contactId }) => (await getContact(readTx(await db, ['contacts']), contactId)) ?? null,
      getTimeline: async ({ contactId, limit, before }) => listTimeline(readTx(await db, ['timeline', 'interactions']), contactId, limit, before),
      getContactFacts: async ({ contactId, since }) => contactFacts(await db, contactId, since),
      updateContact: async ({ contactId, patch }) => updateContact(await db, contactId, patch, clock()),
      saveCardField: async ({ contactId, patch, base, draft }) =>
        saveCardField(await db, contactId, patch, { ...(base !== undefined && { base }), ...(draft && { draft }) }, clock()),
      addIdentity: async ({ contactId, value }) => addIdentity(await db, contactId, value, clock()),
      removeIdentity: async ({ contactId, identity }) => removeIdentity(await db, contactId, identity, clock()),
      editInteraction: async ({ interactionId, text, kind, experience }) => editInteraction(await db, interactionId, { text, kind, experience }, clock()),
      restoreInteraction: async ({ interaction }) => restoreInteraction(await db, interaction),
      logInteraction: async (request) => {
        const entry = await logInteraction(await db, request, clock());
        // Listed people were saved with it: the tab's list changed too (as after Add).
        if (request.fromTab !== undefined && request.listed?.length) await broadcast({ type: 'changed', tabId: request.fromTab });
        return entry;
      },
      deleteInteraction: async ({ interactionId }) => {
        const removed = await deleteInteraction(await db, interactionId, clock());
        return { deleted: removed !== undefined };
      },
      deletePerson: async ({ contactId, neverRecord }) => {
        const deleted = await deletePerson(await db, contactId, { neverRecord }, clock());
        // The person left these tabs' lists after the commit was announced: their lists changed too.
        for (const tabId of deleted.tabIds) await broadcast({ type: 'changed', tabId });
        return deleted;
      },
      undoDeletePerson: async ({ contactId }) => {
        const restored = await undoDeletePerson(await db, contactId, clock());
        for (const tabId of restored.tabIds) await broadcast({ type: 'changed', tabId });
        return restored;
      },
      lastDeletedPerson: async () => lastDeletion(await db, clock()),
      findPeople: async ({ query, limit }) => findPeople(await db, query, limit),
      getContacts: async ({ contactIds }) => getContacts(await db, contactIds),
      createContact: async ({ fromTab, ...request }) => {
        const now = clock();
        const contact = fromTab !== undefined ? await saveListedPerson(await db, fromTab, request, now) : await createContact(await db, request, now);
        if (fromTab !== undefined) {
          // The tab's listed row (by address, or by name only) becomes this person: its list changed too.
          await linkListedPerson(fromTab, contact, request.displayName, localDay(contact.createdAt) === localDay(now));
          await broadcast({ type: 'changed', tabId: fromTab });
        }
        return contact;
      },
      recentEntries: async ({ contactIds, limit }) => recentEntries(await db, contactIds, limit),
      readTab: ({ tabId }) => readTabOnce(tabId),
      syncSiteAccess: () => syncWebReader(),
    },
  };
}
