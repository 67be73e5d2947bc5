import { projectWithWorkers, villagesOf } from '../../db/demo.ts';
import { employerExists } from '../../db/employers.ts';
import type { Actor, Deps } from '../actor.ts';
import { changeProjectWorkers, showProject } from '../change-project-workers.ts';
import { postPayment } from '../post-payment.ts';
import { registerEmployer } from '../register-employer.ts';
import { registerProject } from '../register-project.ts';
import { demoUser } from './actors.ts';
import type { DemoClock } from './clock.ts';
import { DEMO_REGENCY, FIGURES } from './figures.ts';
import type { PersonFactory } from './people.ts';
import { type Random, splitTotal } from './random.ts';

const PROJECTS = 150;
const CONTRACTORS = [
  'CV Fulan Fehan Konstruksi',
  'CV Lakaan Karya',
  'PT Timor Bangun Persada',
  'CV Mandeu Teknik',
  'CV Haliwen Mandiri',
  'PT Nusa Belu Konstruksi',
  'CV Motaain Perkasa',
  'CV Tasifeto Jaya Konstruksi',
  'PT Atapupu Karya Utama',
  'CV Weluli Bangun',
  'CV Lalian Sejahtera',
  'PT Perbatasan Jaya Konstruksi',
  'CV Dirun Karya Mandiri',
  'CV Bei Gete Teknik',
  'CV Halilulik Abadi',
  'PT Teluk Gurita Konstruksi',
  'CV Raimanuk Bangun Jaya',
  'CV Lamaknen Permai',
  'CV Fatubenao Konstruksi',
  'PT Belu Karya Infrastruktur',
];
const WORKS: {
  name: (v: string, n: number) => string;
  owner: (v: string) => string;
  value: [number, number];
}[] = [
  {
    name: (v) => `Rehabilitasi Jalan Kabupaten Ruas ${v}`,
    owner: () => 'Dinas PUPR Kabupaten Belu',
    value: [1_500, 12_000],
  },
  {
    name: (_, n) => `Pembangunan Jalan Sabuk Merah Perbatasan Segmen ${n}`,
    owner: () => 'Balai Pelaksanaan Jalan Nasional Nusa Tenggara Timur',
    value: [15_000, 45_000],
  },
  {
    name: (v) => `Peningkatan Jaringan Irigasi ${v}`,
    owner: () => 'Balai Wilayah Sungai Nusa Tenggara II',
    value: [2_000, 18_000],
  },
  { name: (v) => `Pembangunan Embung Desa ${v}`, owner: (v) => `Pemerintah Desa ${v}`, value: [300, 900] },
  {
    name: (v) => `Rehabilitasi Gedung SD Inpres ${v}`,
    owner: () => 'Dinas Pendidikan Kabupaten Belu',
    value: [600, 2_500],
  },
  {
    name: (v) => `Pembangunan Puskesmas Pembantu ${v}`,
    owner: () => 'Dinas Kesehatan Kabupaten Belu',
    value: [800, 3_000],
  },
  {
    name: (v) => `Pembangunan Jembatan ${v}`,
    owner: () => 'Dinas PUPR Kabupaten Belu',
    value: [1_000, 8_000],
  },
  {
    name: (v) => `Jaringan Perpipaan Air Bersih ${v}`,
    owner: () => 'Dinas PUPR Kabupaten Belu',
    value: [700, 4_000],
  },
];

const pad = (n: number) => String(n).padStart(2, '0');

export interface DemoProject {
  projectNumber: string;
  name: string;
  ownerName: string;
  contractorNpp: string;
  contractValueRp: number;
  startDate: string;
  endDate: string;
  regionCode: string;
  workers: number;
}

/** 150 projects of 2022–2023, every one running on 22 May 2023, sharing the construction figure. */
export function demoProjects(rnd: Random, villages: { code: string; name: string }[]): DemoProject[] {
  const drafts = Array.from({ length: PROJECTS }, (_, i) => {
    const w = WORKS[i % WORKS.length]!;
    const v = rnd.pick(villages);
    const millions = rnd.int(w.value[0], w.value[1]);
    const start =
      rnd.next() < 0.5
        ? `2022-${pad(rnd.int(9, 12))}-${pad(rnd.int(1, 28))}`
        : `2023-${pad(rnd.int(1, 5))}-${pad(rnd.int(1, 15))}`;
    return {
      projectNumber: `JK/5304/${start.slice(0, 4)}/${String(i + 1).padStart(3, '0')}`,
      name: w.name(v.name, i + 1),
      ownerName: w.owner(v.name),
      contractorNpp: `1304${String(3001 + (i % CONTRACTORS.length))}`,
      contractValueRp: millions * 1_000_000,
      startDate: start,
      endDate: `2023-${pad(rnd.int(6, 12))}-${pad(rnd.int(1, 28))}`,
      regionCode: v.code,
      weight: Math.sqrt(millions),
    };
  });
  const sizes = splitTotal(
    FIGURES.activeConstruction,
    drafts.map((d) => d.weight),
  );
  return drafts.map(({ weight: _, ...d }, i) => ({ ...d, workers: sizes[i]! }));
}

/**
 * The contractor pays the project's premium invoice on the day the project is registered (the
 * premium is paid up front: Permenakertrans 44/2015 Pasal 3-4), through the payment service, so
 * the workers added after it are covered from the project's start. The key names the invoice as
 * the demo's billing payments do (a re-run skips it). The tests' fixtures pay the same way.
 */
export async function payProjectPremium(
  deps: Deps,
  cabang: Actor,
  projectNumber: string,
  receivedOn: string,
) {
  const { project, invoices } = await showProject(deps, cabang, projectNumber);
  for (const inv of invoices) {
    if (inv.paidRp >= inv.totalRp) continue;
    await postPayment(deps, cabang, {
      payerId: project.contractorPayerId,
      amountRp: inv.totalRp - inv.paidRp,
      receivedOn,
      reference: `Transfer premi proyek ${inv.number}`,
      idempotencyKey: `demo.${inv.number.replace(/\//g, '.')}`,
    });
  }
}

/**
 * Construction workers (JAKON) through the branch's flows: contractors registered as employers,
 * each project registered and its premium paid, then its workers added (covered from the project's
 * start to its end).
 */
export async function loadConstruction(
  deps: Deps,
  clock: DemoClock,
  people: PersonFactory,
  rnd: Random,
  kecamatan: string[],
  progress: (msg: string) => void,
) {
  const cabang = await demoUser(deps, 'cabang.atambua');
  const villages = await villagesOf(deps.db, DEMO_REGENCY);
  clock.set('2022-08-15');
  for (const [i, name] of CONTRACTORS.entries()) {
    const npp = `1304${3001 + i}`;
    if (await employerExists(deps.db, npp)) continue;
    await registerEmployer(deps, cabang, {
      npp,
      name,
      businessTypeCode: 'perdagangan',
      riskGroup: 4,
      riskGroupReason: 'Jasa konstruksi: jenis usaha belum ada di daftar; kelompok ditetapkan petugas cabang',
      scale: 'medium',
      regionCode: DEMO_REGENCY,
    });
  }
  const projects = demoProjects(rnd, villages);
  let added = 0;
  for (const [i, p] of projects.entries()) {
    const crew = Array.from({ length: p.workers }, () => {
      const x = people.person(rnd.pick(kecamatan), 1965, 2004);
      return { nik: x.nik, fullName: x.fullName, birthDate: x.birthDate, sex: x.sex };
    });
    const found = await projectWithWorkers(deps.db, p.projectNumber);
    if ((found?.workers ?? 0) > 0) continue;
    if (!found) {
      clock.set(p.startDate, 9);
      const { workers: _, ...input } = p;
      await registerProject(deps, cabang, input);
    }
    clock.set(p.startDate, 11);
    await payProjectPremium(deps, cabang, p.projectNumber, p.startDate);
    clock.set(p.startDate, 13);
    added += (await changeProjectWorkers(deps, cabang, p.projectNumber, { add: crew })).added;
    if ((i + 1) % 25 === 0) progress(`  projects ${i + 1}/${projects.length}`);
  }
  return { projects: projects.length, added };
}
