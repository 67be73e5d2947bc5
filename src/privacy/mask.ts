// Personal data (NIK, names, bank accounts) is masked wherever it leaves the record itself:
// lists, exports, audit rows and logs.
//
// A masked NIK must let no one rebuild it (L2 of issue 14). A NIK is PPKKCC DDMMYY SSSS: region
// (province, regency, district), birth date (day + 40 for women) and a serial. The old mask kept
// PPKKCC and SSSS's last two digits, and the same lists showed birth date and sex unmasked, which
// gave back the hidden DDMMYY and left two serial digits (usually "00") to guess. So:
//   - the mask keeps only PPKK (the regency: not personal) and the last two digits (to tell rows
//     apart), and hides the district and the whole DDMMYY;
//   - wherever a NIK is masked, birth date and sex are masked too (maskPerson; maskPersonal for
//     audit rows), since together with the district they are the hidden digits.
// Hidden then are 10 digits; the birth date alone spans some 36,500 values.

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
/** Birth date and sex: the NIK's hidden digits 7–12, masked wherever a NIK is. */
const BIRTH_KEYS = new Set(['birthDate', 'birth_date', 'birthDateRaw', 'birth_date_raw', 'tanggalLahir']);
const SEX_KEYS = new Set(['sex', 'jenisKelamin']);

export const MASKED_DATE = '****-**-**';
export const MASKED_SEX = '*';

/** 5304012001900001 → 5304**********01 (the regency code stays: it is not personal). */
export function maskNik(nik: string): string {
  if (nik.length <= 8) return '*'.repeat(nik.length);
  return nik.slice(0, 4) + '*'.repeat(nik.length - 6) + nik.slice(-2);
}

/** "Maria Goreti Bere" → "M. G. B.": all a public answer may show of a name. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${[...w][0]!.toUpperCase()}.`)
    .join(' ');
}

/** A person in a masked list: NIK and name masked, and birth date and sex with them. */
export function maskPerson<T extends { nik: string; fullName: string }>(row: T): T {
  const out: Record<string, unknown> = { ...row, nik: maskNik(row.nik), fullName: maskName(row.fullName) };
  for (const key of Object.keys(out)) {
    if (BIRTH_KEYS.has(key) && typeof out[key] === 'string') out[key] = MASKED_DATE;
    if (SEX_KEYS.has(key) && typeof out[key] === 'string') out[key] = MASKED_SEX;
  }
  return out as T;
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
    else if (typeof v === 'string' && BIRTH_KEYS.has(key)) out[key] = MASKED_DATE;
    else if (typeof v === 'string' && SEX_KEYS.has(key)) out[key] = MASKED_SEX;
    else if (v && typeof v === 'object' && !Array.isArray(v))
      out[key] = maskPersonal(v as Record<string, unknown>);
    else out[key] = v;
  }
  return out;
}
