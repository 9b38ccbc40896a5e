/**
 * Every message Tend's contexts exchange, as zod schemas: one discriminated union per direction.
 * The background treats whatever arrives as `unknown` until one of these accepts it.
 */
import { z } from 'zod';
import {
  CalendarEvent,
  Candidate,
  Contact,
  ContactPatch,
  Experience,
  Identity,
  Interaction,
  LoggableKind,
  MAX_NAME,
  MAX_NOTE,
  MAX_URL,
  Source,
  TabPeople,
} from '../model/records';
import { t } from '../i18n';
import { DraftAbout, ListedPerson } from '../model/drafts';
import { MAX_DATE } from '../time/dates';
import { MAX_PEOPLE_PER_SIGHTING, MAX_SELF_PER_SIGHTING } from '../model/limits';
import { cardFieldRequests, cardFieldResults } from './features/card-fields';
import { deletionRequests, deletionResults } from './features/deletion';
import { draftsRequests, draftsResults } from './features/drafts';
import { followupsRequests, followupsResults } from './features/followups';
import { meetingsRequests, meetingsResults } from './features/meetings';
import { peopleRequests, peopleResults } from './features/people';
import { portabilityRequests, portabilityResults } from './features/portability';
import { searchRequests, searchResults } from './features/search';
import { settingsRequests, settingsResults } from './features/settings';
import { syncRequests, syncResults } from './features/sync';
import { teamRequests, teamResults } from './features/team';

// ---- content script -> background -------------------------------------------------------------
// A content script may only report what it saw on its own page. It never names a tab (the
// background takes the tab from the sender) and it can never read a history.

export const SightingMessage = z.object({
  type: z.literal('sighting'),
  site: z.string().max(64),
  page: z.object({ url: z.string().max(MAX_URL), title: z.string().max(MAX_URL) }),
  thread: z.object({ key: z.string().min(1).max(MAX_URL), subject: z.string().max(MAX_NAME) }).optional(),
  /** The calendar event the page shows (a calendar site only): its guests are the people. */
  event: CalendarEvent.optional(),
  people: z.array(Candidate).max(MAX_PEOPLE_PER_SIGHTING),
  /** The page showed more people than MAX_PEOPLE_PER_SIGHTING; the content script sent the first ones. */
  truncated: z.boolean().optional(),
  self: z.array(z.string().max(254)).max(MAX_SELF_PER_SIGHTING),
});
export type SightingMessage = z.infer<typeof SightingMessage>;

export const ContentRequest = z.discriminatedUnion('type', [SightingMessage]);
export type ContentRequest = z.infer<typeof ContentRequest>;

// ---- extension pages (side panel, popup, options) -> background ---------------------------------

const tabId = z.number().int().nonnegative();
const contactId = z.uuid();

const coreRequests = [
  z.object({ type: z.literal('getTabPeople'), tabId }),
  z.object({ type: z.literal('getContact'), contactId }),
  z.object({
    type: z.literal('getTimeline'),
    contactId,
    limit: z.number().int().min(1).max(500).default(50),
    /** The last entry of the previous page: the next page starts after it. */
    before: z.object({ at: z.number().int().nonnegative(), id: z.uuid() }).optional(),
  }),
  /** Last interaction, this year's interactions by kind and open follow-ups, for the card's header. */
  z.object({ type: z.literal('getContactFacts'), contactId, since: z.number().int().nonnegative() }),
  z.object({ type: z.literal('updateContact'), contactId, patch: ContactPatch }),
  z.object({ type: z.literal('addIdentity'), contactId, value: z.string().trim().min(1).max(MAX_URL) }),
  z.object({ type: z.literal('removeIdentity'), contactId, identity: Identity }),
  z.object({
    type: z.literal('editInteraction'),
    interactionId: z.uuid(),
    text: z
      .string()
      .trim()
      .min(1, { error: () => t('errorEntryEmpty') })
      .max(MAX_NOTE),
    kind: LoggableKind.optional(),
    experience: Experience.nullable().optional(),
  }),
  /** Put a deleted entry back as it was (undo). */
  z.object({ type: z.literal('restoreInteraction'), interaction: Interaction }),
  /**
   * Log a note or interaction to one or more people. `requestId` makes it idempotent: a double
   * click, or a retry after the popup closed, logs once.
   */
  z.object({
    type: z.literal('logInteraction'),
    // Empty when every person is a listed one (the worker refuses a note for nobody).
    contactIds: z.array(contactId).max(50),
    /** People the tab `fromTab` only listed, saved with the note in its transaction. */
    listed: z.array(ListedPerson).max(50).optional(),
    fromTab: tabId.optional(),
    kind: LoggableKind,
    text: z
      .string()
      .trim()
      .min(1, { error: () => t('errorWriteSomething') })
      .max(MAX_NOTE),
    experience: Experience.optional(),
    source: Source.optional(),
    requestId: z.uuid(),
    /** When it happened, for a past interaction (not later than now, not before 1970); absent: now. */
    at: z.number().int().min(0).max(MAX_DATE).optional(),
    /** The draft it was written in: removed in the same transaction that saves it. */
    draft: DraftAbout.optional(),
    /** A follow-up on it for each of its people. */
    followUp: z.object({ text: z.string().trim().min(1).max(MAX_NOTE), due: z.number().int().min(0).max(MAX_DATE), confirmPast: z.boolean() }).optional(),
    /** Shared with the user's team (sync's team space); absent or false: it stays private. */
    shared: z.boolean().optional(),
  }),
  /** Remove a logged entry (undo); automatic sightings stay facts and cannot be removed here. */
  z.object({ type: z.literal('deleteInteraction'), interactionId: z.uuid() }),
  /** People whose name, address or organisation contains the query, best matches first. */
  z.object({ type: z.literal('findPeople'), query: z.string().max(MAX_NAME), limit: z.number().int().min(1).max(50).default(8) }),
  z.object({ type: z.literal('getContacts'), contactIds: z.array(contactId).max(100) }),
  /** Add a person by hand: a name, an address, or both. */
  z.object({
    type: z.literal('createContact'),
    displayName: z.string().trim().max(MAX_NAME).optional(),
    email: z.string().trim().max(254).optional(),
    /** A listed row's profile URL: with `fromTab`, it finds the row (its address, URL and card's addresses are saved). */
    profileUrl: z.string().trim().max(MAX_URL).optional(),
    /** Added from this tab's listed row: all its identities are saved, and the row then shows the person as saved. */
    fromTab: tabId.optional(),
  }),
  /** The newest notes and interactions (not sightings) of these people. */
  z.object({ type: z.literal('recentEntries'), contactIds: z.array(contactId).min(1).max(50), limit: z.number().int().min(1).max(20).default(5) }),
  /** Read a tab once with the generic reader (the user asked: popup, context menu, command). */
  z.object({ type: z.literal('readTab'), tabId }),
  /** Re-register the generic reader after the user granted or revoked sites. */
  z.object({ type: z.literal('syncSiteAccess') }),
] as const;

/** Everything an extension page may ask: the core requests plus each feature's own. */
export const PageRequest = z.discriminatedUnion('type', [
  ...coreRequests,
  ...searchRequests,
  ...followupsRequests,
  ...portabilityRequests,
  ...deletionRequests,
  ...peopleRequests,
  ...draftsRequests,
  ...settingsRequests,
  ...meetingsRequests,
  ...cardFieldRequests,
  ...syncRequests,
  ...teamRequests,
]);
export type PageRequest = z.input<typeof PageRequest>;
export type ParsedPageRequest = z.infer<typeof PageRequest>;

/** What each page request answers with. */
export const PageResults = {
  ...searchResults,
  ...followupsResults,
  ...portabilityResults,
  ...deletionResults,
  ...peopleResults,
  ...draftsResults,
  ...settingsResults,
  ...meetingsResults,
  ...cardFieldResults,
  ...syncResults,
  ...teamResults,
  getTabPeople: TabPeople.nullable(),
  getContact: Contact.nullable(),
  getTimeline: z.array(Interaction),
  getContactFacts: z.object({ lastInteractionAt: z.number().optional(), countsByKind: z.record(z.string(), z.number()), openFollowUps: z.number() }),
  updateContact: Contact,
  addIdentity: Contact,
  removeIdentity: Contact,
  editInteraction: Interaction,
  restoreInteraction: Interaction,
  logInteraction: Interaction,
  deleteInteraction: z.object({ deleted: z.boolean() }),
  findPeople: z.array(Contact),
  getContacts: z.array(Contact),
  createContact: Contact,
  recentEntries: z.array(Interaction),
  readTab: z.object({ read: z.boolean() }),
  syncSiteAccess: z.array(z.string()),
} satisfies Record<PageRequest['type'], z.ZodType>;
export type PageResult<T extends PageRequest['type']> = z.infer<(typeof PageResults)[T]>;

// ---- answers ----------------------------------------------------------------------------------

export const ErrorCode = z.enum(['invalid', 'forbidden', 'not-found', 'failed']);
export type ErrorCode = z.infer<typeof ErrorCode>;
export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

// ---- background -> extension pages ------------------------------------------------------------

export const Broadcast = z.discriminatedUnion('type', [
  /** Something changed: the tab's people (tabId), a person's data (contactIds), the settings or sync's status. */
  z.object({
    type: z.literal('changed'),
    tabId: tabId.optional(),
    contactIds: z.array(contactId).default([]),
    /** More people changed than a broadcast names (see changed.ts): any person may have. */
    everyone: z.literal(true).optional(),
    settings: z.literal(true).optional(),
    sync: z.literal(true).optional(),
  }),
]);
export type Broadcast = z.input<typeof Broadcast>;
