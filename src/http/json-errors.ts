import type { ErrorRequestHandler, Express, Request, Response } from 'express';
import { databaseRefusal } from '../db/database-errors';
import type { Logger } from '../logger';
import { noteError } from '../telemetry/request-scope';

// Every HTTP answer of every process is JSON, whatever failed: a body that is not JSON, in another
// charset or encoding, or too large; a path that does not exist; a route that threw. Express's own
// page is HTML with the stack and the server's file paths. GraphQL paths answer in the GraphQL
// shape ({ errors: [{ message, extensions: { code } }] }), the other routes as the CSV export does
// ({ error: { code, message } }).

export interface HttpRefusal {
  status: number;
  code: string;
  message: string;
}

/** body-parser's error types, as a client should read them. */
function refusalOf(error: unknown): HttpRefusal | null {
  const database = databaseRefusal(error);
  if (database) return { status: 503, ...database };
  const { type, limit, code, status } = (error ?? {}) as Record<string, unknown>;
  // zlib: a body that says it is compressed and is not.
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return { status: 400, code: 'BAD_REQUEST', message: 'The request body could not be decoded' };
  }
  switch (type) {
    case 'entity.too.large':
      return {
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: `The request body is larger than the limit of ${Number(limit)} bytes`,
      };
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON' };
    case 'charset.unsupported':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'The request body must be JSON in UTF-8',
      };
    case 'encoding.unsupported':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Content-Encoding must be identity, gzip, deflate or br',
      };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body could not be read' };
    default:
      // Any other refusal of http-errors (4xx): the client's, told in general terms.
      return typeof status === 'number' && status >= 400 && status < 500
        ? { status: 400, code: 'BAD_REQUEST', message: 'The request could not be read' }
        : null;
  }
}

const INTERNAL: HttpRefusal = {
  status: 500,
  code: 'INTERNAL_SERVER_ERROR',
  message: 'Internal server error',
};

/** Sends a refusal in the shape of the path it answers. */
export function sendRefusal(req: Request, res: Response, refusal: HttpRefusal): void {
  const { status, code, message } = refusal;
  noteError(code);
  const body = req.path.startsWith('/graphql')
    ? { errors: [{ message, extensions: { code } }] }
    : { error: { code, message } };
  res.status(status).json(body);
}

/**
 * Mounted last: unknown paths get a JSON 404, errors a JSON refusal. An unexpected error is
 * logged with its stack and answered 500 with nothing of it.
 */
export function mountJsonErrors(app: Express, logger: Logger): void {
  app.use((req, res) => {
    sendRefusal(req, res, { status: 404, code: 'NOT_FOUND', message: 'No such path' });
  });
  const handler: ErrorRequestHandler = (error, req, res, _next) => {
    const refusal = refusalOf(error);
    if (!refusal) logger.error({ err: error, path: req.path }, 'request failed');
    if (res.headersSent) {
      // Part of an answer is out (a CSV stream): cut it short rather than let it look whole.
      res.destroy();
      return;
    }
    sendRefusal(req, res, refusal ?? INTERNAL);
  };
  app.use(handler);
}
