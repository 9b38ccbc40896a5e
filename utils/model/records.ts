/**
 * The data model: zod schemas are the only source of Tend's types (`z.infer`).
 * Timestamps are epoch milliseconds so they sort and index cheaply in IndexedDB.
 */
import { withoutBidiControls, withoutControls } from '../text/display-text';
import { MAX_DATE } from '../time/dates';
import { t } from '../i18n';
import { z } from 'zod';

// No code generation: zod would otherwise probe `new Function` (its JIT), which MV3's CSP forbids
// and which Tend promises not to use. Every zod user imports this file first.
z.config({ jitless: true });
import { MAX_ADDRESS, MAX_NAME, MAX_NOTE, MAX_URL } from './limits';

export { MAX_ADDRESS, MAX_NAME, MAX_NOTE, MAX_URL };

/**
 * An instant Tend stores: from 1970 (Tend has no earlier dates; cursors and indexes assume none)
 * to the end of year 9999, past which dates stop round-tripping and date arithmetic near the
 * end of JavaScript's range (year 275760) throws. Every record, file and message is held to it.
 */
export const EpochMs = z
  .number()
  .int()
  .min(0, { error: () => t('errorDateOutOfRange') })
  .max(MAX_DATE, { error: () => t('errorDateOutOfRange') });
const epochMs = EpochMs;

/** A keep-in-touch cadence in days: at least daily, at most ten years. */
export const CadenceDays = z
  .number()
  .int()
  .min(1, { error: () => t('errorCadenceOutOfRange', 3650) })
  .max(3650, { error: () => t('errorCadenceOutOfRange', 3650) });

// Stored text never holds control characters or noncharacters (a bell, a backspace, U+FFFF):
// whatever the source (a page, a file, a backup, a message), they are dropped as it is read.
const storedText = () => z.string().overwrite(withoutControls);

export const IdentityKind = z.enum(['email', 'url', 'handle']);
export const Identity = z.object({
  kind: IdentityKind,
  /** Normalised value (see utils/identity/addresses.ts). */
  value: z.string().min(1).max(MAX_URL),
});
export type Identity = z.infer<typeof Identity>;

export const Stage = z.enum(['prospect', 'active', 'customer', 'won', 'lost', 'dormant']);
export type Stage = z.infer<typeof Stage>;

export const Contact = z.object({
  id: z.uuid(),
  displayName: storedText().max(MAX_NAME),
  identities: z.array(Identity),
  org: storedText().max(MAX_NAME).optional(),
  title: storedText().max(MAX_NAME).optional(),
  tags: z.array(storedText().max(MAX_NAME)),
  stage: Stage.optional(),
  /** What is important to them, in the user's words. */
  whatMatters: storedText().max(MAX_NOTE).optional(),
  cadenceDays: CadenceDays.optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
  lastInteractionAt: epochMs.optional(),
});
export type Contact = z.infer<typeof Contact>;

/**
 * An edit of a contact's own fields. `null` clears an optional field. Identities change through
 * their own requests (they must stay unique across contacts).
 */
// Typed short fields lose bidi overrides (an RLO would show the name reversed everywhere); names
// read from pages lose them in cleanName. Free text (notes, what matters) is kept as written.
const shortText = () =>
  z
    .string()
    .overwrite((text) => withoutControls(withoutBidiControls(text)))
    .trim();
export const ContactPatch = z.object({
  displayName: shortText()
    .min(1, { error: () => t('errorNameEmpty') })
    .max(MAX_NAME)
    .optional(),
  org: shortText().max(MAX_NAME).nullable().optional(),
  title: shortText().max(MAX_NAME).nullable().optional(),
  tags: z.array(shortText().min(1).max(MAX_NAME)).max(100).optional(),
  stage: Stage.nullable().optional(),
  whatMatters: storedText().max(MAX_NOTE).nullable().optional(),
  cadenceDays: CadenceDays.nullable().optional(),
});
export type ContactPatch = z.infer<typeof ContactPatch>;

/** `sighting`: seen in a mail thread (automatic). `stage`: the user changed the person's stage. */
export const InteractionKind = z.enum(['note', 'email', 'call', 'meeting', 'message', 'sighting', 'stage', 'other']);
export type InteractionKind = z.infer<typeof InteractionKind>;
/** What the user can log by hand: everything but the entries Tend records itself. */
export const LoggableKind = InteractionKind.exclude(['sighting', 'stage']);
export type LoggableKind = z.infer<typeof LoggableKind>;
/** The moments that strengthened or strained the relationship. */
export const Experience = z.enum(['positive', 'neutral', 'negative']);

export const Source = z.object({
  url: z.string().max(MAX_URL),
  title: z.string().max(MAX_NAME).optional(),
  site: z.string().max(64).optional(),
});
export type Source = z.infer<typeof Source>;

/** A change of a person's stage, as a `stage` entry records it. An absent side means no stage. */
export const StageChange = z.object({ from: Stage.optional(), to: Stage.optional() });
export type StageChange = z.infer<typeof StageChange>;

/**
 * A note's or follow-up's place in the team space (sync's team database, issue 18): `shared` when
 * its author chose to share it with their team; `author` (a sync user name) on one a teammate
 * shared, which only they change. Neither is set on anything that never left this device.
 */
const TeamSharing = {
  shared: z.literal(true).optional(),
  author: z.string().min(1).max(MAX_NAME).optional(),
};

export const Interaction = z.object({
  id: z.uuid(),
  contactIds: z.array(z.uuid()).min(1),
  kind: InteractionKind,
  at: epochMs,
  summary: storedText().max(MAX_NOTE),
  body: storedText().max(MAX_NOTE).optional(),
  source: Source.optional(),
  experience: Experience.optional(),
  /**
   * On `stage` entries: the change itself, which is what Tend reads. Their summary still says
   * "Stage: a → b" (stage ids) for readers that know no `stage` field: CSV exports, and an older
   * Tend restoring a newer backup. Entries written before this field have only that summary.
   */
  stage: StageChange.optional(),
  /** Set on automatic entries so one fact is recorded once (e.g. one sighting per thread per day). */
  dedupeKey: z
    .string()
    .max(MAX_URL + 200)
    .optional(),
  createdAt: epochMs,
  /** Set when the user edited the entry; it keeps its id and time. */
  editedAt: epochMs.optional(),
  ...TeamSharing,
});
export type Interaction = z.infer<typeof Interaction>;

export const FollowUp = z.object({
  id: z.uuid(),
  contactId: z.uuid(),
  due: epochMs,
  text: storedText().max(MAX_NOTE),
  done: z.boolean(),
  snoozedUntil: epochMs.optional(),
  /** The history entry it came from ("follow up on this"). */
  entryId: z.uuid().optional(),
  createdAt: epochMs.optional(),
  /** When it was marked done: orders the done list; cleared by undo. */
  doneAt: epochMs.optional(),
  /** The wake time (due or snoozed-until) the user was already notified about: no repeat after a restart. */
  notifiedFor: epochMs.optional(),
  ...TeamSharing,
});
export type FollowUp = z.infer<typeof FollowUp>;

/**
 * A person as a recogniser saw them on a page, before Tend decides who they are. One candidate
 * with both an address and a profile URL links the two to one contact. A candidate with only a
 * name is shown as unconfirmed and never stored.
 */
export const Candidate = z.object({
  name: z.string().max(MAX_NAME).optional(),
  email: z.string().max(MAX_ADDRESS).optional(),
  /** A profile page (GitHub, LinkedIn...), canonical form (see identity/profile-url.ts). */
  profileUrl: z.string().max(MAX_URL).optional(),
  role: z.enum(['from', 'to', 'cc', 'bcc', 'profile', 'mention']).optional(),
  /** Candidates of one report with the same card are one person (an h-card with two addresses). */
  card: z.number().int().min(0).max(100_000).optional(),
  /** Sent the newest message of the mail thread the report is about (Gmail, Outlook). */
  newest: z.literal(true).optional(),
});
export type Candidate = z.infer<typeof Candidate>;

/** A calendar event a page showed (utils/recognise/calendar): what "Log this meeting" records. */
export const CalendarEvent = z.object({
  /** Stable per event on its site ("google-calendar:<id>"); the meeting entries' dedupe keys hold it. */
  key: z.string().min(1).max(MAX_URL),
  title: z.string().max(MAX_NAME),
  start: epochMs.optional(),
  end: epochMs.optional(),
  organiser: z.string().max(MAX_ADDRESS).optional(),
  /**
   * The user takes part: one of their own addresses is a guest or the organiser (the page's account
   * said so, or the worker found one of the settings' own addresses). Only such events are logged
   * automatically after they end; "Log this meeting" logs any event.
   */
  withUser: z.boolean().optional(),
});
export type CalendarEvent = z.infer<typeof CalendarEvent>;

/** A person shown as "on this page": what the side panel lists for a tab. */
export const TabPerson = z.object({
  /** Absent for a person shown by name only: listed as unconfirmed, never stored. */
  contactId: z.uuid().optional(),
  displayName: z.string(),
  email: z.string().optional(),
  profileUrl: z.string().optional(),
  /** A listed person's other addresses, from the same card: adding them saves every one. */
  more: z.array(z.string()).optional(),
  /** A listed person's other profile URLs, from the same card: adding them saves every one. */
  moreUrls: z.array(z.string()).optional(),
  /** First met today: Tend had no record of them before. */
  newToday: z.boolean().optional(),
  /** Sent the newest message of the thread, as the mail recogniser said (Candidate.newest). */
  newestSender: z.boolean().optional(),
  /** Not one person: a function's address (info@, noreply@) or a mailing list (utils/identity/roles.ts). */
  mailbox: z.enum(['role', 'list']).optional(),
});
export type TabPerson = z.infer<typeof TabPerson>;

export const TabPeople = z.object({
  url: z.string(),
  title: z.string(),
  people: z.array(TabPerson),
  /** Teams and mailboxes the page showed, listed apart from its people. */
  mailboxes: z.array(TabPerson).default([]),
  /** The page showed more people than one report carries; the first ones are listed. */
  truncated: z.boolean().default(false),
  /** The calendar event the page showed: its people are the guests. */
  event: CalendarEvent.optional(),
  seenAt: epochMs,
});
export type TabPeople = z.infer<typeof TabPeople>;

export const SETTINGS_VERSION = 1;
const addressList = z.array(z.string().max(MAX_ADDRESS)).max(10_000);
const PassiveHistory = z.record(z.string().max(32), z.boolean());
const NeverCapture = z.object({ addresses: addressList, domains: addressList, sites: addressList });
const TagCadences = z
  .record(z.string().trim().min(1).max(MAX_NAME), CadenceDays)
  .refine((cadences) => Object.keys(cadences).length <= 1000, { error: () => t('errorTooManyTagCadences') });
/**
 * Settings live in the worker's IndexedDB (the `settings` store, v6; chrome.storage.local before)
 * as one versioned record. Fields added within a version carry defaults, so settings stored
 * before they existed still parse.
 */
export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** The user's own addresses: never offered as contacts. Learned from Gmail's `me` and Outlook's mailbox. */
  ownAddresses: addressList,
  /** Addresses the user said are not theirs ("Not me"): never learned as own again. */
  notOwnAddresses: addressList.default([]),
  /** Never recorded: these addresses, anyone at these domains, anything on these sites (host names). */
  neverCapture: NeverCapture.default({ addresses: [], domains: [], sites: [] }),
  /** Ignore automated senders (noreply, notifications, mailer-daemon...). */
  ignoreAutomatedSenders: z.boolean().default(true),
  /** Keep-in-touch cadence (days) for people with a tag, unless the person has their own. */
  tagCadences: TagCadences.default({}),
  /** Keep-in-touch cadence for everyone else; null or absent: only people with a cadence are watched. */
  defaultCadenceDays: CadenceDays.nullish(),
  /** Per recogniser id (gmail, outlook, github, linkedin, web): false stops automatic "seen" entries there. */
  passiveHistory: PassiveHistory.default({}),
});
export type Settings = z.infer<typeof Settings>;
/**
 * A change to some settings fields. Written out rather than `Settings.partial()`: a partial of a
 * field with a default would fill that default in and overwrite what the user had.
 */
export const SettingsPatch = z.object({
  ownAddresses: addressList.optional(),
  notOwnAddresses: addressList.optional(),
  neverCapture: NeverCapture.optional(),
  ignoreAutomatedSenders: z.boolean().optional(),
  /** Replaces all tag cadences. */
  tagCadences: TagCadences.optional(),
  /** `null` removes the default cadence. */
  defaultCadenceDays: CadenceDays.nullable().optional(),
  passiveHistory: PassiveHistory.optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;
export const DEFAULT_SETTINGS: Settings = Settings.parse({ version: SETTINGS_VERSION, ownAddresses: [] });
