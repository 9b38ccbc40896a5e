import type { TabPerson } from '../../model/records';
import { addressesInMailto } from '../../recognise/web/mailto';
import { truncateWithMark } from '../../text/truncate';

/** What the context menu click carries (chrome.contextMenus.OnClickData, the fields Tend uses). */
export interface MenuClick {
  selectionText?: string;
  linkUrl?: string;
  pageUrl?: string;
  pageTitle?: string;
}

/** What "Log this interaction" does for a click. */
export type MenuLogPlan =
  /** Exactly one person: log at once and confirm with an Undo. */
  | { action: 'log'; person: { contactId: string } | { email: string }; summary: string; source?: { url: string; title?: string } }
  /**
   * Several people or none: open the side panel with the entry filled in, for the user to finish.
   * Only a link's own addresses are chosen for them: the tab's people are offered one click each
   * (a note about one of three must not land on all three).
   */
  | { action: 'compose'; emails: string[]; summary: string; source?: { url: string; title?: string } };

/** The addresses of a mailto: link (several may be comma-separated, or in `?to=`): the web reader's own reading. */
export function mailtoAddresses(linkUrl: string | undefined): string[] {
  return linkUrl ? addressesInMailto(linkUrl) : [];
}

/**
 * The decision table of "Log this interaction": the selection (or the page title) is the summary,
 * the page is the source; the people are the mailto link's, else those recognised on the tab.
 */
export function planMenuLog(click: MenuClick, tabPeople: readonly TabPerson[]): MenuLogPlan {
  const rawSummary = click.selectionText?.trim() || click.pageTitle?.trim() || click.pageUrl || 'Interaction';
  const summary = truncateWithMark(rawSummary).text;
  const source =
    click.pageUrl && /^https?:/i.test(click.pageUrl) ? { url: click.pageUrl, ...(click.pageTitle && { title: click.pageTitle.slice(0, 200) }) } : undefined;
  const emails = mailtoAddresses(click.linkUrl);
  if (emails.length > 0) {
    if (emails.length === 1) return { action: 'log', person: { email: emails[0]! }, summary, source };
    return { action: 'compose', emails, summary, source };
  }
  const contactIds = tabPeople.flatMap((person) => (person.contactId ? [person.contactId] : []));
  if (contactIds.length === 1) return { action: 'log', person: { contactId: contactIds[0]! }, summary, source };
  return { action: 'compose', emails: [], summary, source };
}

/**
 * Will this click need the side panel? Decided synchronously from what the click carries and the
 * tab's saved-people count (undefined while the worker is waking: then yes, to be safe).
 */
export function clickNeedsSidePanel(click: MenuClick, savedPeopleOnTab: number | undefined): boolean {
  const emails = mailtoAddresses(click.linkUrl);
  if (emails.length > 0) return emails.length > 1;
  return savedPeopleOnTab !== 1;
}
