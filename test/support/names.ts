// Generated people need names a person could have: the personal-name rule (src/hygiene.ts)
// refuses digits, so a serial becomes letters (1 → "A", 26 → "Z", 27 → "Aa", 703 → "Aaa").
export function serialName(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s.charAt(0).toUpperCase() + s.slice(1);
}
