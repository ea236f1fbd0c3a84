"""
Documents made in the tests: PDFs written object by object (so that a test can add what
a hostile file holds: a script, a launch action, an embedded file, a lying page tree),
office files and CSV, and uploads of them.
"""

import io
import zipfile
import zlib

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader, PdfWriter

from articles.models import Document
from thinktank.documents import check_document


def _escaped(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(pages=("A page of the report.",), *, catalog="", extra=(), count=None):
    """
    A PDF of one page per text in `pages` (Helvetica, Latin-1 text), its catalog
    holding `catalog` besides its pages, and the objects `extra` after the pages'
    (numbered from extra_number(pages)); `count` overrides the page tree's /Count.
    """
    pages = list(pages)
    page_numbers = [4 + 2 * index for index in range(len(pages))]
    kids = " ".join(f"{number} 0 R" for number in page_numbers)
    objects = [
        f"<< /Type /Catalog /Pages 2 0 R {catalog} >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {len(pages) if count is None else count} >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for number, text in zip(page_numbers, pages, strict=True):
        content = f"BT /F1 12 Tf 72 720 Td ({_escaped(text)}) Tj ET"
        objects.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
            f" /Resources << /Font << /F1 3 0 R >> >> /Contents {number + 1} 0 R >>"
        )
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
    objects.extend(extra)
    return _written(objects)


def extra_number(pages):
    """The number of the first of `extra` objects of a PDF of `pages`."""
    return 4 + 2 * len(list(pages))


def _written(objects):
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        if isinstance(body, str):
            body = body.encode("latin-1")
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def page_tree_bomb(levels=9, fan_out=10):
    """A PDF whose page tree names the same node `fan_out` times at each of `levels`
    levels: a few objects, fan_out ** levels pages, and a /Count that says 1."""
    first = extra_number(["a"])
    nodes = []
    for level in range(levels):
        kid = f"{first + level + 1} 0 R" if level < levels - 1 else "4 0 R"
        nodes.append(f"<< /Type /Pages /Kids [{' '.join([kid] * fan_out)}] /Count 1 >>")
    pdf = pdf_bytes(["a"], extra=nodes)
    # The catalog's page tree is the bomb's root.
    return pdf.replace(b"/Pages 2 0 R", f"/Pages {first} 0 R".encode(), 1)


def inflating_pdf_bytes(inflated=60_000_000):
    """A small PDF whose one page's content inflates to `inflated` bytes of spaces."""
    packed = zlib.compress(b" " * inflated, 9)
    return _written(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(packed), packed),
        ]
    )


def encrypted_pdf_bytes():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_bytes(members, *, compression=zipfile.ZIP_DEFLATED):
    """A zip of `members` ({name: bytes}), in that order."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


CONTENT_TYPES = b'<?xml version="1.0"?><Types xmlns="x"/>'


def xlsx_bytes(more=None):
    """The parts that make a zip an .xlsx for the checks, and `more` ({name: bytes})."""
    members = {
        "[Content_Types].xml": CONTENT_TYPES,
        "xl/workbook.xml": b"<workbook/>",
        "xl/worksheets/sheet1.xml": b"<worksheet/>",
    }
    return zip_bytes({**members, **(more or {})})


def docx_bytes():
    return zip_bytes({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<document/>"})


def ods_bytes():
    return zip_bytes(
        {
            "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": b"<office:document-content/>",
        },
        compression=zipfile.ZIP_STORED,
    )


def upload(data, name="report.pdf", content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def make_document(article, title="Full report", data=None, *, language=None, position=0):
    """A document of `article`, checked as an upload is, stored on the private storage."""
    data = pdf_bytes() if data is None else data
    checked = check_document(upload(data))
    return Document.objects.create(
        article=article,
        title=title,
        language=language or article.language,
        position=position,
        file=ContentFile(data, name=f"upload{checked.format.extension}"),
        kind=checked.kind,
        size=checked.size,
        page_count=checked.pages,
        text=checked.text,
    )
