// Starts the WebAssembly app. A file of its own (not an inline script) so that the page's
// Content-Security-Policy can forbid inline scripts. The only fetch it makes is the .wasm beside it.
import init from './cert-preflight.js';

init({ module_or_path: new URL('./cert-preflight_bg.wasm', import.meta.url) }).catch((error) => {
  const app = document.getElementById('app');
  if (app) {
    app.textContent = 'cert-preflight could not start in this browser (WebAssembly failed to load). ' +
      'Nothing you pasted was sent anywhere.';
  }
  console.error('cert-preflight failed to start', error);
});
