// JHT accounts: what other services may call.
export { jhtBalance, jhtStatement } from './accounts.ts';
export { applyJhtReturns } from './apply-returns.ts';
export { creditJhtContributions } from './credit-contributions.ts';
export { recordJhtOpeningBalance } from './opening-balance.ts';
export { listJhtReturnRates, setJhtReturnRate } from './return-rates.ts';
