# Stage 4 — concurrency, in Python: a thread for every client, so no client waits for another.
import os
import socket
import threading

port = int(os.environ.get("PORT", "5000"))


def serve(conn: socket.socket) -> None:
    with conn:  # closed when this client is done, however it left
        try:
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    break  # the client sent FIN: it has left
                # sendall() blocks while the client isn't reading, so this thread stops
                # reading too: a slow reader holds up nobody but itself (backpressure).
                conn.sendall(chunk.upper())
        except (ConnectionResetError, BrokenPipeError) as err:
            print(f"client left abruptly: {err}")


# A backlog of 1024: a burst of clients waits for accept() instead of being turned away.
with socket.create_server(("", port), backlog=1024) as server:
    print(f"listening on port {port}")
    while True:
        conn, address = server.accept()
        # daemon: a thread still serving a client doesn't keep the process alive on Ctrl-C.
        threading.Thread(target=serve, args=(conn,), daemon=True).start()
