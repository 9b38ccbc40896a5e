import { expect, test, vi } from 'vitest';
import type { DraftAbout } from '../../utils/model/drafts';
import { getDraft, putDraft } from '../../utils/services/drafts/drafts';
import { freshDb } from './helpers';

// A full disk: every draft write is refused as Chrome refuses it.
vi.mock('../../utils/db/drafts-repo', async (original) => ({
  ...(await original<typeof import('../../utils/db/drafts-repo')>()),
  putDraftRecord: () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
}));

test('a draft the database has no room for waits in session storage, and is read back from there', async () => {
  const db = await freshDb();
  const about: DraftAbout = { kind: 'page', url: 'https://mail.google.com/mail/u/0/#inbox/t1' };
  expect(await putDraft(db, about, { text: 'Typed on a full disk', requestId: crypto.randomUUID() }, 1_000)).toBe(true);
  expect((await getDraft(db, about))?.draft.text).toBe('Typed on a full disk');
  expect(await db.count('drafts')).toBe(0);
});
