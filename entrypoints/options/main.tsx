import { render } from 'preact';
import '../../components/tend.css';
import { t } from '../../utils/i18n';
import { App } from './App';

// Chrome fills __MSG_…__ only in the manifest and CSS, not in an extension page's HTML.
document.title = t('optionsTitle');
render(<App />, document.getElementById('app')!);
