import fc from 'fast-check';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import type { TendDatabase } from '../../utils/db/schema';
import { ContentRequest, PageRequest } from '../../utils/messaging/protocol';
import { createRouter } from '../../utils/messaging/router';
import { createHandlers } from '../../utils/services/handlers';
import { ADA, freshDb, threadSighting } from './helpers';

const ID = 'tend-extension-id';
const ORIGIN = `chrome-extension://${ID}/`;
const contentSender = { id: ID, url: 'https://mail.google.com/mail/u/0/#inbox/t1', tab: { id: 7 } as Browser.tabs.Tab, frameId: 0 };
const pageSender = { id: ID, url: `${ORIGIN}sidepanel.html` };
const RUNS_PER_SENDER = 5_000;
const tally = { tried: 0, rejected: 0, forbiddenReads: 0, writtenByRejected: 0 };

// Valid messages of every type: the fuzzer mutates these into near-valid ones.
const uuid = '01900000-0000-7000-8000-000000000001';
const templates: Record<string, unknown>[] = [
  threadSighting('t1', 'Plan', [ADA]) as unknown as Record<string, unknown>,
  { type: 'getTabPeople', tabId: 7 },
  { type: 'getContact', contactId: uuid },
  { type: 'getTimeline', contactId: uuid, limit: 50 },
  { type: 'logInteraction', contactIds: [uuid], kind: 'note', text: 'x', requestId: uuid },
  { type: 'deleteInteraction', interactionId: uuid },
  { type: 'findPeople', query: 'ada', limit: 5 },
  { type: 'createContact', displayName: 'Someone' },
  { type: 'updateContact', contactId: uuid, patch: { org: 'x' } },
  { type: 'updateSettings', patch: { ownAddresses: ['me@example.com'] } },
];

const hostileValue = fc.oneof(
  fc.anything(),
  fc.constantFrom('', 'x'.repeat(300_000), '<script>alert(1)</script>', '\u202E', -1, 1e308, Number.NaN, null, [], {}),
);
/** A valid message with one field removed, replaced or added, or its type changed. */
const nearValid = fc
  .tuple(fc.constantFrom(...templates), fc.nat(), hostileValue, fc.constantFrom('drop', 'replace', 'add', 'retype'), fc.string())
  .map(([template, pick, value, how, name]) => {
    const message: Record<string, unknown> = structuredClone(template);
    const keys = Object.keys(message);
    const key = keys[pick % keys.length]!;
    if (how === 'drop') delete message[key];
    else if (how === 'replace') message[key] = value;
    else if (how === 'add') message[name || 'extra'] = value;
    else message.type = typeof value === 'string' ? value : name;
    return message;
  });
const anyMessage = fc.oneof(nearValid, fc.constantFrom(...templates), fc.anything());

let db: TendDatabase;
let route: ReturnType<typeof createRouter>;
beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  db = await freshDb();
  route = createRouter(
    createHandlers(Promise.resolve(db), () => 1_700_000_000_000),
    { extensionId: ID, extensionOrigin: ORIGIN },
  );
});
afterAll(() => {
  // The trust report (npm run check:trust prints these lines).
  console.info(
    `trust: router fuzz: ${tally.tried} messages tried, ${tally.rejected} rejected with a reason, ` +
      `${tally.forbiddenReads} history reads by content scripts refused, records written by rejected messages = ${tally.writtenByRejected}`,
  );
});

async function snapshot(): Promise<string> {
  const stores = ['contacts', 'identities', 'interactions', 'timeline', 'followUps', 'imports'] as const;
  const counts = await Promise.all(stores.map((store) => db.count(store)));
  return counts.join(',');
}

test.each([
  ['a content script', contentSender, ContentRequest],
  ['an extension page', pageSender, PageRequest],
] as const)(
  '%s: every invalid message is rejected with a reason and writes nothing',
  async (_who, sender, schema) => {
    await fc.assert(
      fc.asyncProperty(anyMessage, async (message) => {
        const before = await snapshot();
        const reply = await route(message, sender);
        tally.tried += 1;
        const valid = schema.safeParse(message).success;
        if (!valid) expect(reply.ok).toBe(false);
        if (!reply.ok) {
          tally.rejected += 1;
          expect(reply.error.message.length).toBeGreaterThan(5);
          if ((await snapshot()) !== before) tally.writtenByRejected += 1;
        }
        if (sender === contentSender && PageRequest.safeParse(message).success) {
          tally.forbiddenReads += 1;
          expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        }
      }),
      { numRuns: RUNS_PER_SENDER },
    );
    expect(tally.writtenByRejected).toBe(0);
  },
  120_000,
);

test('messages from other extensions or web pages are refused whatever they say', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...templates), fc.constantFrom('other-extension', undefined), async (message, id) => {
      const reply = await route(message, { id, url: 'https://evil.example/' });
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }),
    { numRuns: 200 },
  );
});
