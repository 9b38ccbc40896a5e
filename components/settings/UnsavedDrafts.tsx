import { useState } from 'preact/hooks';
import { dateFormat, t, tCount } from '../../utils/i18n';
import { ask } from '../../utils/messaging/client';
import { STALE_DRAFT_MS, type DraftAbout, type DraftRecord } from '../../utils/model/drafts';
import { useRequest } from '../shared/use-request';

interface Props {
  /** Changes when data changed on the page (delete everything, restore): the list is read again. */
  generation: number;
}

const whenFormat = dateFormat({ dateStyle: 'medium', timeStyle: 'short' });

/** What a draft is, in words. */
function aboutLabel(about: DraftAbout): string {
  switch (about.kind) {
    case 'page':
      return t('draftAboutPage', about.url);
    case 'menu':
      return t('draftAboutMenu', about.url);
    case 'person':
      return t('draftAboutPerson');
    case 'field':
      return t('draftAboutField');
    case 'entry':
      return t('draftAboutEntry');
    case 'newFollowUp':
      return t('draftAboutNewFollowUp');
    case 'followUp':
      return t('draftAboutFollowUp');
  }
}

/** "Unsaved drafts": how many texts wait unsaved, which are stale, and a way to read or delete them. */
export function UnsavedDrafts({ generation }: Props) {
  const [done, setDone] = useState<string>();
  const drafts = useRequest(() => ask({ type: 'listDrafts' }), [generation]);
  const list: DraftRecord[] = drafts.data ?? [];
  const stale = list.filter((draft) => draft.updatedAt < Date.now() - STALE_DRAFT_MS);
  const purge = async (which: DraftRecord[]) => {
    try {
      const { purged } = await ask({ type: 'purgeDrafts', keys: which.map((draft) => draft.key) });
      setDone(tCount('draftsPurged', purged));
    } catch (failure) {
      setDone(failure instanceof Error ? failure.message : String(failure));
    }
    drafts.reload();
  };

  return (
    <section aria-labelledby="drafts-heading" class="unsaved-drafts">
      <h2 id="drafts-heading">{t('draftsTitle')}</h2>
      {drafts.error && (
        <p role="alert" class="error">
          {drafts.error}
        </p>
      )}
      <p>
        {!drafts.data ? t('commonLoading') : list.length === 0 ? t('draftsNone') : tCount('draftsCount', list.length)}{' '}
        {stale.length > 0 && tCount('draftsStale', stale.length)}
      </p>
      {list.length > 0 && (
        <>
          <details>
            <summary>{t('draftsShow')}</summary>
            <ul aria-label={t('draftsList')}>
              {list.map((draft) => (
                <li key={draft.key}>
                  <span class="muted">
                    {whenFormat().format(draft.updatedAt)} · {aboutLabel(draft.about)}
                  </span>
                  <p class="draft-text">{draft.draft.text}</p>
                </li>
              ))}
            </ul>
          </details>
          <div class="row">
            {stale.length > 0 && (
              <button type="button" onClick={() => void purge(stale)}>
                {t('draftsPurgeStale')}
              </button>
            )}
            <button type="button" onClick={() => void purge(list)}>
              {t('draftsPurgeAll')}
            </button>
          </div>
        </>
      )}
      {done && (
        <p role="status" class="notice">
          {done}
        </p>
      )}
    </section>
  );
}
