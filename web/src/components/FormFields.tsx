import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';

// A labelled input or select in the form grid: `<div class="field">` with its label tied to the
// control. The value goes in and out as a string; other attributes pass through to the control.

type Controlled<A> = Omit<A, 'id' | 'value' | 'onChange'> & {
  label: ReactNode;
  value: string | number;
  onChange: (value: string) => void;
  /** A line under the control that describes it. */
  hint?: ReactNode;
};

interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  value: string | number;
  onChange: (event: { target: { value: string } }) => void;
}

/** The field box: the label tied to the control that `control` draws from its props, and the hint. */
function Field({
  label,
  hint,
  value,
  onChange,
  control,
}: {
  label: ReactNode;
  hint?: ReactNode;
  value: string | number;
  onChange: (value: string) => void;
  control: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const describedBy = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control({
        id,
        'aria-describedby': describedBy,
        value,
        onChange: (event) => onChange(event.target.value),
      })}
      {hint ? (
        <p id={describedBy} className="muted field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function TextField({
  label,
  value,
  onChange,
  hint,
  ...input
}: Controlled<InputHTMLAttributes<HTMLInputElement>>) {
  return <Field {...{ label, value, onChange, hint }} control={(props) => <input {...input} {...props} />} />;
}

export function TextAreaField({
  label,
  value,
  onChange,
  hint,
  ...area
}: Controlled<TextareaHTMLAttributes<HTMLTextAreaElement>> & { ref?: Ref<HTMLTextAreaElement> }) {
  return (
    <Field
      {...{ label, value, onChange, hint }}
      control={(props) => <textarea rows={3} {...area} {...props} />}
    />
  );
}

export function SelectField({
  label,
  value,
  onChange,
  children,
  hint,
  ...select
}: Controlled<SelectHTMLAttributes<HTMLSelectElement>> & { children: ReactNode }) {
  return (
    <Field
      {...{ label, value, onChange, hint }}
      control={(props) => (
        <select {...select} {...props}>
          {children}
        </select>
      )}
    />
  );
}

/** A select that starts at "choose…", over the given options. */
export function ChoiceField({
  options,
  ...select
}: Omit<Controlled<SelectHTMLAttributes<HTMLSelectElement>>, 'children'> & {
  options: readonly { value: string | number; label: ReactNode }[];
}) {
  const { t } = useI18n();
  return (
    <SelectField {...select}>
      <option value="">{t('enrolment.pick.choose')}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </SelectField>
  );
}

/** A regency code (`53.04`). */
export function RegencyField(props: Controlled<InputHTMLAttributes<HTMLInputElement>>) {
  return <TextField inputMode="decimal" placeholder="53.04" {...props} />;
}

/** A figure typed in by hand (a count, an amount): numeric keypad, no autofill. */
export function NumberField(props: Controlled<InputHTMLAttributes<HTMLInputElement>>) {
  return <TextField inputMode="numeric" autoComplete="off" {...props} />;
}

/** A checkbox with its label beside it: `check` (a large box) or `checkbox-field` (inline). */
export function CheckField({
  label,
  checked,
  onChange,
  inline,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  inline?: boolean;
}) {
  return (
    <label className={inline ? 'checkbox-field' : 'check'}>
      <input
        className={inline ? undefined : 'check-box'}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      {inline ? label : <span>{label}</span>}
    </label>
  );
}

/** A page's year filter: a select of the given years, applied as soon as it changes. */
export function YearFilter({
  label,
  years,
  value,
  onChange,
}: {
  label: ReactNode;
  years: readonly number[];
  value: number;
  onChange: (year: number) => void;
}) {
  return (
    <form className="filter-form" onSubmit={(event) => event.preventDefault()}>
      <SelectField label={label} value={value} onChange={(text) => onChange(Number(text))}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </SelectField>
    </form>
  );
}
