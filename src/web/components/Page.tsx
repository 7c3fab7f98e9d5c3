import { type ReactNode, useEffect, useRef } from 'react';
import { useT } from '../i18n.ts';

let firstPage = true;

/**
 * Every page's frame: sets document.title and, after a client-side navigation,
 * moves focus to the heading so screen reader users hear where they landed.
 */
export function Page({
  title,
  intro,
  children,
  wide,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus();
  }, []);
  return (
    <div className={wide ? 'page page-wide' : 'page'}>
      <h1 ref={heading} tabIndex={-1} className="page-title">
        {title}
      </h1>
      {intro ? <div className="page-intro">{intro}</div> : null}
      {children}
    </div>
  );
}
