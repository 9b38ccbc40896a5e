import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tCount } from '../../utils/i18n';
import type { Settings } from '../../utils/model/records';
import { ask } from '../../utils/messaging/client';
import type { ImportSummary, RestoreResult } from '../../utils/messaging/features/portability';
import type { CsvColumnMapping } from '../../utils/portability/csv/import';
import type { ImportPreview } from '../../utils/model/import';
import { BackupRestoreView, RestoreOutcome } from './BackupRestoreView';
import { CsvColumnMapper } from './CsvColumnMapper';
import { failureMessage, type FailedAction } from '../shared/failure-message';
import { ImportHistory } from './ImportHistory';
import { ImportPreviewView } from './ImportPreviewView';
import { previewMappedCsv, readImportFile, type ImportStep } from './import-file';
import { settingsPatchFromBackup } from './restore-settings';
import { StatusLine } from '../shared/StatusLine';
import { sendText } from './transfer';
import { RestoreCancelled, startRestore, type RestoreProgress } from './restore-backup';
import { TransferProgress } from './TransferProgress';

interface Props {
  /** Changes when data changed elsewhere on the page (deleted, restored): the history is read again. */
  generation: number;
  onSettingsChanged: (settings: Settings) => void;
  onDataChanged: () => void;
}

/**
 * Import from a vCard, CSV or Tend backup: read, preview, confirm; and undo past imports. The
 * worker writes, and tells the other pages (and the search index, and the alarms) what changed.
 */
export function ImportData({ generation, onSettingsChanged, onDataChanged }: Props) {
  const [step, setStep] = useState<ImportStep>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const [restored, setRestored] = useState<RestoreResult>();
  const [history, setHistory] = useState<ImportSummary[]>([]);
  const [undoing, setUndoing] = useState<string>();
  /** How far a restore has gone (the file sent, then the worker applying it), and how to cancel it. */
  const [restoring, setRestoring] = useState<RestoreProgress>();
  const cancelRestore = useRef<(() => void) | undefined>(undefined);

  const reloadHistory = async () => setHistory(await ask({ type: 'listImports' }));
  useEffect(() => void reloadHistory().catch((failure) => setError(failureMessage(failure, 'list-imports'))), [generation]);

  /** Run one action: errors shown as an alert, the step left as it was so the user can retry. */
  const act = async (doing: FailedAction, action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setStatus(undefined);
      setError(failureMessage(failure, doing));
    } finally {
      setBusy(false);
    }
  };

  const pick = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared so that picking the same file again (after fixing it) reads it again.
    input.value = '';
    if (!file) return;
    setStep(undefined);
    setStatus(t('importReading', file.name));
    setRestored(undefined);
    void act('read-file', async () => {
      setStep(await readImportFile(file));
      setStatus(undefined);
    });
  };

  const mapColumns = (fileName: string, text: string, mapping: CsvColumnMapping) =>
    act('read-file', async () => setStep(await previewMappedCsv(fileName, text, mapping)));

  const confirmImport = (preview: ImportPreview) =>
    act('import', async () => {
      await ask({ type: 'applyImport', preview: await sendText(JSON.stringify(preview)) });
      setStep(undefined);
      const people = preview.newPeople.length + preview.matches.length;
      setStatus(t('importDone', tCount('countPeople', people), preview.source));
      await reloadHistory();
      onDataChanged();
    });

  const restore = (file: Blob) =>
    act('restore', async () => {
      const started = startRestore(file, setRestoring);
      cancelRestore.current = started.cancel;
      let report: RestoreResult;
      try {
        report = await started.done;
      } catch (failure) {
        if (!(failure instanceof RestoreCancelled)) throw failure;
        setStatus(t('restoreCancelled'));
        return;
      } finally {
        cancelRestore.current = undefined;
        setRestoring(undefined);
      }
      setStep(undefined);
      setRestored(report);
      // Addresses written in capitals or with stray spaces are stored as Tend writes them: said, not hidden.
      const normalised = report.normalised > 0 ? ` ${tCount('restoreNormalised', report.normalised)}` : '';
      setStatus(t('importRestored') + normalised);
      onDataChanged();
      if (!report.settings) return;
      try {
        // Settings are written by the background only, so a restore cannot race a learned address.
        onSettingsChanged(await ask({ type: 'updateSettings', patch: settingsPatchFromBackup(await ask({ type: 'getSettings' }), report.settings) }));
        setStatus(t('importRestoredWithSettings') + normalised);
      } catch (failure) {
        setError(t('importRestoredNotSettings', failure instanceof Error ? failure.message : String(failure)));
      }
    });

  const undo = (importId: string) => {
    setUndoing(importId);
    setStatus(undefined);
    setRestored(undefined);
    void act('undo-import', async () => {
      const report = await ask({ type: 'undoImport', importId });
      const kept = report.kept.map((person) => t('importKeptPerson', person.displayName, person.reason)).join('; ');
      const undone = t('importUndone', tCount('countPeople', report.removedContacts), tCount('countPeople', report.restoredContacts));
      setStatus(kept ? `${undone} ${t('importUndoneKept', kept)}` : undone);
      await reloadHistory();
      onDataChanged();
    }).finally(() => setUndoing(undefined));
  };

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('importTitle')}</h2>
      <p>{t('importIntro')}</p>
      <div class="file-picker">
        <label for="import-file">{t('importFile')}</label>
        <input
          id="import-file"
          type="file"
          accept=".vcf,.vcard,.csv,.json,text/vcard,text/csv,application/json"
          onChange={(event) => pick(event.currentTarget)}
        />
      </div>
      {step?.step === 'preview' && (
        <ImportPreviewView preview={step.preview} busy={busy} onConfirm={() => void confirmImport(step.preview)} onCancel={() => setStep(undefined)} />
      )}
      {step?.step === 'mapping' && (
        <CsvColumnMapper
          fileName={step.fileName}
          headers={step.headers}
          suggested={step.suggested}
          busy={busy}
          onSubmit={(mapping) => void mapColumns(step.fileName, step.text, mapping)}
          onCancel={() => setStep(undefined)}
        />
      )}
      {step?.step === 'backup' && (
        <BackupRestoreView
          fileName={step.fileName}
          summary={step.summary}
          busy={busy}
          onConfirm={() => void restore(step.file)}
          onCancel={() => setStep(undefined)}
        />
      )}
      {restoring && (
        <div class="restore-progress">
          <TransferProgress
            label={t('restoreProgressLabel')}
            text={(percent) => t(restoring.phase === 'sending' ? 'restoreProgressSending' : 'restoreProgressApplying', percent)}
            share={restoring.share}
          />
          <button type="button" onClick={() => cancelRestore.current?.()}>
            {t('restoreCancel')}
          </button>
        </div>
      )}
      <StatusLine status={status} error={error} />
      {restored && <RestoreOutcome report={restored} />}
      <ImportHistory imports={history} undoing={undoing} onUndo={undo} />
    </section>
  );
}
