import { Link } from 'wouter';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n.ts';
import { useLoadedSession } from '../../session.tsx';

/** A page that only explains, with one way onwards. */
function MessagePage({
  title,
  text,
  href,
  action,
}: {
  title: string;
  text: string;
  href: string;
  action: string;
}) {
  return (
    <Page title={title} intro={<p>{text}</p>}>
      <p>
        <Link href={href} className="button button-primary">
          {action}
        </Link>
      </p>
    </Page>
  );
}

export function NotFoundPage() {
  const t = useT();
  return (
    <MessagePage title={t('notFound.title')} text={t('notFound.text')} href="/" action={t('notFound.home')} />
  );
}

export function ForbiddenPage() {
  const t = useT();
  return (
    <MessagePage
      title={t('forbidden.title')}
      text={t('forbidden.text')}
      href="/"
      action={t('notFound.home')}
    />
  );
}

/**
 * Not a refusal: the organisation asks for a second factor that this person has not set up yet.
 * Says so plainly and leads to the set-up.
 */
export function SecondFactorNeededPage({ organisationId }: { organisationId?: string }) {
  const t = useT();
  const session = useLoadedSession();
  const organisation = session.memberships.find((m) => m.organisationId === organisationId)?.organisationName;
  // The class lets the shell leave out its banner, which would say the same a second time.
  return (
    <div className="second-factor-needed">
      <MessagePage
        title={t('secondFactorNeeded.title')}
        text={organisation ? t('secondFactorNeeded.textFor', { organisation }) : t('secondFactorNeeded.text')}
        href="/account/security#second-factor"
        action={t('shell.secondFactorSetUp')}
      />
    </div>
  );
}
