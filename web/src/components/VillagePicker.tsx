import { useEffect, useId, useState } from 'react';
import { getRegion } from '../api/regions.ts';
import type { RegionSummary } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';

export interface VillageChoice {
  code: string;
  name: string;
}

const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
const DISTRICT_CODE = /^\d{2}\.\d{2}\.\d{2}$/;

export function isVillageCode(code: string | null): code is string {
  return code !== null && VILLAGE_CODE.test(code);
}

function useChildren(code: string | null): { items: RegionSummary[]; error: unknown } {
  const { language } = useI18n();
  const [items, setItems] = useState<RegionSummary[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    void language;
    setItems([]);
    setError(null);
    if (!code) return;
    let cancelled = false;
    getRegion(code).then(
      (data) => {
        if (!cancelled) setItems(data.children);
      },
      (caught: unknown) => {
        if (!cancelled) setError(caught);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [code, language]);
  return { items, error };
}

/**
 * For an account above village level (a district officer): choose the kecamatan, then the
 * village, from the regions in the account's scope.
 */
export function VillagePicker({
  home,
  value,
  onChange,
}: {
  home: string;
  value: VillageChoice | null;
  onChange: (choice: VillageChoice | null) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const homeIsDistrict = DISTRICT_CODE.test(home);
  const [district, setDistrict] = useState<string | null>(homeIsDistrict ? home : null);
  const districts = useChildren(homeIsDistrict ? null : home);
  const villages = useChildren(district);
  const error = districts.error ?? villages.error;

  return (
    <fieldset className="card picker">
      <legend>{t('enrolment.pick.title')}</legend>
      {homeIsDistrict ? null : (
        <div className="field">
          <label htmlFor={`${id}-district`}>{t('enrolment.pick.district')}</label>
          <select
            id={`${id}-district`}
            value={district ?? ''}
            onChange={(event) => {
              setDistrict(event.target.value || null);
              onChange(null);
            }}
          >
            <option value="">{t('enrolment.pick.choose')}</option>
            {districts.items.map((item) => (
              <option key={item.code} value={item.code}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-village`}>{t('enrolment.pick.village')}</label>
        <select
          id={`${id}-village`}
          value={value?.code ?? ''}
          disabled={!district}
          onChange={(event) => {
            const chosen = villages.items.find((item) => item.code === event.target.value);
            onChange(chosen ? { code: chosen.code, name: chosen.name } : null);
          }}
        >
          <option value="">{t('enrolment.pick.choose')}</option>
          {villages.items.map((item) => (
            <option key={item.code} value={item.code}>
              {item.name}
            </option>
          ))}
        </select>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </fieldset>
  );
}
