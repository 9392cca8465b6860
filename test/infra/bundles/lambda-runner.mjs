// A Lambda container for tests: a fresh Node.js process that imports one bundle natively (as the Node.js
// runtime does, untransformed by vitest), reports its init time, then runs each event the parent sends
// over IPC through the exported handler and sends back the result or the error.
// Arguments: the bundle's index.mjs path and the exported handler's name.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [entry, exportName = 'handler'] = process.argv.slice(2);
const send = (message) => process.send?.(message);
// Without its parent there is nobody to answer: end, as a container does when its runtime goes.
process.on('disconnect', () => process.exit(0));

const started = performance.now();
let handler;
try {
  const mod = await import(pathToFileURL(entry).href);
  handler = mod[exportName];
  if (typeof handler !== 'function') throw new Error(`${entry} exports no function ${exportName}`);
} catch (err) {
  send({ type: 'init-error', error: { name: err.name, message: err.message, stack: err.stack } });
  process.exit(1);
}
send({ type: 'ready', initMs: performance.now() - started });

process.on('message', async ({ id, event, context }) => {
  const deadline = Date.now() + context.timeoutMs;
  const lambdaContext = { ...context, getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()) };
  try {
    const result = await handler(event, lambdaContext);
    send({ type: 'result', id, result: result ?? null });
  } catch (err) {
    send({ type: 'result', id, error: { name: err.name, message: err.message } });
  }
});
