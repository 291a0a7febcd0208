// Asks the import worker a question and re-asks when the question or the resolution changes; views render the
// last answer until the new one arrives, so paging and re-resolving never flash an empty view.
import { useEffect, useState } from 'react';
import type { Requests } from '../worker/protocol.ts';
import { useDataset, useDatasetService } from './hooks.ts';

type AskName = Exclude<keyof Requests, 'load' | 'resolve'>;

export interface DatasetAnswer<T> {
  /** The latest answer; it may belong to the previous question while `fresh` is false. */
  readonly value: T | undefined;
  readonly fresh: boolean;
  readonly error: string | undefined;
}

interface Held<T> {
  readonly key: string | null;
  readonly value: T | undefined;
  readonly error: string | undefined;
}

/** `args` null: nothing to ask (yet). */
export function useDatasetAnswer<K extends AskName>(
  name: K,
  args: Requests[K]['args'] | null,
): DatasetAnswer<Requests[K]['result']> {
  const service = useDatasetService();
  const version = useDataset((d) => d.version);
  const argsJson = args === null ? null : JSON.stringify(args);
  const key = argsJson === null ? null : `${name}@${version}:${argsJson}`;
  const [held, setHeld] = useState<Held<Requests[K]['result']>>({
    key: null,
    value: undefined,
    error: undefined,
  });
  useEffect(() => {
    if (key === null || argsJson === null) return;
    let current = true;
    service.ask(name, JSON.parse(argsJson) as Requests[K]['args']).then(
      (value) => current && setHeld({ key, value, error: undefined }),
      (error: unknown) => current && setHeld((previous) => ({ ...previous, key, error: String(error) })),
    );
    return () => {
      current = false;
    };
  }, [service, name, key, argsJson]);
  return { value: held.value, fresh: held.key === key, error: held.key === key ? held.error : undefined };
}
