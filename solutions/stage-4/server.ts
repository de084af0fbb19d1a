// Stage 4 — concurrency: serve every client at once, each at the pace it reads.
import { on } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { pipeline } from 'node:stream/promises';

const port = Number(process.env.PORT ?? 5000);

// A plain loop rather than bytes.map(): several times faster, and this stage moves megabytes.
function upperAscii(bytes: Buffer): Buffer {
  const upper = Buffer.from(bytes);
  for (let i = 0; i < upper.length; i++) {
    const b = upper[i] as number;
    if (b >= 0x61 && b <= 0x7a) upper[i] = b - 0x20;
  }
  return upper;
}

/** One conversation. pipeline() reads only as fast as the client takes the replies: backpressure. */
async function serve(socket: Socket): Promise<void> {
  try {
    await pipeline(
      socket,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) yield upperAscii(chunk);
      },
      socket,
    );
  } catch (err) {
    // ECONNRESET on a read, EPIPE on a write: this client vanished. The others carry on.
    console.error(`client left abruptly: ${(err as NodeJS.ErrnoException).code ?? err}`);
    socket.destroy();
  }
}

const server = createServer();
server.listen(port, () => console.log(`listening on port ${port}`));

for await (const [socket] of on(server, 'connection') as AsyncIterable<[Socket]>) {
  // No await: start this conversation and go straight back to accepting. The event loop interleaves them.
  void serve(socket);
}
