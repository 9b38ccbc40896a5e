/**
 * Planning an import: which candidates are new people, which are people Tend knows (and why),
 * what each adds. The same plan is built for the preview and again inside the applying
 * transaction, so what is written is what the user confirmed.
 */
import { identityKey } from '../../db/schema';
import { t } from '../../i18n';
import { MAX_NAME, MAX_NOTE, type Contact, type Identity } from '../../model/records';
import { cleanName } from '../../identity/addresses';
import { ImportCandidate, type ImportIssue, type MatchReason, type PlannedMerge, type PlannedNewPerson } from '../../model/import';
import { emailIdentity, profileIdentity } from './identities';

/** The reads planning needs; implemented over an IndexedDB transaction (see import-lookup.ts). */
export interface ImportLookup {
  /** The contact an identity key belongs to. */
  ownerOf(key: string): Promise<string | undefined>;
  contact(id: string): Promise<Contact | undefined>;
  /** A contact without any identity whose name is this one (case-insensitive). */
  identitylessNamed(name: string): Promise<Contact | undefined>;
}

/** The outcome of planning: the preview's content without its id and source. */
export interface ImportPlan {
  newPeople: PlannedNewPerson[];
  matches: PlannedMerge[];
  rejected: ImportIssue[];
  warnings: ImportIssue[];
}

/** A person being assembled from one or more lines of the file. */
interface Draft {
  lines: number[];
  /** Set when the person is already in Tend. */
  existing?: Contact;
  reasons: MatchReason[];
  identities: Identity[];
  name?: string;
  tags: string[];
  org?: string;
  title?: string;
  notes: string[];
}

const tidy = (value: string | undefined) => cleanName(value, MAX_NAME);
const pushNew = <T>(list: T[], value: T) => {
  if (!list.includes(value)) list.push(value);
};

/** A candidate's identities, with a warning for each value that is not one. */
function identitiesOf(candidate: ImportCandidate, warnings: ImportIssue[]): Identity[] {
  const outcomes = [...candidate.emails.map(emailIdentity), ...candidate.urls.map(profileIdentity)];
  const identities = new Map<string, Identity>();
  for (const outcome of outcomes) {
    if ('problem' in outcome) warnings.push({ line: candidate.line, reason: outcome.problem });
    else identities.set(identityKey(outcome.identity), outcome.identity);
  }
  return [...identities.values()];
}

function finishNew(draft: Draft): PlannedNewPerson {
  const note = draft.notes.join('\n\n').slice(0, MAX_NOTE) || undefined;
  return {
    lines: draft.lines,
    // An address can be longer than a name may be: cap it like any name.
    displayName: draft.name ?? draft.org ?? tidy(draft.identities[0]?.value) ?? '',
    identities: draft.identities,
    tags: draft.tags,
    ...(draft.org && { org: draft.org }),
    ...(draft.title && { title: draft.title }),
    ...(note && { note }),
  };
}

/** Like sightings: a contact known only by an address (no name, or an address as its name) takes the name a file gives. */
export const namedByIdentity = (contact: Contact): boolean =>
  !contact.displayName || contact.identities.some((identity) => identity.value === contact.displayName);

function finishMerge(draft: Draft, contact: Contact): PlannedMerge {
  const note = draft.notes.join('\n\n').slice(0, MAX_NOTE) || undefined;
  const fill: PlannedMerge['fill'] = {
    ...(namedByIdentity(contact) && draft.name && draft.name !== contact.displayName && { displayName: draft.name }),
    ...(!contact.org && draft.org && { org: draft.org }),
    ...(!contact.title && draft.title && { title: draft.title }),
    ...(!contact.whatMatters && note && { whatMatters: note }),
  };
  const noteForHistory = contact.whatMatters && note && !contact.whatMatters.includes(note) ? note : undefined;
  return {
    lines: draft.lines,
    contactId: contact.id,
    displayName: contact.displayName,
    reasons: draft.reasons,
    addIdentities: draft.identities,
    addTags: draft.tags.filter((tag) => !contact.tags.includes(tag)),
    fill,
    ...(noteForHistory && { note: noteForHistory }),
  };
}

/** The drafts of one plan, indexed by what can join a line to them. */
interface PlanState {
  drafts: Draft[];
  byIdentity: Map<string, Draft>;
  /** Existing contact id -> the draft merging into it. */
  byContact: Map<string, Draft>;
  /** Lower-cased name -> draft, for people without any identity. */
  byName: Map<string, Draft>;
}

const emptyDraft = (existing?: Contact): Draft => ({ lines: [], existing, reasons: [], identities: [], tags: [], notes: [] });

function draftFor(state: PlanState, existing: Contact): Draft {
  let draft = state.byContact.get(existing.id);
  if (!draft) {
    draft = emptyDraft(existing);
    state.byContact.set(existing.id, draft);
    state.drafts.push(draft);
  }
  return draft;
}

/**
 * The person a line describes: one an earlier line shares an identity with, else the contact
 * holding one of its identities, else (no identity at all) a person of the same name without
 * identities, else someone new.
 */
async function findDraft(state: PlanState, lookup: ImportLookup, keys: string[], owners: (string | undefined)[], name: string | undefined): Promise<Draft> {
  const inFile = keys.map((key) => state.byIdentity.get(key)).find(Boolean);
  if (inFile) return inFile;
  const ownerId = owners.find(Boolean);
  const owner = ownerId ? await lookup.contact(ownerId) : undefined;
  if (owner) return draftFor(state, owner);
  if (keys.length === 0 && name) {
    const sameName = state.byName.get(name.toLowerCase());
    if (sameName) return sameName;
    const existing = await lookup.identitylessNamed(name);
    const draft = existing ? draftFor(state, existing) : emptyDraft();
    if (existing) draft.reasons.push({ kind: 'name', value: name });
    else state.drafts.push(draft);
    state.byName.set(name.toLowerCase(), draft);
    return draft;
  }
  const draft = emptyDraft();
  state.drafts.push(draft);
  return draft;
}

/** Add a line's identities to its person: a shared one is a reason, one held elsewhere a warning. */
function addIdentities(
  state: PlanState,
  target: Draft,
  line: number,
  identities: Identity[],
  keys: string[],
  owners: (string | undefined)[],
  warnings: ImportIssue[],
) {
  identities.forEach((identity, i) => {
    const key = keys[i]!;
    const owner = owners[i];
    const holder = state.byIdentity.get(key);
    if (target.existing && owner === target.existing.id) {
      const kind = identity.kind === 'email' ? 'email' : 'url';
      if (!target.reasons.some((r) => r.kind === kind && r.value === identity.value)) target.reasons.push({ kind, value: identity.value });
    } else if (owner) {
      warnings.push({ line, reason: t('importIdentityTaken', identity.value) });
    } else if (holder && holder !== target) {
      warnings.push({ line, reason: t('importIdentityOnLine', identity.value, holder.lines[0] ?? '') });
    } else if (!holder) {
      state.byIdentity.set(key, target);
      target.identities.push(identity);
    }
  });
}

/** A candidate read and checked, with the identity keys it claims and their owners in Tend. */
interface ReadLine {
  candidate: ImportCandidate;
  identities: Identity[];
  keys: string[];
  name: string | undefined;
  org: string | undefined;
}

/**
 * Plan an import. Lines that share an identity are one person; a person who has an identity
 * Tend knows merges into that contact (identities another contact holds stay there, with a
 * warning); people with no identity match an identity-less contact of the same name.
 */
export async function planImport(lookup: ImportLookup, candidates: readonly unknown[]): Promise<ImportPlan> {
  const rejected: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const lines: ReadLine[] = [];
  for (const [index, raw] of candidates.entries()) {
    const parsed = ImportCandidate.safeParse(raw);
    if (!parsed.success) {
      rejected.push({ line: (raw as { line?: number })?.line ?? index + 1, reason: t('importEntryUnreadable') });
      continue;
    }
    const candidate = parsed.data;
    const identities = identitiesOf(candidate, warnings);
    const name = tidy(candidate.displayName);
    const org = tidy(candidate.org);
    if (identities.length === 0 && !name && !org) {
      rejected.push({ line: candidate.line, reason: t('importNoIdentity') });
      continue;
    }
    lines.push({ candidate, identities, keys: identities.map(identityKey), name, org });
  }
  // Every owner asked at once: the plan writes nothing while it reads, so the answers are those a
  // line-by-line walk would get, without a round trip to the database per line (10,000 lines
  // waited on 10,000 in turn, in the preview and again in the applying transaction).
  const owners = await Promise.all(lines.map(({ keys }) => Promise.all(keys.map((key) => lookup.ownerOf(key)))));
  const state: PlanState = { drafts: [], byIdentity: new Map(), byContact: new Map(), byName: new Map() };
  for (const [index, { candidate, identities, keys, name, org }] of lines.entries()) {
    const lineOwners = owners[index]!;
    const target = await findDraft(state, lookup, keys, lineOwners, name);
    pushNew(target.lines, candidate.line);
    addIdentities(state, target, candidate.line, identities, keys, lineOwners, warnings);
    target.name ??= name;
    target.org ??= org;
    target.title ??= tidy(candidate.title);
    for (const tag of candidate.tags.map(tidy)) if (tag) pushNew(target.tags, tag);
    if (candidate.note?.trim()) pushNew(target.notes, candidate.note.trim());
  }
  return {
    newPeople: state.drafts.filter((d) => !d.existing).map(finishNew),
    matches: state.drafts.filter((d) => d.existing).map((d) => finishMerge(d, d.existing!)),
    rejected,
    warnings,
  };
}
