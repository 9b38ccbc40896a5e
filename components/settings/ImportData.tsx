import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tCount, type MessageKey } from '../../utils/i18n';
import type { Settings } from '../../utils/model/records';
import { ask } from '../../utils/messaging/client';
import type { ImportPreviewShown, ImportSummary, RestoreResult, TextPayload } from '../../utils/messaging/features/portability';
import type { CsvColumnMapping } from '../../utils/portability/csv/mapping';
import { BackupRestoreView, RestoreOutcome } from './BackupRestoreView';
import { CsvColumnMapper } from './CsvColumnMapper';
import { failureMessage, type FailedAction } from '../shared/failure-message';
import { ImportHistory } from './ImportHistory';
import { ImportPreviewView } from './ImportPreviewView';
import { previewMappedCsv, readImportFile, type ImportStep } from './import-file';
import { settingsPatchFromBackup } from './restore-settings';
import { StatusLine } from '../shared/StatusLine';
import { startWorkerTransfer, TransferCancelled, type TransferPhase } from './worker-transfer';
import { TransferProgress } from './TransferProgress';

/** What the worker is applying: a backup restored, or a confirmed import. */
type TransferKind = 'restore' | 'import';

/** The words of a transfer's progress, its Cancel button, and the status once cancelled. */
const TRANSFER_WORDS: Record<TransferKind, Record<'label' | TransferPhase['phase'] | 'cancel' | 'cancelled', MessageKey>> = {
  restore: {
    label: 'restoreProgressLabel',
    sending: 'restoreProgressSending',
    checking: 'restoreProgressChecking',
    applying: 'restoreProgressApplying',
    cancel: 'restoreCancel',
    cancelled: 'restoreCancelled',
  },
  import: {
    label: 'importProgressLabel',
    sending: 'importProgressSending',
    // An import's file was checked in its preview: the worker only ever reports applying it.
    checking: 'importProgressApplying',
    applying: 'importProgressApplying',
    cancel: 'importCancel',
    cancelled: 'importCancelled',
  },
};

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
  /** How far a restore or an import has gone (the file sent, then the worker applying it), and how to cancel it. */
  const [transfer, setTransfer] = useState<TransferPhase & { kind: TransferKind }>();
  const cancelTransfer = useRef<(() => void) | undefined>(undefined);

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

  const mapColumns = (fileName: string, file: Blob, mapping: CsvColumnMapping) =>
    act('read-file', async () => setStep(await previewMappedCsv(fileName, file, mapping)));

  /** Send a file for the worker to apply, showing how far it has gone; undefined when the user cancelled (said in the status). */
  const applyWithProgress = async <T,>(
    kind: TransferKind,
    file: Blob,
    apply: (payload: TextPayload, progressId: string) => Promise<T>,
  ): Promise<T | undefined> => {
    const started = startWorkerTransfer(file, apply, (phase) => setTransfer({ kind, ...phase }));
    cancelTransfer.current = started.cancel;
    try {
      return await started.done;
    } catch (failure) {
      if (!(failure instanceof TransferCancelled)) throw failure;
      setStatus(t(TRANSFER_WORDS[kind].cancelled));
      return undefined;
    } finally {
      cancelTransfer.current = undefined;
      setTransfer(undefined);
    }
  };

  const confirmImport = (shown: ImportPreviewShown, preview: Blob) =>
    act('import', async () => {
      const applied = await applyWithProgress('import', preview, (payload, progressId) => ask({ type: 'applyImport', preview: payload, progressId }));
      if (!applied) return;
      setStep(undefined);
      setStatus(t('importDone', tCount('countPeople', shown.counts.newPeople + shown.counts.matches), shown.source));
      await reloadHistory();
      onDataChanged();
    });

  const restore = (file: Blob) =>
    act('restore', async () => {
      const report = await applyWithProgress('restore', file, (backup, progressId) => ask({ type: 'restoreBackup', backup, progressId }));
      if (!report) return;
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

  /** Leave a preview: an import or restore of it under way is cancelled too (it writes nothing). */
  const dropStep = () => {
    cancelTransfer.current?.();
    setStep(undefined);
  };

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
        <ImportPreviewView preview={step.shown} busy={busy} onConfirm={() => void confirmImport(step.shown, step.preview)} onCancel={dropStep} />
      )}
      {step?.step === 'mapping' && (
        <CsvColumnMapper
          fileName={step.fileName}
          headers={step.headers}
          suggested={step.suggested}
          busy={busy}
          onSubmit={(mapping) => void mapColumns(step.fileName, step.file, mapping)}
          onCancel={() => setStep(undefined)}
        />
      )}
      {step?.step === 'backup' && (
        <BackupRestoreView fileName={step.fileName} summary={step.summary} busy={busy} onConfirm={() => void restore(step.file)} onCancel={dropStep} />
      )}
      {transfer && (
        <div class="transfer-with-cancel">
          <TransferProgress
            label={t(TRANSFER_WORDS[transfer.kind].label)}
            text={(percent) => t(TRANSFER_WORDS[transfer.kind][transfer.phase], percent)}
            share={transfer.share}
          />
          <button type="button" onClick={() => cancelTransfer.current?.()}>
            {t(TRANSFER_WORDS[transfer.kind].cancel)}
          </button>
        </div>
      )}
      <StatusLine status={status} error={error} />
      {restored && <RestoreOutcome report={restored} />}
      <ImportHistory imports={history} undoing={undoing} onUndo={undo} />
    </section>
  );
}
