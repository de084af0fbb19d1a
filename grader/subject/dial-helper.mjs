// Runs inside a grade's sandbox (see sandbox.ts), whose network the grader can't reach: it opens each of
// the grader's client connections there and hands the connected socket over the IPC channel. The
// socket stays in the sandbox's network, so to the server it is an ordinary loopback client, and the
// grader uses it as its own. Plain JavaScript: it starts with Node alone, once per sandboxed grade.
//   grader → helper   { id, port, host }: connect     { cancel: id }: the grader's deadline passed
//   helper → grader   { id, ok: true } with the socket, or { id, ok: false, code }: one answer per id
import { connect } from 'node:net';

const connecting = new Map();

process.on('message', (msg) => {
  if (msg.cancel !== undefined) {
    const socket = connecting.get(msg.cancel);
    if (!socket) return; // answered already: the socket is on its way
    connecting.delete(msg.cancel);
    socket.destroy();
    process.send({ id: msg.cancel, ok: false, code: 'ETIMEDOUT' });
    return;
  }
  const socket = connect({ port: msg.port, host: msg.host, allowHalfOpen: true, noDelay: true });
  socket.pause(); // not one byte is read here: whatever the server sends is the grader's to see
  connecting.set(msg.id, socket);
  socket.once('connect', () => {
    connecting.delete(msg.id);
    process.send({ id: msg.id, ok: true }, socket);
  });
  socket.once('error', (err) => {
    if (!connecting.delete(msg.id)) return;
    socket.destroy();
    process.send({ id: msg.id, ok: false, code: err.code ?? err.message });
  });
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true }); // the grader's dials wait for this (servers may have joined already)
