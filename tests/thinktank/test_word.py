"""
thinktank.word: a checked Word document as a sanitized body in the stored forms
(docs/rich-text.md): headings one level down, lists, tables, links, emphasis, notes at
their reference, figures naming library images; and the list of what did not come
along, never silently lost.
"""

import io

import docx as python_docx
import mammoth
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import word
from tests.helpers.images import encoded, noise
from thinktank.docx import DocxRefused, read_docx
from thinktank.word import ImageNotImported, convert


def converted(data, images=None):
    return convert(read_docx(io.BytesIO(data)), images=images)


@pytest.fixture(scope="module")
def report():
    return word.report()


def test_the_structure_of_a_report_is_kept(report):
    body = converted(report, images=lambda image: 7).body
    assert "<h2>Introduction</h2>" in body
    assert "<h3>Findings</h3>" in body
    assert "<ul><li>First finding</li><li>Second finding</li></ul>" in body
    assert "<ol><li>Step one</li><li>Step two</li></ol>" in body
    assert "<td><p>Aden</p></td>" in body
    assert "<strong>ports</strong>" in body and "<em>straits</em>" in body
    assert '<a href="https://example.org/data" rel="noopener noreferrer">the data</a>' in body


def test_the_title_paragraph_is_the_title_not_part_of_the_body(report):
    conversion = converted(report)
    assert conversion.title == "Ports and Power"
    assert "Ports and Power" not in conversion.body
    assert "<h1" not in conversion.body


def test_without_a_title_paragraph_the_properties_then_the_first_heading_name_it():
    document = python_docx.Document()
    document.add_heading("Only a heading", level=1)
    document.add_paragraph("Text.")
    assert converted(word.docx_bytes(document)).title == "Only a heading"
    document.core_properties.title = "From the properties"
    assert converted(word.docx_bytes(document)).title == "From the properties"


def test_footnotes_and_endnotes_become_notes_at_their_reference(report):
    body = converted(report).body
    assert '<em>straits</em>.<span data-note="">Ministry of Transport, 2024.</span></p>' in body
    assert '<span data-note="">See <em>also</em> the annex.</span>' in body
    assert 'matter.<span data-note="">An endnote.</span></p>' in body
    assert "#footnote" not in body and "#endnote" not in body and "↑" not in body
    assert "<sup>" not in body and "<ol><li>Ministry" not in body


def test_an_image_is_a_figure_of_its_library_image_with_its_caption(report):
    seen = []

    def library(image):
        seen.append(image)
        return 42

    conversion = converted(report, images=library)
    assert (
        '<figure data-image="42" data-size="full"><figcaption>Figure 1: Tonnage by port'
        "</figcaption></figure>"
    ) in conversion.body
    assert "<img" not in conversion.body and "<p><figure" not in conversion.body
    assert conversion.figures == [42]
    [image] = seen
    assert (image.number, image.content_type, image.alt_text) == (
        1,
        "image/png",
        "A bar chart of tonnage by port",
    )
    assert image.data.startswith(b"\x89PNG")


def test_an_image_inside_a_paragraph_splits_it():
    document = python_docx.Document()
    paragraph = document.add_paragraph("Before ")
    paragraph.add_run("bold ").bold = True
    run = paragraph.add_run()
    run.add_picture(io.BytesIO(encoded(noise((8, 8)), "PNG")))
    paragraph.add_run(" after.")
    body = converted(word.docx_bytes(document), images=lambda image: 3).body
    assert body == (
        "<p>Before <strong>bold </strong></p>"
        '<figure data-image="3" data-size="full"></figure>'
        "<p> after.</p>"
    )


@pytest.mark.parametrize("handler", [None, "refuses"])
def test_an_image_not_imported_is_listed_never_silently_lost(report, handler):
    def refuses(image):
        raise ImageNotImported("not an image format this site shows")

    conversion = converted(report, images=refuses if handler else None)
    assert "<figure" not in conversion.body
    [line] = [item for item in conversion.unsupported if "Image 1" in item]
    assert "A bar chart of tonnage by port" in line
    if handler:
        assert "not an image format this site shows" in line


def test_an_image_handlers_own_error_is_not_mistaken_for_a_broken_document(report):
    def broken(image):
        raise LookupError("the library's own bug")

    with pytest.raises(LookupError):
        converted(report, images=broken)


def test_arabic_text_comes_through_whole():
    conversion = converted(word.report(arabic=True))
    assert conversion.title == "تقرير عن الموانئ"
    assert "<h2>مقدمة</h2>" in conversion.body
    assert "<strong>الموانئ</strong>" in conversion.body
    assert '<span data-note="">مصدر الأرقام: وزارة النقل.</span>' in conversion.body
    assert conversion.lead == "تعتمد التجارة على الموانئ في المنطقة."


UNSUPPORTED = {
    "comment": (
        '<w:commentRangeStart w:id="0"/><w:r><w:t>Hello</w:t></w:r>'
        '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>',
        "1 comment was not imported",
    ),
    "tracked change": (
        '<w:ins w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:t>new</w:t></w:r>'
        '</w:ins><w:del w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r>'
        "<w:delText>old</w:delText></w:r></w:del>",
        "2 tracked changes were imported as if accepted",
    ),
    "equation": (
        '<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
        "<m:r><m:t>x</m:t></m:r></m:oMath>",
        "1 equation was not imported",
    ),
    "field": (
        '<w:fldSimple w:instr=" TOC \\o &quot;1-3&quot; "><w:r><w:t>Contents</w:t></w:r>'
        "</w:fldSimple>",
        "Fields (TOC)",
    ),
    "embedded object": ("<w:r><w:object/></w:r>", "1 embedded object"),
    "chart": (
        '<w:r><w:drawing><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/'
        '2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/'
        'chart"/></a:graphic></w:drawing></w:r>',
        "1 chart was not imported",
    ),
    "text box": (
        "<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></w:r>",
        "1 text box",
    ),
}


@pytest.mark.parametrize("kind", UNSUPPORTED)
def test_what_a_body_cannot_hold_is_listed(kind):
    xml, expected = UNSUPPORTED[kind]

    def insert(text):
        return text.replace("<w:r><w:t>Hello</w:t></w:r>", xml, 1)

    data = word.with_document_xml(word.simple_docx(), insert)
    if kind == "comment":
        data = word.with_comment(data)
    conversion = converted(data)
    assert any(expected in item for item in conversion.unsupported), conversion.unsupported


def test_a_plain_document_lists_nothing(report):
    conversion = converted(report, images=lambda image: 1)
    assert conversion.unsupported == []


def test_a_document_the_converter_fails_on_is_refused_with_a_message(monkeypatch):
    """Checked, well-formed XML that the converter cannot make sense of."""

    def fails(*args, **kwargs):
        raise AttributeError("'NoneType' object has no attribute 'children'")

    monkeypatch.setattr(mammoth, "convert_to_html", fails)
    with pytest.raises(DocxRefused) as refused:
        converted(word.simple_docx())
    assert refused.value.code == "not_docx"


# Well-formed WordprocessingML pieces, in any order and nesting a converter may meet.
PIECES = [
    "<w:p>{}</w:p>",
    "<w:r>{}</w:r>",
    "<w:t>x</w:t>",
    '<w:hyperlink w:anchor="a">{}</w:hyperlink>',
    '<w:footnoteReference w:id="9"/>',
    "<w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>",
    '<w:pPr><w:numPr><w:ilvl w:val="8"/><w:numId w:val="77"/></w:numPr></w:pPr>',
    "<w:sdt><w:sdtContent>{}</w:sdtContent></w:sdt>",
    '<w:fldChar w:fldCharType="begin"/>',
    "<w:instrText> HYPERLINK </w:instrText>",
    '<w:fldChar w:fldCharType="end"/>',
    "<w:ins>{}</w:ins>",
    "<w:br/>",
    '<w:bookmarkStart w:id="1" w:name="a"/>',
]


@given(
    st.recursive(
        st.sampled_from(PIECES),
        lambda inner: st.tuples(st.sampled_from(PIECES), st.lists(inner, max_size=3)).map(
            lambda pair: pair[0].replace("{}", "".join(pair[1]))
        ),
        max_leaves=12,
    )
)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_arrangement_of_word_markup_converts_or_is_refused(markup):
    data = word.with_document_xml(
        word.simple_docx(),
        lambda text: text.replace("<w:body>", f"<w:body>{markup.replace('{}', '')}", 1),
    )
    try:
        conversion = converted(data)
    except DocxRefused as refused:
        assert refused.messages
    else:
        assert isinstance(conversion.body, str)


def test_headers_and_footers_are_listed_not_imported():
    document = python_docx.Document()
    document.sections[0].header.paragraphs[0].text = "Confidential draft"
    document.add_paragraph("Text.")
    conversion = converted(word.docx_bytes(document))
    assert "Confidential" not in conversion.body
    assert "Headers and footers were not imported." in conversion.unsupported


def test_an_embedded_file_is_listed():
    data = word.rewritten(word.simple_docx(), add={"word/embeddings/sheet.xlsx": b"PK"})
    assert "Files embedded in the document were not imported." in converted(data).unsupported
