// JHT accounts: what other services may call.
export { type JhtStatementEntry, jhtBalance, jhtStatement } from './accounts.ts';
export { type ApplyReturnsInput, applyJhtReturns } from './apply-returns.ts';
export { type CreditInput, creditJhtContributions } from './credit-contributions.ts';
export { type OpeningBalanceInput, recordJhtOpeningBalance } from './opening-balance.ts';
export {
  listJhtReturnRates,
  type ReturnRate,
  type ReturnRateInput,
  setJhtReturnRate,
} from './return-rates.ts';
