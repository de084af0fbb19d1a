# Stage 1 — one-shot service, in Python: one client, one message, one reply, then exit.
import os
import socket

port = int(os.environ.get("PORT", "5000"))

# create_server: bind and listen in one call (and SO_REUSEADDR, so a quick restart finds the port free).
with socket.create_server(("", port)) as server:
    print(f"listening on port {port}")
    conn, address = server.accept()

# One client only: the listening socket is closed already (the with block above ended).
with conn:
    message = conn.recv(65536)
    # bytes.upper() changes only the ASCII letters a–z: every other byte (é, 你) goes back as it came.
    conn.sendall(message.upper())
# Leaving the with block closed the connection (our FIN); the script ends, and Python exits with 0.
