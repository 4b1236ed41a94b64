import { render } from 'preact';
import { App } from './App';
import '@/assets/ui.css';
import './sidepanel.css';

render(<App />, document.getElementById('app')!);
