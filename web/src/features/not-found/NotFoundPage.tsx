import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/AppLink';
import { PageHeading } from '../../components/PageHeading';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t('notFound.home')}</AppLink>
      </Paragraph>
    </>
  );
}
