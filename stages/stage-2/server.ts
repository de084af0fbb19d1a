// Stage 2 — communication loop. Read stages/stage-2/README.md, then grade with: npm run grade stage-2
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';

const port = Number(process.env.PORT ?? 5000);

function upperAscii(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((b) => (b >= 0x61 && b <= 0x7a ? b - 0x20 : b)));
}

const server = createServer().listen(port, () => console.log(`listening on port ${port}`));
const [socket] = (await once(server, 'connection')) as [Socket];
server.close();
socket.on('error', (err) => console.error(`client error: ${err.message}`));

// TODO: this is the one-shot server of stage 1: it answers one message and hangs up.
// Answer every message instead, for as long as the client stays, and close when it leaves.
// Hint: `for await (const chunk of socket) { ... }` reads until the client sends FIN.
socket.once('data', (message: Buffer) => socket.end(upperAscii(message)));
