"""Checking an uploaded Word document (.docx) before anything reads it: a zip within
size limits, XML without DTDs or entities, no macros, no external references.
See docs/word-import.md."""

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# The most entries a document may have (a long report with many figures has ~200).
MAX_ENTRIES = 2000
# Its parts, uncompressed, at most this many times the largest upload...
EXPANSION = 5
# ...and its XML at most this much in all (a 10,000-word report has about 2 MB).
MAX_XML_SIZE = 40 * 1024 * 1024
# A part over RATIO_FLOOR bytes may not be more than RATIO times its compressed size.
RATIO = 100
RATIO_FLOOR = 1024 * 1024
CHUNK = 64 * 1024

MAIN_CONTENT_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
}
MACRO_CONTENT_TYPES = {
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    "application/vnd.ms-office.vbaProject",
    "application/vnd.ms-word.vbaData+xml",
}
CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
# The one kind of relationship that may point outside the document: a link.
EXTERNAL_ALLOWED = {"hyperlink"}


class DocxRefused(ValidationError):
    """The file is not a Word document this site reads, and why, for the editor."""

    def __init__(self, message, code):
        super().__init__(message, code=code)


@dataclass
class Relationship:
    id: str
    type: str  # its last segment: "image", "hyperlink", "footnotes", ...
    target: str
    external: bool


@dataclass
class Docx:
    """A checked document: its parts' bytes and parsed XML, its content types and
    relationships. Made only by `read_docx`."""

    parts: dict  # name → bytes
    main: str  # the main document part's name
    xml: dict = field(default_factory=dict)  # name → parsed root (defusedxml)
    content_types: dict = field(default_factory=dict)  # name → content type
    relationships: dict = field(default_factory=dict)  # part name → [Relationship]

    def as_zip(self):
        """The checked parts alone, as a new zip in memory, for a converter to read."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            for name, data in self.parts.items():
                archive.writestr(name, data)
        buffer.seek(0)
        return buffer

    def related(self, part, kind):
        """The internal relationships of `part` of `kind` ("footnotes", "image", ...)."""
        return [
            rel for rel in self.relationships.get(part, []) if rel.type == kind and not rel.external
        ]

    def target_of(self, part, relationship):
        """The part name a relationship of `part` points to."""
        base = posixpath.dirname(part)
        return posixpath.normpath(posixpath.join(base, relationship.target)).lstrip("/")


def max_upload_size():
    return settings.MAX_WORD_UPLOAD_SIZE


def read_docx(file, *, max_size=None):
    """The checked Docx of an uploaded `file`; DocxRefused (a ValidationError) with a
    message for an editor for anything broken, too big or hostile."""
    max_size = max_size or max_upload_size()
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, io.SEEK_END)
        size = file.tell()
    if size > max_size:
        raise DocxRefused(
            _("This file is %(size)s; a Word document may be at most %(max)s.")
            % {"size": filesizeformat(size), "max": filesizeformat(max_size)},
            "too_big",
        )
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            parts = read_zip_entries(archive, max_size * EXPANSION)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError) as error:
        raise not_a_docx() from error
    except (NotImplementedError, RuntimeError) as error:  # a compression method, encryption
        raise DocxRefused(
            _("This document is compressed or encrypted in a way this site does not read.")
            + " "
            + _("Save it again from Word as a .docx without a password."),
            "unreadable",
        ) from error
    return _checked(parts)


def not_a_docx():
    return DocxRefused(
        _(
            "This file is not a Word document (.docx), or it is damaged. Open it in Word "
            "and save it again as a .docx."
        ),
        "not_docx",
    )


def _too_big_inside():
    return DocxRefused(
        _("This document is far bigger inside than its file (a “zip bomb”), so it was not read."),
        "zip_bomb",
    )


def read_zip_entries(archive, max_total):
    """Every entry's bytes, read in chunks and counted as read: the sizes the zip
    declares are checked first and never trusted. DocxRefused (by code) otherwise;
    any zip an editor uploads goes through here, not only a Word document's."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise DocxRefused(
            _("This document has more than %(count)d parts; it was not read.")
            % {"count": MAX_ENTRIES},
            "too_many_parts",
        )
    if sum(info.file_size for info in infos) > max_total:
        raise _too_big_inside()
    parts, total, xml_total = {}, 0, 0
    for info in infos:
        name = info.filename
        if not name:  # a damaged entry (ZipInfo.is_dir() fails on it)
            raise not_a_docx()
        if info.is_dir():
            continue
        if name in parts or name.lower().lstrip("/") != name.lower() or "\\" in name:
            raise not_a_docx()
        if info.flag_bits & 0x1:
            raise RuntimeError("encrypted")
        chunks, read = [], 0
        with archive.open(info) as entry:
            while chunk := entry.read(CHUNK):
                read += len(chunk)
                total += len(chunk)
                if _is_xml_name(name):
                    xml_total += len(chunk)
                if (
                    read > info.file_size
                    or total > max_total
                    or xml_total > MAX_XML_SIZE
                    or (read > RATIO_FLOOR and read > RATIO * max(info.compress_size, 1))
                ):
                    raise _too_big_inside()
                chunks.append(chunk)
        parts[name] = b"".join(chunks)
    return parts


def _is_xml_name(name):
    return name.lower().endswith((".xml", ".rels"))


def _parse(name, data):
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise DocxRefused(
            _(
                "This document's XML declares a DTD or entities (%(part)s), which Word "
                "never writes and attacks use; it was not read."
            )
            % {"part": name},
            "xml_entities",
        ) from error
    except (ParseError, ValueError) as error:
        raise not_a_docx() from error


def _checked(parts):
    if any(posixpath.basename(name).lower() == "vbaproject.bin" for name in parts):
        raise _macros()
    if "[Content_Types].xml" not in parts or "_rels/.rels" not in parts:
        raise not_a_docx()
    document = Docx(parts=parts, main="")
    for name, data in parts.items():
        if _is_xml_name(name):
            document.xml[name] = _parse(name, data)
    document.content_types = _content_types(document)
    if MACRO_CONTENT_TYPES & set(document.content_types.values()):
        raise _macros()
    for name, root in document.xml.items():
        if name.endswith(".rels"):
            document.relationships[_source_of(name)] = _relationships(name, root)
    main = [
        document.target_of("", rel)
        for rel in document.relationships.get("", [])
        if rel.type == "officeDocument" and not rel.external
    ]
    if not main or main[0] not in parts:
        raise not_a_docx()
    document.main = main[0]
    if document.content_types.get(document.main) not in MAIN_CONTENT_TYPES:
        raise not_a_docx()
    return document


def _macros():
    return DocxRefused(
        _(
            "This document contains macros (a .docm): this site does not accept them. "
            "Save it from Word as a “Word Document (.docx)”."
        ),
        "macros",
    )


def _content_types(document):
    """Each part's content type: its override, or its extension's default."""
    root = document.xml["[Content_Types].xml"]
    defaults = {
        node.get("Extension", "").lower(): node.get("ContentType", "")
        for node in root.iter(f"{CONTENT_TYPES}Default")
    }
    overrides = {
        node.get("PartName", "").lstrip("/"): node.get("ContentType", "")
        for node in root.iter(f"{CONTENT_TYPES}Override")
    }
    types = {
        name: overrides.get(name)
        or defaults.get(posixpath.splitext(name)[1].lstrip(".").lower(), "")
        for name in document.parts
    }
    # An override naming a part that is not there still says what the package is.
    types.update({name: kind for name, kind in overrides.items() if name not in types})
    return types


def _source_of(rels_name):
    """The part a relationships part belongs to ("" for the package's own)."""
    folder, base = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), base.removesuffix(".rels")).lstrip("/")


def _relationships(name, root):
    found = []
    for node in root.iter(f"{RELATIONSHIPS}Relationship"):
        kind = node.get("Type", "").rstrip("/").rsplit("/", 1)[-1]
        external = node.get("TargetMode", "").lower() == "external"
        if external and kind not in EXTERNAL_ALLOWED:
            raise DocxRefused(
                _(
                    "This document refers to a file outside it (%(kind)s: %(target)s); "
                    "Word would fetch it when opened. Insert the file itself or remove "
                    "the reference, then save again."
                )
                % {"kind": kind, "target": node.get("Target", "")[:100]},
                "external_reference",
            )
        found.append(Relationship(node.get("Id", ""), kind, node.get("Target", ""), external))
    return found
