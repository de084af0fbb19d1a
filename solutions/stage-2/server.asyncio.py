# Stage 2 — communication loop, in Python with asyncio: one client, many messages, until the client leaves.
import asyncio
import os

port = int(os.environ.get("PORT", "5000"))


async def main() -> None:
    done = asyncio.Event()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        server.close()  # one client only
        try:
            while True:
                chunk = await reader.read(65536)
                # An empty read: the client sent FIN, it has left. Without this check the loop spins forever.
                if not chunk:
                    break
                writer.write(chunk.upper())
                await writer.drain()
        except ConnectionError as err:
            print(f"client left abruptly: {err}")
        finally:
            writer.close()  # our FIN
            done.set()

    server = await asyncio.start_server(serve, port=port)
    print(f"listening on port {port}")
    await done.wait()


asyncio.run(main())
