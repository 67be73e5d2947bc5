import { getHome } from '../api/home.ts';
import { Icon } from '../components/Icon.tsx';
import { LinkRow } from '../components/LinkRow.tsx';
import { LoadView } from '../components/LoadView.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { formatCount } from '../format.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { HOME_PATH, menuFor } from '../nav.ts';
import { Link, regionPath } from '../router.tsx';
import { type HomeLine, homeLines } from './home/todos.ts';
import type { PageProps } from './pageProps.ts';
import { useLoad } from './useLoad.ts';
import '../home.css';

// The staff home page: what waits for the user (counts in their scope, each linking to the page
// that acts on it), what waits on others, and the role's key tasks.

export function HomePage({ user, onUnauthenticated }: PageProps) {
  const { t, language } = useI18n();
  const { state, reload } = useLoad(`home:${language}`, getHome, onUnauthenticated);
  const shortcuts = menuFor(user.role, user.permissions).key.filter((item) => item.path !== HOME_PATH);
  return (
    <div className="stack">
      <PageHead title={t('home.title')} intro={t('home.greeting', { name: user.displayName })} />
      <LoadView state={state} retry={reload}>
        {(home) => {
          const lines = homeLines(home, user.permissions);
          // What needs doing first, biggest queue first; nothing waiting goes last.
          const todos = lines
            .filter((line) => line.kind === 'todo')
            .sort((a, b) => Number(b.count > 0) - Number(a.count > 0) || b.count - a.count);
          const infos = lines.filter((line) => line.kind === 'info');
          return (
            <>
              <section className="stack" aria-labelledby="home-todo">
                <h2 id="home-todo">{t('home.todo.title')}</h2>
                {todos.some((line) => line.count > 0) ? null : <p className="muted">{t('home.todo.none')}</p>}
                {todos.length > 0 ? <HomeLines lines={todos} labelledBy="home-todo" /> : null}
              </section>
              {infos.length > 0 ? (
                <section className="stack" aria-labelledby="home-info">
                  <h2 id="home-info">{t('home.info.title')}</h2>
                  <HomeLines lines={infos} labelledBy="home-info" />
                </section>
              ) : null}
            </>
          );
        }}
      </LoadView>
      {shortcuts.length > 0 ? (
        <section className="stack" aria-labelledby="home-shortcuts">
          <h2 id="home-shortcuts">{t('home.shortcuts.title')}</h2>
          <ul className="home-shortcuts" aria-labelledby="home-shortcuts">
            {shortcuts.map((item) => (
              <li key={item.path}>
                <Link to={item.path}>
                  <Icon name={item.icon} />
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {user.homeRegion ? (
        <p>
          <Link to={regionPath(user.homeRegion)}>{t('home.region', { name: user.scope.name })}</Link>
        </p>
      ) : null}
    </div>
  );
}

function HomeLines({ lines, labelledBy }: { lines: HomeLine[]; labelledBy: string }) {
  const { t, language } = useI18n();
  return (
    <ul className="link-list home-lines" aria-labelledby={labelledBy}>
      {lines.map((line) => (
        <li key={line.label} className={line.count > 0 ? 'home-line-due' : 'home-line-clear'}>
          <LinkRow to={line.path}>
            <span className="link-title">
              <span className="home-count">{formatCount(line.count, language)}</span> {t(line.label)}
            </span>
          </LinkRow>
        </li>
      ))}
    </ul>
  );
}
