import { browser } from 'wxt/browser';

/**
 * Every user-visible string comes from `public/_locales/<lang>/messages.json` through
 * browser.i18n, so Tend can be translated without touching code. English is the default locale.
 */
type Messages = typeof import('../public/_locales/en/messages.json');
export type MessageKey = keyof Messages;

/** Keys that come in plural forms: `<base>_one`, `<base>_other` (and `_few`, `_many`... per language). */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

/** The message for `key`, with $1, $2... filled from `substitutions` (through the message's placeholders). */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String));
}

/**
 * The language Tend's pages speak: Chrome's UI language when Tend has messages in it, else the
 * language of the messages Chrome fell back to, so that dates, numbers and plural rules always
 * match the words around them (a French Chrome without French messages shows English throughout).
 */
export function uiLanguage(): string {
  const ui = browser.i18n.getUILanguage();
  const messages = t('messagesLanguage');
  const primary = (tag: string) => tag.split(/[-_]/)[0]!.toLowerCase();
  return messages && primary(messages) !== primary(ui) ? messages : ui;
}

/**
 * A date and time formatter in the UI language, made on first use and kept: a module may declare
 * one at load time, before the language can be asked (tests set it per test).
 */
export function dateFormat(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let format: Intl.DateTimeFormat | undefined;
  return () => (format ??= new Intl.DateTimeFormat(uiLanguage(), options));
}

let pluralRules: Intl.PluralRules | undefined;

/**
 * The plural form of `base` for `count` in the UI language ("1 person", "3 people"); the count is
 * $1, further substitutions follow. chrome.i18n has no plurals, so the forms are separate keys.
 */
export function tCount(base: PluralKey, count: number, ...substitutions: (string | number)[]): string {
  pluralRules ??= new Intl.PluralRules(uiLanguage());
  const args = [count, ...substitutions].map(String);
  // A language's category may have no message of its own (e.g. `_zero`): fall back to `_other`.
  const form = `${base}_${pluralRules.select(count)}` as MessageKey;
  return browser.i18n.getMessage(form, args) || browser.i18n.getMessage(`${base}_other` as MessageKey, args);
}
