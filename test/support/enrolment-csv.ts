/** A NIK that matches the birth date and sex (fact sheet §7.1): region + DD(+40 women) + MM + YY + serial. */
export function nikFor(p: { kecamatan?: string; birthDate: string; sex: 'L' | 'P'; serial: number }): string {
  const [y, m, d] = p.birthDate.split('-');
  const day = Number(d) + (p.sex === 'P' ? 40 : 0);
  return `${p.kecamatan ?? '530401'}${String(day).padStart(2, '0')}${m}${y!.slice(2)}${String(p.serial).padStart(4, '0')}`;
}

export interface WorkerRow {
  nik: string;
  name: string;
  birthDate: string;
  sex: string;
  occupation: string;
  villageCode?: string;
}

const FIRST = ['Maria', 'Yohanes', 'Agustina', 'Petrus', 'Theresia', 'Dominikus', 'Yuliana', 'Fransiskus'];
const LAST = ['Bere', 'Mau', 'Luan', 'Asa', 'Seran', 'Nahak', 'Tae', 'Bria'];

/** n valid village workers, deterministic: born 1965–2004, alternating sex. */
export function validWorkers(n: number, serialStart = 1): WorkerRow[] {
  return Array.from({ length: n }, (_, i) => {
    const sex = i % 2 === 0 ? 'P' : 'L';
    const birthDate = `${1965 + (i % 40)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    return {
      nik: nikFor({ birthDate, sex, serial: serialStart + i }),
      name: `${FIRST[i % FIRST.length]} ${LAST[(i * 3) % LAST.length]} ${String.fromCharCode(65 + (i % 26))}`,
      birthDate,
      sex,
      occupation: i % 3 === 0 ? 'Petani' : i % 3 === 1 ? 'Nelayan' : 'Buruh Harian',
    };
  });
}

export function toCsv(rows: WorkerRow[]): Buffer {
  const header = 'NIK,Nama Lengkap,Tanggal Lahir,Jenis Kelamin,Pekerjaan,Kode Desa';
  const lines = rows.map((r) =>
    [r.nik, r.name, r.birthDate, r.sex, r.occupation, r.villageCode ?? ''].join(','),
  );
  return Buffer.from(`${[header, ...lines].join('\n')}\n`, 'utf8');
}
