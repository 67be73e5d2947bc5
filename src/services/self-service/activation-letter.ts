// The card letter: one A4 page with the membership card (cut out along its border) and the
// one-time code with which the participant activates the self-service account.
import { AppError } from '../../errors.ts';
import { can, requireInScope } from '../access.ts';
import { type Actor, type Deps, SEES_PERSONAL_DATA } from '../actor.ts';
import { CARD_H, CARD_W, drawCard } from '../card-pdf/card-layout.ts';
import { DEFAULT_PUBLIC_BASE_URL, formatKpj } from '../card-pdf/card-text.ts';
import { newPdf, pdfBytes } from '../card-pdf/document.ts';
import { A4 } from '../card-pdf/sheet-layout.ts';
import { officeDate } from '../clock.ts';
import { tanggal } from '../tanggal-id.ts';
import { issueActivationCode } from './activation-code.ts';

export const ACTIVATE_PAGE_PATH = '/aktivasi-akun';

const MARGIN = 56;
const GREEN = '#0b6e4f';
const INK = '#1a1a1a';
const GREY = '#5f6b66';

/**
 * Prints the letter for an active participant in the caller's scope (404 outside it), issuing a
 * fresh code (any earlier unused code stops working). The letter carries the real name, so only
 * roles that see personal data and may issue codes print it.
 */
export async function activationLetterPdf(
  deps: Deps,
  actor: Actor,
  participantId: number,
  opts: { publicBaseUrl?: string } = {},
): Promise<{ kpj: string; pdf: Buffer; expiresAt: string }> {
  if (!can(actor, 'participants.activation_code') || !SEES_PERSONAL_DATA.includes(actor.role)) {
    throw new AppError('FORBIDDEN');
  }
  const pa = await requireInScope(deps.db, actor, 'participant', participantId);
  const card = await requireInScope(deps.db, actor, 'card', pa.kpj);
  if (card.status !== 'active') {
    throw new AppError('PARTICIPANT_NOT_ACTIVE', { kpj: card.kpj, status: card.status });
  }
  const issued = await issueActivationCode(deps, actor, participantId);
  const baseUrl = (opts.publicBaseUrl ?? DEFAULT_PUBLIC_BASE_URL).replace(/\/+$/, '');
  const doc = newPdf({
    createdAt: deps.clock.now(),
    title: `Surat Kartu dan Aktivasi Akun Peserta ${formatKpj(card.kpj)}`,
    size: A4,
  });
  doc.addPage({ size: A4, margin: 0 });
  const width = A4[0] - 2 * MARGIN;
  let y = MARGIN;
  doc.font('Helvetica-Bold').fontSize(14).fillColor(GREEN);
  doc.text('BPJS Ketenagakerjaan — Kartu Peserta dan Aktivasi Akun', MARGIN, y, { width });
  y += 26;
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  doc.text(`Yth. ${card.fullName}`, MARGIN, y, { width });
  y += 16;
  doc.text(
    'Selamat, Anda terdaftar sebagai peserta. Kartu peserta Anda ada di bawah ini: guntinglah mengikuti ' +
      'garis tepinya dan simpan baik-baik.',
    MARGIN,
    y,
    { width },
  );
  y += 36;
  const cardX = (A4[0] - CARD_W) / 2;
  drawCard(doc, cardX, y, { card, publicBaseUrl: baseUrl });
  y += CARD_H + 30;
  doc.font('Helvetica-Bold').fontSize(12).fillColor(GREEN);
  doc.text('Aktivasi akun peserta', MARGIN, y, { width });
  y += 20;
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  doc.text(
    `Dengan akun peserta Anda dapat melihat kartu, program, masa perlindungan, riwayat iuran, saldo JHT ` +
      `dan status klaim dari ponsel. Buka ${baseUrl}${ACTIVATE_PAGE_PATH}, isi nomor KPJ dan kode aktivasi ` +
      'di bawah, lalu buat kata sandi Anda sendiri (paling sedikit 10 karakter). Setelah itu masuk dengan ' +
      'nomor KPJ dan kata sandi tersebut.',
    MARGIN,
    y,
    { width },
  );
  y += 64;
  const box = { x: MARGIN, w: width, h: 74 };
  doc.roundedRect(box.x, y, box.w, box.h, 6).lineWidth(1).stroke(GREEN);
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(GREY)
    .text('NOMOR KPJ', box.x + 16, y + 12, { lineBreak: false });
  doc
    .font('Courier-Bold')
    .fontSize(16)
    .fillColor(INK)
    .text(formatKpj(card.kpj), box.x + 16, y + 26, {
      lineBreak: false,
    });
  const codeX = box.x + box.w / 2;
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(GREY)
    .text('KODE AKTIVASI', codeX, y + 12, { lineBreak: false });
  doc
    .font('Courier-Bold')
    .fontSize(16)
    .fillColor(INK)
    .text(issued.code, codeX, y + 26, { lineBreak: false });
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor(GREY)
    .text(
      `Berlaku sampai ${tanggal(officeDate(issued.expiresAt))}, hanya sekali pakai.`,
      box.x + 16,
      y + 52,
      {
        width: box.w - 32,
        lineBreak: false,
      },
    );
  y += box.h + 20;
  doc.font('Helvetica').fontSize(9).fillColor(INK);
  doc.text(
    'Jangan berikan kode ini kepada siapa pun, termasuk petugas. Kode tidak berlaku lagi setelah dipakai, ' +
      'setelah lima kali salah ketik, atau bila kantor cabang mencetak surat baru. Bila kode hilang atau ' +
      'kedaluwarsa, minta surat baru di kantor cabang dengan membawa KTP.',
    MARGIN,
    y,
    { width },
  );
  return { kpj: card.kpj, pdf: await pdfBytes(doc), expiresAt: issued.expiresAt };
}
