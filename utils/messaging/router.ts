import type { Browser } from 'wxt/browser';
import { z } from 'zod';
import { isQuotaError, TendError } from '../errors';
import { t } from '../i18n';
import { ContentRequest, PageRequest, type ParsedPageRequest, type Reply } from './protocol';
import { classifySender, overreachOf, type ContentSender } from './senders';

type PageHandlers = {
  [T in ParsedPageRequest['type']]: (request: Extract<ParsedPageRequest, { type: T }>) => Promise<unknown>;
};

export interface RouterHandlers {
  /**
   * Reports from content scripts; the tab, the page URL and the site come from the sender, never
   * from the message, and the report claims nothing its sender may not say (senders.ts).
   */
  content: (request: ContentRequest, from: ContentSender) => Promise<void>;
  page: PageHandlers;
}

export interface RouterIdentity {
  extensionId: string;
  /** `chrome-extension://<id>/` */
  extensionOrigin: string;
}

/** Refuse a message: the details go to the log; the reply says what the user can act on. */
const refuse = (code: 'invalid' | 'forbidden', detail: string, forUser = detail): Reply<never> => {
  console.warn(`Tend: refused a message (${code}): ${detail}`);
  return { ok: false, error: { code, message: forUser } };
};

/** The `type` of a message for a log line, whatever a hostile sender put there (never throws). */
function describeType(message: unknown): string {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type.slice(0, 64) : `(${typeof type})`;
}

/** Turn a failure into a reply; unexpected errors are logged and answered without internals. */
function failureReply(error: unknown): Reply<never> {
  if (error instanceof TendError) return { ok: false, error: { code: error.code, message: error.message } };
  if (isQuotaError(error)) {
    console.error('Tend: out of storage space', error);
    return { ok: false, error: { code: 'failed', message: t('errorNoRoom') } };
  }
  console.error('Tend: a request failed', error);
  return { ok: false, error: { code: 'failed', message: t('errorUnexpected') } };
}

/**
 * The single entry point for runtime messages. Everything arrives `unknown`; it is answered only
 * after the sender is known and a schema accepts it, and content scripts can only report.
 */
export function createRouter(handlers: RouterHandlers, identity: RouterIdentity) {
  return async (message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown>> => {
    const who = classifySender(sender, identity.extensionId, identity.extensionOrigin);
    if (who.role === 'foreign') return refuse('forbidden', who.why);
    const schema = who.role === 'content' ? ContentRequest : PageRequest;
    const parsed = schema.safeParse(message);
    if (!parsed.success) {
      const type = describeType(message);
      const forbiddenForContent = who.role === 'content' && PageRequest.safeParse(message).success;
      if (forbiddenForContent) return refuse('forbidden', `a content script may not ask "${type}"`);
      // The first problem, in the schema's words (its own messages are translated; zod's are English).
      return refuse('invalid', `message "${type}" rejected: ${z.prettifyError(parsed.error)}`, parsed.error.issues[0]?.message);
    }
    if (who.role === 'content') {
      const overreach = overreachOf(parsed.data as ContentRequest, who);
      if (overreach) return refuse('forbidden', overreach);
    }
    try {
      if (who.role === 'content') {
        await handlers.content(parsed.data as ContentRequest, who);
        return { ok: true, data: null };
      }
      const request = parsed.data as ParsedPageRequest;
      const handler = handlers.page[request.type] as (r: ParsedPageRequest) => Promise<unknown>;
      return { ok: true, data: (await handler(request)) ?? null };
    } catch (error) {
      return failureReply(error);
    }
  };
}
