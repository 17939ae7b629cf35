import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { describeSmtpServer } from './transport.ts';

describe('mail settings', () => {
  it('sends nothing by default, and writes from a no-reply address', () => {
    const config = loadConfig({});
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.MAIL_FROM).toBe('Restorativ <no-reply@localhost>');
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps://, in one line without its password', () => {
    const given = 'https://mailer:hunter2@mail.example.org';
    expect(() => loadConfig({ SMTP_URL: given })).toThrowError(ConfigError);
    expect(() => loadConfig({ SMTP_URL: given })).toThrowError(
      /^Setting SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL \(got a value of \d+ characters, not shown\)\.$/,
    );
  });

  it('refuses a MAIL_FROM without an address', () => {
    expect(() => loadConfig({ MAIL_FROM: 'Restorativ' })).toThrowError(
      'Setting MAIL_FROM must be an address, like Restorativ <no-reply@example.org> (got "Restorativ").',
    );
  });

  it('names the mail server by host and port only, with the usual port for each scheme', () => {
    expect(describeSmtpServer('smtp://user:secret@mail.example.org')).toBe('mail.example.org:587');
    expect(describeSmtpServer('smtps://mail.example.org')).toBe('mail.example.org:465');
    expect(describeSmtpServer('smtp://127.0.0.1:2525')).toBe('127.0.0.1:2525');
  });
});
