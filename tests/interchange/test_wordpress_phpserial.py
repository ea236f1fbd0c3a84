"""Polylang's PHP-serialized groups read back; anything else refused, never evaluated."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interchange.wordpress.phpserial import unserialize_flat_array
from tests.helpers.wxr import php_array

KEY = st.text(min_size=1, max_size=12).filter(lambda key: '"' not in key)


@settings(deadline=None)  # a shared machine's load is no failure
@given(st.dictionaries(KEY, st.integers(min_value=0, max_value=10**12), max_size=8))
def test_a_flat_array_reads_back(values):
    assert unserialize_flat_array(php_array(values)) == values


def test_other_scalars():
    text = 'a:4:{i:0;s:3:"a;b";s:1:"t";b:1;s:1:"f";b:0;s:1:"n";N;}'
    assert unserialize_flat_array(text) == {0: "a;b", "t": True, "f": False, "n": None}


@pytest.mark.parametrize(
    "text",
    [
        "",
        's:2:"en";',
        'a:1:{s:2:"en";a:1:{i:0;i:1;}}',  # nested
        'a:1:{s:2:"en";O:8:"stdClass":0:{}}',  # an object
        'a:2:{s:2:"en";i:1;}',  # fewer items than its count
        'a:1:{s:5:"en";i:1;}',  # a wrong length
        'a:1:{s:2:"en";i:1;}trailing',
    ],
)
def test_anything_else_is_refused(text):
    with pytest.raises(ValueError):
        unserialize_flat_array(text)
