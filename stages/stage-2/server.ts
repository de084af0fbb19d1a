// Stage 2 — communication loop. Read stages/stage-2/README.md, then grade with: npm run grade stage-2
// 第 2 阶段 —— 通信循环。先阅读 stages/stage-2/README.zh-CN.md，然后这样评分：npm run grade stage-2
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';

const port = Number(process.env.PORT ?? 5000);

function upperAscii(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((b) => (b >= 0x61 && b <= 0x7a ? b - 0x20 : b)));
}

const server = createServer().listen(port, () => console.log(`listening on port ${port}`));
const [socket] = (await once(server, 'connection')) as [Socket];
server.close();
socket.on('error', (err) => console.error(`client error: ${err.message}`));

// TODO: this is the one-shot server of stage 1: it answers one message and hangs up.
// Answer every message instead, for as long as the client stays, and close when it leaves.
// Hint: `for await (const chunk of socket) { ... }` reads until the client sends FIN.
// TODO：这是第 1 阶段的一次性服务器：它回答一条消息就挂断。
// 改成回答每一条消息，只要客户端还在就一直回答，客户端离开时再关闭连接。
// 提示：`for await (const chunk of socket) { ... }` 会一直读，直到客户端发来 FIN。
socket.once('data', (message: Buffer) => socket.end(upperAscii(message)));
