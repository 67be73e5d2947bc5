import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { preloadChartsFor } from './charts/load-echarts.ts';
import { followHeadingInTitle } from './document-title.ts';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { surelySignedOut } from './session-hint.ts';
import './styles.css';

// A dashboard opened directly (bookmark, reload): its chart library downloads alongside the
// session check and the page's data rather than after them.
if (!surelySignedOut()) preloadChartsFor(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
followHeadingInTitle();
