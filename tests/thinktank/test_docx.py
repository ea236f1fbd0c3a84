"""
thinktank.docx: a Word document is read only once checked. A broken or hostile file (a
zip bomb, random bytes, a cut file, macros, external references, DTDs and entities) is
refused with its own message, before any converter sees it; a document Word writes is
accepted.
"""

import io
import zipfile

import docx as python_docx
import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import word
from thinktank.docx import DocxRefused, read_docx


def refusal(data, **options):
    with pytest.raises(DocxRefused) as refused:
        read_docx(io.BytesIO(data), **options)
    return refused.value.code, " ".join(refused.value.messages)


def test_a_document_word_writes_is_read_with_its_parts():
    document = read_docx(io.BytesIO(word.report()))
    assert document.main == "word/document.xml"
    assert "word/footnotes.xml" in document.parts
    assert [rel.type for rel in document.related(document.main, "footnotes")] == ["footnotes"]
    rebuilt = zipfile.ZipFile(document.as_zip())
    assert set(rebuilt.namelist()) == set(document.parts)


def test_external_links_are_fine():
    """A hyperlink to another site is a link, not a reference Word fetches."""
    document = read_docx(io.BytesIO(word.report()))
    links = [rel for rel in document.relationships[document.main] if rel.external]
    assert [(rel.type, rel.target) for rel in links] == [("hyperlink", "https://example.org/data")]


@pytest.mark.parametrize(
    "data",
    [b"", b"random bytes, not a zip", bytes(range(256)) * 40],
    ids=["empty", "text", "bytes"],
)
def test_what_is_not_a_zip_is_refused(data):
    code, message = refusal(data)
    assert code == "not_docx"
    assert "not a Word document (.docx)" in message


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9, 0.99])
def test_a_cut_file_is_refused(fraction):
    data = word.report()
    code, _message = refusal(data[: int(len(data) * fraction)])
    assert code == "not_docx"


@given(st.binary(max_size=2000))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_bytes_are_read_or_refused_with_a_message(data):
    try:
        read_docx(io.BytesIO(data))
    except DocxRefused as refused:
        assert refused.messages


@given(st.integers(min_value=0), st.integers(min_value=0, max_value=255))
@settings(max_examples=60, deadline=None)
def test_a_document_with_any_byte_changed_is_read_or_refused(position, value):
    data = bytearray(word.simple_docx())
    data[position % len(data)] = value
    try:
        read_docx(io.BytesIO(bytes(data)))
    except DocxRefused as refused:
        assert refused.messages


def test_an_entry_without_a_name_is_refused():
    """What a damaged length in the zip's directory reads as (Hypothesis found it)."""
    code, message = refusal(word.rewritten(word.simple_docx(), add={zipfile.ZipInfo(""): b"x"}))
    assert code == "not_docx" and message


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    code, message = refusal(word.zip_bomb(), max_size=1024 * 1024)
    assert code == "zip_bomb"
    assert "zip bomb" in message


def test_a_zip_lying_about_its_sizes_is_refused_while_read():
    """The central directory says 10 bytes: the reading stops there, whatever it says."""
    code, _message = refusal(word.lying_sizes(word.simple_docx()))
    assert code in ("zip_bomb", "not_docx")


def test_one_part_inflating_far_beyond_its_size_is_refused():
    data = word.rewritten(word.simple_docx(), add={"word/media/pad.bin": bytes(3 * 1024 * 1024)})
    code, _message = refusal(data)
    assert code == "zip_bomb"


def test_too_many_parts_are_refused():
    data = word.rewritten(
        word.simple_docx(), add={f"word/media/{n}.bin": b"x" for n in range(2001)}
    )
    code, message = refusal(data)
    assert code == "too_many_parts"
    assert "2000" in message


@override_settings(MAX_WORD_UPLOAD_SIZE=1000)
def test_a_file_over_the_size_from_settings_is_refused():
    code, message = refusal(word.simple_docx())
    assert code == "too_big"
    assert "1000" in message or "KB" in message


def test_macros_are_refused_by_their_part():
    data = word.rewritten(word.simple_docx(), add={"word/vbaProject.bin": b"\x00" * 100})
    code, message = refusal(data)
    assert code == "macros"
    assert ".docm" in message


def test_a_docm_is_refused_by_its_content_type():
    def as_docm(data):
        types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml").decode()
        types = types.replace(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.ms-word.document.macroEnabled.main+xml",
        )
        return word.rewritten(data, replace={"[Content_Types].xml": types.encode()})

    code, _message = refusal(as_docm(word.simple_docx()))
    assert code == "macros"


@pytest.mark.parametrize(
    "kind",
    ["image", "oleObject", "attachedTemplate", "frame", "subDocument"],
)
def test_an_external_reference_is_refused_naming_it(kind):
    document = python_docx.Document()
    document.add_paragraph("Hello")
    document.part.relate_to(
        "https://attacker.example/x",
        f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}",
        is_external=True,
    )
    code, message = refusal(word.docx_bytes(document))
    assert code == "external_reference"
    assert kind in message
    assert "https://attacker.example/x" in message


def test_an_external_template_of_the_settings_part_is_refused():
    """Word's "attached template" lives in the settings part's relationships."""
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
        'Target="file://attacker/share/t.dotm" TargetMode="External"/></Relationships>'
    )
    data = word.rewritten(word.simple_docx(), add={"word/_rels/settings.xml.rels": rels})
    code, message = refusal(data)
    assert code == "external_reference"
    assert "attachedTemplate" in message


def test_an_entity_bomb_is_refused_without_expanding_it():
    code, message = refusal(word.with_doctype(word.simple_docx(), word.BILLION_LAUGHS, "lol9"))
    assert code == "xml_entities"
    assert "word/document.xml" in message


def test_an_external_entity_is_refused_without_reading_it():
    code, _message = refusal(word.with_doctype(word.simple_docx(), word.EXTERNAL_ENTITY, "xxe"))
    assert code == "xml_entities"


def test_a_dtd_in_any_xml_part_is_refused():
    doctype = '<?xml version="1.0"?><!DOCTYPE Types SYSTEM "http://attacker.example/t.dtd">'
    types = zipfile.ZipFile(io.BytesIO(word.simple_docx())).read("[Content_Types].xml").decode()
    body = types.split("?>", 1)[1]
    data = word.rewritten(word.simple_docx(), replace={"[Content_Types].xml": doctype + body})
    code, _message = refusal(data)
    assert code == "xml_entities"


@pytest.mark.parametrize(
    "drop", ["[Content_Types].xml", "_rels/.rels", "word/document.xml"], ids=str
)
def test_a_zip_without_a_word_documents_parts_is_refused(drop):
    code, _message = refusal(word.rewritten(word.simple_docx(), drop=(drop,)))
    assert code == "not_docx"


def test_broken_xml_is_refused():
    data = word.with_document_xml(word.simple_docx(), lambda text: text[: len(text) // 2])
    code, _message = refusal(data)
    assert code == "not_docx"


def test_an_ordinary_zip_is_not_a_word_document():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    code, _message = refusal(buffer.getvalue())
    assert code == "not_docx"
