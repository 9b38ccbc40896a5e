import { afterAll, beforeAll } from 'vitest';
import { startCouchServer, type CouchServer } from '../../support/couch-server';
import { VirtualDisplay } from '../virtual-display';
import { SyncDevice } from './sync-device';

/** A test file's sync server and two devices of its user. */
export interface TwoDevices {
  server: CouchServer;
  laptop: SyncDevice;
  desktop: SyncDevice;
}

/**
 * Start a server and two headed devices of one user (each in its own display) before a file's
 * tests, and stop them after; with `turnedOn`, sync is turned on in both as setup. Read the fields
 * inside tests (they are set once the file starts).
 */
export function twoDevicesForFile({ turnedOn = false } = {}): TwoDevices {
  const devices = {} as TwoDevices;
  let displays: VirtualDisplay[] = [];
  beforeAll(async () => {
    devices.server = await startCouchServer();
    displays = [await VirtualDisplay.start(), await VirtualDisplay.start()];
    devices.laptop = await SyncDevice.launch(displays[0]!, devices.server);
    devices.desktop = await SyncDevice.launch(displays[1]!, devices.server);
    if (turnedOn) {
      await devices.laptop.turnOn(devices.server);
      await devices.desktop.turnOn(devices.server);
    }
  });
  afterAll(async () => {
    await devices.laptop?.close();
    await devices.desktop?.close();
    await devices.server?.stop();
    for (const display of displays) display.stop();
  });
  return devices;
}
