import { useCallback, useEffect, useState } from 'preact/hooks';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  reload: () => void;
}

/** Load data from the background and keep the latest answer; `reload` asks again. */
export function useRequest<T>(load: (() => Promise<T>) | undefined, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    if (!load) return setState({});
    let current = true;
    load().then(
      (data) => current && setState({ data }),
      (error: unknown) => current && setState({ error: error instanceof Error ? error.message : String(error) }),
    );
    // A slower earlier answer must not overwrite a newer one.
    return () => {
      current = false;
    };
  }, [...deps, generation]);
  return { data: state.data, error: state.error, reload };
}
