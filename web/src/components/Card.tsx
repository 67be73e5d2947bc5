import { type FormEvent, type ReactNode, useId } from 'react';
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
  danger,
  children,
}: {
  busy: boolean;
  icon?: IconName;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="submit"
      className={danger ? 'button button-danger' : 'button button-primary'}
      disabled={busy}
    >
      {icon ? <Icon name={icon} /> : null}
      {children}
    </button>
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
