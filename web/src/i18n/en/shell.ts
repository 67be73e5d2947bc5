import type { ShellMessageKey } from '../id/shell.ts';

// English strings of the app shell: name, language, login, header, main menu, charts; keys match ../id/shell.ts exactly (the type checks it).

export const shellEn: Record<ShellMessageKey, string> = {
  'app.name': 'lindung',
  'app.tagline': 'Employment Social Security',
  'app.loading': 'Loading…',
  'app.loadFailed': 'Could not load the data. Check the connection and try again.',
  'app.retry': 'Try again',
  'app.skipToContent': 'Skip to content',

  'language.label': 'Language',
  'language.id': 'Indonesia',
  'language.en': 'English',

  'login.title': 'Log in',
  'login.intro': 'Log in with the account given to you by the district office or the branch office.',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.submitting': 'Logging in…',
  'login.required': 'Enter your username and password.',

  'header.logout': 'Log out',
  'header.account': 'Account',

  'nav.label': 'Main menu',
  'nav.regions': 'Regions',
  'nav.users': 'Users',
  'nav.audit': 'Audit log',
  'nav.enrolmentSubmit': 'Enrolment',
  'nav.enrolmentVerify': 'Verification',
  'nav.enrolmentActivate': 'Activation',
  'nav.billing': 'Billing',
  'nav.claims': 'Claims',
  'nav.claimsCheck': 'Claim approval',
  'nav.reports': 'Reports',
  'nav.dashboardDistrict': 'District dashboard',
  'nav.dashboardBranch': 'Branch dashboard',

  'chart.showTable': 'Show as table',
  'chart.showChart': 'Show as chart',
  'chart.csv': 'CSV',
  'chart.loadFailed': 'The chart could not be loaded. Use the table view.',
};
