"""The tests' keep-alive client retries as a browser does when a server drops an idle connection."""

import socket
import threading

from tests.helpers.servers import KeepAliveClient


def test_a_request_on_a_connection_the_server_closed_is_sent_again():
    # A server that answers one request per connection and then closes it without a
    # word, as a keep-alive timeout does: each next request finds the old one closed.
    listener = socket.create_server(("127.0.0.1", 0))
    answered = []

    def serve():
        for _ in range(3):
            connection, _address = listener.accept()
            with connection:
                request = connection.recv(65536)
                answered.append(request.split(b" ")[1])
                connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    client = KeepAliveClient(listener.getsockname()[1], timeout=5)
    answers = [client.get(f"/{number}") for number in range(3)]
    thread.join(5)
    listener.close()
    assert [answer.status for answer in answers] == [200, 200, 200]
    assert answered == [b"/0", b"/1", b"/2"]
    assert client.connections == 3
