// On the server: the app as HTML (renderToString), for the hydration test.
import { renderToString } from 'react-dom/server';
import { App } from './app.tsx';

export const render = () => renderToString(<App />);
