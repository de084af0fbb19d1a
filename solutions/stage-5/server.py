# Stage 5 — framing, in Python: a byte stream has no message boundaries, so each message carries its
# length. A message is a 4-byte big-endian length n, then n bytes; the reply to it is one message whose
# payload is n in decimal, a colon, and the message with a–z upper-cased (hello -> 5:HELLO).
import os
import socket
import struct
import threading

port = int(os.environ.get("PORT", "5000"))
MAX_MESSAGE = 1_048_576  # the longest message this server takes


def recv_exact(conn: socket.socket, n: int) -> bytes:
    """Exactly n bytes: recv() returns what has arrived, which may be less (even 1 byte of a header)."""
    data = bytearray()
    while len(data) < n:
        chunk = conn.recv(min(n - len(data), 65536))
        if not chunk:
            raise EOFError(f"the client left after {len(data)} of {n} bytes")
        data += chunk
    return bytes(data)


def serve(conn: socket.socket) -> None:
    with conn:  # closed when this client is done, however it left
        try:
            while True:
                first = conn.recv(1)
                if not first:
                    break  # EOF between messages: the client has left
                # "!I": network byte order (big-endian), unsigned. A bare "i" or "I" is the machine's order.
                (n,) = struct.unpack("!I", first + recv_exact(conn, 3))
                if n > MAX_MESSAGE:
                    print(f"client announced {n} bytes, over the limit: closing")
                    break  # refused before a byte of it is read or kept
                message = recv_exact(conn, n)  # an empty message (n == 0) is a message too
                reply = str(n).encode() + b":" + message.upper()
                conn.sendall(struct.pack("!I", len(reply)) + reply)
        except (EOFError, ConnectionResetError, BrokenPipeError) as err:
            print(f"client left abruptly: {err}")


# A backlog of 1024, as in stage 4: a burst of clients waits for accept() instead of being turned away.
with socket.create_server(("", port), backlog=1024) as server:
    print(f"listening on port {port}")
    while True:
        conn, address = server.accept()
        # A thread for every client; what it reads stays in that thread's own variables.
        threading.Thread(target=serve, args=(conn,), daemon=True).start()
