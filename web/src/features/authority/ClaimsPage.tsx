import {
  Button,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { Me } from '../../auth/session';
import { AppLink } from '../../components/AppLink';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { type Claim, isAuthority } from './authority-api';
import { AuthorityPage, ClaimItem, ViewerNotice } from './authority-ui';

type Filter = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'invalidated' | '';
const FILTERS: Filter[] = ['pending', 'approved', 'rejected', 'withdrawn', 'invalidated', ''];

/** "Claims": the coordinator's inbox of claims on the authority's contracts. */
export default function ClaimsPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <AuthorityPage me={me} title={t('authority.claims.title')} lead={t('authority.claims.lead')}>
      {isAuthority(me) && <Inbox me={me} />}
    </AuthorityPage>
  );
}

function Inbox({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Filter>('pending');
  const claims = useInfiniteQuery({
    queryKey: [me.user.id, 'claims', 'inbox', status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(() =>
        api.GET('/v1/claims', {
          params: {
            query: {
              limit: 25,
              ...(status ? { status } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items: Claim[] = claims.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <ViewerNotice me={me} text={t('authority.claims.viewer')} />
      <Paragraph>
        <AppLink to="/contracts">{t('authority.claims.toContracts')}</AppLink>
      </Paragraph>
      <Field id="claims-status" label={t('authority.claims.filter')}>
        <Select
          id="claims-status"
          value={status}
          onChange={(event) => setStatus(event.target.value as Filter)}
        >
          {FILTERS.map((f) => (
            <SelectOption key={f || 'all'} value={f}>
              {f ? t(`authority.claims.filters.${f}`) : t('authority.claims.filters.all')}
            </SelectOption>
          ))}
        </Select>
      </Field>
      <section aria-labelledby="claims-list" className="ib-authority-section">
        <Heading2 id="claims-list">
          {status ? t(`authority.claims.filters.${status}`) : t('authority.claims.filters.all')}
        </Heading2>
        {claims.isPending && <Paragraph>{t('app.loading')}</Paragraph>}
        {claims.error && (
          <ErrorMessage error={claims.error} onRetry={() => void claims.refetch()} />
        )}
        {!claims.isPending && !claims.error && items.length === 0 && (
          <Paragraph>{t('authority.claims.none')}</Paragraph>
        )}
        {items.map((claim) => (
          <ClaimItem key={claim.id} me={me} claim={claim} />
        ))}
        {claims.hasNextPage && (
          <Button
            appearance="secondary-action-button"
            busy={claims.isFetchingNextPage}
            onClick={() => void claims.fetchNextPage()}
          >
            {t('authority.claims.more')}
          </Button>
        )}
      </section>
    </>
  );
}
