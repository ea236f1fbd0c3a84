"""A page as the page cache keeps it: its status, its headers and its body in each
encoding a reader may accept (Brotli, gzip, none), compressed once when it is kept, not
at every hit. See docs/page-cache.md."""

import gzip
from dataclasses import dataclass

import brotli
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

# Best first: Brotli is about a tenth smaller than gzip on the site's pages. A page is
# compressed at every page miss: quality 4 and level 4 take about half the time of 5
# and 6 for 5-7 % more bytes (benchmarks/RESULTS.md, "Compressed at level 4").
COMPRESSIONS = {
    "br": lambda body: brotli.compress(body, quality=4),
    "gzip": lambda body: gzip.compress(body, compresslevel=4, mtime=0),
}
MIN_SIZE = 256  # bytes: below this, compressing costs more than it saves
SKIPPED_HEADERS = {"content-length", "content-encoding"}


@dataclass(frozen=True)
class KeptPage:
    status: int
    headers: tuple  # (name, value) pairs
    bodies: dict  # encoding ("" for none) -> bytes
    keys: tuple  # what it shows (thinktank.cache.depends_on)
    until: float  # the timestamp its life ends at, at the latest

    @classmethod
    def of(cls, response, *, keys, until):
        """The page `response` is (a 200 with its ETag set), in every encoding."""
        patch_vary_headers(response, ("Accept-Encoding",))
        body = response.content
        bodies = {"": body}
        if len(body) >= MIN_SIZE and not response.has_header("Content-Encoding"):
            bodies.update((name, compress(body)) for name, compress in COMPRESSIONS.items())
        headers = tuple(
            (name, value) for name, value in response.items() if name.lower() not in SKIPPED_HEADERS
        )
        return cls(response.status_code, headers, bodies, keys, until)

    def response_for(self, request):
        """A new response of this page in the best encoding `request` accepts."""
        encoding = accepted_encoding(request, self.bodies)
        response = HttpResponse(self.bodies[encoding], status=self.status)
        for name, value in self.headers:
            response[name] = value
        if encoding:
            response["Content-Encoding"] = encoding
            etag = response.get("ETag")
            if etag and etag.endswith('"'):  # each encoding's bytes have their own tag
                response["ETag"] = f'{etag[:-1]}-{encoding}"'
        response["Content-Length"] = str(len(self.bodies[encoding]))
        return response


def accepted_encoding(request, bodies):
    """The first of `bodies`' encodings the request's Accept-Encoding allows, or ""."""
    accepted = set()
    for item in request.headers.get("Accept-Encoding", "").split(","):
        name, _sep, parameters = item.strip().partition(";")
        quality = parameters.strip().removeprefix("q=").strip()
        try:
            refused = quality != "" and float(quality) == 0
        except ValueError:
            refused = True
        if not refused:
            accepted.add(name.strip().lower())
    return next((name for name in COMPRESSIONS if name in bodies and name in accepted), "")
