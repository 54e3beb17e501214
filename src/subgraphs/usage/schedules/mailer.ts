import nodemailer from 'nodemailer';
import type { ReportMailSettings } from '../../../config';

// Sends one report e-mail over SMTP (SMTP_URL) with nodemailer. What a failure says is kept to
// what a reader of the delivery may see (ReportDelivery.error): the SMTP reply code and text, or
// that the server could not be reached, never its address or a stack.

export interface ReportMail {
  to: Array<{ name: string; address: string }>;
  subject: string;
  text: string;
  attachment: { filename: string; content: string };
}

export type SendMail = (mail: ReportMail) => Promise<void>;

export class MailError extends Error {}

function publicReason(error: unknown): string {
  const smtp = error as { responseCode?: number; response?: string; code?: string };
  if (typeof smtp.responseCode === 'number') {
    const reply = (smtp.response ?? '').replace(/[^\x20-\x7e]/g, ' ').slice(0, 200);
    return `The SMTP server refused the message: ${reply || smtp.responseCode}`;
  }
  if (smtp.code === 'ETIMEDOUT') return 'The SMTP server did not answer in time';
  return 'The SMTP server could not be reached';
}

export function smtpMailer(settings: ReportMailSettings): SendMail {
  return async (mail) => {
    if (settings.smtpUrl === null) throw new MailError('SMTP_URL is not set');
    const transport = nodemailer.createTransport({
      url: settings.smtpUrl,
      connectionTimeout: settings.smtpTimeoutMs,
      greetingTimeout: settings.smtpTimeoutMs,
      socketTimeout: settings.smtpTimeoutMs,
    });
    try {
      await transport.sendMail({
        from: settings.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        attachments: [
          {
            ...mail.attachment,
            contentType: 'text/csv; charset=utf-8',
            contentTransferEncoding: 'base64',
          },
        ],
      });
    } catch (error) {
      throw new MailError(publicReason(error));
    } finally {
      transport.close();
    }
  };
}
