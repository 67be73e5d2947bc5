import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

// A labelled input or select in the form grid: `<div class="field">` with its label tied to the
// control. The value goes in and out as a string; other attributes pass through to the control.

type Controlled<A> = Omit<A, 'id' | 'value' | 'onChange'> & {
  label: ReactNode;
  value: string | number;
  onChange: (value: string) => void;
  /** A line under the control that describes it. */
  hint?: ReactNode;
};

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className="muted field-hint">
      {hint}
    </p>
  ) : null;
}

export function TextField({
  label,
  value,
  onChange,
  hint,
  ...input
}: Controlled<InputHTMLAttributes<HTMLInputElement>>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...input}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <Hint id={id} hint={hint} />
    </div>
  );
}

export function TextAreaField({
  label,
  value,
  onChange,
  hint,
  ...area
}: Controlled<TextareaHTMLAttributes<HTMLTextAreaElement>> & { ref?: Ref<HTMLTextAreaElement> }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...area}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <Hint id={id} hint={hint} />
    </div>
  );
}

export function SelectField({
  label,
  value,
  onChange,
  children,
  hint: _hint,
  ...select
}: Controlled<SelectHTMLAttributes<HTMLSelectElement>> & { children: ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select} value={value} onChange={(event) => onChange(event.target.value)}>
        {children}
      </select>
    </div>
  );
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
