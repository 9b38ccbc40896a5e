import { useEffect, useState } from 'preact/hooks';
import { t, uiLanguage, type MessageKey } from '../../utils/i18n';

interface Props {
  /** Changes when data changed on the page: the usage is measured again. */
  generation: number;
}

const UNITS: MessageKey[] = ['sizeBytes', 'sizeKilobytes', 'sizeMegabytes', 'sizeGigabytes', 'sizeTerabytes'];

/** Bytes in words, in the UI language: 0 B, 12 KB, 3.4 MB, 120 GB. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return t(UNITS[unit]!, new Intl.NumberFormat(uiLanguage(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value));
}

/** How much space Tend uses, and a request that the browser keep Tend's data when space runs low. */
export function StorageInfo({ generation }: Props) {
  const [estimate, setEstimate] = useState<StorageEstimate>();
  const [persisted, setPersisted] = useState<boolean>();
  const [outcome, setOutcome] = useState<string>();

  useEffect(() => {
    void navigator.storage.estimate().then(setEstimate);
    void navigator.storage.persisted().then(setPersisted);
  }, [generation]);

  const requestPersistence = async () => {
    try {
      const granted = await navigator.storage.persist();
      setPersisted(granted);
      setOutcome(granted ? t('storageGranted') : t('storageNotGranted'));
    } catch (failure) {
      setOutcome(t('storageNoAnswer', failure instanceof Error ? failure.message : String(failure)));
    }
  };

  return (
    <section aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t('storageTitle')}</h2>
      <p>
        {estimate?.usage === undefined
          ? t('storageMeasuring')
          : estimate.quota
            ? t('storageUsesOf', formatBytes(estimate.usage), formatBytes(estimate.quota))
            : t('storageUses', formatBytes(estimate.usage))}
      </p>
      <p>{persisted === undefined ? '' : persisted ? t('storagePersistent') : t('storageNotPersistent')}</p>
      <button type="button" onClick={() => void requestPersistence()}>
        {t('storageRequest')}
      </button>
      <p role="status" class="notice">
        {outcome}
      </p>
    </section>
  );
}
