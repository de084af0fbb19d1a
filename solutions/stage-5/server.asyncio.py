# Stage 5 — framing, in Python with asyncio: each message carries its length. A message is a 4-byte
# big-endian length n, then n bytes; the reply to it is one message whose payload is n in decimal, a
# colon, and the message with a–z upper-cased (hello -> 5:HELLO). readexactly() is recv_exact built in.
import asyncio
import os
import struct

port = int(os.environ.get("PORT", "5000"))
MAX_MESSAGE = 1_048_576  # the longest message this server takes


async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            try:
                header = await reader.readexactly(4)
            except asyncio.IncompleteReadError as err:
                if err.partial:
                    print("client left halfway through a header")
                break  # EOF between messages: the client has left
            # "!I": network byte order (big-endian), unsigned. A bare "i" or "I" is the machine's order.
            (n,) = struct.unpack("!I", header)
            if n > MAX_MESSAGE:
                print(f"client announced {n} bytes, over the limit: closing")
                break  # refused before a byte of it is read or kept
            message = await reader.readexactly(n)  # an empty message (n == 0) is a message too
            reply = str(n).encode() + b":" + message.upper()
            writer.write(struct.pack("!I", len(reply)) + reply)
            await writer.drain()  # backpressure, as in stage 4
    except asyncio.IncompleteReadError as err:
        print(f"client left after {len(err.partial)} of {err.expected} bytes")
    except ConnectionError as err:
        print(f"client left abruptly: {err}")
    finally:
        writer.close()


async def main() -> None:
    server = await asyncio.start_server(serve, port=port, backlog=1024)
    print(f"listening on port {port}")
    async with server:
        await server.serve_forever()


asyncio.run(main())
