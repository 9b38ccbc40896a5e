import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

/**
 * A settings box that saves on change. While its save runs it shows the user's choice: the page's
 * settings may be read again meanwhile (the worker announces another change, e.g. a learned
 * address) and would otherwise flip it back until the save answers. `save` reports its own errors.
 */
export function SavingCheckbox({ checked, save, children }: { checked: boolean; save: (on: boolean) => Promise<unknown>; children: ComponentChildren }) {
  const [pending, setPending] = useState<boolean>();
  // Two quick clicks: only the latest save's end lets the settings speak again.
  const latest = useRef(0);
  const change = async (on: boolean) => {
    const mine = ++latest.current;
    setPending(on);
    try {
      await save(on);
    } finally {
      if (latest.current === mine) setPending(undefined);
    }
  };
  return (
    <label class="checkbox">
      <input type="checkbox" checked={pending ?? checked} onChange={(e) => void change(e.currentTarget.checked)} />
      {children}
    </label>
  );
}
