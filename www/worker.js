// The page's Worker: runs the same module as the page (src/ui/worker.rs). The page sends the module
// it has already compiled as its first message, so the Worker only instantiates it (compiling the
// 1.3 MB module again took most of the Worker's start); anything else first means it fetches and
// compiles the .wasm itself. The messages that arrive while the module starts wait in
// `self.queued`; the module takes them first. A trap in the module inside a promise would end as an
// unhandled rejection, which a Worker keeps to itself: thrown again from a timer, it reaches the
// page as the Worker's `error` event, and the page shows its error banner.
self.queued = [];
const first = new Promise((resolve) => {
  self.onmessage = (event) => {
    self.onmessage = (later) => self.queued.push(later.data);
    if (event.data instanceof WebAssembly.Module) {
      resolve(event.data);
    } else {
      self.queued.push(event.data);
      resolve(new URL('./cert-preflight_bg.wasm', import.meta.url));
    }
  };
});
self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  setTimeout(() => { throw event.reason; }, 0);
});

const [{ default: init }, module] = await Promise.all([import('./cert-preflight.js'), first]);
await init({ module_or_path: module });
