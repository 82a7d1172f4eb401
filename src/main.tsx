import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import './ui/styles.css';

// `/?gallery` is a developer page of every chart with made-up data; it is a lazy chunk of its own.
const Gallery = lazy(() => import('./ui/gallery/Gallery'));
const gallery = new URLSearchParams(location.search).has('gallery');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {gallery ? <Suspense fallback={null}><Gallery /></Suspense> : <App />}
  </StrictMode>,
);
