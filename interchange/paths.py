"""Old addresses as keys: one spelling for a path however it was written (its query's
parameters sorted, percent-escapes decoded, no trailing slash but the root's), so the
address a record gave and the one a reader asks for meet."""

from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

MAX_LENGTH = 500


def path_key(address):
    """The key of `address` ("/2019/03/x/?p=1" -> "/2019/03/x?p=1"), or None when it is
    no site-relative path (or too long to be one)."""
    try:
        url = urlsplit((address or "").strip())
    except ValueError:
        return None
    if url.scheme or url.netloc or not url.path.startswith("/"):
        return None
    path = unquote(url.path)
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    query = urlencode(sorted(parse_qsl(url.query, keep_blank_values=True)))
    key = f"{path}?{query}" if query else path
    # No database takes NUL in a query (PostgreSQL refuses it): no old address has it.
    return key if len(key) <= MAX_LENGTH and "\x00" not in key else None


def request_keys(path, query_string):
    """The keys a request for `path` (as asked, percent-escaped) with `query_string`
    may match, most precise first: with its query, then without."""
    keys = []
    if query_string:
        keys.append(path_key(f"{path}?{query_string}"))
    keys.append(path_key(path))
    return [key for key in dict.fromkeys(keys) if key]


def query_names(key):
    """The names of the parameters in `key`'s query ("/?p=1&lang=en" -> {"p", "lang"})."""
    _path, _mark, query = key.partition("?")
    return {name for name, _value in parse_qsl(query, keep_blank_values=True)}
