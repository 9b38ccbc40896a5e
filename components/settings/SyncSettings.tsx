import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TendError } from '../../utils/errors';
import { t } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { SyncServerUrl, TeamDatabaseName, type SyncStatus } from '../../utils/messaging/features/sync';
import { failureReason } from '../../utils/text/failures';
import { StatusLine } from '../shared/StatusLine';
import { syncErrorWords } from '../sync/sync-words';
import { useSyncStatus } from '../sync/use-sync-status';
import { SyncSignIn, type SyncCredentials } from './SyncSignIn';
import { SyncStatusDetails } from './SyncStatusDetails';

/** The words for a failed sync request: the worker's own (a TendError speaks to the user), else the reason. */
const failureWords = (failure: unknown) => (failure instanceof TendError ? failure.message : t('syncFailed', failureReason(failure)));

/**
 * The options page's Sync section: turn sync on with a server, a user name and a password (asking
 * Chrome for that server's origin at that moment), see what it did, sync now, turn it off.
 */
export function SyncSettings() {
  const loaded = useSyncStatus();
  // The worker's latest word: what it answered to an action here, or what it reports after a change.
  const [status, setStatus] = useState<SyncStatus>();
  useEffect(() => void (loaded.data && setStatus(loaded.data)), [loaded.data]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ status?: string; error?: string }>({});

  const run = async (action: () => Promise<SyncStatus>, done?: string): Promise<boolean> => {
    setBusy(true);
    try {
      const answer = await action();
      setStatus(answer);
      // Turning on may be answered with the reason it could not (a wrong password): said as an error.
      const failed = answer.state === 'off' || answer.state === 'error' ? answer.lastError : undefined;
      setOutcome(failed ? { error: syncErrorWords(failed) } : done ? { status: done } : {});
      return !failed;
    } catch (failure) {
      setOutcome({ error: failureWords(failure) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const turnOn = (typed: SyncCredentials): Promise<boolean> => {
    const server = SyncServerUrl.safeParse(typed.server);
    if (!server.success) {
      setOutcome({ error: t('syncBadServer') });
      return Promise.resolve(false);
    }
    const team = typed.team.trim() ? TeamDatabaseName.safeParse(typed.team) : undefined;
    if (team && !team.success) {
      setOutcome({ error: t('syncBadTeam') });
      return Promise.resolve(false);
    }
    const origin = new URL(server.data).origin;
    // Chrome shows its prompt only during the click's user gesture: nothing is awaited before it.
    const granted = browser.permissions.request({ origins: [`${origin}/*`] });
    return granted.then(
      (allowed) => {
        if (!allowed) {
          setOutcome({ error: t('syncPermissionRefused', origin) });
          return false;
        }
        return run(
          () => ask({ type: 'turnOnSync', server: server.data, user: typed.user, password: typed.password, ...(team && { team: team.data }) }),
          t('syncTurnedOn'),
        );
      },
      (failure: unknown) => {
        setOutcome({ error: failureWords(failure) });
        return false;
      },
    );
  };

  const on = status !== undefined && status.state !== 'off';
  // Turned off, the worker forgets the server and user: the form offers them again from the last state shown.
  const [lastOn, setLastOn] = useState<SyncStatus>();
  useEffect(() => void (on && setLastOn(status)), [on, status]);
  return (
    <section aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('syncTitle')}</h2>
      <p>{t('syncIntro')}</p>
      {status === undefined ? (
        <p class="loading">{loaded.error ? t('syncLoadFailed', loaded.error) : t('commonLoading')}</p>
      ) : on ? (
        <>
          <SyncStatusDetails status={status} />
          <div class="sync-actions">
            <button type="button" disabled={busy} onClick={() => void run(() => ask({ type: 'syncNow' }))}>
              {t('syncNow')}
            </button>
            <button type="button" disabled={busy} onClick={() => void run(() => ask({ type: 'turnOffSync' }), t('syncTurnedOff'))}>
              {t('syncTurnOff')}
            </button>
          </div>
        </>
      ) : (
        <SyncSignIn
          server={status.server ?? lastOn?.server}
          user={status.user ?? lastOn?.user}
          team={status.team ?? lastOn?.team}
          busy={busy}
          onTurnOn={turnOn}
        />
      )}
      <StatusLine status={outcome.status} error={outcome.error} />
    </section>
  );
}
