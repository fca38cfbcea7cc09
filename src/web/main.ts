/**
 * The web host entry (dist/web-host.js), loaded by the page before dist/webview.js: it defines
 * `acquireVsCodeApi` and starts dist/web-worker.js for training.
 */
import { installWebHost } from './host';

installWebHost('/dist/web-worker.js');
