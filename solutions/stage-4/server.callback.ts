// Stage 4 — concurrency, in callback style: serve every client at once, each at the pace it reads.
import { createServer } from 'node:net';

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

// Every client has its own listeners on its own socket: the event loop interleaves them.
const server = createServer((socket) => {
  socket.on('error', (err: NodeJS.ErrnoException) => {
    console.error(`client left abruptly: ${err.code ?? err}`);
    socket.destroy();
  });
  socket.on('data', (chunk: Buffer) => {
    // write() returns false once this client's replies back up: read no more from it until they have
    // drained (backpressure). An await here would not help: "data" events keep coming regardless.
    if (!socket.write(upperAscii(chunk))) {
      socket.pause();
      socket.once('drain', () => socket.resume());
    }
  });
  socket.on('end', () => socket.end());
});
server.listen(port, () => console.log(`listening on port ${port}`));
