import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, useId } from 'react';

// A labelled input or select in the form grid: `<div class="field">` with its label tied to the
// control. The value goes in and out as a string; other attributes pass through to the control.

type Controlled<A> = Omit<A, 'id' | 'value' | 'onChange'> & {
  label: ReactNode;
  value: string | number;
  onChange: (value: string) => void;
};

export function TextField({
  label,
  value,
  onChange,
  ...input
}: Controlled<InputHTMLAttributes<HTMLInputElement>>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

export function SelectField({
  label,
  value,
  onChange,
  children,
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
