/**
 * The People view's bench, run inside the built extension's side panel page (injected over CDP):
 * seeds people through the worker, then times the real view against the same rows rendered as
 * plain text, first paint and scrolling, alternately in one page.
 */
import { backupOf } from '../utils/portability/backup/format';
import { identityKey } from '../utils/db/schema';
import { DEFAULT_SETTINGS } from '../utils/model/records';
import type { PeopleList } from '../utils/messaging/features/people';
import { median } from './median.mjs';
import { manyPeople } from './pages/people';

interface Chrome {
  runtime: { sendMessage(message: object): Promise<{ ok: boolean; data?: unknown; error?: unknown }> };
}
const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;

async function ask<T>(message: object): Promise<T> {
  const reply = await chrome.runtime.sendMessage(message);
  if (!reply.ok) throw new Error(JSON.stringify(reply.error));
  return reply.data as T;
}

/** Resolves after the next frame was painted (a task queued from the frame's rAF runs after paint). */
const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Resolves once `selector` matches, checking at every DOM change. */
function appeared(selector: string): Promise<void> {
  if (document.querySelector(selector)) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

const ROWS = 'ul[aria-label="Everyone"] > li';
const viewButton = (name: string) => [...document.querySelectorAll<HTMLButtonElement>('nav button')].find((button) => button.textContent === name)!;

/** Leave the People view for the search view (which asks the worker nothing until typed in). */
async function leaveView(): Promise<void> {
  viewButton('Search').click();
  await painted();
  window.scrollTo(0, 0);
}

/** From the click on "People" to the first frame painted with its rows. */
async function openView(): Promise<number> {
  const started = performance.now();
  viewButton('People').click();
  await appeared(ROWS);
  await painted();
  return performance.now() - started;
}

/** The view's first paint, from another view. */
async function viewFirstPaint(): Promise<number> {
  await leaveView();
  return openView();
}

const plain = () => document.getElementById('bench-plain') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'bench-plain' }));
const DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

/** The baseline: the same request, every row written as one line of plain text, to the first frame painted. */
async function plainFirstPaint(): Promise<number> {
  viewButton('Search').click();
  await painted();
  window.scrollTo(0, 0);
  plain().replaceChildren();
  const started = performance.now();
  const { rows } = await ask<PeopleList>({ type: 'listPeople', sort: 'name' });
  const lines = document.createDocumentFragment();
  for (let i = 0; i < rows.ids.length; i++) {
    const line = document.createElement('div');
    const last = rows.lastAt[i];
    line.textContent = `${rows.names[i]} · ${rows.orgs[i]} · ${last === null ? '-' : DATE.format(last)}`;
    lines.append(line);
  }
  plain().append(lines);
  await painted();
  return performance.now() - started;
}

/** Scroll the page `frames` frames of `step` px each; the time between frames, in ms. */
async function scrollFrames(frames: number, step: number): Promise<number[]> {
  window.scrollTo(0, 0);
  await painted();
  const gaps: number[] = [];
  let before = await nextFrame();
  for (let i = 1; i <= frames; i++) {
    window.scrollTo(0, i * step);
    const now = await nextFrame();
    gaps.push(now - before);
    before = now;
  }
  return gaps;
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;

export const peopleBench = {
  /** Make `count` people everyone in Tend (delete everything, restore a backup of them). */
  async seed(count: number): Promise<{ seedMs: number }> {
    const started = performance.now();
    const contacts = manyPeople(count, Date.now());
    const identities = contacts.flatMap((c) => c.identities.map((identity) => ({ key: identityKey(identity), ...identity, contactId: c.id })));
    const text = JSON.stringify(backupOf({ contacts, identities, interactions: [], followUps: [], settings: DEFAULT_SETTINGS }, Date.now()));
    await ask({ type: 'deleteEverything', confirmed: true });
    await ask({ type: 'restoreBackup', backup: { text } });
    return { seedMs: performance.now() - started };
  },

  /** The median time between frames of the page at rest: ~16.7 ms unless the browser throttles it. */
  async idleFrameMs(): Promise<number> {
    const gaps = await scrollFrames(20, 0);
    return median(gaps);
  },

  /** First paint of the view (the first one builds the worker's roster) and of the plain text, alternately. */
  async firstPaint(runs: number) {
    const coldMs = await viewFirstPaint();
    const shownRows = document.querySelectorAll(ROWS).length;
    const { rows } = await ask<PeopleList>({ type: 'listPeople', sort: 'name' });
    const answerBytes = JSON.stringify(rows).length;
    const requestMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await ask({ type: 'listPeople', sort: 'name' });
      requestMs.push(performance.now() - started);
    }
    const view: number[] = [];
    const text: number[] = [];
    for (let i = 0; i < runs; i++) {
      text.push(await plainFirstPaint());
      plain().replaceChildren();
      view.push(await viewFirstPaint());
    }
    return { coldMs, viewMs: median(view), textMs: median(text), shownRows, people: rows.ids.length, answerBytes, requestMs: median(requestMs) };
  },

  leaveView,

  /** The view opened (the worker stopped since it was left): to the first frame with rows, and how many rows came. */
  async openViewCold(): Promise<{ ms: number; people: number }> {
    const ms = await openView();
    const people = Number(document.querySelector(ROWS)?.getAttribute('aria-setsize') ?? 0);
    return { ms, people };
  },

  /** Scroll the view, then the plain-text rows, the same distance at the same speed. */
  async scrolling(frames: number, step: number) {
    viewButton('People').click();
    await appeared(ROWS);
    await painted();
    const view = await scrollFrames(frames, step);
    const maxRowsInDom = document.querySelectorAll(ROWS).length;
    viewButton('Search').click();
    await plainFirstPaint();
    const text = await scrollFrames(frames, step);
    plain().replaceChildren();
    const stats = (gaps: number[]) => ({ p95: p95(gaps), max: Math.max(...gaps), over50: gaps.filter((gap) => gap > 50).length });
    return { view: stats(view), text: stats(text), maxRowsInDom };
  },
};

(globalThis as unknown as { tendPeopleBench: typeof peopleBench }).tendPeopleBench = peopleBench;
