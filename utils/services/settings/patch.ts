import type { Settings, SettingsPatch } from '../../model/records';

const without = (list: readonly string[], gone: ReadonlySet<string>) => list.filter((item) => !gone.has(item));

/**
 * The settings after a page's change: only the fields it sent, applied to the latest settings.
 * An address taken off the own addresses ("Not me") is remembered as not the user's, so reading
 * the webmail again does not learn it back; one the user adds to them is no longer on that list.
 */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  const sent = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as SettingsPatch;
  const next = { ...current, ...sent } as Settings;
  if (!sent.ownAddresses) return next;
  const own = new Set(sent.ownAddresses);
  const disowned = current.ownAddresses.filter((address) => !own.has(address));
  const notOwn = without(next.notOwnAddresses, own);
  return { ...next, notOwnAddresses: [...notOwn, ...disowned.filter((address) => !notOwn.includes(address))] };
}
