import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';

/** Let pending promises and timers of zero settle inside act(), so what they render is there. */
export const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

/**
 * A `mount(view)` for a test file: renders the view into a new element of the body and lets its
 * first requests settle. Every view mounted is unmounted after each test (its effects cleaned up).
 */
export function mounter(): (view: preact.JSX.Element) => Promise<HTMLElement> {
  const hosts: HTMLElement[] = [];
  afterEach(() => {
    for (const host of hosts.splice(0)) render(null, host);
    document.body.replaceChildren();
  });
  return async (view) => {
    const host = document.body.appendChild(document.createElement('div'));
    hosts.push(host);
    await act(() => render(view, host));
    await flush();
    return host;
  };
}
