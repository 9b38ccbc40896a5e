import type { TendDatabase } from '../../db/schema';
import { broadcast } from '../../messaging/client';
import { putDraft } from '../drafts/drafts';
import { tabDraftAbout } from '../drafts/handlers';
import { t } from '../../i18n';
import type { Contact, Interaction } from '../../model/records';
import { getTabPeople, linkListedPerson } from '../../storage/tab-people';
import { localDay } from '../../time/local-day';
import { saveListedPerson } from '../sightings/listed';
import { logInteraction } from './log';
import { planMenuLog, type MenuClick } from './menu-log';
import { createContact } from '../people/people';

/** How the background shows the outcome: injected so tests can watch it. */
export interface MenuLogUi {
  /** Exactly one person: the entry was logged; confirm it with an Undo. */
  confirmLogged(entry: Interaction, personName: string): Promise<void>;
  /**
   * Several or none: the entry waits as a draft about the tab's page; bring up the side panel to finish it
   * (`alreadyOpen` when the click handler opened it while it still had the user gesture).
   */
  openComposer(windowId: number, alreadyOpen: boolean): Promise<void>;
}

/**
 * The person a mail link names: one the tab only listed is saved from its row (their name, and
 * every address and URL of their card) and the row then shows them saved; anyone else by address.
 */
async function personOfAddress(db: TendDatabase, tabId: number, email: string, now: number): Promise<Contact> {
  const row = (await getTabPeople(tabId))?.people.find((person) => !person.contactId && person.email === email);
  if (!row) return createContact(db, { email }, now);
  const contact = await saveListedPerson(db, tabId, row, now);
  await linkListedPerson(tabId, contact, row.displayName, localDay(contact.createdAt) === localDay(now));
  return contact;
}

/** Carry out "Log this interaction" for a click on a tab (see planMenuLog for what it decides). */
export async function logFromMenu(
  db: TendDatabase,
  click: MenuClick,
  tab: { id: number; windowId: number },
  ui: MenuLogUi,
  now: number,
  /** Whether the click handler managed to open the side panel already. */
  panelOpened: Promise<boolean> = Promise.resolve(false),
): Promise<Interaction | undefined> {
  // The people of the page clicked on: a list Tend read on the tab's previous page is not theirs.
  const tabPeople = await getTabPeople(tab.id, { url: click.pageUrl });
  const plan = planMenuLog(click, tabPeople?.people ?? []);
  if (plan.action === 'log') {
    const contact = 'email' in plan.person ? await personOfAddress(db, tab.id, plan.person.email, now) : undefined;
    const contactId = contact?.id ?? ('contactId' in plan.person ? plan.person.contactId : '');
    const entry = await logInteraction(
      db,
      { contactIds: [contactId], kind: 'note', text: plan.summary, requestId: crypto.randomUUID(), ...(plan.source && { source: plan.source }) },
      now,
    );
    const name = contact?.displayName ?? tabPeople?.people.find((p) => p.contactId === contactId)?.displayName ?? t('notifyLoggedForSomeone');
    await ui.confirmLogged(entry, name);
    return entry;
  }
  const created = await Promise.all(plan.emails.map((email) => personOfAddress(db, tab.id, email, now)));
  const contactIds = created.map((c) => c.id);
  // Its own draft beside the popup's: an unsaved note the user wrote on this page is not replaced.
  const about = plan.source ? ({ kind: 'menu', url: plan.source.url } as const) : await tabDraftAbout(tab.id, 'menu');
  const draft = { text: plan.summary, kind: 'note', contactIds, peopleChosen: contactIds.length > 0, requestId: crypto.randomUUID() } as const;
  await putDraft(db, about, { ...draft, contactIds, ...(plan.source && { source: plan.source }) }, now);
  await broadcast({ type: 'changed', tabId: tab.id });
  await ui.openComposer(tab.windowId, await panelOpened);
  return undefined;
}
