"""
Checks of an uploaded document (a report's PDF, a data appendix): what it is, read from
its content whatever its name, and whether it is safe to keep and hand to readers. A
file that is not one of FORMATS, too large, broken or hostile is refused with a message
(ValidationError), never an error. See docs/documents.md ("Checks").
"""

import csv
import io
import json
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy

# The script that reads a PDF in a process of its own; run, never imported here, so
# that pypdf (16 MB) stays out of the web workers.
PDF_PROBE = Path(__file__).with_name("pdf_probe.py")


@dataclass(frozen=True)
class Format:
    label: str  # what a reader is told the file is
    extension: str
    content_type: str


FORMATS = {
    "pdf": Format("PDF", ".pdf", "application/pdf"),
    "xlsx": Format(
        "XLSX", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
    "ods": Format("ODS", ".ods", "application/vnd.oasis.opendocument.spreadsheet"),
    "docx": Format(
        "DOCX",
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "csv": Format("CSV", ".csv", "text/csv; charset=utf-8"),
}
KINDS = [(kind, item.label) for kind, item in FORMATS.items()]

# --- limits: each bounds the time or the memory a check may take ----------------------
# Characters of a PDF's text kept (and indexed for search) per document.
TEXT_LIMIT = 100_000
PDF_PAGE_LIMIT = 2_000
# Objects of a PDF walked looking for active content.
PDF_OBJECT_LIMIT = 500_000
# The PDF is read in a process of its own, limited to this memory and processor time,
# and waited for at most PDF_WALL_SECONDS: well within the server's request timeout
# (GUNICORN_TIMEOUT, 30 s), so the editor gets a message, not a killed worker.
PDF_MEMORY_BYTES = 768 * 1024 * 1024
PDF_CPU_SECONDS = 15
PDF_WALL_SECONDS = 20
# A zip's members, their size once inflated (in all), and how much each may inflate.
ZIP_MEMBER_LIMIT = 5_000
ZIP_INFLATED_LIMIT = 256 * 1024 * 1024
ZIP_RATIO_LIMIT = 100
# Zip members that run or embed something: refused in any office file.
ZIP_ACTIVE_PARTS = ("vbaproject.bin", "activex/", "embeddings/", "macros/", "basic/")
# A CSV cell a spreadsheet would run as a formula ("=HYPERLINK(...)"), CWE-1236.
FORMULA_STARTS = ("=", "@", "\t", "\r")

MESSAGES = {
    "unknown": gettext_lazy(
        "This file is not a PDF, a spreadsheet (.xlsx, .ods, .csv) or a Word document "
        "(.docx), whatever its name says."
    ),
    "too_large": gettext_lazy("The file is %(size)s; documents may be %(limit)s at most."),
    "empty": gettext_lazy("The file is empty."),
    "broken": gettext_lazy("This PDF is damaged and cannot be read. Export it again."),
    "encrypted": gettext_lazy(
        "This PDF is protected by a password or encrypted. Upload a copy without protection."
    ),
    "javascript": gettext_lazy(
        "This PDF contains scripts (JavaScript or XML forms), which are not accepted. "
        "Export or print it to a new PDF without them."
    ),
    "launch": gettext_lazy(
        "This PDF contains an action that launches a program, which is not accepted."
    ),
    "embedded_file": gettext_lazy(
        "This PDF has files or media embedded in it, which are not accepted. Upload "
        "them as documents of their own."
    ),
    "too_many_pages": gettext_lazy("This PDF has more than %(pages)s pages."),
    "too_complex": gettext_lazy(
        "This PDF takes too long or too much memory to read. Export it again, or split it."
    ),
    "bad_zip": gettext_lazy(
        "This file is a damaged, encrypted or oversized archive (a spreadsheet or Word "
        "document is one), and cannot be accepted."
    ),
    "macros": gettext_lazy(
        "This file contains macros, controls or embedded objects, which are not accepted. "
        "Save it as a plain .xlsx, .ods or .docx."
    ),
    "bad_csv": gettext_lazy(
        "This CSV file is not text in UTF-8, or cannot be read as CSV. Save it as “CSV UTF-8”."
    ),
    "csv_formula": gettext_lazy(
        "This CSV file has a cell starting with “=”, “@” or a control character (row "
        "%(row)s), which spreadsheets run as a formula. Remove it or put a quote before it."
    ),
}


def refusal(code, **params):
    return ValidationError(MESSAGES[code], code=f"document_{code}", params=params or None)


@dataclass(frozen=True)
class CheckedDocument:
    """What a check found of an accepted file."""

    kind: str
    size: int
    pages: int | None = None
    text: str = ""

    @property
    def format(self):
        return FORMATS[self.kind]


def max_size():
    return settings.MAX_DOCUMENT_UPLOAD_SIZE


def check_document(file):
    """The CheckedDocument of `file` (an uploaded file, read whole), or ValidationError.
    Kept on the file object, so that a form and the service that saves check it once."""
    checked = getattr(file, "_checked_document", None)
    if checked is None:
        checked = _check(file)
        file._checked_document = checked
    return checked


def _check(file):
    size = file.size
    if size > max_size():
        raise refusal("too_large", size=filesizeformat(size), limit=filesizeformat(max_size()))
    if not size:
        raise refusal("empty")
    file.seek(0)
    data = file.read()
    file.seek(0)
    if data.startswith(b"%PDF-"):
        pages, text = _check_pdf(data)
        return CheckedDocument("pdf", size, pages=pages, text=text)
    if data.startswith(b"PK\x03\x04"):
        return CheckedDocument(_check_office_file(data), size)
    _check_csv(data)
    return CheckedDocument("csv", size)


# --- PDF --------------------------------------------------------------------------------


def _check_pdf(data):
    """(pages, text) of a PDF pypdf reads whole, in a process of its own (pdf_probe)."""
    options = {
        "memory_bytes": PDF_MEMORY_BYTES,
        "cpu_seconds": PDF_CPU_SECONDS,
        "max_pages": PDF_PAGE_LIMIT,
        "max_text": TEXT_LIMIT,
        "max_objects": PDF_OBJECT_LIMIT,
    }
    command = [sys.executable, "-I", str(PDF_PROBE), json.dumps(options)]
    try:
        finished = subprocess.run(  # noqa: S603 - our own script, no shell
            command, input=data, capture_output=True, timeout=PDF_WALL_SECONDS, check=False
        )
    except subprocess.TimeoutExpired:
        raise refusal("too_complex") from None
    try:
        result = json.loads(finished.stdout)
    except ValueError:  # killed by its limits before it could answer
        raise refusal("too_complex") from None
    problem = result.get("problem")
    if problem:
        raise refusal(problem, pages=PDF_PAGE_LIMIT)
    return result["pages"], result["text"]


# --- zip-based office files -------------------------------------------------------------


def _check_office_file(data):
    """The kind of an .xlsx, .ods or .docx whose zip is whole and no bomb: every member
    is inflated (counting, not kept) within ZIP_INFLATED_LIMIT and ZIP_RATIO_LIMIT."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            _check_members(members)
            names = {member.filename for member in members}
            kind = _office_kind(archive, names)
            if any(part in name.lower() for name in names for part in ZIP_ACTIVE_PARTS):
                raise refusal("macros")
            _inflate_all(archive, members)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError):
        raise refusal("bad_zip") from None
    except RuntimeError:  # an encrypted member
        raise refusal("bad_zip") from None
    return kind


def _check_members(members):
    if not members or len(members) > ZIP_MEMBER_LIMIT:
        raise refusal("bad_zip")
    names = [member.filename for member in members]
    if len(set(names)) != len(names):  # two members of one name: readers disagree
        raise refusal("bad_zip")
    declared = 0
    for member in members:
        if member.flag_bits & 0x1:  # encrypted
            raise refusal("bad_zip")
        declared += member.file_size
        if member.file_size > ZIP_RATIO_LIMIT * max(member.compress_size, 1024):
            raise refusal("bad_zip")
    if declared > ZIP_INFLATED_LIMIT:
        raise refusal("bad_zip")


def _office_kind(archive, names):
    if "mimetype" in names:
        mimetype = archive.read("mimetype")  # small: the ratio check allows 100 kB at most
        if mimetype.strip() == FORMATS["ods"].content_type.encode():
            return "ods"
        raise refusal("unknown")
    if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
        return "xlsx"
    if "[Content_Types].xml" in names and "word/document.xml" in names:
        return "docx"
    raise refusal("unknown")


def _inflate_all(archive, members):
    """Inflate every member by chunks, so that the sizes the headers claim are not
    trusted: the real total is counted (and each CRC checked by zipfile)."""
    total = 0
    for member in members:
        inflated = 0
        with archive.open(member) as stream:
            while chunk := stream.read(64 * 1024):
                inflated += len(chunk)
                total += len(chunk)
                if inflated > member.file_size or total > ZIP_INFLATED_LIMIT:
                    raise refusal("bad_zip")


# --- CSV --------------------------------------------------------------------------------


def _check_csv(data):
    """UTF-8 text (else not a format we know) that the csv module reads whole (cells of
    at most csv.field_size_limit(), 128 kB), with no cell a spreadsheet would run."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise refusal("unknown") from None
    if any(ord(char) < 0x20 and char not in "\t\r\n" for char in text):
        raise refusal("unknown")  # binary, or text with control characters
    try:
        for row_number, row in enumerate(csv.reader(io.StringIO(text, newline=""), strict=True), 1):
            if any(cell.startswith(FORMULA_STARTS) for cell in row):
                raise refusal("csv_formula", row=row_number)
    except csv.Error:
        raise refusal("bad_csv") from None
