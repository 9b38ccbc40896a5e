// @vitest-environment node
// The same person created on two devices of one user (same address, different ids): after sync,
// one suggested merge on each device, not two unrelated people.
import { describe, expect, it } from 'vitest';
import { listAllContacts } from '../../utils/db/contacts-repo';
import { readTx } from '../../utils/db/schema';
import { findDuplicates } from '../../utils/services/merge/duplicates';
import { createContact } from '../../utils/services/people/people';
import { device, turnOn, useCouchServer } from './sync-support';

describe('the same person created on two devices', { timeout: 60_000 }, () => {
  const server = useCouchServer();

  it('becomes one suggested merge on each device, for the address both hold; each device keeps both until the user merges', async () => {
    const user = await server.createUser('dora');
    await server.createPrivateDb(user);
    const laptop = await device();
    const desktop = await device();
    const onLaptop = await createContact(laptop.db, { displayName: 'Ada Lovelace', email: 'ada@analytical.example' }, Date.now());
    const onDesktop = await createContact(desktop.db, { displayName: 'Ada Lovelace', email: 'ada@analytical.example' }, Date.now() + 5);
    await turnOn(laptop, server, user);
    await turnOn(desktop, server, user);
    await laptop.sync.syncNow();
    for (const side of [laptop, desktop]) expect(await listAllContacts(readTx(side.db, ['contacts']))).toHaveLength(2);
    for (const side of [laptop, desktop]) {
      const pairs = await findDuplicates(side.db, 10);
      expect(pairs.map((pair) => [pair.first.id, pair.second.id])).toEqual([[onLaptop.id, onDesktop.id]]);
      // The reason names the one address both hold, not two spellings of one mailbox.
      expect(pairs[0]!.reasons.map((reason) => reason.text)).toEqual(['Same name: “Ada Lovelace”', 'Both have the address ada@analytical.example']);
    }
  });
});
