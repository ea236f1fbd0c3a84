"""
A PNG whose compressed data is a whole, valid zlib stream but holds fewer rows than
its header promises (Pillow paints the rest black, without an error) is refused; every
whole PNG, in every colour type, bit depth and interlacing, is accepted.
"""

import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from tests.helpers.images import chunks, encoded, noise, png_of, upload
from thinktank.images import validate_image_upload

pytestmark = pytest.mark.django_db

MODES = ("1", "L", "I;16", "P", "RGB", "RGBA", "LA")
SIZES = ((1, 1), (7, 3), (33, 17), (64, 48))


def png(mode, size):
    image = noise(size)
    return encoded(
        image.convert("I").convert(mode) if mode == "I;16" else image.convert(mode), "PNG"
    )


def with_pixel_data(data, raw):
    """`data` (a PNG) with its IDAT replaced by `raw`, compressed: a valid zlib stream."""
    real = chunks(data)
    rest = [(kind, body) for kind, body in real if kind not in (b"IDAT", b"IEND")]
    return png_of([*rest, (b"IDAT", zlib.compress(raw)), (b"IEND", b"")])


def raw_rows(data):
    return zlib.decompress(b"".join(body for kind, body in chunks(data) if kind == b"IDAT"))


def accepted(data):
    validate_image_upload(upload("image.png", data))
    return True


def refused(data):
    with pytest.raises(ValidationError) as caught:
        validate_image_upload(upload("image.png", data))
    return caught.value.code == "invalid_image"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("mode", MODES)
def test_a_whole_png_is_accepted_and_one_short_of_a_row_is_not(mode, size):
    data = png(mode, size)
    assert accepted(data)
    rows = raw_rows(data)
    row = len(rows) // size[1]
    assert refused(with_pixel_data(data, rows[:-row]))  # the last row missing
    assert refused(with_pixel_data(data, rows[:-1]))  # its last byte
    assert refused(with_pixel_data(data, b""))  # none at all


def interlaced_grey(width, height):
    """
    An 8-bit grey Adam7-interlaced PNG (Pillow writes none), pixel (x, y) = x + 16 y,
    and its raw passes.
    """
    passes = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4),
              (1, 0, 2, 2), (0, 1, 1, 2))  # fmt: skip
    raw = b""
    for x0, y0, dx, dy in passes:
        columns = range(x0, width, dx)
        for y in range(y0, height, dy):
            if columns:
                raw += b"\0" + bytes((x + 16 * y) % 256 for x in columns)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 1)
    return png_of([(b"IHDR", header), (b"IDAT", zlib.compress(raw)), (b"IEND", b"")]), raw


@pytest.mark.parametrize("size", ((1, 1), (3, 2), (9, 9), (16, 13)))
def test_an_interlaced_png_is_read_by_its_passes(size):
    data, raw = interlaced_grey(*size)
    assert accepted(data)
    with Image.open(upload("image.png", data)) as image:  # laid out as Pillow reads it
        assert (
            image.getpixel((size[0] - 1, size[1] - 1)) == (size[0] - 1 + 16 * (size[1] - 1)) % 256
        )
    assert refused(with_pixel_data(data, raw[:-1]))
