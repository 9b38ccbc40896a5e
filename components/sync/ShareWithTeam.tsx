import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { useTeam } from './SharedBy';

/** The composer's share choice: the team joined (none: nothing to choose), and whether this note goes to it. */
export interface ShareChoice {
  team: string | undefined;
  shared: boolean;
  setShared(shared: boolean): void;
}

/** The user's team (from sync's status) and their last share choice, remembered when changed. */
export function useShareChoice(): ShareChoice {
  const team = useTeam();
  const [shared, setShared] = useState(false);
  // The worker keeps the choice (a failed read or write leaves the box as the user sees it).
  useEffect(() => void ask({ type: 'getShareChoice' }).then(setShared, () => undefined), []);
  return {
    team,
    shared: team !== undefined && shared,
    setShared(next) {
      setShared(next);
      void ask({ type: 'setShareChoice', shared: next }).catch(() => undefined);
    },
  };
}

/** "Share with the team": shown only when the user joined one; unticked, the note stays in their own space. */
export function ShareWithTeam({ choice, id }: { choice: ShareChoice; id: string }) {
  if (choice.team === undefined) return null;
  return (
    <label class="share-with-team" for={id}>
      <input id={id} type="checkbox" checked={choice.shared} onChange={(event) => choice.setShared(event.currentTarget.checked)} />
      {t('teamShareOnComposer', choice.team)}
    </label>
  );
}
