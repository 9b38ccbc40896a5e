import { t } from '../i18n';
import { toEmailAddress } from '../identity/addresses';

type Parsed = { value: string } | { error: string };

/** An address typed into a settings list. */
export function parseAddressEntry(raw: string): Parsed {
  const value = toEmailAddress(raw);
  return value ? { value } : { error: t('errorSettingNotAnEmail', raw.trim()) };
}

/** A domain or site typed into a settings list: a host name, also accepted as a URL or "@domain". */
export function parseHostEntry(raw: string): Parsed {
  let text = raw.trim().toLowerCase().replace(/^@/, '');
  try {
    if (/^[a-z]+:\/\//.test(text)) text = new URL(text).hostname;
  } catch {
    // Not a URL: checked as a host name below.
  }
  text = text.replace(/^www\./, '').replace(/\/.*$/, '');
  const valid = /^(?=.{1,253}$)([a-z0-9\p{L}](?:[a-z0-9\p{L}-]{0,61}[a-z0-9\p{L}])?\.)+[a-z\p{L}]{2,63}$/u.test(text);
  return valid ? { value: text } : { error: t('errorSettingNotADomain', raw.trim()) };
}
