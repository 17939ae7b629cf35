import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { youthJoinRequest } from '../../../shared/youth/contract.ts';
import { ApiError } from '../../app/api.ts';
import { meQueryKey } from '../../app/session.ts';
import { Button, buttonClassName } from '../../ui/Button.tsx';
import { PageHeading, useDocumentTitle } from '../../ui/PageHeading.tsx';
import { useLinkToken } from '../conferences/useLinkToken.ts';
import { joinByYouthLink, myYouthKey } from './mine-api.ts';
import '../../app/status-page.css';
import './youth-pages.css';

// /youth/join#<token>: a young person's own way in, handed to them by the program. One button,
// so that a link opened by a mail scanner signs no one in; then their program's page.

export function YouthJoinPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('youthPages.join.title'));
  const token = useLinkToken();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const join = useMutation({
    mutationFn: () => joinByYouthLink(token),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      await queryClient.invalidateQueries({ queryKey: myYouthKey });
      await navigate('/youth');
    },
  });
  const valid = youthJoinRequest.safeParse({ token }).success;
  const refused = join.error instanceof ApiError && join.error.status < 500;
  if (!valid || refused) {
    return (
      <div className="status-page">
        <PageHeading focusOnMount>{t('youthPages.join.closed.heading')}</PageHeading>
        <p className="status-page__body">{t('youthPages.join.closed.body')}</p>
        <div className="status-page__actions">
          <Link to="/" className={buttonClassName('secondary')}>
            {t('notFound.homeLink')}
          </Link>
        </div>
      </div>
    );
  }
  return (
    <div className="young-page">
      <PageHeading focusOnMount>{t('youthPages.join.heading')}</PageHeading>
      <p className="young-lead">{t('youthPages.join.lead')}</p>
      {join.isError ? (
        <p className="young-status young-status--problem" role="alert">
          {t('youthPages.join.failed')}
        </p>
      ) : null}
      <div className="young-actions">
        <Button
          isBusy={join.isPending}
          onPress={() => {
            if (!join.isPending) join.mutate();
          }}
        >
          {t('youthPages.join.button')}
        </Button>
      </div>
    </div>
  );
}
