"""Requests as a stranger may send them: any path and query string, however malformed."""

from urllib.parse import unquote_to_bytes


def send(client, path, query="", method="GET", **extra):
    """
    The response to `path` and `query` sent as they are, past the test client's own
    URL parsing (it refuses a path such as "//[" that a real server hands on): the
    path's percent-escapes decoded to bytes as a server does, the query as its UTF-8
    bytes, unescaped.
    """
    return client.generic(
        method,
        "/",
        PATH_INFO=unquote_to_bytes(path).decode("iso-8859-1"),
        QUERY_STRING=query.encode().decode("iso-8859-1"),
        **extra,
    )
