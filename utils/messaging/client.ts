import { browser } from 'wxt/browser';
import { TendError } from '../errors';
import { t } from '../i18n';
import { Broadcast, type PageRequest, type PageResult, type Reply } from './protocol';

/** Ask the background something from an extension page; resolves with the typed result or throws TendError. */
export async function ask<T extends PageRequest['type']>(request: Extract<PageRequest, { type: T }>): Promise<PageResult<T>> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<PageResult<T>> | undefined;
  if (!reply) throw new TendError('failed', t('errorNoAnswer'));
  if (!reply.ok) throw new TendError(reply.error.code, reply.error.message);
  return reply.data;
}

/** Listen to the background's broadcasts; returns the function that stops listening. */
export function onBroadcast(listener: (message: Broadcast) => void): () => void {
  const handle = (message: unknown) => {
    const parsed = Broadcast.safeParse(message);
    if (parsed.success) listener(parsed.data);
    // Not returning anything: other pages' requests pass by unanswered.
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}

/** Tell every open extension page that something changed; nobody listening is fine. */
export async function broadcast(message: Broadcast): Promise<void> {
  await browser.runtime.sendMessage(message).catch(() => undefined);
}
