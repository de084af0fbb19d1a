// Stage 3 — connection loop: serve one client after another, whether they leave politely or not.
import { on } from 'node:events';
import { createServer, type Socket } from 'node:net';

const port = Number(process.env.PORT ?? 5000);

function upperAscii(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((b) => (b >= 0x61 && b <= 0x7a ? b - 0x20 : b)));
}

// pauseOnConnect: a waiting client is not read until its turn, so it waits like one in the backlog.
const server = createServer({ pauseOnConnect: true });
server.listen(port, () => console.log(`listening on port ${port}`));

for await (const [socket] of on(server, 'connection') as AsyncIterable<[Socket]>) {
  try {
    for await (const chunk of socket) socket.write(upperAscii(chunk as Buffer));
    socket.end();
  } catch (err) {
    // ECONNRESET on a read, EPIPE on a write: this client vanished. The server lives on.
    console.error(`client left abruptly: ${(err as NodeJS.ErrnoException).code ?? err}`);
    socket.destroy();
  }
}
