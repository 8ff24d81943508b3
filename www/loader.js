// Starts the WebAssembly app, and shows an error instead of a dead page if it ever fails. A file
// of its own (not an inline script) so that the page's Content-Security-Policy can forbid inline
// scripts. The only fetch it makes is the .wasm beside it.
import init from './cert-preflight.js';

const app = document.getElementById('app');

// A Rust panic aborts (release build), and an abort or any other trap (out of memory) reaches the
// page as an uncaught WebAssembly.RuntimeError, from an event handler or from a promise. The app
// is then stopped: say so above it, and leave everything typed in the boxes to be copied.
// Where: the panic hook's file:line when a build has one (data-panic-at); the page's own build
// traps at once with no hook (scripts/build-page.sh), so the innermost wasm frame of the trap's
// stack, "wasm-function[index]:0xoffset", which names the function in that build.
function stopped(error) {
  if (!(error instanceof WebAssembly.RuntimeError) || document.getElementById('panic')) return;
  const at = app?.dataset.panicAt || /wasm-function\[\d+\]:0x[0-9a-f]+/.exec(String(error.stack))?.[0];
  const banner = document.createElement('div');
  banner.id = 'panic';
  banner.className = 'panic';
  banner.setAttribute('role', 'alert');
  banner.dataset.testid = 'panic';
  banner.textContent = `cert-preflight hit an internal error${at ? ` at ${at}` : ''} and has stopped. `
    + 'Nothing was sent anywhere. What you typed is still in the boxes below: copy it, then reload the page '
    + 'to start again, and please report this.';
  document.body.prepend(banner);
  banner.scrollIntoView({ block: 'start' });
}
window.addEventListener('error', (event) => stopped(event.error));
window.addEventListener('unhandledrejection', (event) => stopped(event.reason));

init({ module_or_path: new URL('./cert-preflight_bg.wasm', import.meta.url) }).catch((error) => {
  if (app) {
    app.textContent = 'cert-preflight could not start in this browser (WebAssembly failed to load). ' +
      'Nothing you pasted was sent anywhere.';
  }
  console.error('cert-preflight failed to start', error);
});
