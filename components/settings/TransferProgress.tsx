import { uiLanguage } from '../../utils/i18n';
import './transfer-progress.css';

interface Props {
  /** Accessible name of the bar. */
  label: string;
  /** The words beside the bar, given the percentage done. */
  text: (percent: string) => string;
  /** The share done, 0 to 1. */
  share: number;
}

/** How far a long export, restore or import has gone: a bar and the percentage in words. */
export function TransferProgress({ label, text, share }: Props) {
  const percent = Math.floor(Math.min(1, Math.max(0, share)) * 100);
  return (
    <div class="transfer-progress">
      <progress aria-label={label} max={100} value={percent} />
      <span aria-live="polite">{text(percent.toLocaleString(uiLanguage()))}</span>
    </div>
  );
}
