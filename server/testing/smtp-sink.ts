import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A real SMTP server in the test process that keeps what it receives, parsed. Tests point
// SMTP_URL at it, make it refuse recipients, or stop and start it to play a server that is down.

export const SMTP_SINK_USER = 'restorativ';
export const SMTP_SINK_PASSWORD = 'sink-password';

export interface ReceivedMail {
  mail: ParsedMail;
  /** The user name the sender signed in with, if any. */
  user: string | undefined;
}

export interface SmtpSink {
  /** SMTP_URL for it, with the user name and password it accepts. */
  url: string;
  port: number;
  received: ReceivedMail[];
  /** While set, every recipient is refused with this reply, e.g. 451 (for now) or 550 (for good). */
  refuseRecipients(reply: { code: number; text: string } | undefined): void;
  stop(): Promise<void>;
  /** Listens again on the same port after a stop. */
  restart(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let refusal: { code: number; text: string } | undefined;

  const create = () =>
    new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      // Plain SMTP on loopback: the client would otherwise upgrade to TLS with an untrusted cert.
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(auth, _session, callback) {
        const valid = auth.username === SMTP_SINK_USER && auth.password === SMTP_SINK_PASSWORD;
        if (valid) callback(null, { user: auth.username });
        else callback(new Error('Invalid user name or password'));
      },
      onRcptTo(_address, _session, callback) {
        if (!refusal) return callback();
        callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
      },
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (mail) => {
            received.push({ mail, user: session.user as string | undefined });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });

  const listen = (server: SMTPServer, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', () =>
        resolve((server.server.address() as AddressInfo).port),
      );
    });

  let server = create();
  const port = await listen(server, 0);
  return {
    url: `smtp://${SMTP_SINK_USER}:${SMTP_SINK_PASSWORD}@127.0.0.1:${port}`,
    port,
    received,
    refuseRecipients(reply) {
      refusal = reply;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async restart() {
      server = create();
      await listen(server, port);
    },
  };
}
