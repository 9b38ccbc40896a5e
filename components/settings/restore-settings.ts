import type { Settings, SettingsPatch } from '../../utils/model/records';

const union = (current: readonly string[], restored: readonly string[]) => [...new Set([...current, ...restored])];

/**
 * The settings change a restored backup makes: its address and site lists join the current ones
 * (like records, a restore never takes away what Tend has); every other field is taken as the
 * backup has it, so fields added to Settings later are restored without changes here. On a
 * fresh install this reproduces the backed-up settings exactly.
 */
export function settingsPatchFromBackup(current: Settings, restored: Settings): SettingsPatch {
  const { version: _version, ...fields } = restored;
  return {
    ...fields,
    ownAddresses: union(current.ownAddresses, restored.ownAddresses),
    notOwnAddresses: union(current.notOwnAddresses, restored.notOwnAddresses),
    neverCapture: {
      addresses: union(current.neverCapture.addresses, restored.neverCapture.addresses),
      domains: union(current.neverCapture.domains, restored.neverCapture.domains),
      sites: union(current.neverCapture.sites, restored.neverCapture.sites),
    },
  };
}
