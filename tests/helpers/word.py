"""Word documents (.docx) made in the tests with python-docx, and hostile ones made by
hand: what the Word import tests (tests/thinktank/test_docx*.py, test_word*.py,
tests/articles/test_word_import*.py) read."""

import io
import zipfile
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Inches

from tests.helpers.images import encoded, noise

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
ENDNOTES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"


def add_link(paragraph, text, url):
    """A hyperlink to `url` (python-docx has no API for one)."""
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel}"><w:r><w:t xml:space="preserve">'
        f"{text}</w:t></w:r></w:hyperlink>"
    )
    paragraph._p.append(link)


def add_image(document, alt, *, size=(40, 20)):
    """A PNG in a paragraph of its own, with `alt` as its alt text."""
    shape = (
        document.add_paragraph()
        .add_run()
        .add_picture(io.BytesIO(encoded(noise(size), "PNG")), width=Inches(2))
    )
    shape._inline.docPr.set("descr", alt)
    return shape


def add_note_reference(paragraph, number, kind="footnote"):
    """A footnote's (or endnote's) reference mark at the end of `paragraph`."""
    style = "FootnoteReference" if kind == "footnote" else "EndnoteReference"
    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="{style}"/></w:rPr>'
            f'<w:{kind}Reference w:id="{number}"/></w:r>'
        )
    )


def _notes_part(kind, notes):
    def runs(text):  # a tuple: (plain, italic, plain, ...)
        pieces = (text,) if isinstance(text, str) else text
        return "".join(
            f"<w:r>{'<w:rPr><w:i/></w:rPr>' if index % 2 else ''}"
            f'<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>'
            for index, piece in enumerate(pieces)
        )

    items = "".join(
        f'<w:{kind} w:id="{number}"><w:p><w:r><w:{kind}Ref/></w:r>{runs(" ")}{runs(text)}'
        f"</w:p></w:{kind}>"
        for number, text in notes.items()
    )
    separators = (
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:{kind}>"
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:{kind}s xmlns:w="{W_NS}">{separators}{items}</w:{kind}s>'
    ).encode()


def docx_bytes(document, *, footnotes=None, endnotes=None):
    """The bytes of python-docx's `document`, with the footnotes and endnotes parts
    ({number: text}) its references point to."""
    for kind, notes, rel_type in (
        ("footnote", footnotes, FOOTNOTES_TYPE),
        ("endnote", endnotes, ENDNOTES_TYPE),
    ):
        if notes:
            part = Part(
                PackURI(f"/word/{kind}s.xml"),
                f"application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}s+xml",
                _notes_part(kind, notes),
                document.part.package,
            )
            document.part.relate_to(part, rel_type)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def report(*, arabic=False, image_without_alt=False):
    """A report with a title, headings, a list of each kind, a table, a link, bold and
    italic text, two footnotes, an endnote and an image with alt text (and, with
    `image_without_alt`, a second image with none)."""
    document = docx.Document()
    if arabic:
        document.add_paragraph("تقرير عن الموانئ", style="Title")
        document.add_heading("مقدمة", level=1)
        paragraph = document.add_paragraph("تعتمد التجارة على ")
        paragraph.add_run("الموانئ").bold = True
        paragraph.add_run(" في المنطقة.")
        add_note_reference(paragraph, 1)
        return docx_bytes(document, footnotes={1: "مصدر الأرقام: وزارة النقل."})
    document.core_properties.title = "Properties title"
    document.add_paragraph("Ports and Power", style="Title")
    document.add_heading("Introduction", level=1)
    paragraph = document.add_paragraph("Trade runs through ")
    paragraph.add_run("ports").bold = True
    paragraph.add_run(" and ")
    paragraph.add_run("straits").italic = True
    paragraph.add_run(".")
    add_note_reference(paragraph, 1)
    second = document.add_paragraph("Read ")
    add_link(second, "the data", "https://example.org/data")
    second.add_run(" for details.")
    add_note_reference(second, 2)
    document.add_heading("Findings", level=2)
    document.add_paragraph("First finding", style="List Bullet")
    document.add_paragraph("Second finding", style="List Bullet")
    document.add_paragraph("Step one", style="List Number")
    document.add_paragraph("Step two", style="List Number")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("Port", "Tonnage"), ("Aden", "12")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    add_image(document, "A bar chart of tonnage by port")
    document.add_paragraph("Figure 1: Tonnage by port", style="Caption")
    if image_without_alt:
        add_image(document, "")
    last = document.add_paragraph("In the end, ports matter.")
    add_note_reference(last, 1, kind="endnote")
    return docx_bytes(
        document,
        footnotes={1: "Ministry of Transport, 2024.", 2: ("See ", "also", " the annex.")},
        endnotes={1: "An endnote."},
    )


# --- hostile or broken files -------------------------------------------------------------


def rewritten(data, *, replace=None, add=None, drop=()):
    """The zip `data` with some entries' bytes replaced ({name: bytes}), added, dropped."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in drop:
                continue
            target.writestr(info.filename, (replace or {}).get(info.filename, source.read(info)))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return buffer.getvalue()


def with_comment(data, text="Check this figure."):
    """`data` with a comments part holding one comment (id 0), related to the document."""
    comments = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="{W_NS}">'
        f'<w:comment w:id="0" w:author="Reviewer"><w:p><w:r><w:t>{escape(text)}</w:t></w:r>'
        "</w:p></w:comment></w:comments>"
    )
    source = zipfile.ZipFile(io.BytesIO(data))
    rels = (
        source.read("word/_rels/document.xml.rels")
        .decode()
        .replace(
            "</Relationships>",
            '<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
        )
    )
    types = (
        source.read("[Content_Types].xml")
        .decode()
        .replace(
            "</Types>",
            '<Override PartName="/word/comments.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
        )
    )
    return rewritten(
        data,
        replace={"word/_rels/document.xml.rels": rels, "[Content_Types].xml": types},
        add={"word/comments.xml": comments},
    )


def simple_docx(text="Hello"):
    document = docx.Document()
    document.add_paragraph(text)
    return docx_bytes(document)


def zip_bomb(size=200 * 1024 * 1024):
    """A .docx whose one extra part inflates to `size` bytes of zeros."""
    buffer = io.BytesIO(simple_docx())
    with (
        zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/zeros.bin", "w", force_zip64=True) as entry,
    ):
        block = bytes(1024 * 1024)
        for _ in range(size // len(block)):
            entry.write(block)
    return buffer.getvalue()


def lying_sizes(data, name="word/document.xml"):
    """`data` with the central directory's size of `name` made 10 bytes (a zip that lies)."""
    archive = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    central = bytes(archive).find(b"PK\x01\x02", 0)
    while central != -1:
        name_length = int.from_bytes(archive[central + 28 : central + 30], "little")
        if archive[central + 46 : central + 46 + name_length].decode() == name:
            archive[central + 24 : central + 28] = (10).to_bytes(4, "little")
            break
        central = bytes(archive).find(b"PK\x01\x02", central + 4)
    assert info.file_size > 10
    return bytes(archive)


def with_document_xml(data, transform):
    """`data` with word/document.xml replaced by transform(its text)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    text = source.read("word/document.xml").decode()
    return rewritten(data, replace={"word/document.xml": transform(text).encode()})


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)
EXTERNAL_ENTITY = '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def with_doctype(data, doctype, entity):
    """`data` whose document.xml declares `doctype` and uses `&entity;` in its text."""

    def transform(text):
        body = text.split("?>", 1)[1] if text.startswith("<?xml") else text
        return doctype + body.replace("Hello", f"&{entity};", 1)

    return with_document_xml(data, transform)
