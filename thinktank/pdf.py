"""HTML to PDF with WeasyPrint, reading nothing but the site's own files.
See docs/pdf-edition.md."""

import logging
import mimetypes
from urllib.parse import unquote, urljoin

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage, storages
from PIL import ImageFile

# The address a document is laid out at: relative addresses (/static/..., /media/...)
# resolve against it, and only addresses under it or under the media storage's own are
# read. ".invalid" names no host (RFC 2606): nothing there can be reached.
BASE_URL = "https://pdf.invalid/"

logger = logging.getLogger(__name__)


class RefusedAddress(ValueError):
    """An address that is neither a static file nor an upload of the site."""


class SiteFiles:
    """What a document may read: static files (by their finders, or the static storage
    once collected) and uploads (the default storage); any other address is refused,
    never requested, and listed in `refused`."""

    def __init__(self):
        self.static_prefix = urljoin(BASE_URL, settings.STATIC_URL)
        self.media_prefix = urljoin(BASE_URL, storage_prefix(default_storage))
        self.refused = []

    def read(self, url):
        """(bytes, content type) of the site file at `url`; RefusedAddress otherwise."""
        name, opener = self.local_file(url)
        if opener is None:
            self.refused.append(url)
            logger.info("PDF: refused to fetch %s", url[:200])
            raise RefusedAddress(f"Not a file of the site: {url[:200]}")
        with opener(name) as file:
            body = file.read()
        return body, mimetypes.guess_type(name)[0] or "application/octet-stream"

    def local_file(self, url):
        """(name, a function opening it) for a site file's address, else (url, None)."""
        clean = url.split("#", 1)[0].split("?", 1)[0]
        for prefix, opener in (
            (self.static_prefix, open_static),
            (self.media_prefix, default_storage.open),
        ):
            if clean.startswith(prefix):
                name = unquote(clean[len(prefix) :])
                if name and ".." not in name.split("/") and not name.startswith("/"):
                    return name, opener
        return clean, None


def storage_prefix(storage):
    """The address a storage's files start with ("/media/", or the bucket's)."""
    probe = "probe"
    return storage.url(probe)[: -len(probe)]


def open_static(name):
    """A static file, collected (STATIC_ROOT, under its fingerprinted name) or not."""
    path = finders.find(name)
    if path:
        return open(path, "rb")  # noqa: SIM115 (the caller closes it)
    return storages["staticfiles"].open(name)


def weasyprint():
    """WeasyPrint's HTML, URLFetcher and URLFetcherResponse, imported on first use."""
    # Loaded by the first PDF a process makes, not when it starts: it adds some 35 MB
    # to a process, which a web worker that never makes a PDF does not need
    # (benchmarks/RESULTS.md, the workers' memory).
    from weasyprint import HTML  # noqa: PLC0415
    from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: PLC0415

    # Its import lets Pillow load truncated images, in the whole process: the uploads'
    # checks rely on Pillow refusing them (docs/uploads.md). The images a PDF shows are
    # uploads already checked whole.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    return HTML, URLFetcher, URLFetcherResponse


def render_pdf(html, *, files=None):
    """The PDF (bytes) of `html`, a whole document: tagged (its headings, paragraphs,
    lists and images' alternative text for assistive technology), in the language of
    its <html lang>, its fonts embedded and subset; reading only the site's files
    (`files`, a SiteFiles)."""
    HTML, URLFetcher, URLFetcherResponse = weasyprint()
    files = files or SiteFiles()

    class Fetcher(URLFetcher):
        def fetch(self, url, headers=None):
            body, content_type = files.read(url)
            return URLFetcherResponse(url, body, {"Content-Type": content_type})

    document = HTML(string=html, base_url=BASE_URL, url_fetcher=Fetcher())
    return document.write_pdf(pdf_tags=True)
