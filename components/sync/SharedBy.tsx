import { t } from '../../utils/i18n';
import { useSyncStatus } from './use-sync-status';

/** Who a note or follow-up is shared by: a teammate (its author), or this user with their team; nothing when private. */
export function SharedBy({ shared, author }: { shared?: boolean | undefined; author?: string | undefined }) {
  if (author !== undefined) return <span class="entry-author">{t('teamSharedBy', author)}</span>;
  return shared ? <span class="muted">{t('teamSharedByMe')}</span> : null;
}

/** The team database the user joined (undefined without sync or without a team). */
export function useTeam(): string | undefined {
  const status = useSyncStatus();
  return status.data?.state === 'off' ? undefined : status.data?.team;
}
