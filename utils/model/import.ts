/**
 * Zod schemas of the import pipeline: candidates (what a file says about a person), the preview
 * the user confirms, and the record an applied import leaves behind so it can be undone.
 * They cross the messaging boundary (options page <-> background), so they are schemas, not interfaces.
 */
import { z } from 'zod';
import { Contact, EpochMs, Identity, MAX_NAME, MAX_NOTE, MAX_URL } from './records';

const epochMs = EpochMs;
/** 1-based line of the file where a card or row starts (0: the file as a whole). */
const lineNumber = z.number().int().nonnegative();

/** Something in a file Tend did not take, and why, in words for the user. */
export const ImportIssue = z.object({ line: lineNumber, reason: z.string() });
export type ImportIssue = z.infer<typeof ImportIssue>;

/** One person as an import file describes them, before Tend matches them against its contacts. */
export const ImportCandidate = z.object({
  line: lineNumber,
  displayName: z.string().max(10_000).optional(),
  /** As written in the file: normalised and checked when the preview is built. */
  emails: z.array(z.string().max(10_000)).default([]),
  urls: z.array(z.string().max(10_000)).default([]),
  org: z.string().max(10_000).optional(),
  title: z.string().max(10_000).optional(),
  tags: z.array(z.string().max(10_000)).default([]),
  note: z.string().optional(),
});
export type ImportCandidate = z.infer<typeof ImportCandidate>;

/** Why an imported person is taken to be someone Tend already knows. */
export const MatchReason = z.object({
  kind: z.enum(['email', 'url', 'name']),
  /** The shared address, profile URL or (for people without either) name. */
  value: z.string(),
});
export type MatchReason = z.infer<typeof MatchReason>;

/** A person the import would create; several lines of one file can describe the same person. */
export const PlannedNewPerson = z.object({
  lines: z.array(lineNumber).min(1),
  displayName: z.string().max(MAX_NAME),
  identities: z.array(Identity),
  tags: z.array(z.string().max(MAX_NAME)),
  org: z.string().max(MAX_NAME).optional(),
  title: z.string().max(MAX_NAME).optional(),
  note: z.string().max(MAX_NOTE).optional(),
});
export type PlannedNewPerson = z.infer<typeof PlannedNewPerson>;

/** An existing contact the import would add to (identities, tags, missing fields, a note). */
export const PlannedMerge = z.object({
  lines: z.array(lineNumber).min(1),
  contactId: z.uuid(),
  displayName: z.string(),
  reasons: z.array(MatchReason).min(1),
  addIdentities: z.array(Identity),
  addTags: z.array(z.string().max(MAX_NAME)),
  /** Fields the contact lacks and the file provides; existing values are never overwritten. */
  fill: z.object({
    displayName: z.string().max(MAX_NAME).optional(),
    org: z.string().max(MAX_NAME).optional(),
    title: z.string().max(MAX_NAME).optional(),
    whatMatters: z.string().max(MAX_NOTE).optional(),
  }),
  /** A note that cannot go into "what matters" (already written): kept as a note in the history. */
  note: z.string().max(MAX_NOTE).optional(),
});
export type PlannedMerge = z.infer<typeof PlannedMerge>;

/** What an import would do, for the user to confirm; `applyImport` writes exactly this. */
export const ImportPreview = z.object({
  /** Becomes the import's id: applying one preview twice is refused. */
  id: z.uuid(),
  source: z.string().max(MAX_NAME),
  createdAt: epochMs,
  newPeople: z.array(PlannedNewPerson),
  matches: z.array(PlannedMerge),
  rejected: z.array(ImportIssue),
  /** Values left out of people who are imported (an address that is not one, a website root...). */
  warnings: z.array(ImportIssue),
  /** The file's people as read: applying plans again from these and refuses if the plan changed. */
  candidates: z.array(ImportCandidate),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** What an applied import changed: enough to take it back exactly (the `imports` store, DB v2). */
export const ImportRecord = z.object({
  id: z.uuid(),
  at: epochMs,
  source: z.string().max(MAX_NAME),
  /** Contacts as the import created them. */
  createdContacts: z.array(Contact),
  /** Contacts the import added to, before and after. */
  changedContacts: z.array(z.object({ before: Contact, after: Contact })),
  /** Identity index rows the import wrote (key and the contact it gave it to). */
  addedIdentities: z.array(z.object({ key: z.string().max(MAX_URL + 16), contactId: z.uuid() })),
  addedInteractionIds: z.array(z.uuid()),
  undoneAt: epochMs.optional(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

/** What an import wrote (or one of its batches): the part of its record that taking it back reads. */
export type ImportChanges = Pick<ImportRecord, 'createdContacts' | 'changedContacts' | 'addedIdentities' | 'addedInteractionIds'>;
