import './ui/tokens.css';
import './ui/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { Providers } from './app/Providers.tsx';
import { createAppRouter } from './app/router.tsx';
import { startI18n } from './i18n/i18n.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The router starts fetching the page's code at once, while the words of the page's language
// arrive beside it: neither waits for the other.
const router = createAppRouter();

startI18n().then(
  () => {
    createRoot(container).render(
      <StrictMode>
        <Providers>
          <RouterProvider router={router} />
        </Providers>
      </StrictMode>,
    );
  },
  () => {
    // The words of the page could not be fetched, so say it in both languages, plainly.
    const message = document.createElement('p');
    message.className = 'page-loading';
    message.textContent =
      'We could not reach Restorativ. Check your connection, then reload the page. · No pudimos conectar con Restorativ. Revise su conexión y vuelva a cargar la página.';
    container.replaceChildren(message);
  },
);
