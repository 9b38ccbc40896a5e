/**
 * The demo's sample pages, served at their real addresses (so Tend's content scripts match them
 * as on the web) from files in this project; every other request stays refused by the harness.
 */
import type { Page } from 'playwright-core';
import type { Tend } from '../../tests/e2e/harness';

/** Each sample page: the address a tab opens, and the file that answers it. */
const SAMPLES = {
  /** A Gmail thread with Ada, Charles and Grace (Gmail's markup, dressed as a mail client). */
  gmail: { url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTqkVhLfxdbVjWqNb', file: 'scripts/demo-pages/gmail-thread.html' },
  /** Grace's GitHub profile: the e2e fixture, which links her address to her profile. */
  github: { url: 'https://github.com/GraceH', file: 'tests/fixtures/github/profile-with-email.html' },
  /** Any other page: read only when the user asks (toolbar button, context menu, shortcut). */
  team: { url: 'https://engine-society.example/team', file: 'scripts/demo-pages/team.html' },
} as const;

export type SampleTabs = Record<keyof typeof SAMPLES, Page>;

/** Serve the sample pages and open each in a tab, in order: the Gmail thread, the profile, the team page. */
export async function openSamplePages(tend: Tend): Promise<SampleTabs> {
  for (const { url, file } of Object.values(SAMPLES)) await tend.serve(url.replace(/#.*/, ''), file);
  return {
    gmail: await tend.open(SAMPLES.gmail.url),
    github: await tend.open(SAMPLES.github.url),
    team: await tend.open(SAMPLES.team.url),
  };
}
