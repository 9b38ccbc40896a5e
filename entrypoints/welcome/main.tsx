import { render } from 'preact';
import '../../components/shared/tend.css';
import '../../components/welcome/welcome.css';
import { localisePage } from '../../components/shared/localise-page';
import { App } from './App';

localisePage('welcomeTitle');
render(<App />, document.getElementById('app')!);
