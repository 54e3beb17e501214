// Every error a process answers carries its request's id (extensions.requestId, the trace id):
// different for every request by design. Answers that must agree byte for byte, a hidden id's and
// a missing one's, agree in everything else.

/** Matches a request id: a W3C trace id, 32 lowercase hex digits. */
export const REQUEST_ID = expect.stringMatching(/^[0-9a-f]{32}$/);

/** The answer's text with each request id replaced by the same placeholder. */
export function withoutRequestIds(text: string): string {
  return text.replace(/"requestId":"[0-9a-f]{32}"/g, '"requestId":"<id>"');
}
