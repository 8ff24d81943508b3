// The verification-route benchmark's page: runs verify-worker.mjs in a module Worker (where the
// page's analysis is to run, issue 16) and publishes what it reports as window.__verify.
window.__verify = { status: 'running', results: {} };
const status = document.getElementById('status');
const params = new URLSearchParams(location.search);
const worker = new Worker(new URL('./verify-worker.mjs', import.meta.url), { type: 'module' });
worker.onmessage = ({ data }) => {
  if (data.result) {
    window.__verify.results[data.result.name] = data.result;
    status.textContent += `\n${data.result.name}: ${data.result.median_ms.toFixed(1)} ms (${data.result.verified} verified)`;
  }
  if (data.done) window.__verify.status = 'done';
  if (data.error) { window.__verify.status = 'error'; window.__verify.error = data.error; status.textContent += `\n${data.error}`; }
};
worker.onerror = (event) => { window.__verify.status = 'error'; window.__verify.error = event.message; };
worker.postMessage({ quick: params.get('quick') === '1' });
