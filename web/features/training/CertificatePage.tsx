import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  type CertificateCheck,
  groupedCertificateCode,
} from '../../../shared/training/contract.ts';
import { ApiError } from '../../app/api.ts';
import { retryUnlessRefused } from '../../app/LoadProblem.tsx';
import { useFormatDate } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { certificateKey, fetchCertificate } from './certificate-api.ts';
import { pickText } from './translated.ts';
import '../../app/status-page.css';
import '../../ui/form.css';
import './training.css';

// /certificates/:code: anyone shown a certificate (an employer, a board, a resident) checks it
// here, from its QR code or by typing its code. It says whether it is valid, and shows only what
// the certificate itself says: no account, no other course, no way to find anyone else's.

function Verdict({ check }: { check: CertificateCheck }) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const title = pickText(check.courseTitle, i18n.language);
  const until = check.expiresAt ? formatDate(check.expiresAt) : null;
  return (
    <section
      className={`certificate-verdict certificate-verdict--${check.status}`}
      aria-labelledby="certificate-verdict"
    >
      <h2 id="certificate-verdict">{t(`training.certificate.status.${check.status}`)}</h2>
      <p>
        {check.status === 'expired' && until
          ? t('training.certificate.expiredOn', { date: until })
          : check.status === 'revoked'
            ? t('training.certificate.revokedNote')
            : until
              ? t('training.certificate.validUntil', { date: until })
              : t('training.certificate.noExpiry')}
      </p>
      <dl className="training-facts">
        <div>
          <dt>{t('training.certificate.learner')}</dt>
          <dd>{check.learnerName}</dd>
        </div>
        <div>
          <dt>{t('training.certificate.course')}</dt>
          <dd lang={title.lang}>{title.text}</dd>
        </div>
        <div>
          <dt>{t('training.certificate.organisation')}</dt>
          <dd>{check.organisationName}</dd>
        </div>
        <div>
          <dt>{t('training.certificate.completed')}</dt>
          <dd>{formatDate(check.issuedAt)}</dd>
        </div>
        <div>
          <dt>{t('training.certificate.code')}</dt>
          <dd className="certificate-code">{groupedCertificateCode(check.code)}</dd>
        </div>
      </dl>
    </section>
  );
}

function CodeForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(initial);
  return (
    <Form
      className="certificate-form"
      onSubmit={(event) => {
        event.preventDefault();
        const code = typed.trim();
        if (code) void navigate(`/certificates/${encodeURIComponent(code)}`);
      }}
    >
      <TextField
        label={t('training.certificate.typeCode')}
        description={t('training.certificate.typeCodeHelp')}
        value={typed}
        onChange={setTyped}
        autoComplete="off"
        isRequired
      />
      <Button type="submit">{t('training.certificate.check')}</Button>
    </Form>
  );
}

export function CertificatePage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const check = useQuery({
    queryKey: certificateKey(code),
    queryFn: ({ signal }) => fetchCertificate(code, signal),
    retry: retryUnlessRefused,
  });
  useDocumentTitle(t('training.certificate.title'));
  const status = check.error instanceof ApiError ? check.error.status : 0;
  return (
    <div className="status-page certificate-page">
      <PageHeading>{t('training.certificate.title')}</PageHeading>
      {check.isPending ? <p className="page-loading">{t('app.loading')}</p> : null}
      {check.data ? <Verdict check={check.data} /> : null}
      {check.isError ? (
        <div role="alert" className="certificate-verdict certificate-verdict--unknown">
          <h2>
            {status === 400
              ? t('training.certificate.malformed')
              : status === 404
                ? t('training.certificate.notFound')
                : t('training.certificate.failed')}
          </h2>
          <p>
            {status === 400 || status === 404
              ? t('training.certificate.notFoundHelp')
              : t('training.certificate.failedHelp')}
          </p>
        </div>
      ) : null}
      <p className="form-page__lead">{t('training.certificate.about')}</p>
      <CodeForm key={code} initial={check.isError ? code : ''} />
    </div>
  );
}
