import type { ReactNode } from 'react';

// Label/value lists: `facts` (a record's details) and `stats` (a few large figures).

export interface Fact {
  label: ReactNode;
  value: ReactNode;
  /** Classes of the stat box after `stat` (`stat-valid`, `stat-invalid`). */
  tone?: string;
  /** Classes of the value (`stat-money`). */
  valueClass?: string;
}

type Facts = readonly (Fact | null | false)[];

function shown(items: Facts): Fact[] {
  return items.filter((item): item is Fact => Boolean(item));
}

export function Facts({
  items,
  className,
  'aria-label': label,
}: {
  items: Facts;
  className?: string;
  'aria-label'?: string;
}) {
  return (
    <dl className={className ? `facts ${className}` : 'facts'} aria-label={label}>
      {shown(items).map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, in order
        <div key={index} className={item.tone}>
          <dt>{item.label}</dt>
          <dd className={item.valueClass}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Large figures; values are money-sized (`stat-money`) unless `plain`. */
export function Stats({
  items,
  className,
  'aria-label': label,
  plain,
}: {
  items: Facts;
  className?: string;
  'aria-label'?: string;
  plain?: boolean;
}) {
  return (
    <dl className={className ? `stats ${className}` : 'stats'} aria-label={label}>
      {shown(items).map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, in order
        <div key={index} className={item.tone ? `stat ${item.tone}` : 'stat'}>
          <dt>{item.label}</dt>
          <dd className={item.valueClass ?? (plain ? undefined : 'stat-money')}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
