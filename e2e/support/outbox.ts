// The emails the server would have sent, read as a developer on this machine reads them: the
// e2e servers have no SMTP_URL, so mail stays in the outbox, and GET /api/dev/outbox answers
// requests from this machine only (server/platform/mail/dev-routes.ts).

export interface Email {
  id: number;
  toAddress: string;
  subject: string;
  template: string;
  language: string;
  textBody: string;
  htmlBody: string;
  /** The reader's own page for choosing which emails they get. */
  preferencesUrl: string;
  /** Files sent with it, such as a calendar invitation (.ics). */
  attachments: { filename: string; contentType: string; content: string }[];
}

interface Summary {
  id: number;
  toAddress: string;
  template: string;
}

/** The newest email of this template to this address; waits a little for it to be written. */
export async function latestEmail(
  url: string,
  to: string,
  template: string,
  timeoutMs = 5_000,
): Promise<Email> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${url}/api/dev/outbox`);
    if (!response.ok) throw new Error(`the outbox answered ${response.status}`);
    const { messages } = (await response.json()) as { messages: Summary[] };
    const found = messages
      .filter(
        (message) =>
          message.template === template && message.toAddress.toLowerCase() === to.toLowerCase(),
      )
      .sort((a, b) => b.id - a.id)[0];
    if (found) {
      const full = await fetch(`${url}/api/dev/outbox/${found.id}`);
      if (!full.ok) throw new Error(`the outbox answered ${full.status} for ${found.id}`);
      return (await full.json()) as Email;
    }
    if (Date.now() > deadline) {
      throw new Error(`no ${template} email to ${to} in the outbox within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The invitation's link in an email, as the reader would tap it. */
export function invitationLinkIn(email: Email): string {
  const link = /(https?:\/\/\S+?\/join#[\w-]+)/.exec(email.textBody)?.[1];
  if (!link) throw new Error(`no invitation link in the email:\n${email.textBody}`);
  return link;
}

/** Every email of this template to this address so far, oldest first. */
export async function emailsTo(url: string, to: string, template: string): Promise<Email[]> {
  const response = await fetch(`${url}/api/dev/outbox`);
  if (!response.ok) throw new Error(`the outbox answered ${response.status}`);
  const { messages } = (await response.json()) as { messages: Summary[] };
  const ids = messages
    .filter(
      (message) =>
        message.template === template && message.toAddress.toLowerCase() === to.toLowerCase(),
    )
    .map((message) => message.id)
    .sort((a, b) => a - b);
  return Promise.all(
    ids.map(async (id) => {
      const full = await fetch(`${url}/api/dev/outbox/${id}`);
      if (!full.ok) throw new Error(`the outbox answered ${full.status} for ${id}`);
      return (await full.json()) as Email;
    }),
  );
}

/** How many emails of this template went to this address so far. */
export async function countEmails(url: string, to: string, template: string): Promise<number> {
  const response = await fetch(`${url}/api/dev/outbox`);
  if (!response.ok) throw new Error(`the outbox answered ${response.status}`);
  const { messages } = (await response.json()) as { messages: Summary[] };
  return messages.filter(
    (message) =>
      message.template === template && message.toAddress.toLowerCase() === to.toLowerCase(),
  ).length;
}

/** The sign-in link in a magic-link email, as the reader would tap it. */
export function signInLinkIn(email: Email): string {
  const link = /(https?:\/\/\S+?\/api\/auth\/magic-link\/verify\?[^\s"<>]+)/.exec(
    email.textBody,
  )?.[1];
  if (!link) throw new Error(`no sign-in link in the email:\n${email.textBody}`);
  return link;
}

/** The confirmation link in a confirm-address email, as the reader would tap it. */
export function addressLinkIn(email: Email): string {
  const link = /(https?:\/\/\S+?\/me\/address#[\w-]+)/.exec(email.textBody)?.[1];
  if (!link) throw new Error(`no confirmation link in the email:\n${email.textBody}`);
  return link;
}
