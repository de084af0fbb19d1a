// Stage 1 — one-shot service. Read stages/stage-1/README.md, then grade with: npm run grade stage-1
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';

const port = Number(process.env.PORT ?? 5000);

// TCP carries bytes, not characters: change only the bytes a–z, leave every other byte alone.
function upperAscii(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((b) => (b >= 0x61 && b <= 0x7a ? b - 0x20 : b)));
}

const server = createServer().listen(port, () => console.log(`listening on port ${port}`));

const [socket] = (await once(server, 'connection')) as [Socket];
console.log(`a client connected from port ${socket.remotePort}`);

// TODO: this server accepts one client and then does nothing with it. Make it:
//   1. read one message from the socket (the 'data' event hands you a Buffer),
//   2. send it back with upperAscii(),
//   3. close the connection (socket.end) and stop listening (server.close),
// so that the process ends by itself, with exit status 0.
void upperAscii;
