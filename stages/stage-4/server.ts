// Stage 4 — concurrency. Read stages/stage-4/README.md, then grade with: npm run grade stage-4
import { on } from 'node:events';
import { createServer, type Socket } from 'node:net';

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

// TODO: this is the server of stage 3: it serves one client at a time, and while it does, every
// other client waits in line (and one that never speaks holds them all up). Serve them all at once:
//   - move the conversation into a function, `async function serve(socket: Socket)`, and start it
//     for each connection without awaiting it, so the loop goes straight back to accepting;
//     then `pauseOnConnect` is no longer needed;
//   - a client that reads slowly must not fill your memory: when socket.write() returns false, stop
//     reading until 'drain' (`await once(socket, 'drain')`), or let `pipeline` from
//     'node:stream/promises' carry the bytes from the socket back to it.
const server = createServer({ pauseOnConnect: true });
server.listen(port, () => console.log(`listening on port ${port}`));

for await (const [socket] of on(server, 'connection') as AsyncIterable<[Socket]>) {
  try {
    for await (const chunk of socket) socket.write(upperAscii(chunk as Buffer));
    socket.end();
  } catch (err) {
    console.error(`client left abruptly: ${(err as NodeJS.ErrnoException).code ?? err}`);
    socket.destroy();
  }
}
