// Every page has its own browser title (tabs, history, screen readers announce it): the page's
// heading, then the app. One observer for the whole app, so no page can forget it, and pages
// whose heading arrives with their data still get it.

const APP = 'lindung · BPJS Ketenagakerjaan';

export function titleFor(heading: string | null | undefined): string {
  const text = heading?.replace(/\s+/g, ' ').trim();
  return text ? `${text} · ${APP}` : APP;
}

/** Keeps document.title on the page's heading (the first <h1> in <main>); returns the stop function. */
export function followHeadingInTitle(root: HTMLElement = document.body): () => void {
  const update = () => {
    const heading = root.querySelector('main h1') ?? root.querySelector('h1');
    const next = titleFor(heading?.textContent);
    if (document.title !== next) document.title = next;
  };
  const observer = new MutationObserver(update);
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  update();
  return () => observer.disconnect();
}
