import nodemailer, { type Transporter } from 'nodemailer';

// The connection to the mail server that SMTP_URL names, and what its errors mean in plain words.

/** A message the mail server would not take from anyone: trying again cannot help. */
export function isPermanentRejection(error: unknown): boolean {
  const { permanent, command } = error as { permanent?: boolean; command?: string };
  return permanent === true && (command === 'RCPT TO' || command === 'DATA');
}

/** Where SMTP_URL points, without its user name or password. */
export function describeSmtpServer(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? '465' : '587')}`;
}

export function createSmtpTransport(smtpUrl: string): Transporter {
  // Short waits: a job that hangs on a dead server holds its lease; the next attempt retries.
  return nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

/** The error in a sentence an operator can act on, naming the server but never its password. */
export function explainSmtpError(error: unknown, smtpUrl: string): string {
  const server = describeSmtpServer(smtpUrl);
  const { code, originalCode, message } = error as {
    code?: string;
    originalCode?: string;
    message?: string;
  };
  const detail = message ?? String(error);
  if (code === 'EAUTH') {
    return `The mail server at ${server} refused the user name or password in SMTP_URL (${detail}).`;
  }
  if (originalCode === 'ECONNREFUSED' || /ECONNREFUSED/.test(detail)) {
    return `Nothing answers at ${server}: is the mail server running, and is SMTP_URL right? (${detail})`;
  }
  if (code === 'ETIMEDOUT' || originalCode === 'ETIMEDOUT') {
    return `The mail server at ${server} did not answer in time (${detail}).`;
  }
  if (code === 'ETLS' || /certificate|SSL|TLS/i.test(detail)) {
    return `No secure connection could be made to the mail server at ${server} (${detail}).`;
  }
  if (code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(detail)) {
    return `The mail server's name in SMTP_URL could not be found (${detail}).`;
  }
  return `The mail server at ${server} did not take the message (${detail}).`;
}
