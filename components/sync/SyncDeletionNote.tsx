import { useSyncStatus } from './use-sync-status';

/**
 * On a delete confirmation while sync is on, what the deletion does on the server (`words` makes
 * the sentences from the server's address and the team the user joined, if any); nothing while
 * sync is off.
 */
export function SyncDeletionNote({ words }: { words: (server: string, team: string | undefined) => string }) {
  const { data: status } = useSyncStatus();
  if (!status || status.state === 'off' || !status.server) return null;
  return <p class="sync-deletion-note">{words(status.server, status.team)}</p>;
}
