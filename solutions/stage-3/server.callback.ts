// Stage 3 — connection loop, in callback style: serve one client after another, whether they leave
// politely or not. createServer's function is the loop: it is called for every client as it connects,
// for as long as the server listens (so no server.close() here).
import { createServer } from 'node:net';

const port = Number(process.env.PORT ?? 5000);

function upperAscii(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((b) => (b >= 0x61 && b <= 0x7a ? b - 0x20 : b)));
}

const server = createServer((socket) => {
  // First of all: Node reads every connection at once, even one still waiting its turn, so a reset can
  // arrive before anything else. An "error" nobody listens to ends the process; this ends one client.
  socket.on('error', (err: NodeJS.ErrnoException) => {
    console.error(`client left abruptly: ${err.code ?? err}`);
    socket.destroy();
  });
  socket.on('data', (chunk: Buffer) => socket.write(upperAscii(chunk)));
  socket.on('end', () => socket.end());
});
server.listen(port, () => console.log(`listening on port ${port}`));
