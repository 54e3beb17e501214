import type { ApolloServerPlugin } from '@apollo/server';

// A response that carries no data, only errors, gets the HTTP status of what went wrong: 400 for a
// request the client must change, 401 for a token, 429 for a rate limit. Apollo Server answers 500
// for any error a plugin raises without a status of its own, which tells a client its request was
// fine and the server broke. Unexpected failures (INTERNAL_SERVER_ERROR) keep their 500.

const STATUS_OF_CODE: Record<string, number> = {
  BAD_REQUEST: 400,
  BAD_USER_INPUT: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  PERSISTED_QUERY_NOT_SUPPORTED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  // The database's state (db/database-errors): try again later.
  SERVICE_UNAVAILABLE: 503,
  DATABASE_LOCKED: 503,
  DATABASE_TIMEOUT: 503,
};

export function errorStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data !== undefined || !errors?.length) return;
          const code = errors[0].extensions?.code;
          const status = typeof code === 'string' ? STATUS_OF_CODE[code] : undefined;
          if (status !== undefined) response.http.status = status;
        },
      };
    },
  };
}
