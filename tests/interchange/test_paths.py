"""Old addresses as keys: one spelling however the address was written, and nothing a
database would refuse (the class of input, generated)."""

from hypothesis import given
from hypothesis import strategies as st

from interchange.paths import path_key, request_keys


def test_one_spelling_for_one_address():
    assert path_key("/2019/03/x/") == path_key("/2019/03/x") == "/2019/03/x"
    assert path_key("/?p=1&cat=2") == path_key("/?cat=2&p=1") == "/?cat=2&p=1"
    assert path_key("/%D8%A7/") == "/ا"
    assert path_key("/") == "/"
    assert request_keys("/a/", "utm=1") == ["/a?utm=1", "/a"]


def test_what_is_no_path_of_the_site_has_no_key():
    for address in ("http://example.org/x", "x/y", "//host/x", "", "/a\x00b", "/" + "a" * 600):
        assert path_key(address) is None


@given(st.text())
def test_any_text_has_a_key_or_none_and_keys_are_stable(text):
    key = path_key(text)
    if key is not None:
        assert key.startswith("/") and "\x00" not in key and len(key) <= 500
        assert path_key(key) == key
