// Stage 2 — communication loop, in callback style: one client, many messages, until the client leaves.
import { createServer } from 'node:net';

const port = Number(process.env.PORT ?? 5000);

function upperAscii(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((b) => (b >= 0x61 && b <= 0x7a ? b - 0x20 : b)));
}

const server = createServer((socket) => {
  server.close(); // one client only
  // The loop is the event: "data" comes once for every chunk that arrives, as long as the client talks.
  socket.on('data', (chunk: Buffer) => socket.write(upperAscii(chunk)));
  // "end": the read found the stream ended, the client sent FIN. end() sends ours.
  socket.on('end', () => socket.end());
  // A reset arrives as "error": with no listener, it would end the whole process.
  socket.on('error', (err: NodeJS.ErrnoException) => console.error(`client left abruptly: ${err.code ?? err}`));
});
server.listen(port, () => console.log(`listening on port ${port}`));
