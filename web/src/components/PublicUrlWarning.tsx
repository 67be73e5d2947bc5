import { useEffect, useState } from 'react';
import { publicUrlStatus } from '../api/participants.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

// The admin's warning that cards and activation letters print an address participants cannot
// open (LINDUNG_PUBLIC_URL still the default on a server others reach); `serve` prints the same.

type Status = Awaited<ReturnType<typeof publicUrlStatus>>;

export function PublicUrlWarning() {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    let live = true;
    publicUrlStatus().then(
      (s) => live && setStatus(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (!status?.problem) return null;
  return (
    <p className="alert public-url-warning" role="alert">
      {status.problem === 'loopback'
        ? t('system.publicUrl.loopback', { url: status.publicBaseUrl })
        : t('system.publicUrl.notUrl', { url: status.publicBaseUrl })}
    </p>
  );
}
