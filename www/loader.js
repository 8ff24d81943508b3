// Starts the WebAssembly app, shows an error instead of a dead page if it ever fails, and registers
// the service worker that keeps the page working offline (www/sw.js). A file of its own (not an
// inline script) so that the page's Content-Security-Policy can forbid inline scripts. Its only
// fetch is the .wasm beside it; the worker fetches the page's own files, from this origin only.
import init from './cert-preflight.js';

const app = document.getElementById('app');

// What this file says, in the page's language (<html lang>, which the app keeps in step with the
// language switch; before the app starts, the browser's).
const TEXT = {
  en: {
    stopped: (at) => `cert-preflight hit an internal error${at ? ` at ${at}` : ''} and has stopped. `
      + 'Nothing was sent anywhere. What you typed is still in the boxes below: copy it, then reload the page '
      + 'to start again, and please report this.',
    noWasm: 'cert-preflight could not start in this browser (WebAssembly failed to load). '
      + 'Nothing you pasted was sent anywhere.',
    update: 'A new version of cert-preflight is ready.',
    reload: 'Reload',
    reloadNote: 'Reloading clears what you typed.',
  },
  zh: {
    stopped: (at) => `cert-preflight 遇到内部错误${at ? `（位置：${at}）` : ''}，已停止运行。`
      + '没有任何内容被发送出去。您输入的内容仍在下方的输入框中：请先复制，然后重新加载页面，并请报告此问题。',
    noWasm: 'cert-preflight 无法在此浏览器中启动（WebAssembly 加载失败）。您粘贴的内容没有被发送到任何地方。',
    update: 'cert-preflight 的新版本已就绪。',
    reload: '重新加载',
    reloadNote: '重新加载会清空您输入的内容。',
  },
};
function text() {
  const lang = document.documentElement.lang || navigator.language || 'en';
  return lang.toLowerCase().startsWith('zh') ? TEXT.zh : TEXT.en;
}

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
  banner.textContent = text().stopped(at);
  document.body.prepend(banner);
  banner.scrollIntoView({ block: 'start' });
}
window.addEventListener('error', (event) => stopped(event.error));
window.addEventListener('unhandledrejection', (event) => stopped(event.reason));

// The service worker registers once the app has started and the page is idle: its install fetches
// and hashes every file of the build again (the .wasm included), which on a first visit would
// otherwise compete with compiling the module and the first render (bench/README.md, "Load").
const whenIdle = (task) => (window.requestIdleCallback
  ? window.requestIdleCallback(task, { timeout: 2000 })
  : setTimeout(task, 200));
init({ module_or_path: new URL('./cert-preflight_bg.wasm', import.meta.url) }).catch((error) => {
  if (app) app.textContent = text().noWasm;
  console.error('cert-preflight failed to start', error);
}).finally(() => whenIdle(keepOffline));

// "A new version is ready": a banner with a button that lets the waiting worker take over; the
// page reloads when it has (controllerchange), so it never runs on the files of two versions.
function offerUpdate(worker) {
  if (document.getElementById('update')) return;
  const t = text();
  const banner = document.createElement('div');
  banner.id = 'update';
  banner.className = 'update';
  banner.setAttribute('role', 'status');
  banner.dataset.testid = 'update';
  const message = document.createElement('span');
  message.textContent = `${t.update} ${t.reloadNote}`;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.dataset.testid = 'update-reload';
  button.textContent = t.reload;
  button.addEventListener('click', () => worker.postMessage('skip-waiting'));
  banner.append(message, ' ', button);
  document.body.prepend(banner);
}

async function keepOffline() {
  // Service workers need a secure context (https, or http on localhost/127.0.0.1).
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const controlled = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) window.location.reload();
  });
  let registration;
  try {
    registration = await navigator.serviceWorker.register('./sw.js', { updateViaCache: 'none' });
  } catch {
    return; // offline on a first visit, or a host without sw.js: the page works as before
  }
  const offer = (worker) => {
    if (worker && navigator.serviceWorker.controller) offerUpdate(worker);
  };
  offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') offer(worker);
    });
  });
}
