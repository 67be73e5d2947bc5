import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from '../router.tsx';

// The head of a page: an optional back link, the eyebrow (the record's kind and code, or a plain
// line), the title, the intro, and anything under them (status badges).

export function PageHead({
  back,
  backLabel,
  level,
  code,
  eyebrow,
  title,
  titleClass,
  intro,
  children,
}: {
  back?: string;
  backLabel?: ReactNode;
  /** The kind of record (`Klaim`), shown before `code`. */
  level?: ReactNode;
  code?: ReactNode;
  /** A plain eyebrow line, when there is no `level`. */
  eyebrow?: ReactNode;
  title: ReactNode;
  titleClass?: string;
  intro?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      {back ? (
        <Link to={back} className="back-link">
          ‹ {backLabel ?? t('action.back')}
        </Link>
      ) : null}
      <div className="stack page-head">
        {level !== undefined ? (
          <p className="eyebrow">
            <span className="level">{level}</span>
            {code !== undefined ? <span className="code">{code}</span> : null}
          </p>
        ) : eyebrow !== undefined ? (
          <p className="eyebrow">{eyebrow}</p>
        ) : null}
        <h1 className={titleClass}>{title}</h1>
        {intro !== undefined ? <p className="muted">{intro}</p> : null}
        {children}
      </div>
    </>
  );
}
