// Entry of the web app: mounts the shell into index.html.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
// In this order: later sheets refine the base, as the single sheet they came from did.
import './styles/base.css';
import './styles/desk.css';
import './styles/supervisor.css';
import './styles/phone.css';
import './styles/callbacks.css';
import './styles/users.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
