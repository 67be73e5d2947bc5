// Personal data (NIK, names, bank accounts) is masked wherever it leaves the record itself:
// lists, exports, audit rows and logs.

const SECRET_KEYS = new Set([
  'password',
  'password_hash',
  'passwordHash',
  'token',
  'token_hash',
  'tokenHash',
]);
const NIK_KEYS = new Set(['nik', 'NIK']);
const NAME_KEYS = new Set(['name', 'fullName', 'full_name', 'nama', 'heirName', 'heir_name', 'motherName']);
const ACCOUNT_KEYS = new Set(['bankAccount', 'bank_account', 'accountNumber', 'account_number', 'rekening']);

/** 5304012001900001 → 530401********01 (region prefix stays: it is not personal). */
export function maskNik(nik: string): string {
  if (nik.length <= 8) return '*'.repeat(nik.length);
  return nik.slice(0, 6) + '*'.repeat(nik.length - 8) + nik.slice(-2);
}

/** "Maria Goreti Bere" → "M**** G***** B***" */
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0] + '*'.repeat(Math.max(w.length - 1, 1)))
    .join(' ');
}

export function maskAccount(account: string): string {
  const digits = account.replace(/\s/g, '');
  return '*'.repeat(Math.max(digits.length - 4, 0)) + digits.slice(-4);
}

export function maskPersonal(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (SECRET_KEYS.has(key)) continue;
    if (typeof v === 'string' && NIK_KEYS.has(key)) out[key] = maskNik(v);
    else if (typeof v === 'string' && NAME_KEYS.has(key)) out[key] = maskName(v);
    else if (typeof v === 'string' && ACCOUNT_KEYS.has(key)) out[key] = maskAccount(v);
    else if (v && typeof v === 'object' && !Array.isArray(v))
      out[key] = maskPersonal(v as Record<string, unknown>);
    else out[key] = v;
  }
  return out;
}
