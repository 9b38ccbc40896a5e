import { browser } from 'wxt/browser';

/** Keyboard commands (manifest `commands`); `_execute_action` opens the popup by itself. */
export function watchCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    // sidePanel.open needs the key press's user gesture: call it before anything is awaited.
    if (command === 'open-side-panel' && tab?.windowId !== undefined) void browser.sidePanel.open({ windowId: tab.windowId });
  });
}
