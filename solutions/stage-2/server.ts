// Stage 2 — communication loop: one client, many messages, until the client leaves.
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';

const port = Number(process.env.PORT ?? 5000);

function upperAscii(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((b) => (b >= 0x61 && b <= 0x7a ? b - 0x20 : b)));
}

const server = createServer().listen(port, () => console.log(`listening on port ${port}`));
const [socket] = (await once(server, 'connection')) as [Socket];
server.close();

try {
  // The loop ends when a read finds the stream ended: the client sent FIN, it has left.
  for await (const chunk of socket) socket.write(upperAscii(chunk as Buffer));
  socket.end(); // our FIN: we have nothing more to say either
} catch (err) {
  console.error(`client left abruptly: ${(err as NodeJS.ErrnoException).code ?? err}`);
}
