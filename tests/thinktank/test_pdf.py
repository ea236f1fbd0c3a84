"""
thinktank.pdf: WeasyPrint reads the site's own static files and uploads, and nothing
else: no address in a document (an image, a stylesheet, an @import, a CSS url(), a
font, an SVG's image, a file: address) makes a request or reads a file outside them.
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import ImageFile

from tests.helpers.factories import png_bytes
from tests.helpers.pdf import pdf_reader
from thinktank.pdf import BASE_URL, SiteFiles, render_pdf


def images_in(content):
    """How many images the PDF draws."""
    count = 0
    for page in pdf_reader(content).pages:
        objects = page["/Resources"].get("/XObject", {})
        count += sum(1 for item in objects.values() if item.get_object()["/Subtype"] == "/Image")
    return count


HOSTILE = [
    '<img src="{remote}/img.png" alt="">',
    '<link rel="stylesheet" href="{remote}/sheet.css">',
    "<style>@import url({remote}/import.css);</style>",
    "<style>body {{ background: url({remote}/background.png); }}</style>",
    '<p style="background-image: url({remote}/inline.png)">styled</p>',
    "<style>@font-face {{ font-family: X; src: url({remote}/font.woff2); }}"
    " p {{ font-family: X; }}</style>",
    '<svg width="10" height="10"><image href="{remote}/svg.png" width="10" height="10"/></svg>',
    '<object data="{remote}/object.png" type="image/png"></object>',
    '<img src="//127.0.0.1:{port}/protocol-relative.png" alt="">',
    '<img src="file:///etc/hostname" alt="">',
    '<img src="{base}static/../../../etc/hostname" alt="">',
]


@pytest.mark.parametrize("markup", HOSTILE)
def test_no_address_outside_the_site_is_fetched(remote_server, markup):
    port = remote_server.address.rsplit(":", 1)[1]
    html = markup.format(remote=remote_server.address, port=port, base=BASE_URL)
    files = SiteFiles()
    content = render_pdf(
        f"<!doctype html><html><body><p>Text.</p>{html}</body></html>", files=files
    )
    assert content.startswith(b"%PDF-")
    assert remote_server.requests == []
    assert files.refused, "the address was refused, not skipped unseen"
    assert images_in(content) == 0


def test_the_site_static_files_and_uploads_are_read(db, remote_server):
    name = default_storage.save("pdf-tests/figure.png", ContentFile(png_bytes((40, 30))))
    html = (
        "<!doctype html><html><head>"
        '<link rel="stylesheet" href="/static/css/pdf.css"></head><body>'
        f'<img src="{default_storage.url(name)}" alt="An upload">'
        '<img src="/static/img/favicon.svg" alt="A static file">'
        f'<img src="{remote_server.address}/x.png" alt="A remote one">'
        "</body></html>"
    )
    files = SiteFiles()
    content = render_pdf(html, files=files)
    assert files.refused == [f"{remote_server.address}/x.png"]
    assert remote_server.requests == []
    assert images_in(content) == 1  # the upload (the SVG is drawn, not an image)
    default_storage.delete(name)


def test_pillow_still_refuses_truncated_images_after_a_pdf():
    """WeasyPrint's import turns Pillow's LOAD_TRUNCATED_IMAGES on for the process; the
    uploads' checks need it off (tests/thinktank/test_image_uploads.py)."""
    render_pdf("<!doctype html><html><body><p>Text.</p></body></html>")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
