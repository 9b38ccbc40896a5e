import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';

/** What the user typed to turn sync on; the password lives only in this form until it is sent. */
export interface SyncCredentials {
  server: string;
  user: string;
  password: string;
  /** A team database to join; empty for none. */
  team: string;
}

interface Props {
  /** The server and user name last used, offered again (never the password: the worker keeps it). */
  server?: string | undefined;
  user?: string | undefined;
  team?: string | undefined;
  busy: boolean;
  /** Called in the submit's user gesture (Chrome's permission prompt needs it); true clears the password. */
  onTurnOn: (credentials: SyncCredentials) => Promise<boolean>;
}

/** The form that turns sync on: server address, user name, password, and a team to join (optional). */
export function SyncSignIn({ server: lastServer = '', user: lastUser = '', team: lastTeam = '', busy, onTurnOn }: Props) {
  const [server, setServer] = useState(lastServer);
  const [user, setUser] = useState(lastUser);
  const [password, setPassword] = useState('');
  const [team, setTeam] = useState(lastTeam);
  return (
    <form
      class="sync-sign-in"
      onSubmit={(event) => {
        event.preventDefault();
        void onTurnOn({ server, user, password, team }).then((on) => on && setPassword(''));
      }}
    >
      <label for="sync-server">{t('syncServer')}</label>
      <input
        id="sync-server"
        type="url"
        required
        autocomplete="url"
        spellcheck={false}
        placeholder={t('syncServerPlaceholder')}
        value={server}
        onInput={(event) => setServer(event.currentTarget.value)}
      />
      <label for="sync-user">{t('syncUser')}</label>
      <input id="sync-user" required autocomplete="username" spellcheck={false} value={user} onInput={(event) => setUser(event.currentTarget.value)} />
      <label for="sync-password">{t('syncPassword')}</label>
      <input
        id="sync-password"
        type="password"
        required
        autocomplete="current-password"
        value={password}
        onInput={(event) => setPassword(event.currentTarget.value)}
      />
      <label for="sync-team">{t('syncTeam')}</label>
      <input
        id="sync-team"
        autocomplete="off"
        spellcheck={false}
        aria-describedby="sync-team-hint"
        value={team}
        onInput={(event) => setTeam(event.currentTarget.value)}
      />
      <p id="sync-team-hint" class="sync-team-hint">
        {t('syncTeamHint')}
      </p>
      <button type="submit" disabled={busy} aria-busy={busy}>
        {t('syncTurnOn')}
      </button>
    </form>
  );
}
