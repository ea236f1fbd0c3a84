"""
Images for the upload tests, made with Pillow: real ones, ones carrying personal
metadata, and broken ones of every kind (truncated, garbage pixel data, lying headers).
"""

import io
import random
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms, PngImagePlugin

GPS_IFD, EXIF_IFD = 0x8825, 0x8769
SERIAL = "SN-4815162342"  # BodySerialNumber (0xA431)
OWNER = "Layla Mansour"  # CameraOwnerName (0xA430)
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
    b'22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'exif:GPSLatitude="35,41.2N" exif:BodySerialNumber="XMP-SERIAL-99"/></rdf:RDF>'
    b"</x:xmpmeta>"
)
COMMENT = b"taken at home by Layla"
# What must not be found anywhere in a stored original.
SECRETS = (SERIAL.encode(), OWNER.encode(), b"XMP-SERIAL-99", b"35,41.2N", COMMENT, b"xmpmeta")
ICC_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def noise(size=(64, 48), seed=1, mode="RGB"):
    """An image of random pixels: its compressed data is long, so every cut lands in it."""
    rng = random.Random(seed)
    width, height = size
    return Image.frombytes(mode, size, rng.randbytes(width * height * len(mode)))


def encoded(image, image_format, **options):
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    return buffer.getvalue()


def camera_exif(orientation=None):
    """EXIF as a phone writes it: camera, owner, serial number and a GPS position."""
    exif = Image.Exif()
    exif[0x010F] = "Thinktank Phone"  # Make
    exif[0x0110] = "Model 7"  # Model
    if orientation:
        exif[0x0112] = orientation
    details = exif.get_ifd(EXIF_IFD)
    details[0xA431] = SERIAL
    details[0xA430] = OWNER
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (35.0, 41.0, 12.0), 3: "E", 4: (51.0, 23.0, 24.0)})
    return exif


def animation(image_format, frames=3, size=(32, 24)):
    images = [noise(size, seed=index) for index in range(frames)]
    if image_format == "GIF":
        images = [image.convert("P") for image in images]
    return encoded(
        images[0], image_format, save_all=True, append_images=images[1:], duration=100, loop=0
    )


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


# --- broken ones --------------------------------------------------------------------------


def chunks(png):
    """A PNG's chunks: [(type, data), ...]."""
    position, found = 8, []
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        found.append((kind, png[position + 8 : position + 8 + length]))
        position += 12 + length
    return found


def png_of(chunk_list):
    """A PNG of `chunk_list`, each with its length and a correct CRC."""
    out = [b"\x89PNG\r\n\x1a\n"]
    for kind, data in chunk_list:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        out.append(struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc))
    return b"".join(out)


def png_with_idat(make_idat, size=(64, 48)):
    """A PNG whose chunks are all well formed (lengths, CRCs) but whose IDAT data is
    `make_idat(real_idat)`: only the compressed pixels are wrong."""
    real = chunks(encoded(noise(size), "PNG"))
    idat = b"".join(data for kind, data in real if kind == b"IDAT")
    rest = [(kind, data) for kind, data in real if kind not in (b"IDAT", b"IEND")]
    return png_of([*rest, (b"IDAT", make_idat(idat)), (b"IEND", b"")])


def garbage_idat(idat):
    """Random bytes after a valid zlib header: not a deflate stream."""
    return idat[:2] + random.Random(7).randbytes(len(idat) - 2)


def short_idat(idat):
    """A valid zlib stream holding half the pixel rows."""
    return zlib.compress(zlib.decompress(idat)[: len(zlib.decompress(idat)) // 2])


def flipped_idat(idat):
    """The real compressed data with bytes inverted in its middle."""
    middle = len(idat) // 2
    return (
        idat[:middle]
        + bytes(255 - byte for byte in idat[middle : middle + 16])
        + idat[middle + 16 :]
    )


def png_header(width, height):
    """A PNG that only claims to be `width`×`height` (a decompression bomb's header)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return png_of([(b"IHDR", ihdr), (b"IDAT", zlib.compress(b"\0" * 64)), (b"IEND", b"")])


def truncated(data, fraction):
    return data[: int(len(data) * fraction)]


def cut_idat(idat):
    """The compressed data cut in half (the chunk's CRC still correct)."""
    return idat[: len(idat) // 2]


# --- carrying metadata --------------------------------------------------------------------


def iptc_segment(text):
    """A JPEG APP13 segment (Photoshop IRB) holding an IPTC caption: what agencies write."""
    record = b"\x1c\x02\x78" + len(text).to_bytes(2, "big") + text  # 2:120, caption
    resource = b"8BIM\x04\x04\x00\x00" + len(record).to_bytes(4, "big") + record
    payload = b"Photoshop 3.0\x00" + resource + b"\x00" * (len(record) % 2)
    return b"\xff\xed" + (len(payload) + 2).to_bytes(2, "big") + payload


def jpeg_with_metadata(size=(64, 48), orientation=None):
    """A camera JPEG: EXIF (GPS, serial, owner), XMP, IPTC, a comment, an ICC profile."""
    return encoded(
        noise(size),
        "JPEG",
        quality=95,
        exif=camera_exif(orientation),
        xmp=XMP,
        comment=COMMENT,
        icc_profile=ICC_PROFILE,
        extra=iptc_segment(OWNER.encode()),
    )


def mpo_with_metadata():
    """A phone's JPEG with a second picture (MPO), EXIF in both."""
    exif = camera_exif()
    return encoded(
        noise(),
        "MPO",
        save_all=True,
        append_images=[noise((32, 24), seed=2)],
        exif=exif,
        icc_profile=ICC_PROFILE,
    )


def png_with_metadata(size=(64, 48), orientation=None):
    """A PNG with eXIf, XMP in iTXt, text in tEXt and zTXt, and an ICC profile."""
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    info.add_text("Author", OWNER)
    info.add_text("Comment", COMMENT.decode(), zip=True)
    info.add_text("Serial", SERIAL)
    return encoded(
        noise(size),
        "PNG",
        pnginfo=info,
        exif=camera_exif(orientation),
        icc_profile=ICC_PROFILE,
    )


def webp_with_metadata():
    return encoded(
        noise(), "WEBP", quality=95, exif=camera_exif(), xmp=XMP, icc_profile=ICC_PROFILE
    )


def gif_with_metadata(animated=False):
    """A GIF with a comment and XMP in an application extension (as Photoshop writes it)."""
    if animated:
        frames = [noise((32, 24), seed=index).convert("P") for index in range(3)]
        data = encoded(
            frames[0],
            "GIF",
            save_all=True,
            append_images=frames[1:],
            duration=[100, 200, 300],
            loop=0,
            comment=COMMENT,
        )
    else:
        data = encoded(noise().convert("P"), "GIF", comment=COMMENT)
    flags = data[10]
    start = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    blocks = b"".join(bytes([len(part)]) + part for part in _parts(XMP, 255))
    xmp = b"\x21\xff\x0bXMP DataXMP" + blocks + b"\x00"
    return data[:start] + xmp + data[start:]


def _parts(data, size):
    return [data[index : index + size] for index in range(0, len(data), size)]


def smooth(size=(256, 192)):
    """Gradients: an image a JPEG encodes as it would a photo's sky or skin."""
    bands = [Image.linear_gradient("L"), Image.radial_gradient("L"), Image.linear_gradient("L")]
    bands[2] = bands[2].rotate(90)
    return Image.merge("RGB", [band.resize(size) for band in bands])
