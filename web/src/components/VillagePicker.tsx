import { useEffect, useState } from 'react';
import { getRegion } from '../api/regions.ts';
import type { RegionSummary } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ChoiceField } from './FormFields.tsx';

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
  const homeIsDistrict = DISTRICT_CODE.test(home);
  const [district, setDistrict] = useState<string | null>(homeIsDistrict ? home : null);
  const districts = useChildren(homeIsDistrict ? null : home);
  const villages = useChildren(district);
  const error = districts.error ?? villages.error;

  return (
    <fieldset className="card picker">
      <legend>{t('enrolment.pick.title')}</legend>
      {homeIsDistrict ? null : (
        <ChoiceField
          label={t('enrolment.pick.district')}
          value={district ?? ''}
          onChange={(code) => {
            setDistrict(code || null);
            onChange(null);
          }}
          options={districts.items.map((item) => ({ value: item.code, label: item.name }))}
        />
      )}
      <ChoiceField
        label={t('enrolment.pick.village')}
        value={value?.code ?? ''}
        disabled={!district}
        onChange={(code) => {
          const chosen = villages.items.find((item) => item.code === code);
          onChange(chosen ? { code: chosen.code, name: chosen.name } : null);
        }}
        options={villages.items.map((item) => ({ value: item.code, label: item.name }))}
      />
      {error ? <ErrorMessage error={error} /> : null}
    </fieldset>
  );
}
