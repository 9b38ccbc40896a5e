import { render } from 'preact';
import '../../components/tend.css';
import { localisePage } from '../../components/localise-page';
import { App } from './App';

localisePage('optionsTitle');
render(<App />, document.getElementById('app')!);
