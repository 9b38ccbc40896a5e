import { openTendDb } from '../../utils/db/open';
import type { SightingMessage } from '../../utils/messaging/protocol';
import { DEFAULT_SETTINGS, type Candidate, type Settings } from '../../utils/model/records';
import { captureRulesFrom } from '../../utils/services/sightings/capture-rules';

/** A fresh database (the setup file gives every test its own IndexedDB factory). */
export const freshDb = () => openTendDb('tend-test');

/** A sighting of a Gmail thread, as the content script would report it. */
export function threadSighting(threadKey: string, subject: string, people: Candidate[], self: string[] = []): SightingMessage {
  return {
    type: 'sighting',
    site: 'gmail',
    page: { url: `https://mail.google.com/mail/u/0/#inbox/${threadKey}`, title: `${subject} - Gmail` },
    thread: { key: `gmail:${threadKey}`, subject },
    people,
    self,
  };
}

export const ADA = { name: 'Ada Lovelace', email: 'ada@analytical.example', role: 'from' } as const;
export const CHARLES = { name: 'Charles Babbage', email: 'charles@engine.example', role: 'to' } as const;
export const DAY = 24 * 60 * 60 * 1000;

/** Capture rules from default settings with some fields overridden. */
export const rulesWith = (overrides: Partial<Settings> = {}) => captureRulesFrom({ ...DEFAULT_SETTINGS, ...overrides });
