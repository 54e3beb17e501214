// Raised for every token that is missing, malformed or refused. The GraphQL layer turns it into
// extensions.code UNAUTHENTICATED. Its message is written for clients: it names what was wrong with
// the token in general terms and never repeats the token or the verifier's internals.

export class AuthenticationError extends Error {
  readonly code = 'UNAUTHENTICATED' as const;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AuthenticationError';
  }
}
