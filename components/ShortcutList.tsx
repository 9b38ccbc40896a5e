import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';

/** Tend's keyboard commands as Chrome has them now, and the way to change them. */
export function ShortcutList() {
  const [commands, setCommands] = useState<Browser.commands.Command[]>([]);
  useEffect(() => void browser.commands.getAll().then(setCommands), []);
  return (
    <section aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <ul aria-label="Shortcuts">
        {commands.map((command) => (
          <li key={command.name}>
            <span>{command.name === '_execute_action' ? 'Quick note about the people on this page' : command.description}</span>
            <kbd>{command.shortcut || 'not set'}</kbd>
          </li>
        ))}
      </ul>
      {/* chrome:// pages cannot be linked to: Chrome only lets an extension open them as a tab. */}
      <button type="button" onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}>
        Change shortcuts
      </button>
    </section>
  );
}
