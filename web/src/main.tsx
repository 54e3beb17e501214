import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { App } from './app';

const root = document.getElementById('app')!;
// The page's "Loading the dashboard…" goes: Preact keeps what it did not render itself.
root.replaceChildren();
render(<App />, root);
