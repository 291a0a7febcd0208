// An asynchronous answer for a view: the latest request wins, an error shows in place, nothing throws.
import { useEffect, useState } from 'react';

export type Answer<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'done'; readonly value: T }
  | { readonly state: 'failed'; readonly error: string };

/** Runs `ask` whenever `key` changes; answers to stale requests are dropped. */
export function useAnswer<T>(ask: (() => Promise<T>) | null, key: string): Answer<T> {
  const [answer, setAnswer] = useState<{ key: string; answer: Answer<T> }>({
    key: '',
    answer: { state: 'loading' },
  });
  useEffect(() => {
    if (ask === null) return;
    let live = true;
    ask().then(
      (value) => live && setAnswer({ key, answer: { state: 'done', value } }),
      (error: unknown) =>
        live &&
        setAnswer({
          key,
          answer: { state: 'failed', error: error instanceof Error ? error.message : String(error) },
        }),
    );
    return () => {
      live = false;
    };
    // `ask` is rebuilt every render; `key` says when the question changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return answer.key === key ? answer.answer : { state: 'loading' };
}
