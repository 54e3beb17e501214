import { settings } from './config';
import { storedToken } from './session';

// One GraphQL request: the operation text as generated (web/src/generated), the variables, the
// session's token. The answer keeps data and errors apart, as the API sends them: a field the
// viewer may not see arrives as null with an error naming it, and the view shows both.

export interface ApiError {
  code: string;
  message: string;
  /** The field the error is about, e.g. partner.licenseSummary; empty for the whole request. */
  path: string;
}

export interface ApiResult<T> {
  data: T | null;
  errors: ApiError[];
}

/** What the generated documents are: their text, with the result and variables types attached. */
export interface Operation<TResult, TVariables> {
  toString(): string;
  __apiType?: (variables: TVariables) => TResult;
}

interface WireError {
  message?: string;
  path?: Array<string | number>;
  extensions?: { code?: string };
}

function toApiError(error: WireError): ApiError {
  return {
    code: error.extensions?.code ?? 'ERROR',
    message: error.message ?? 'The request failed',
    path: (error.path ?? []).join('.'),
  };
}

/** Whatever the body is: a GraphQL answer, a gateway refusal ({ error }), or not JSON at all. */
function readBody<T>(status: number, body: unknown): ApiResult<T> {
  const answer = (body ?? {}) as { data?: T | null; errors?: WireError[]; error?: WireError };
  if (answer.error) {
    const code = (answer.error as { code?: string }).code ?? `HTTP_${status}`;
    return { data: null, errors: [{ code, message: answer.error.message ?? '', path: '' }] };
  }
  const errors = (answer.errors ?? []).map(toApiError);
  if (answer.data === undefined && errors.length === 0) {
    errors.push({ code: `HTTP_${status}`, message: 'The server gave no answer', path: '' });
  }
  return { data: answer.data ?? null, errors };
}

export async function request<TResult, TVariables>(
  operation: Operation<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<ApiResult<TResult>> {
  const token = storedToken();
  let response: Response;
  try {
    response = await fetch(settings.graphqlPath, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: operation.toString(), variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    return {
      data: null,
      errors: [{ code: 'NETWORK', message: 'The server could not be reached', path: '' }],
    };
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: readBody says so with the status.
  }
  return readBody<TResult>(response.status, body);
}
