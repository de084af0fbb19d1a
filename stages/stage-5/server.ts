// Stage 5 — framing. Read stages/stage-5/README.md, then grade with: npm run grade stage-5
// 第 5 阶段 —— 分帧。先阅读 stages/stage-5/README.zh-CN.md，然后这样评分：npm run grade stage-5
import { on } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { pipeline } from 'node:stream/promises';

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

// TODO: this is the server of stage 4: it sends every read back upper-cased, as if one read were one
// message. It isn't: a message is now a 4-byte big-endian length n, then n bytes, and one read may
// hold two messages or a piece of one. Answer each message with one message of your own:
//   - keep the bytes of this connection in a buffer (`let pending = Buffer.alloc(0)` inside serve);
//   - while it holds 4 bytes, read the length with `pending.readUInt32BE(0)`; over 1,048,576, close
//     the connection at once (`socket.destroy()`); once it holds all n bytes, cut the message off;
//   - reply with a 4-byte length (`writeUInt32BE`), then `${n}:` and the message upper-cased
//     (hello → 5:HELLO); an empty message (n = 0) gets `0:`, and the connection goes on;
//   - keep stage 4's backpressure: when socket.write() returns false, `await once(socket, 'drain')`.
// TODO：这是第 4 阶段的服务器：它把每次读到的数据转成大写发回去，好像一次读取就是一条消息。
// 其实不是：现在一条消息是 4 字节的大端长度 n，然后是 n 个字节，而一次读取可能包含两条消息，
// 也可能只有一条消息的一部分。用你自己的一条消息回复每条消息：
//   - 把这个连接的字节放在一个缓冲区里（在 serve 里写 `let pending = Buffer.alloc(0)`）；
//   - 缓冲区里有 4 个字节时，用 `pending.readUInt32BE(0)` 读出长度；超过 1,048,576 就立即
//     关闭连接（`socket.destroy()`）；凑齐 n 个字节后，把这条消息切出来；
//   - 回复 4 字节的长度（`writeUInt32BE`），然后是 `${n}:` 和转成大写的消息
//     （hello → 5:HELLO）；空消息（n = 0）的回复是 `0:`，连接继续；
//   - 保留第 4 阶段的背压：socket.write() 返回 false 时，`await once(socket, 'drain')`。
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
    // 读时的 ECONNRESET、写时的 EPIPE：这个客户端突然消失了。其他客户端照常继续。
    console.error(`client left abruptly: ${(err as NodeJS.ErrnoException).code ?? err}`);
    socket.destroy();
  }
}

const server = createServer();
server.listen(port, () => console.log(`listening on port ${port}`));

for await (const [socket] of on(server, 'connection') as AsyncIterable<[Socket]>) {
  void serve(socket);
}
