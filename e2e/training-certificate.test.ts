import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { trainingCertificates } from '../server/features/training/schema.ts';
import { openDatabase } from '../server/platform/db/connection.ts';
import { groupedCertificateCode } from '../shared/training/contract.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { desktop, openPage, phone, withoutExpectedResponses } from './support/browser.ts';
import { captureEverywhere } from './support/capture.ts';
import { setUpServerAndBrowser } from './support/harness.ts';

// Someone shown a training certificate checks it, as an employer or a community board would:
// they scan its QR code (the link) and read that it is valid, for whom and which course; a link
// changed by one character finds nothing and says so; on a phone in Spanish, a code typed
// wrongly is told what a code looks like, and typing it as printed finds the certificate. The
// demo's officers who completed their course hold certificates; one code is read before the
// server starts, as a person holding the paper would have it.

const STEP_TIMEOUT = 120_000;
const demo = { code: '', learner: '' };

const harness = setUpServerAndBrowser(async (env) => {
  await promisify(execFile)(process.execPath, ['cli/restorativ.ts', 'demo'], {
    env: { PATH: process.env.PATH, ...env },
    maxBuffer: 4 * 1024 * 1024,
  });
  const database = await openDatabase(
    env.DATABASE_URL
      ? { kind: 'postgresql', url: env.DATABASE_URL, poolSize: 1 }
      : { kind: 'embedded', dataDir: env.DATA_DIR ?? '', purpose: 'test' },
  );
  try {
    const [certificate] = await database.db.select().from(trainingCertificates).limit(1);
    demo.code = certificate?.code ?? '';
    demo.learner = certificate?.learnerName ?? '';
  } finally {
    await database.close();
  }
});

describe('checking a training certificate', () => {
  it(
    'should confirm a certificate from its link, and find nothing for a changed one',
    async () => {
      expect(demo.code).toHaveLength(16);
      const { page, errors, close } = await openPage(harness.browser, {
        viewport: desktop,
        locale: 'en-US',
      });
      try {
        await page.goto(`${harness.url}/certificates/${demo.code}`);
        await page.getByRole('heading', { level: 2, name: 'This certificate is valid' }).waitFor();
        const main = page.getByRole('main');
        await main.getByText(demo.learner, { exact: true }).waitFor();
        await main.getByText('Riverside Community Peace Circle', { exact: true }).waitFor();
        await main.getByText(groupedCertificateCode(demo.code), { exact: true }).waitFor();
        await expect(main.getByText(/@/).count()).resolves.toBe(0);
        await expectNoAxeViolations(page);
        await captureEverywhere(page, 'training-certificate-valid');

        const changed = `${demo.code.slice(0, -1)}${demo.code.endsWith('A') ? 'B' : 'A'}`;
        await page.goto(`${harness.url}/certificates/${changed}`);
        await page.getByRole('alert').getByText('No certificate has this code').waitFor();
        await expect(main.getByText(demo.learner, { exact: true }).count()).resolves.toBe(0);
        await expectNoAxeViolations(page);
        expect(
          withoutExpectedResponses(errors, [{ status: 404, path: `/api/certificates/${changed}` }]),
        ).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'should tell someone on a phone what a code looks like, and find it as printed',
    async () => {
      const { page, errors, close } = await openPage(harness.browser, {
        viewport: phone,
        locale: 'es-MX',
      });
      try {
        await page.goto(`${harness.url}/certificates/12345`);
        await page.getByRole('alert').getByText('Esto no es un código de certificado').waitFor();
        await expectNoAxeViolations(page);
        await captureEverywhere(page, 'training-certificate-malformed');

        const field = page.getByRole('textbox', { name: 'Código del certificado' });
        await field.fill(groupedCertificateCode(demo.code).toLowerCase());
        await page.getByRole('button', { name: 'Comprobar' }).click();
        await page.getByRole('heading', { level: 2, name: 'Este certificado es válido' }).waitFor();
        await expectNoAxeViolations(page);
        expect(
          withoutExpectedResponses(errors, [{ status: 400, path: '/api/certificates/12345' }]),
        ).toEqual([]);
      } finally {
        await close();
      }
    },
    STEP_TIMEOUT,
  );
});
