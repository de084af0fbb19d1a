# Stage 4 — concurrency, in Python with asyncio: serve every client at once, each at the pace it reads.
# Each serve runs as a task of its own, so stage 3's asyncio server was concurrent already; what this
# stage adds is room for a crowd, and the drain that makes a slow reader hold up no one but itself.
import asyncio
import os

port = int(os.environ.get("PORT", "5000"))


async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data.upper())
            # write() only queues the reply; drain() waits while this client isn't reading, and so
            # this task stops reading from it too (backpressure). The other tasks carry on.
            await writer.drain()
    except ConnectionError as err:
        print(f"client left abruptly: {err}")
    finally:
        writer.close()


async def main() -> None:
    # backlog=1024: a burst of clients waits for accept instead of being turned away (the default is 100).
    server = await asyncio.start_server(serve, port=port, backlog=1024)
    print(f"listening on port {port}")
    async with server:
        await server.serve_forever()


asyncio.run(main())
