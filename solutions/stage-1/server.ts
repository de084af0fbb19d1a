// Stage 1 — one-shot service: one client, one message, one reply, then exit.
import { once } from 'node:events';
import { createServer } from 'node:net';

const port = Number(process.env.PORT ?? 5000);

// TCP carries bytes, not characters: change only the bytes a–z, leave every other byte alone.
function upperAscii(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((b) => (b >= 0x61 && b <= 0x7a ? b - 0x20 : b)));
}

const server = createServer().listen(port, () => console.log(`listening on port ${port}`));

const [socket] = (await once(server, 'connection')) as [import('node:net').Socket];
server.close(); // one client only: stop listening, so the process can exit once this talk is over
socket.on('error', (err) => console.error(`client error: ${err.message}`));
// end() sends the reply, then FIN; once the socket and the server are closed, Node exits with 0.
socket.once('data', (message: Buffer) => socket.end(upperAscii(message)));
