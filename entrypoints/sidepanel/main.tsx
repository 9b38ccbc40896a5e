import { render } from 'preact';
import '../../components/tend.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
