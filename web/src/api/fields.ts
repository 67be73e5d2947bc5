// The forms check their fields with the server's own schemas (src/contracts/fields.ts) before
// sending; the server checks again. One definition of each format for both sides.
export { IsoDate, Period, passes, RegencyCode } from '../../../src/contracts/fields.ts';
