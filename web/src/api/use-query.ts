import { useEffect, useState } from 'preact/hooks';
import { request } from './client';
import type { ApiError, Operation } from './client';

// A view's data: one request per distinct set of variables, the previous one cancelled when the
// variables change before it answers. A view issues a fixed number of these (README, Dashboard).
// The answer remembers the variables it was for: while a newer one is awaited the view is loading
// and never shows the old rows under the new heading.

export interface QueryState<T> {
  loading: boolean;
  data: T | null;
  errors: ApiError[];
}

interface Answer<T> {
  key: string | null;
  data: T | null;
  errors: ApiError[];
}

export function useQuery<TResult, TVariables>(
  operation: Operation<TResult, TVariables>,
  variables: TVariables | null,
): QueryState<TResult> {
  const key = variables === null ? null : JSON.stringify(variables);
  const [answer, setAnswer] = useState<Answer<TResult>>({ key: null, data: null, errors: [] });
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    request(operation, JSON.parse(key) as TVariables, controller.signal).then(
      (result) => setAnswer({ key, data: result.data, errors: result.errors }),
      () => undefined, // aborted: a newer request took over
    );
    return () => controller.abort();
  }, [operation, key]);
  const current = answer.key === key;
  return {
    loading: key !== null && !current,
    data: current ? answer.data : null,
    errors: current ? answer.errors : [],
  };
}
