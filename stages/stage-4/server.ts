// Stage 4 — concurrency. Read stages/stage-4/README.md, then grade with: npm run grade stage-4
// 第 4 阶段 —— 并发。先阅读 stages/stage-4/README.zh-CN.md，然后这样评分：npm run grade stage-4
import { on } from 'node:events';
import { createServer, type Socket } from 'node:net';

const port = Number(process.env.PORT ?? 5000);

// A plain loop rather than bytes.map(): several times faster, and this stage moves megabytes.
// 用普通循环而不是 bytes.map()：快好几倍，而这个阶段要搬运好几 MB 的数据。
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
// TODO：这是第 3 阶段的服务器：它一次只服务一个客户端，服务期间其他客户端都在排队等候
// （一个从不说话的客户端就能把它们全部挡住）。改成同时服务所有客户端：
//   - 把对话移到一个函数里，`async function serve(socket: Socket)`，每个连接都启动它
//     但不 await，这样循环会直接回去接受下一个连接；然后就不再需要 `pauseOnConnect` 了；
//   - 读得慢的客户端不能塞满你的内存：socket.write() 返回 false 时，停止读取，直到
//     'drain'（`await once(socket, 'drain')`），或者让 'node:stream/promises' 里的
//     `pipeline` 把字节从 socket 搬回给它。
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
