"""PHP's serialize() format read back, only as far as Polylang's translation terms need:
an array of string or integer keys to strings, integers, booleans or null
(`a:2:{s:2:"en";i:12;s:2:"ar";i:15;}`). No objects, no nested arrays: anything else is
refused with ValueError, so nothing in an export can make this build more than a flat
dict."""

import re

_INTEGER = re.compile(rb"i:(-?\d{1,19});")
_STRING_HEAD = re.compile(rb"s:(\d{1,9}):\"")
_ARRAY_HEAD = re.compile(rb"a:(\d{1,6}):\{")


def _scalar(data, position):
    """(value, position after it) of the scalar at `position`."""
    if data.startswith(b"N;", position):
        return None, position + 2
    if data.startswith((b"b:0;", b"b:1;"), position):
        return data[position + 2] == ord("1"), position + 4
    match = _INTEGER.match(data, position)
    if match:
        return int(match.group(1)), match.end()
    match = _STRING_HEAD.match(data, position)
    if match:
        # PHP counts bytes, not characters: an Arabic key is twice its letters.
        end = match.end() + int(match.group(1))
        if data[end : end + 2] != b'";':
            raise ValueError("a string's length does not match its text")
        return data[match.end() : end].decode("utf-8", errors="replace"), end + 2
    raise ValueError(f"not a plain PHP value at byte {position}")


def unserialize_flat_array(text):
    """The dict that `text`, a PHP-serialized flat array, holds. Raises ValueError for
    anything else."""
    data = text.strip().encode("utf-8")
    match = _ARRAY_HEAD.match(data)
    if not match:
        raise ValueError("not a PHP array")
    position, result = match.end(), {}
    for _ in range(int(match.group(1))):
        key, position = _scalar(data, position)
        if not isinstance(key, str | int) or isinstance(key, bool):
            raise ValueError("an array key is neither a string nor an integer")
        result[key], position = _scalar(data, position)
    if data[position:] != b"}":
        raise ValueError("the array does not end where its count says")
    return result
