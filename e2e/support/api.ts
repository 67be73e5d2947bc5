// Setup through the HTTP API (faster than the UI): log in with the demo password, send JSON or a
// raw file with the session cookie, and enrol a village's workers through the whole flow.
import { serialName } from '../../test/support/names.ts';
import { yearAgreement } from '../../test/support/year-agreement.ts';

export const DEMO_PASSWORD = 'lindung-demo';

/** Today in WITA, the office date the server files, pays and dates by (no date after it is taken). */
export function todayWita(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Makassar',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

export interface ApiSession {
  baseUrl: string;
  cookie: string;
}

export async function apiLogin(baseUrl: string, username: string): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { baseUrl, cookie };
}

export async function apiCall<T>(
  session: ApiSession,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const raw = body instanceof Buffer;
  const response = await fetch(`${session.baseUrl}/api/v1${path}`, {
    method,
    headers: {
      Accept: 'application/json',
      Cookie: session.cookie,
      // As the web client: required with the session cookie on a state-changing request.
      'X-Lindung-Client': 'e2e',
      ...(body === undefined
        ? {}
        : { 'Content-Type': raw ? 'application/octet-stream' : 'application/json' }),
      ...headers,
    },
    body: body === undefined ? null : raw ? new Uint8Array(body) : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface EnrolWorker {
  nik: string;
  fullName: string;
  birthDate: string;
  sex: 'L' | 'P';
  occupation: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `count` valid workers of Kec. Lamaknen (NIK 530401…) whose NIK matches birth date and sex;
 * serials from `firstSerial` up so that different tests do not collide.
 */
export function lamaknenWorkers(count: number, firstSerial: number): EnrolWorker[] {
  return Array.from({ length: count }, (_, index) => {
    const i = index + 1;
    const year = 1970 + (i % 30);
    const month = pad((i % 12) + 1);
    const day = (i % 28) + 1;
    const sex = i % 2 === 0 ? 'P' : 'L';
    const dd = sex === 'P' ? day + 40 : day;
    return {
      nik: `530401${pad(dd)}${month}${String(year).slice(2)}${pad(firstSerial + i, 4)}`,
      fullName: `Pekerja Uji ${serialName(i)}`,
      birthDate: `${year}-${month}-${pad(day)}`,
      sex,
      occupation: 'Petani',
    };
  });
}

export function enrolmentCsv(workers: EnrolWorker[], villageCode: string): Buffer {
  const lines = ['NIK,Nama Lengkap,Tanggal Lahir,Jenis Kelamin,Pekerjaan,Nomor HP,Alamat,Kode Desa'];
  for (const w of workers) {
    lines.push([w.nik, w.fullName, w.birthDate, w.sex, w.occupation, '', 'Dusun', villageCode].join(','));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/**
 * Uploads, submits, verifies and activates: the village operator, the district officer and the
 * branch officer of the demo. Returns the number of participants created.
 */
export async function enrolThroughApi(
  baseUrl: string,
  workers: EnrolWorker[],
  village = { code: '53.04.01.2001', operator: 'desa.kewar' },
): Promise<number> {
  const operator = await apiLogin(baseUrl, village.operator);
  const upload = await apiCall<{ batch: { id: number }; upload: { valid: number; invalid: number } }>(
    operator,
    'POST',
    `/enrolment/uploads?village=${village.code}&dryRun=false`,
    enrolmentCsv(workers, village.code),
    { 'X-File-Name': 'pekerja.csv' },
  );
  if (upload.upload.invalid > 0) throw new Error(`enrolment upload: ${upload.upload.invalid} invalid rows`);
  const id = upload.batch.id;
  await apiCall(operator, 'POST', `/enrolment/batches/${id}/submit`);
  await apiCall(await apiLogin(baseUrl, 'dinas.belu'), 'POST', `/enrolment/batches/${id}/verify`);
  const activated = await apiCall<{ participantsCreated: number }>(
    await apiLogin(baseUrl, 'cabang.atambua'),
    'POST',
    `/enrolment/batches/${id}/activate`,
  );
  return activated.participantsCreated;
}

/**
 * A PKS of Belu for one fiscal year, signed by the Bupati and the branch head, through the API:
 * the agreement the budget tests put their allocations in. Returns its id.
 */
export async function createYearAgreement(
  district: ApiSession,
  a: { number: string; title: string; year: number; signedOn: string },
): Promise<number> {
  const { agreement } = await apiCall<{ agreement: { id: number } }>(
    district,
    'POST',
    '/agreements',
    yearAgreement(a),
  );
  return agreement.id;
}

/**
 * A JKM death claim of `kpj` on `eventDate`, filed by the branch officer with the wife as heir,
 * every checklist document uploaded, and submitted: the rules then decide the amount.
 */
export async function submitJkmClaim(
  baseUrl: string,
  kpj: string,
  eventDate: string,
): Promise<{ id: number; submitted: { amountRp: number } }> {
  const officer = await apiLogin(baseUrl, 'cabang.atambua');
  const claim = await apiCall<{ id: number; status: string }>(officer, 'POST', '/claims', {
    kpj,
    program: 'JKM',
    kind: 'kematian',
    eventDate,
    claimant: { relation: 'pasangan', name: 'Maria Bete', nik: '5304015506800001' },
    bank: { code: '002', account: '0012345678901', holder: 'Maria Bete' },
  });
  if (claim.status !== 'filed') throw new Error(`JKM claim not filed: ${claim.status}`);
  const detail = await apiCall<{ checklist: { docType: string; present: boolean }[] }>(
    officer,
    'GET',
    `/claims/${claim.id}`,
  );
  for (const { docType } of detail.checklist.filter((d) => !d.present)) {
    await apiCall(
      officer,
      'POST',
      `/claims/${claim.id}/documents?docType=${docType}`,
      Buffer.from(`%PDF-1.4\n% ${docType}\n1 0 obj << >> endobj\n%%EOF\n`),
      { 'Content-Type': 'application/pdf', 'X-File-Name': `${docType}.pdf` },
    );
  }
  const submitted = await apiCall<{ amountRp: number }>(officer, 'POST', `/claims/${claim.id}/submit`);
  return { id: claim.id, submitted };
}
