// The server marks the page it sends with <meta name="lindung-session" content="none"> when the
// browser sent no session cookie (src/http/web-page.ts): then nobody is signed in for sure, and
// the login form shows at once instead of after a round trip to /api/v1/auth/me. Without the
// mark (a cookie was sent, or the Vite dev server sent the page) the app asks the server.

export function surelySignedOut(): boolean {
  return document.querySelector('meta[name="lindung-session"]')?.getAttribute('content') === 'none';
}
