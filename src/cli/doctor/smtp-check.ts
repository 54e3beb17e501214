import nodemailer from 'nodemailer';
import { showUrl } from './check';
import type { CheckResult } from './check';

// SMTP_URL answers: nodemailer connects, reads the greeting, says EHLO, upgrades with STARTTLS
// when offered and logs in when the URL has a user (transporter.verify()). Nothing is sent.

export async function checkSmtp(raw: string | null, timeoutMs: number): Promise<CheckResult> {
  if (raw === null) return { name: 'smtp', status: 'skip', detail: 'SMTP_URL is not set' };
  const transporter = nodemailer.createTransport({
    url: raw,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    await transporter.verify();
  } finally {
    transporter.close();
  }
  return { name: 'smtp', status: 'ok', detail: `${showUrl(raw)} greets and accepts EHLO` };
}
