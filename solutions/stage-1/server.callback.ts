// Stage 1 — one-shot service, in callback style: server.ts's server, with event listeners instead of await.
import { createServer } from 'node:net';

const port = Number(process.env.PORT ?? 5000);

// TCP carries bytes, not characters: change only the bytes a–z, leave every other byte alone.
function upperAscii(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((b) => (b >= 0x61 && b <= 0x7a ? b - 0x20 : b)));
}

// createServer calls this function for each client that connects.
const server = createServer((socket) => {
  server.close(); // one client only: stop listening, so the process can exit once this talk is over
  socket.on('error', (err) => console.error(`client error: ${err.message}`));
  socket.on('data', (message: Buffer) => {
    // One message, one reply: end() sends it, then FIN. Whatever comes after it is not answered.
    if (!socket.writableEnded) socket.end(upperAscii(message));
  });
  // Once the socket and the server are closed, nothing is left to wait for: Node exits with 0.
});
server.listen(port, () => console.log(`listening on port ${port}`));
