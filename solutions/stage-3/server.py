# Stage 3 — connection loop, in Python: serve one client after another, whether they leave politely or not.
import os
import socket

port = int(os.environ.get("PORT", "5000"))

with socket.create_server(("", port)) as server:
    print(f"listening on port {port}")
    while True:
        # The next client waits in the listen backlog until this accept takes it.
        conn, address = server.accept()
        with conn:  # closed when this client is done, however it left: no socket leaks
            try:
                while True:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break  # the client sent FIN: it has left
                    conn.sendall(chunk.upper())
            except (ConnectionResetError, BrokenPipeError) as err:
                # The client vanished (a reset): this conversation is over, the server lives on.
                print(f"client left abruptly: {err}")
