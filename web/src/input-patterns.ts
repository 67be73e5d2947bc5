// The shapes the forms accept before sending: a calendar date, a billing period, a regency code.
// The server validates again; these only spare a round trip and give a local message.

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const REGENCY_CODE_PATTERN = /^\d{2}\.\d{2}$/;
