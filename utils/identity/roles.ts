/**
 * Addresses that stand for a team, a function or a list rather than a person: shown apart as
 * "Teams and mailboxes" and never saved as people unless the user adds them. Words as data,
 * matched on the normalised address (local part before any +tag).
 */

/** Local parts that name a function, not a person (info@, press@, noreply@...). */
export const ROLE_LOCAL_PARTS: readonly string[] = (
  'info information tips newstips press media news support help helpdesk service customerservice sales billing accounts accounting invoices finance noreply no-reply ' +
  'donotreply do-not-reply notifications notification notify alerts newsletter newsletters hello hi contact contactus enquiries inquiries team jobs careers hr recruiting admin ' +
  'administrator webmaster postmaster hostmaster abuse security privacy legal office marketing partners events feedback editor editors letters corrections mailer-daemon bounce bounces root devs all everyone staff'
).split(' ');

// Mailing lists: list hosts, and the suffixes list software gives a list's address.
const LIST_DOMAINS: readonly string[] = ['googlegroups.com', 'groups.io', 'freelists.org', 'lists.sourceforge.net'];
const LIST_HOST_PREFIXES: readonly string[] = ['lists.', 'list.', 'listserv.', 'groups.'];
const LIST_LOCAL_SUFFIXES: readonly string[] = ['-list', '-announce', '-discuss', '-users', '-devel', '-dev', '-request', '-owner', '-bounces'];

const roleSet = new Set(ROLE_LOCAL_PARTS);

/** What a mailbox that is not one person is: a function's address, or a mailing list. */
export type MailboxKind = 'role' | 'list';

/** 'role' for info@, press@, noreply@...; 'list' for a mailing list; undefined for a person. */
export function mailboxKind(email: string): MailboxKind | undefined {
  const at = email.lastIndexOf('@');
  if (at <= 0) return undefined;
  const local = (email.slice(0, at).split('+')[0] ?? '').toLowerCase();
  const domain = email.slice(at + 1).toLowerCase();
  if (LIST_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`))) return 'list';
  if (LIST_HOST_PREFIXES.some((prefix) => domain.startsWith(prefix))) return 'list';
  if (roleSet.has(local)) return 'role';
  if (LIST_LOCAL_SUFFIXES.some((suffix) => local.length > suffix.length && local.endsWith(suffix))) return 'list';
  return undefined;
}
