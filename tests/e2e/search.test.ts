import { afterEach, beforeEach, expect, test } from 'vitest';
import { Tend } from './harness';
import { SearchPanel } from './pages/search-view';

interface Person {
  id: string;
  displayName: string;
}

let tend: Tend;
beforeEach(async () => {
  tend = await Tend.launch();
});
afterEach(() => tend?.close());

async function openPanel(): Promise<SearchPanel> {
  const page = await tend.context.newPage();
  await page.goto(tend.url('sidepanel'));
  return new SearchPanel(page);
}

async function addPerson(panel: SearchPanel, displayName: string, email: string, note?: string): Promise<Person> {
  const person = await panel.ask<Person>({ type: 'createContact', displayName, email });
  if (note) await panel.ask({ type: 'logInteraction', contactIds: [person.id], kind: 'note', text: note, requestId: crypto.randomUUID() });
  return person;
}

test('search finds a person by organisation and a note by a word in its body; Enter opens the card; it survives a worker restart', async () => {
  const panel = await openPanel();
  const ada = await addPerson(panel, 'Ada Lovelace', 'ada@analytical.example', 'Promised to send the Bernoulli tables before Thursday');
  await addPerson(panel, 'Charles Babbage', 'charles@engine.example', 'Difference engine funding');
  await panel.ask({ type: 'updateContact', contactId: ada.id, patch: { org: 'Analytical Society' } });
  await panel.open();

  await panel.field.fill('analytical soc');
  await expect.poll(() => panel.group('People').allInnerTexts()).toEqual([expect.stringContaining('Ada Lovelace')]);
  expect(await panel.group('People').first().locator('mark').allInnerTexts()).toEqual(['Analytical', 'Soc']);

  await panel.field.fill('bernoulli');
  await expect.poll(() => panel.group('Notes').allInnerTexts()).toEqual([expect.stringContaining('Promised to send the Bernoulli tables')]);
  expect(await panel.group('Notes').first().locator('mark').allInnerTexts()).toEqual(['Bernoulli']);
  expect(await panel.results.getByRole('group', { name: /^People/ }).count()).toBe(0);
  await panel.field.fill('e'); // one letter: people only (engine.example, analytical.example), and a line saying so
  await expect.poll(() => panel.group('People').count()).toBe(2);
  await panel.page.getByText('Type another letter to search notes').waitFor();
  expect(await panel.results.getByRole('group', { name: /^Notes/ }).count()).toBe(0);
  await panel.field.fill('en'); // two letters: Charles (engine.example) and his note, both groups shown
  await expect.poll(() => panel.group('Notes').allInnerTexts()).toEqual([expect.stringContaining('Difference engine funding')]);
  expect(await panel.group('People').count()).toBe(1);
  expect(await panel.page.getByText('Type another letter to search notes').count()).toBe(0);
  expect(await panel.axeFindings()).toEqual([]);
  await panel.field.fill('bernoulli');
  await expect.poll(() => panel.group('People').count()).toBe(0);
  await panel.field.press('Enter');
  await panel.page.getByRole('heading', { name: 'Ada Lovelace', level: 2 }).waitFor();

  // The worker stops (its in-memory index is gone); the next search rebuilds it from IndexedDB.
  const { runningAgain } = await tend.stopServiceWorker(panel.page);
  await panel.open();
  await panel.field.fill('diff eng');
  await expect.poll(() => panel.group('Notes').allInnerTexts()).toEqual([expect.stringContaining('Difference engine funding')]);
  await runningAgain();
  await panel.field.press('ArrowDown'); // nothing further: the one note stays active
  await panel.field.press('Enter');
  await panel.page.getByRole('heading', { name: 'Charles Babbage', level: 2 }).waitFor();
});

test('two people with one name: suggested with the reason, merged from the Search view, and the merge undone', async () => {
  const panel = await openPanel();
  await addPerson(panel, 'Grace Hopper', 'grace@navy.example', 'COBOL committee notes');
  await addPerson(panel, 'Grace Hopper', 'grace.hopper@univac.example', 'Nanosecond wires for the class');
  await panel.open();

  const pair = panel.duplicates.getByRole('listitem').filter({ hasText: 'grace.hopper@univac.example' });
  await expect.poll(() => pair.getByRole('list', { name: 'Why they may be one person' }).innerText()).toBe('Same name: “Grace Hopper”');
  await pair.getByRole('button', { name: 'Merge Grace Hopper into Grace Hopper' }).click();
  await expect.poll(() => panel.page.getByRole('status').filter({ hasText: 'Merged' }).innerText()).toBe('Merged Grace Hopper into Grace Hopper.');
  await expect.poll(() => panel.duplicates.count()).toBe(0);
  await panel.recentMerges.waitFor();
  expect(await panel.axeFindings()).toEqual([]);

  // One person now, with both addresses and both notes.
  await panel.field.fill('grace hopper');
  await expect.poll(() => panel.group('People').count()).toBe(1);
  await panel.field.press('Enter');
  const addresses = panel.page.getByRole('list', { name: 'Addresses' }).getByRole('listitem');
  await expect.poll(() => addresses.allInnerTexts()).toEqual(['grace@navy.example', 'grace.hopper@univac.example']);
  await expect.poll(() => panel.page.getByRole('list', { name: 'History' }).getByRole('listitem').count()).toBe(2);

  // Undo from the Search view's recent merges: two people again, each with their own note.
  await panel.open();
  await panel.recentMerges.getByRole('button', { name: /^Undo/ }).click();
  await expect.poll(() => panel.page.getByRole('status').filter({ hasText: 'Merge undone' }).count()).toBe(1);
  await expect.poll(() => panel.recentMerges.count()).toBe(0);
  await panel.field.fill('grace hopper');
  await expect.poll(() => panel.group('People').count()).toBe(2);
  await panel.field.fill('nanosecond');
  await expect.poll(() => panel.group('Notes').allInnerTexts()).toEqual([expect.stringContaining('Grace Hopper')]);
  await panel.field.press('Enter');
  const restored = panel.page.getByRole('list', { name: 'Addresses' }).getByRole('listitem');
  await expect.poll(() => restored.allInnerTexts()).toEqual(['grace.hopper@univac.example']);
});
