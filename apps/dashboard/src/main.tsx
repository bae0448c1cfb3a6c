import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { captureTokenFromAddress } from './api';
import { App } from './App';
import { LANGUAGE_KEY } from './i18n';
import './styles.css';

captureTokenFromAddress();
document.documentElement.lang = localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'vi';
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
