// Stage 3 — connection loop. Read stages/stage-3/README.md, then grade with: npm run grade stage-3
// 第 3 阶段 —— 连接循环。先阅读 stages/stage-3/README.zh-CN.md，然后这样评分：npm run grade stage-3
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
// TODO：这是第 2 阶段的服务器：它服务一个客户端，然后就退出。
// 改成一个接一个地服务客户端，永不停止：
//   - 一个接一个地接受连接：`for await (const [socket] of on(server, 'connection'))`
//     （从 'node:events' 导入 `on`），并且保持监听；
//   - 重置连接（ECONNRESET）或在写入途中消失（EPIPE）的客户端不能让进程结束：
//     捕获这个错误，丢下这个客户端，继续服务下一个。
const [socket] = (await once(server, 'connection')) as [Socket];
server.close();

for await (const chunk of socket) socket.write(upperAscii(chunk as Buffer));
socket.end();
