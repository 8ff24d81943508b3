// The page's Worker: loads the same module as the page (cert-preflight.js and its .wasm, fetched
// from this origin, cached once) and lets it answer the page's messages (src/ui/worker.rs). The
// messages that arrive while the module loads wait in `self.queued`; the module takes them first.
// A trap in the module inside a promise would end as an unhandled rejection, which a Worker keeps
// to itself: thrown again from a timer, it reaches the page as the Worker's `error` event, and the
// page shows its error banner.
self.queued = [];
self.onmessage = (event) => self.queued.push(event.data);
self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  setTimeout(() => { throw event.reason; }, 0);
});

const { default: init } = await import('./cert-preflight.js');
await init({ module_or_path: new URL('./cert-preflight_bg.wasm', import.meta.url) });
