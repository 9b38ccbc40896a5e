import { broadcast } from '../messaging/client';

/**
 * Finish a write, then tell every open page which people it touched (none: nothing to say), so
 * cards and lists showing them re-read.
 */
export async function announced<T>(write: Promise<T>, touched: (result: T) => string[] | undefined): Promise<T> {
  const result = await write;
  const contactIds = touched(result);
  if (contactIds) await broadcast({ type: 'changed', contactIds });
  return result;
}
