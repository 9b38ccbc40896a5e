import { afterAll, beforeAll, expect, test } from 'vitest';
import { startCouchServer, type CouchServer, type CouchUser } from '../support/couch-server';
import { seriousViolations } from './axe';
import { askBackground } from './pages/ask';
import { Popup } from './pages/popup';
import { SidePanel } from './pages/side-panel';
import { SyncDevice } from './pages/sync-device';
import { VirtualDisplay } from './virtual-display';
import { keepScreenshots } from './screenshots';

// Let Playwright see and route the service worker's requests (the replication runs there).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

// Two users of one team (issue 18, "Two spaces"), each in a headed browser of their own (Chrome's
// permission prompt is browser UI, answered with the keyboard), through one test server whose
// team database names both as members.
let server: CouchServer;
let displays: VirtualDisplay[] = [];
let ana: SyncDevice;
let ben: SyncDevice;
let benUser: CouchUser;
let team: string;
beforeAll(async () => {
  server = await startCouchServer();
  benUser = await server.createUser('ben');
  await server.createPrivateDb(benUser);
  team = await server.createTeamDb([server.user, benUser]);
  displays = [await VirtualDisplay.start(), await VirtualDisplay.start()];
  ana = await SyncDevice.launch(displays[0]!, server);
  ben = await SyncDevice.launch(displays[1]!, server);
});
afterAll(async () => {
  await ana?.close();
  await ben?.close();
  await server?.stop();
  for (const display of displays) display.stop();
});

test('a user without access to a team is told so, and nothing here is lost', async () => {
  const theirs = await server.createTeamDb([server.user]);
  const grace = await askBackground(ben.settings.page, { type: 'createContact', displayName: 'Grace Hopper', email: 'grace@navy.example' });
  await ben.settings.turnOn(server.url, benUser.name, benUser.password, await ben.tend.worker(), 'allow', theirs);
  await ben.settings.alert().getByText('No access to that team: this user is not a member of its database. Nothing here was changed.').waitFor();
  expect(await askBackground(ben.settings.page, { type: 'getSyncStatus' })).toMatchObject({ state: 'off' });
  expect((await askBackground(ben.settings.page, { type: 'getContacts', contactIds: [grace.id] })).map((person) => person.displayName)).toEqual([
    'Grace Hopper',
  ]);
  expect(await server.documents(theirs)).toEqual([]);
  await keepScreenshots(ben.settings.page, 'team-settings');
  for (const scheme of ['light', 'dark'] as const) expect(await seriousViolations(ben.settings.page, scheme)).toEqual([]);
});

test('two users in one team: a shared note reaches the teammate with its author; a private note, a sighting and a draft never reach the team database', async () => {
  await ana.turnOn(server, server.user, team);
  await ana.settings.section.getByText(`Sharing with the team database ${team}.`).waitFor();
  await ben.turnOn(server, benUser, team);

  const gmail = await ana.tend.openGmail('thread-expanded', '#inbox/thread-one');
  const panel = await SidePanel.open(await ana.tend.context.newPage(), ana.tend.url('sidepanel', `?tab=${await ana.tend.tabIdOf(gmail)}`));
  await panel.openPerson('Ada Lovelace');
  const share = panel.page.getByLabel(`Share with the team (${team})`);
  // Unticked at first: nothing is shared unless the user says so.
  expect(await share.isChecked()).toBe(false);
  await panel.addNote('Private: she is weighing an offer');
  await panel.history.filter({ hasText: 'Private: she is weighing an offer' }).waitFor();
  await share.check();
  await panel.addNote('Shared: wants the engine plans by Friday');
  await panel.history.filter({ hasText: 'Shared: wants the engine plans by Friday' }).filter({ hasText: 'Shared with the team' }).waitFor();
  // The choice is remembered for the next note; a draft left in the composer stays here.
  expect(await share.isChecked()).toBe(true);
  await panel.page.getByLabel('Note').fill('Draft: ask about the merger');
  const [adaHere] = await askBackground(panel.page, { type: 'findPeople', query: 'Ada Lovelace', limit: 1 });
  const timeline = await askBackground(panel.page, { type: 'getTimeline', contactId: adaHere!.id, limit: 20 });
  const sighting = timeline.find((entry) => entry.kind === 'sighting');
  expect(sighting).toBeDefined();
  await expect
    .poll(async () => (await askBackground(panel.page, { type: 'getDraft', about: { kind: 'person', contactId: adaHere!.id } }))?.draft.text)
    .toBe('Draft: ask about the merger');
  await keepScreenshots(panel.page, 'team-composer');
  for (const scheme of ['light', 'dark'] as const) expect(await seriousViolations(panel.page, scheme)).toEqual([]);

  // A follow-up shared from its menu goes too; one left unshared does not.
  const due = Date.now() + 86_400_000;
  await askBackground(panel.page, { type: 'createFollowUp', id: crypto.randomUUID(), contactId: adaHere!.id, text: 'Send her the plans', due });
  await askBackground(panel.page, { type: 'createFollowUp', id: crypto.randomUUID(), contactId: adaHere!.id, text: 'Private: check her references', due });
  const followUps = panel.card.getByRole('list', { name: /^Upcoming/ }).getByRole('listitem');
  await followUps.filter({ hasText: 'Send her the plans' }).getByRole('button', { name: 'Share with the team: Send her the plans' }).click();
  await followUps.filter({ hasText: 'Send her the plans' }).filter({ hasText: 'Shared with the team' }).waitFor();

  // The popup's quick note offers the same box, with the choice remembered from the card.
  const popup = await Popup.open(await ana.tend.context.newPage(), ana.tend.url('popup', `?tab=${await ana.tend.tabIdOf(gmail)}`));
  const popupShare = popup.page.getByLabel(`Share with the team (${team})`);
  expect(await popupShare.isChecked()).toBe(true);
  // For the person whose card is open in the side panel.
  await expect.poll(() => popup.selectedNames()).toEqual(['Ada Lovelace']);
  await popup.note.fill('Shared from the popup: call after the board meeting');
  await popup.save();
  await popup.page.getByText('Saved for Ada Lovelace').waitFor();
  await popup.page.close();

  await ana.syncNow();
  const teamDocs = JSON.stringify(await server.documents(team));
  expect(teamDocs).toContain('Shared: wants the engine plans by Friday');
  expect(teamDocs).toContain('Shared from the popup: call after the board meeting');
  for (const secret of ['Private: she is weighing an offer', 'Draft: ask about the merger', sighting!.id, sighting!.summary])
    expect(teamDocs).not.toContain(secret);
  // Ana's own space keeps her private note (for her other devices), never the draft.
  const own = JSON.stringify(await server.documents(server.userDb));
  expect(own).toContain('Private: she is weighing an offer');
  expect(own).not.toContain('Draft: ask about the merger');

  await ben.syncNow();
  const card = await ben.openCard('Ada Lovelace');
  const sharedEntry = card.history.filter({ hasText: 'Shared: wants the engine plans by Friday' });
  await sharedEntry.filter({ hasText: `Shared by ${server.user.name}` }).waitFor();
  // A teammate's entry is theirs: no edit, delete or share on it here.
  expect(await sharedEntry.getByRole('button', { name: /^(Edit|Delete|Share with the team)\b/ }).count()).toBe(0);
  expect(await card.historyTexts()).not.toContainEqual(expect.stringContaining('Private: she is weighing an offer'));
  await card.card
    .getByRole('listitem')
    .filter({ hasText: 'Send her the plans' })
    .filter({ hasText: `Shared by ${server.user.name}` })
    .waitFor();
  expect(await card.card.getByText('Private: check her references').count()).toBe(0);
  await card.card.getByText(new RegExp(`^Also known to: ${server.user.name} \\(last talked `)).waitFor();
  await keepScreenshots(card.page, 'team-card');
  for (const scheme of ['light', 'dark'] as const) expect(await seriousViolations(card.page, scheme)).toEqual([]);
});

test('a person deleted by one teammate: the confirmation says what the team keeps; the other no longer sees them among those who know the person, and keeps the shared note', async () => {
  const panel = await ana.openCard('Ada Lovelace');
  await panel.page.getByText('Details').click();
  await panel.page.getByRole('button', { name: 'Delete this person…' }).click();
  const confirmation = panel.page.getByRole('group', { name: 'Delete Ada Lovelace?' });
  await confirmation
    .getByText(
      `Your team’s database, ${team}, keeps its card of this person and the notes you shared about them; it will no longer list you among the people who know them.`,
    )
    .waitFor();
  await confirmation.scrollIntoViewIfNeeded();
  await keepScreenshots(panel.page, 'team-delete-person');
  await confirmation.getByRole('button', { name: 'Delete', exact: true }).click();
  await panel.page.getByRole('status').filter({ hasText: 'Ada Lovelace was deleted.' }).waitFor();
  await ana.syncNow();
  const docs = await server.documents(team);
  // The team keeps Ada's card; of those who know her, Ana is gone.
  const adaCards = docs.filter((doc) => doc.kind === 'card' && (doc.record as { displayName: string }).displayName === 'Ada Lovelace');
  expect(adaCards).toHaveLength(1);
  const adaId = (adaCards[0]!.record as { id: string }).id;
  expect(docs.filter((doc) => doc.kind === 'knows' && doc.contactId === adaId).map((doc) => doc.member)).not.toContain(server.user.name);

  await ben.syncNow();
  const card = await ben.openCard('Ada Lovelace');
  await card.history
    .filter({ hasText: 'Shared: wants the engine plans by Friday' })
    .filter({ hasText: `Shared by ${server.user.name}` })
    .waitFor();
  expect(await card.card.getByText(/^Also known to:/).count()).toBe(0);
});
