# Stage 2 — communication loop, in Python: one client, many messages, until the client leaves.
import os
import socket

port = int(os.environ.get("PORT", "5000"))

with socket.create_server(("", port)) as server:
    print(f"listening on port {port}")
    conn, address = server.accept()

with conn:
    try:
        while True:
            chunk = conn.recv(65536)
            # An empty read: the client sent FIN, it has left. Without this check the loop spins forever.
            if not chunk:
                break
            conn.sendall(chunk.upper())
    except (ConnectionResetError, BrokenPipeError) as err:
        print(f"client left abruptly: {err}")
# The with block closed our side (FIN); Python exits with 0.
