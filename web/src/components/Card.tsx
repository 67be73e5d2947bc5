import { type FormEvent, type ReactNode, useId } from 'react';
import { CancelButton } from './CancelButton.tsx';
import type { IconName } from './Icon.tsx';
import { Icon } from './Icon.tsx';

// A card of a page: its title (which names the section), an optional intro, and its content;
// `FormCard` puts the content in a form that submits without the browser's own checks.

export function Card({
  title,
  intro,
  className,
  children,
}: {
  title: ReactNode;
  intro?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className={className ? `card stack ${className}` : 'card stack'} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro !== undefined ? <p className="muted">{intro}</p> : null}
      {children}
    </section>
  );
}

export function FormCard({
  title,
  intro,
  className,
  onSubmit,
  children,
  after,
}: {
  title: ReactNode;
  intro?: ReactNode;
  className?: string;
  /** Called on submit, the browser's default (a page load) prevented. */
  onSubmit: () => unknown;
  children: ReactNode;
  /** Shown under the form (the result of the last submit). */
  after?: ReactNode;
}) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void onSubmit();
  }
  return (
    <Card title={title} intro={intro} className={className}>
      <form className="stack" onSubmit={submit} noValidate>
        {children}
      </form>
      {after}
    </Card>
  );
}

/** The form's submit button, disabled while it is busy. */
export function SubmitButton({
  busy,
  icon,
  variant = 'primary',
  children,
}: {
  busy: boolean;
  icon?: IconName;
  variant?: 'primary' | 'secondary' | 'danger';
  children: ReactNode;
}) {
  return (
    <button type="submit" className={`button button-${variant}`} disabled={busy}>
      {icon ? <Icon name={icon} /> : null}
      {children}
    </button>
  );
}

/** Submit and Cancel side by side, both held while the form is busy. */
export function SubmitCancel({
  busy,
  variant,
  onCancel,
  children,
}: {
  busy: boolean;
  variant?: 'primary' | 'danger';
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <div className="button-row">
      <SubmitButton busy={busy} variant={variant}>
        {children}
      </SubmitButton>
      <CancelButton disabled={busy} onClick={onCancel} />
    </div>
  );
}

/** The success line of the last submit (announced), or nothing. */
export function SuccessNote({ children }: { children: ReactNode }) {
  return children ? (
    <p className="success" role="status">
      {children}
    </p>
  ) : null;
}
