import type { ErrorCode } from './messaging/protocol';

/** An error meant for the user: the router answers it as `{ok: false, error: {code, message}}`. */
export class TendError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TendError';
  }
}
