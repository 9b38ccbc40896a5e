import { t, uiLanguage, type MessageKey } from '../../utils/i18n';

/**
 * Give an extension page its language and title. Chrome fills `__MSG_…__` only in the manifest
 * and CSS, not in a page's HTML, so both are set here before the page renders.
 */
export function localisePage(title: MessageKey): void {
  document.documentElement.lang = uiLanguage();
  document.title = t(title);
}
