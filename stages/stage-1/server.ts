// Stage 1 — one-shot service. Read stages/stage-1/README.md, then grade with: npm run grade stage-1
// 第 1 阶段 —— 一次性服务器。先阅读 stages/stage-1/README.zh-CN.md，然后这样评分：npm run grade stage-1
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';

const port = Number(process.env.PORT ?? 5000);

// TCP carries bytes, not characters: change only the bytes a–z, leave every other byte alone.
// TCP 传的是字节而不是字符：只改 a–z 这些字节，其他字节一律原样保留。
function upperAscii(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((b) => (b >= 0x61 && b <= 0x7a ? b - 0x20 : b)));
}

const server = createServer().listen(port, () => console.log(`listening on port ${port}`));

const [socket] = (await once(server, 'connection')) as [Socket];
console.log(`a client connected from port ${socket.remotePort}`);

// TODO: this server accepts one client and then does nothing with it. Make it:
//   1. read one message from the socket (the 'data' event hands you a Buffer),
//   2. send it back with upperAscii(),
//   3. close the connection (socket.end) and stop listening (server.close),
// so that the process ends by itself, with exit status 0.
// TODO：这个服务器接受一个客户端之后，什么也不做。让它：
//   1. 从 socket 读一条消息（'data' 事件交给你一个 Buffer），
//   2. 用 upperAscii() 转换后发回去，
//   3. 关闭连接（socket.end）并停止监听（server.close），
// 这样进程就会自己结束，退出状态为 0。
void upperAscii;
