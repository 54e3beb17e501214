import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// A real SMTP server for the tests (the smtp-server package), on a free port of 127.0.0.1: it keeps
// every message it accepts with its envelope, and can be told to refuse messages (451, as a
// server that is out of space does) until told otherwise.

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** Refuse every message with a temporary error (451) from now on, or no longer. */
  setFailing(failing: boolean): void;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  let failing = false;
  const sink: SmtpSink = {
    url: '',
    received: [],
    setFailing: (on) => void (failing = on),
    close: async () => undefined,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failing) {
          const error = Object.assign(new Error('Mailbox store full, try later'), {
            responseCode: 451,
          });
          callback(error);
          return;
        }
        sink.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address).sort(),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

/** The decoded body of the first attachment of a MIME message (base64 or plain). */
export function attachmentOf(raw: string): { filename: string; content: string } {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  if (!boundary) throw new Error('The message has no MIME boundary');
  for (const part of raw.split(`--${boundary}`)) {
    const [head, ...body] = part.split(/\r?\n\r?\n/);
    if (!/Content-Disposition:\s*attachment/i.test(head)) continue;
    const filename = /filename="?([^";\r\n]+)"?/i.exec(head)?.[1] ?? '';
    const text = body.join('\n\n').trim();
    const content = /Content-Transfer-Encoding:\s*base64/i.test(head)
      ? Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8')
      : text;
    return { filename, content };
  }
  throw new Error('The message has no attachment');
}

/** A header's value, unfolded. */
export function headerOf(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1];
}
