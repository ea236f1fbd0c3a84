"""Reading PDFs back in tests: their text (pypdf), their fonts, their pages as PNG; and
the fixtures of the PDF tests (a plugin of the suite, tests/conftest.py)."""

import http.server
import io
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from django.core.files.storage import storages
from pypdf import PdfReader

from tests.helpers.factories import png_bytes
from thinktank.storage_settings import filesystem_private_storage


@pytest.fixture
def private_folder(settings, tmp_path):
    """A private storage of the test's own (the tests' database reuses ids, so files
    kept by an earlier test under an article's id would be found): its folder."""
    folder = tmp_path / "private"
    settings.STORAGES = {**settings.STORAGES, "private": filesystem_private_storage(folder)}
    assert storages["private"].location == str(folder)
    return folder


def pdf_bytes(response):
    """The bytes of a (streamed) PDF response."""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def pdf_reader(content):
    return PdfReader(io.BytesIO(content))


def pdf_text(content):
    """The text of every page, in order, whitespace runs made one space."""
    reader = pdf_reader(content)
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def pdf_text_of_page(content, index):
    """The text of the page at `index` (0: the first), as pdf_text."""
    return " ".join(pdf_reader(content).pages[index].extract_text().split())


def pdf_font_names(content):
    """The base names of the fonts the PDF embeds, subset prefixes removed
    ("ABCDEF+Noto-Naskh-Arabic" -> "Noto-Naskh-Arabic"), with whether each is embedded."""
    reader = pdf_reader(content)
    fonts = {}
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            name = str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1]
            descendant = font.get("/DescendantFonts")
            descriptor = (descendant[0].get_object() if descendant else font).get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[name] = fonts.get(name, False) or embedded
    return fonts


def page_png(content, folder, page=1, resolution=60):
    """The PDF's `page` as a PNG file in `folder` (Debian's pdftoppm, which
    deploy/test-packages.sh installs)."""
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm is missing: deploy/test-packages.sh installs poppler-utils"
    source = Path(folder) / "edition.pdf"
    source.write_bytes(content)
    target = Path(folder) / f"page-{page}"
    subprocess.run(  # noqa: S603 (a fixed command on our own file)
        [
            pdftoppm,
            "-png",
            "-r",
            str(resolution),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(source),
            str(target),
        ],
        check=True,
        timeout=60,
    )
    return target.with_suffix(".png")


@pytest.fixture
def remote_server():
    """An HTTP server on this machine that counts the requests it gets (`.requests`),
    answering each with a small PNG: where a hostile document's addresses point."""
    requests = []
    image = png_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(image)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.address = f"http://127.0.0.1:{server.server_address[1]}"
    server.requests = requests
    yield server
    server.shutdown()
    server.server_close()
