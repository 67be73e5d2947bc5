// `lindung calc contribution|benefit --json '<input>'`: the public calculator from the shell.
// Without --output json it prints the readable explanation; invalid input exits 2 naming the field.
import type { Command } from 'commander';
import type { Lang } from '../errors.ts';
import { calculateBenefit, calculateContribution } from '../services/calculate.ts';
import { explainBenefit, explainContribution } from '../services/explain-calculation.ts';
import { cliLang, fail, printJson, usageError } from './context.ts';

interface CalcOptions {
  json: string;
  lang?: string;
  output?: string;
}

function parseInput(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    return usageError(`--json: bukan JSON yang valid / not valid JSON (${(e as Error).message})`);
  }
}

function langOf(o: CalcOptions): Lang {
  if (o.lang === undefined) return cliLang();
  if (o.lang !== 'id' && o.lang !== 'en') return usageError('--lang: id | en');
  return o.lang;
}

function action(kind: 'contribution' | 'benefit') {
  return (o: CalcOptions) => {
    try {
      const lang = langOf(o);
      const input = parseInput(o.json);
      if (o.output !== undefined && o.output !== 'json' && o.output !== 'text')
        usageError('--output: json | text');
      if (kind === 'contribution') {
        const r = calculateContribution(input);
        const period = (input as { period?: string }).period;
        if (o.output === 'json') printJson(r);
        else console.log(explainContribution(r, lang, period));
      } else {
        const r = calculateBenefit(input);
        if (o.output === 'json') printJson(r);
        else console.log(explainBenefit(r, lang));
      }
    } catch (e) {
      fail(e);
    }
  };
}

export function register(program: Command): void {
  const calc = program
    .command('calc')
    .description('kalkulator iuran dan manfaat / contribution and benefit calculator');
  for (const [kind, what] of [
    ['contribution', 'iuran satu bulan / one month of contributions'],
    ['benefit', 'manfaat dan kelayakan / benefit and eligibility'],
  ] as const) {
    calc
      .command(kind)
      .description(what)
      .requiredOption(
        '--json <input>',
        'input as JSON, e.g. \'{"segment":"BPU","period":"2025-06","wageRp":1000000}\'',
      )
      .option('--lang <lang>', 'id | en (default: LINDUNG_LANG or id)')
      .option('--output <format>', 'json | text (default text: readable explanation)')
      .action(action(kind));
  }
}
