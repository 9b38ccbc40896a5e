/**
 * People and interactions as CSV for spreadsheets: UTF-8 BOM (so Excel reads UTF-8), CRLF,
 * RFC 4180 quoting, and cells that a spreadsheet would run as a formula defused with `'`.
 */
import Papa from 'papaparse';
import { withoutBidiControls } from '../../text/display-text';
import type { Contact, Interaction } from '../../model/records';

/** What joins several values in one cell: Google Contacts' separator, which imports read back. */
export const MULTI_VALUE_SEPARATOR = ' ::: ';

// OWASP CSV injection: a cell starting with = + - @ (or tab / CR, which some programs skip
// before such a sign) is a formula. papaparse's own pattern misses cells with a line break.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Rows as a CSV file: BOM, CRLF after every row, quotes only where needed, bidi controls taken
 * out (a spreadsheet would show an RLO-reversed name), then formulas defused: a cell that only
 * starts with `=` once an RLO before it is gone is defused too.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const cells = rows.map((row) => row.map(withoutBidiControls));
  const body = Papa.unparse(cells, { newline: '\r\n', escapeFormulae: FORMULA_START });
  return `\ufeff${body}\r\n`;
}

/** A timestamp as `2024-05-01 10:15:00` in UTC: a form every spreadsheet reads as a date. */
export function utcCell(at: number | undefined): string {
  if (at === undefined) return '';
  // A date past JavaScript's range (stored before dates were range-checked) is written as its number: the export still completes.
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? String(at) : date.toISOString().slice(0, 19).replace('T', ' ');
}

/** The header of the people export; imports recognise it (parseContactsCsv). */
export const PEOPLE_CSV_HEADERS = [
  'Name',
  'Email addresses',
  'Profile URLs',
  'Organisation',
  'Title',
  'Tags',
  'Stage',
  'What matters',
  'Cadence (days)',
  'Last interaction (UTC)',
  'Created (UTC)',
  'Updated (UTC)',
  'Tend id',
] as const;

/** People as CSV, one row each; several addresses, URLs or tags share a cell. */
export function exportPeopleCsv(contacts: readonly Contact[]): string {
  const values = (contact: Contact, kind: 'email' | 'url' | 'handle') =>
    contact.identities
      .filter((identity) => identity.kind === kind)
      .map((identity) => identity.value)
      .join(MULTI_VALUE_SEPARATOR);
  return toCsv([
    [...PEOPLE_CSV_HEADERS],
    ...contacts.map((contact) => [
      contact.displayName,
      values(contact, 'email'),
      values(contact, 'url'),
      contact.org ?? '',
      contact.title ?? '',
      contact.tags.join(MULTI_VALUE_SEPARATOR),
      contact.stage ?? '',
      contact.whatMatters ?? '',
      contact.cadenceDays === undefined ? '' : String(contact.cadenceDays),
      utcCell(contact.lastInteractionAt),
      utcCell(contact.createdAt),
      utcCell(contact.updatedAt),
      contact.id,
    ]),
  ]);
}

/** The header of the interactions export. */
export const INTERACTIONS_CSV_HEADERS = [
  'Date (UTC)',
  'Kind',
  'People',
  'Email addresses',
  'Summary',
  'Details',
  'Experience',
  'Source URL',
  'Source title',
  'Site',
  'Tend id',
] as const;

/** Interactions as CSV, oldest first, with the names and addresses of the people involved. */
export function exportInteractionsCsv(interactions: readonly Interaction[], contactsById: ReadonlyMap<string, Contact>): string {
  const sorted = [...interactions].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  return toCsv([
    [...INTERACTIONS_CSV_HEADERS],
    ...sorted.map((interaction) => {
      const people = interaction.contactIds.map((id) => contactsById.get(id));
      return [
        utcCell(interaction.at),
        interaction.kind,
        // A person deleted since is still part of the history: keep their id visible.
        people.map((person, i) => person?.displayName || interaction.contactIds[i]!).join(MULTI_VALUE_SEPARATOR),
        people
          .flatMap((person) => person?.identities.filter((identity) => identity.kind === 'email').slice(0, 1) ?? [])
          .map((identity) => identity.value)
          .join(MULTI_VALUE_SEPARATOR),
        interaction.summary,
        interaction.body ?? '',
        interaction.experience ?? '',
        interaction.source?.url ?? '',
        interaction.source?.title ?? '',
        interaction.source?.site ?? '',
        interaction.id,
      ];
    }),
  ]);
}
