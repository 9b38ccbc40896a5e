import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import { t } from '../../utils/i18n';

/** Tend's keyboard commands as Chrome has them now, and the way to change them. */
export function ShortcutList() {
  const [commands, setCommands] = useState<Browser.commands.Command[]>([]);
  useEffect(() => void browser.commands.getAll().then(setCommands), []);
  return (
    <section aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t('shortcutsTitle')}</h2>
      <ul aria-label={t('shortcutsList')}>
        {commands.map((command) => (
          <li key={command.name}>
            {/* Chrome reports the popup's command with an empty description: Tend names it. */}
            <span>{command.name === '_execute_action' ? t('commandQuickNote') : command.description}</span>
            <kbd>{command.shortcut || t('shortcutsNotSet')}</kbd>
          </li>
        ))}
      </ul>
      {/* chrome:// pages cannot be linked to: Chrome only lets an extension open them as a tab. */}
      <button type="button" onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}>
        {t('shortcutsChange')}
      </button>
    </section>
  );
}
