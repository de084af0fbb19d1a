// Stage 3 — connection loop. Read stages/stage-3/README.md, then grade with: npm run grade stage-3
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';

const port = Number(process.env.PORT ?? 5000);

function upperAscii(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((b) => (b >= 0x61 && b <= 0x7a ? b - 0x20 : b)));
}

const server = createServer().listen(port, () => console.log(`listening on port ${port}`));

// TODO: this is the server of stage 2: it serves one client and then exits.
// Serve clients one after another instead, forever:
//   - loop over connections: `for await (const [socket] of on(server, 'connection'))`
//     (import `on` from 'node:events'), and keep listening;
//   - a client that resets (ECONNRESET) or vanishes mid-write (EPIPE) must not end the process:
//     catch the error, drop that client, and go on to the next.
const [socket] = (await once(server, 'connection')) as [Socket];
server.close();

for await (const chunk of socket) socket.write(upperAscii(chunk as Buffer));
socket.end();
