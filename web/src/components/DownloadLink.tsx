import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon.tsx';

/** A link the browser saves as a file, drawn as a secondary button with its icon. */
export function DownloadLink({
  href,
  icon = 'download',
  small,
  children,
}: {
  href: string;
  icon?: IconName;
  small?: boolean;
  children: ReactNode;
}) {
  return (
    <a
      className={small ? 'button button-secondary button-small' : 'button button-secondary'}
      href={href}
      download
    >
      <Icon name={icon} />
      {children}
    </a>
  );
}
