import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { pageAccessMessage } from '../shared/failure-message';

/** The origin pattern ("https://host/*") of a web page, or undefined for any other URL. */
export function originPattern(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol, host } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? `${protocol}//${host}/*` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the tab once (the popup's opening granted activeTab) and offers "Always read this site",
 * an optional host permission the user grants in Chrome's own prompt.
 */
export function SiteAccess({ tabId, onRead }: { tabId: number; onRead?: (read: boolean) => void }) {
  const [pattern, setPattern] = useState<string>();
  const [granted, setGranted] = useState<boolean>();
  const [message, setMessage] = useState<string>();
  useEffect(() => {
    let current = true;
    void (async () => {
      const read = await ask({ type: 'readTab', tabId }).catch((error: Error) => ({ read: false, error }));
      const tab = await browser.tabs.get(tabId);
      const origin = originPattern(tab.url);
      if (!current) return;
      if ('error' in read) setMessage(pageAccessMessage(read.error));
      else onRead?.(read.read);
      // Sites Tend reads from install (read: false without an error) need no offer.
      if (!origin || !read.read) return;
      setPattern(origin);
      setGranted(await browser.permissions.contains({ origins: [origin] }));
    })();
    return () => {
      current = false;
    };
  }, [tabId]);

  // permissions.request needs the click's user gesture: nothing is awaited before it.
  const grant = () => {
    if (!pattern) return;
    browser.permissions.request({ origins: [pattern] }).then(
      async (ok) => {
        setGranted(ok);
        if (ok) await ask({ type: 'syncSiteAccess' });
      },
      (error: Error) => setMessage(error.message),
    );
  };

  if (message) return <p class="notice">{message}</p>;
  if (!pattern || granted === undefined) return null;
  const host = new URL(pattern.replace('/*', '/')).host;
  return granted ? (
    <p class="notice">{t('siteAccessReading', host)}</p>
  ) : (
    <button type="button" class="secondary" onClick={grant}>
      {t('siteAccessAlwaysRead', host)}
    </button>
  );
}
