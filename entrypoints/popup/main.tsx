import { render } from 'preact';
import '../../components/shared/tend.css';
import { localisePage } from '../../components/shared/localise-page';
import { App } from './App';

localisePage('extName');
render(<App />, document.getElementById('app')!);
