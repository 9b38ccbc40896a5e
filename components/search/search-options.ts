import type { SearchResult } from '../../utils/messaging/features/search';

/** One result the keyboard can move to, in display order: people first, then notes. */
export interface SearchOption {
  /** DOM id of the option (aria-activedescendant points at it). */
  domId: string;
  /** The person Enter opens: the person found, or the first person a note is about. */
  contactId: string | undefined;
}

/** The options of a search result, in the order they are shown and navigated. */
export function searchOptions(result: SearchResult | undefined): SearchOption[] {
  if (!result) return [];
  return [
    ...result.people.map((hit) => ({ domId: `search-person-${hit.contact.id}`, contactId: hit.contact.id })),
    ...result.notes.map((hit) => ({ domId: `search-note-${hit.id}`, contactId: hit.people[0]?.id })),
  ];
}
