import { useEffect, useState } from 'preact/hooks';

interface Props {
  /** Changes when data changed on the page: the usage is measured again. */
  generation: number;
}

/** Bytes in words: 0 B, 12 KB, 3.4 MB, 120 GB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 || value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
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
      setOutcome(
        granted
          ? 'Granted: the browser will not clear Tend’s data to free space.'
          : 'Not granted: the browser decides. It clears data only when the disk is nearly full; keep a backup.',
      );
    } catch (failure) {
      setOutcome(`The browser did not answer the request: ${failure instanceof Error ? failure.message : String(failure)}`);
    }
  };

  return (
    <section aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      <p>
        {estimate?.usage === undefined
          ? 'Measuring…'
          : `Tend uses ${formatBytes(estimate.usage)}${estimate.quota ? ` of ${formatBytes(estimate.quota)} available to it` : ''}.`}
      </p>
      <p>
        {persisted === undefined ? '' : persisted ? 'Storage is persistent: the browser will not clear it to free space.' : 'Storage is not persistent yet.'}
      </p>
      <button type="button" onClick={() => void requestPersistence()}>
        Request persistent storage
      </button>
      <p role="status" class="notice">
        {outcome}
      </p>
    </section>
  );
}
