import type { TendDatabase } from '../../db/schema';
import type { ParsedPageRequest } from '../../messaging/protocol';
import { applySettingsPatch } from './patch';
import { loadSettings, updateSettings } from './settings';

type Request<T extends ParsedPageRequest['type']> = Extract<ParsedPageRequest, { type: T }>;

/** The worker's answers to the settings requests (utils/messaging/features/settings.ts). */
export function createSettingsHandlers(db: Promise<TendDatabase>, clock: () => number) {
  return {
    getSettings: async () => loadSettings(await db),
    updateSettings: async ({ patch }: Request<'updateSettings'>) => updateSettings(await db, (current) => applySettingsPatch(current, patch), clock()),
  };
}
