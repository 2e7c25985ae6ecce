// Popup entrypoint: mounts the Preact app; the popup reads Dexie directly (same origin).
import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { openDatabase } from '../../lib/db/database';
import '../../components/popup.css';

render(<PopupApp db={openDatabase()} />, document.getElementById('app')!);
