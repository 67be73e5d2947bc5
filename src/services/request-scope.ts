// The adapters' way to tell the database layer which request it works for (issue 14, B3).
export { type RequestScope, runInRequestScope } from '../db/request-scope.ts';
