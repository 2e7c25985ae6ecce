// Options entrypoint: mounts the Preact options app; it reads Dexie directly (same origin).
import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { openDatabase } from '../../lib/db/database';
import '../../components/options/options.css';

render(<OptionsApp db={openDatabase()} />, document.getElementById('app')!);
