import { useI18n } from '../i18n/I18nProvider.tsx';

const SPREADSHEETS = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** The styled file field for an XLSX or CSV upload; `inputKey` changes to clear it after a send. */
export function SpreadsheetPicker(props: {
  id: string;
  inputKey: number;
  file: File | null;
  disabled: boolean;
  onChange: (file: File | null) => void;
}) {
  const { t } = useI18n();
  const { id, file } = props;
  return (
    <div className="field">
      <span id={`${id}-label`} className="field-label">
        {t('enrolment.upload.file')}
      </span>
      <div className="file-picker">
        <input
          key={props.inputKey}
          id={`${id}-file`}
          type="file"
          className="visually-hidden"
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-chosen`}
          accept={SPREADSHEETS}
          disabled={props.disabled}
          onChange={(event) => props.onChange(event.target.files?.[0] ?? null)}
        />
        <label htmlFor={`${id}-file`} className="button button-secondary">
          {t('enrolment.upload.choose')}
        </label>
        <span id={`${id}-chosen`} className={file ? 'file-name' : 'muted'}>
          {file ? file.name : t('enrolment.upload.noneChosen')}
        </span>
      </div>
    </div>
  );
}
