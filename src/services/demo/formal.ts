import { employerWithWorkers, villageCodesIn } from '../../db/demo.ts';
import type { Deps } from '../actor.ts';
import { importWageReport } from '../import-wage-report.ts';
import { registerEmployer } from '../register-employer.ts';
import { demoUser } from './actors.ts';
import type { DemoClock } from './clock.ts';
import { DEMO_REGENCY, ENROLLED, FIGURES } from './figures.ts';
import type { PersonFactory } from './people.ts';
import { type Random, splitTotal } from './random.ts';

/** Upah minimum provinsi NTT 2023 (Rp): no demo wage is below it. */
const UMP_NTT_2023 = 2_123_994;
/**
 * Pay grades, not arbitrary amounts: the Non-ASN honorarium steps of the regency and the private
 * employers' wages in Rp100,000 steps above the UMP. (Billing computes one tariff per distinct
 * wage; thousands of distinct wages make its tariff join slow — reported to the lead.)
 */
const NON_ASN_WAGES = [UMP_NTT_2023, 2_250_000, 2_400_000, 2_600_000, 2_850_000, 3_100_000];
/** Where Belu's employers sit: the kelurahan of Atambua. */
const TOWN = ['53.04.12', '53.04.21', '53.04.22'];

interface Kind {
  type: string;
  names: (w: string) => string;
}
const KINDS: Kind[] = [
  { type: 'perdagangan', names: (w) => `CV ${w} Jaya` },
  { type: 'perdagangan', names: (w) => `Toko ${w}` },
  { type: 'perdagangan', names: (w) => `PT ${w} Niaga Timor` },
  { type: 'perdagangan', names: (w) => `UD ${w}` },
  { type: 'bank', names: (w) => `PT BPR ${w}` },
  { type: 'bank', names: (w) => `Koperasi Simpan Pinjam ${w}` },
  { type: 'asuransi', names: (w) => `PT Asuransi ${w} Perwakilan Atambua` },
  { type: 'apotik', names: (w) => `Apotek ${w}` },
  { type: 'salon', names: (w) => `Salon ${w}` },
  { type: 'jasa_profesi', names: (w) => `Klinik Pratama ${w}` },
  { type: 'jasa_profesi', names: (w) => `Yayasan Pendidikan ${w}` },
  { type: 'konveksi', names: (w) => `Konveksi Tenun Ikat ${w}` },
  { type: 'perkebunan', names: (w) => `Koperasi Perkebunan ${w}` },
  { type: 'pertanian_rakyat', names: (w) => `Koperasi Tani ${w}` },
];
const WORDS = [
  'Foho Rai',
  'Lakaan',
  'Mandeu',
  'Fatubenao',
  'Tasifeto',
  'Haliwen',
  'Lalian',
  'Sinar Timor',
  'Weluli',
  'Motaain',
  'Nusa Belu',
  'Fulan Fehan',
  'Bei Gete',
  'Atapupu',
  'Teluk Gurita',
  'Halilulik',
  'Tirta Belu',
  'Lidak Permai',
  'Tenukiik',
  'Mota Talau',
  'Dirun',
  'Maubesi',
  'Kabuna',
  'Jenilu',
  'Rinbesi',
  'Umanen',
  'Lamaknen',
  'Raimanuk',
  'Bauho',
  'Silawan',
  'Tukuneno',
  'Naekasa',
  'Sadi',
  'Tulamalae',
  'Manumutin',
  'Beirafu',
  'Fatukbot',
  'Henes',
  'Lasiolat',
  'Nanaet',
  'Dubesi',
  'Asumanu',
  'Fatuketi',
  'Leosama',
  'Kewar',
];

export interface DemoEmployer {
  npp: string;
  name: string;
  businessTypeCode: string;
  scale: 'micro' | 'small' | 'medium' | 'large';
  isGovernment: boolean;
  regionCode: string;
  workers: number;
}

function scaleOf(workers: number): DemoEmployer['scale'] {
  return workers >= 100 ? 'large' : workers >= 20 ? 'medium' : workers >= 5 ? 'small' : 'micro';
}

/** Pemkab Belu (Non-ASN workers) and 45 private employers sharing the rest of the formal figure. */
export function demoEmployers(rnd: Random, townVillages: string[]): DemoEmployer[] {
  const privateWorkers = ENROLLED.privateFormal;
  const n = WORDS.length;
  const sizes = splitTotal(
    privateWorkers,
    WORDS.map(() => rnd.pick([600, 400, 300, 200, 150, 100, 60, 40, 25, 15, 8])),
  );
  const employers: DemoEmployer[] = [
    {
      npp: '13040001',
      name: 'Pemerintah Kabupaten Belu',
      businessTypeCode: 'jasa_pemerintahan',
      scale: 'large',
      isGovernment: true,
      regionCode: DEMO_REGENCY,
      workers: FIGURES.nonAsnWorkers,
    },
  ];
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length]!;
    employers.push({
      npp: `1304${String(i + 2).padStart(4, '0')}`,
      name: kind.names(WORDS[i]!),
      businessTypeCode: kind.type,
      scale: scaleOf(sizes[i]!),
      isGovernment: false,
      regionCode: rnd.pick(townVillages),
      workers: sizes[i]!,
    });
  }
  return employers;
}

function wageCsv(e: DemoEmployer, people: PersonFactory, rnd: Random, kecamatan: string[]): Buffer {
  const lines = ['NIK,Nama,Upah (Rp),Mutasi,Tanggal Lahir,Jenis Kelamin'];
  for (let i = 0; i < e.workers; i++) {
    const home = rnd.next() < 0.6 ? rnd.pick(TOWN) : rnd.pick(kecamatan);
    const p = people.person(home, 1965, 2003);
    const wage = e.isGovernment ? rnd.pick(NON_ASN_WAGES) : UMP_NTT_2023 + rnd.int(0, 40) * 100_000;
    lines.push([p.nik, p.fullName, wage, 'masuk', p.birthDate, p.sex].join(','));
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/**
 * Formal workers (PU) through the branch's flows: each employer registered, then its December
 * 2022 wage report imported with every worker as a join (active from 1 December 2022).
 */
export async function loadFormal(
  deps: Deps,
  clock: DemoClock,
  people: PersonFactory,
  rnd: Random,
  kecamatan: string[],
  progress: (msg: string) => void,
) {
  const cabang = await demoUser(deps, 'cabang.atambua');
  const employers = demoEmployers(rnd, await villageCodesIn(deps.db, TOWN));
  let joined = 0;
  for (const [i, e] of employers.entries()) {
    const csv = wageCsv(e, people, rnd, kecamatan);
    const found = await employerWithWorkers(deps.db, e.npp);
    if ((found?.workers ?? 0) > 0) continue;
    if (!found) {
      clock.set(`2022-11-${String(1 + (i % 25)).padStart(2, '0')}`);
      const { workers: _, ...input } = e;
      await registerEmployer(deps, cabang, input);
    }
    clock.set('2022-12-28', 11);
    const r = await importWageReport(deps, cabang, {
      npp: e.npp,
      period: '2022-12',
      fileName: `laporan-upah-${e.npp}-2022-12.csv`,
      bytes: csv,
    });
    if (r.problems.length > 0)
      throw new Error(`demo wage file of ${e.name}: ${r.problems.length} invalid rows`);
    joined += r.upload.joined;
    if ((i + 1) % 10 === 0 || i === employers.length - 1)
      progress(`  employers ${i + 1}/${employers.length}`);
  }
  return { employers: employers.length, joined };
}
