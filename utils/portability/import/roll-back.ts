/** Abort a transaction that may already have ended (a failed request aborts it by itself), then wait for it to settle. */
export async function rollBack(tx: { abort(): void; done: Promise<void> }): Promise<void> {
  try {
    tx.abort();
  } catch {
    // Already aborted or committed.
  }
  await tx.done.catch(() => undefined);
}
