# Stage 1 — one-shot service, in Python with asyncio: one client, one message, one reply, then exit.
import asyncio
import os

port = int(os.environ.get("PORT", "5000"))


async def main() -> None:
    done = asyncio.Event()

    # start_server calls serve for each client that connects, as a task of its own.
    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        server.close()  # one client only: stop listening
        try:
            message = await reader.read(65536)
            # bytes.upper() changes only the ASCII letters a–z: every other byte (é, 你) goes back as it came.
            writer.write(message.upper())
            await writer.drain()
        finally:
            writer.close()  # our FIN
            done.set()

    server = await asyncio.start_server(serve, port=port)
    print(f"listening on port {port}")
    await done.wait()


# asyncio.run returns when main does: the script ends, and Python exits with 0.
asyncio.run(main())
