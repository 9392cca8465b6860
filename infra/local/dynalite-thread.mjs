// dynalite on a worker thread: the same server as dynalite-server.ts (HTTP on a random local port, in
// memory or on disk), with its event loop to itself. Requests handed over in process arrive as messages and
// are answered as messages; a request's many small steps inside dynalite then no longer wait behind the
// twin's and the app's work on the main thread, and the second core does dynalite's share.
//
// Plain JavaScript, so the thread starts the same under tsx, vitest and plain Node without a loader.
// Messages in: { id, method, url, headers, body } (body the request's JSON text) and { stop: true }.
// Messages out: { ready: true, port }, { id, statusCode, headers, body } and { stopped: true }.
import { EventEmitter } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import dynalite from 'dynalite';

const server = dynalite({
  ...(workerData?.path ? { path: workerData.path } : {}),
  createTableMs: 0,
  deleteTableMs: 0,
  updateTableMs: 0,
});
const listeners = server.listeners('request');
server.removeAllListeners('request');

// Every request, over the socket or by message, is counted until dynalite answers it: stopping waits for
// them, since dynalite would otherwise write to a database closed under it (see dynalite-server.ts).
let open = true;
let count = 0;
let idle;
const answered = () => {
  count -= 1;
  if (count === 0) idle?.();
};
server.on('request', (req, res) => {
  if (!open) {
    res.socket?.destroy();
    return;
  }
  count += 1;
  const end = res.end;
  let done = false;
  res.end = function (...args) {
    if (!done) {
      done = true;
      answered();
    }
    return end.apply(this, args);
  };
  for (const listener of listeners) listener(req, res);
});

parentPort.on('message', (message) => {
  if (message.stop) {
    open = false;
    const close = () => server.close(() => parentPort.postMessage({ stopped: true }));
    if (count === 0) close();
    else idle = close;
    return;
  }
  const { id, method, url, headers, body } = message;
  if (!open) {
    parentPort.postMessage({ id, refused: true });
    return;
  }
  count += 1;
  const req = Object.assign(new EventEmitter(), { method, url, headers });
  const answer = {};
  let done = false;
  // What dynalite's listener uses of a response: statusCode, setHeader, end(body), contentType.
  const res = {
    statusCode: 200,
    contentType: undefined,
    setHeader(name, value) {
      answer[name.toLowerCase()] = String(value);
    },
    end(text) {
      if (done) return;
      done = true;
      parentPort.postMessage({ id, statusCode: res.statusCode, headers: answer, body: text ?? '' });
      answered();
    },
  };
  for (const listener of listeners) listener(req, res);
  if (body) req.emit('data', Buffer.from(body, 'utf8'));
  req.emit('end');
});

// As in dynalite-server.ts: idle kept-alive sockets outlive the SDK's reuse of them.
server.keepAliveTimeout = 120_000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ ready: true, port: server.address().port }));
