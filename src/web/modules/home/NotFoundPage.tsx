import { Link } from 'wouter';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n.ts';

export function NotFoundPage() {
  const t = useT();
  return (
    <Page title={t('notFound.title')} intro={<p>{t('notFound.text')}</p>}>
      <p>
        <Link href="/" className="button button-primary">
          {t('notFound.home')}
        </Link>
      </p>
    </Page>
  );
}

export function ForbiddenPage() {
  const t = useT();
  return (
    <Page title={t('forbidden.title')} intro={<p>{t('forbidden.text')}</p>}>
      <p>
        <Link href="/" className="button button-primary">
          {t('notFound.home')}
        </Link>
      </p>
    </Page>
  );
}
