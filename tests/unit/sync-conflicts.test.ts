// @vitest-environment node
// Two devices of one user edit the same records while apart: after both sync, both hold the same
// result (per field, the newest change wins; an entry, its newest edit), and no "What matters" text is lost.
import { describe, expect, it } from 'vitest';
import { readTx, type TendDatabase } from '../../utils/db/schema';
import { getContact } from '../../utils/db/contacts-repo';
import { getInteraction, listTimeline } from '../../utils/db/interactions-repo';
import { updateContact } from '../../utils/services/people/contact-edits';
import { editInteraction, logInteraction } from '../../utils/services/capture/log';
import { newId } from '../../utils/ids';
import { t } from '../../utils/i18n';
import { readConfig } from '../../utils/services/sync/service';
import { tick, twoSyncedDevices, type Device, useCouchServer } from './sync-support';

describe('edits made on two devices while apart', { timeout: 60_000 }, () => {
  const server = useCouchServer();

  const twoDevices = () => twoSyncedDevices(server, 'fay');
  const both = async (laptop: Device, desktop: Device) => {
    for (const each of [laptop, desktop, laptop, desktop]) await each.sync.syncNow();
  };
  const contactOn = (db: TendDatabase, id: string) => getContact(readTx(db, ['contacts']), id);
  const notesOn = async (db: TendDatabase, id: string) =>
    (await listTimeline(readTx(db, ['timeline', 'interactions']), id, 50)).map((entry) => entry.summary).sort();

  it('converge field by field, and the losing "What matters" text is kept in the history on both', async () => {
    const { laptop, desktop, ada } = await twoDevices();
    await updateContact(laptop.db, ada.id, { org: 'Analytical Engines', whatMatters: 'Likes tea' }, Date.now());
    await tick();
    await updateContact(desktop.db, ada.id, { displayName: 'Ada King', whatMatters: 'Likes coffee' }, Date.now());
    await both(laptop, desktop);

    const onLaptop = await contactOn(laptop.db, ada.id);
    expect(onLaptop).toMatchObject({ displayName: 'Ada King', org: 'Analytical Engines', whatMatters: 'Likes coffee' });
    expect(await contactOn(desktop.db, ada.id)).toEqual(onLaptop);
    const kept = t('cardWhatMattersEarlier', 'Likes tea');
    expect(await notesOn(laptop.db, ada.id)).toEqual([kept]);
    expect(await notesOn(desktop.db, ada.id)).toEqual([kept]);
    expect((await laptop.sync.status()).rejected).toBe(0);
  });

  it('keep the newest edit of an entry on both', async () => {
    const { laptop, desktop, ada } = await twoDevices();
    const note = await logInteraction(laptop.db, { contactIds: [ada.id], kind: 'note', text: 'First words', requestId: newId() }, Date.now());
    await both(laptop, desktop);
    await editInteraction(desktop.db, note.id, { text: 'Edited on the desktop' }, Date.now());
    await tick();
    await editInteraction(laptop.db, note.id, { text: 'Edited on the laptop, later' }, Date.now() + 1);
    await both(laptop, desktop);
    const entry = await getInteraction(readTx(laptop.db, ['interactions']), note.id);
    expect(entry?.summary).toBe('Edited on the laptop, later');
    expect(await getInteraction(readTx(desktop.db, ['interactions']), note.id)).toEqual(entry);
  });

  it('merge an edit made here during a pull with what the pull brought, instead of overwriting either', async () => {
    const { laptop, desktop, ada } = await twoDevices();
    await updateContact(desktop.db, ada.id, { org: 'Remote org' }, Date.now());
    await desktop.sync.syncNow();
    // The laptop's replica receives the desktop's version; the user edits before a pass applies it.
    const config = (await readConfig(laptop.db))!;
    await laptop.replicas.local(config).replicate.from(laptop.replicas.remote(config));
    await tick();
    await updateContact(laptop.db, ada.id, { title: 'Countess' }, Date.now());
    await both(laptop, desktop);
    const onLaptop = await contactOn(laptop.db, ada.id);
    expect(onLaptop).toMatchObject({ org: 'Remote org', title: 'Countess' });
    expect(await contactOn(desktop.db, ada.id)).toEqual(onLaptop);
  });
});
