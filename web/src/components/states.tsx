import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api/client';

// Loading, error and empty states, the same on every view. Errors are shown as the API gave them:
// code, message and the field they are about.

export function Loading({ what }: { what: string }) {
  return (
    <p class="state" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Problems({ errors }: { errors: readonly ApiError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="problems" role="alert">
      <p>The API answered with {errors.length === 1 ? 'an error' : `${errors.length} errors`}:</p>
      <ul>
        {errors.map((error, index) => (
          <li key={index} data-code={error.code}>
            <code>{error.code}</code>
            {error.path ? (
              <>
                {' '}
                on <code>{error.path}</code>
              </>
            ) : null}
            : {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="state empty">{children}</p>;
}

/** What the API answers for something out of scope, and for something that does not exist. */
export function NotVisible({ what, id }: { what: string; id: string }) {
  return (
    <div class="problems" role="alert">
      <p>
        No {what} <code>{id}</code>: it does not exist, or you may not see it. The API answers both
        alike.
      </p>
    </div>
  );
}
