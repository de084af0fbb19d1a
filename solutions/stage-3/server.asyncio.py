# Stage 3 — connection loop, in Python with asyncio: serve one client after another, whether they leave
# politely or not. start_server is the loop: it calls serve for every client, for as long as it serves.
import asyncio
import os

port = int(os.environ.get("PORT", "5000"))


async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            chunk = await reader.read(65536)
            if not chunk:
                break  # the client sent FIN: it has left
            writer.write(chunk.upper())
            await writer.drain()
    except ConnectionError as err:
        # The client vanished (a reset): this conversation is over, the server lives on.
        print(f"client left abruptly: {err}")
    finally:
        writer.close()  # closed however the client left: no socket leaks


async def main() -> None:
    server = await asyncio.start_server(serve, port=port)
    print(f"listening on port {port}")
    async with server:
        await server.serve_forever()


asyncio.run(main())
