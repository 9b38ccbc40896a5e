/**
 * Page requests of the settings, which the worker keeps in its database (utils/services/settings):
 * pages never read them anywhere else. Merged into PageRequest in ../protocol.ts.
 */
import { z } from 'zod';
import { Settings, SettingsPatch } from '../../model/records';

/** The page requests of the settings. */
export const settingsRequests = [
  /** The user's settings (the options page; a change is announced by `changed` with `settings`). */
  z.object({ type: z.literal('getSettings') }),
  /** Change some settings fields (the options page); the background applies it to the latest settings. */
  z.object({ type: z.literal('updateSettings'), patch: SettingsPatch }),
] as const;

/** What each of those requests answers with. */
export const settingsResults = {
  getSettings: Settings,
  updateSettings: Settings,
} satisfies Record<string, z.ZodType>;
