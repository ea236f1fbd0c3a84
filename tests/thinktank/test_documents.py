"""
thinktank.documents: what an uploaded document is, read from its content, and the
refusal (a ValidationError with a message, never another error) of whatever is not a
whole, inactive PDF, spreadsheet or Word file within the limits.
"""

import os

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.documents import (
    docx_bytes,
    encrypted_pdf_bytes,
    extra_number,
    inflating_pdf_bytes,
    ods_bytes,
    page_tree_bomb,
    pdf_bytes,
    upload,
    xlsx_bytes,
    zip_bytes,
)
from thinktank import documents
from thinktank.documents import check_document

ONE_PAGE = ["a"]
ACTION = extra_number(ONE_PAGE)


def refusal_of(data, name="report.pdf"):
    with pytest.raises(ValidationError) as refused:
        check_document(upload(data, name))
    error = refused.value
    assert str(error.message % (error.params or {}))  # a message a person can read
    return error.code


def test_a_pdf_is_read_whole_its_pages_counted_and_its_text_kept():
    checked = check_document(upload(pdf_bytes(["The albatross report", "Second page"])))
    assert (checked.kind, checked.pages) == ("pdf", 2)
    assert "albatross" in checked.text and "Second page" in checked.text
    assert checked.format.content_type == "application/pdf"


def test_the_type_comes_from_the_content_not_the_name():
    assert check_document(upload(pdf_bytes(), name="data.xlsx")).kind == "pdf"
    assert check_document(upload(xlsx_bytes(), name="report.pdf")).kind == "xlsx"
    assert refusal_of(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", name="report.pdf") == (
        "document_unknown"
    )
    assert refusal_of(b"MZ\x90\x00\x03\x00\x00\x00", name="data.csv") == "document_unknown"


def test_spreadsheets_and_word_files_are_recognised():
    assert check_document(upload(xlsx_bytes())).kind == "xlsx"
    assert check_document(upload(docx_bytes())).kind == "docx"
    assert check_document(upload(ods_bytes())).kind == "ods"
    csv = check_document(upload("country,share\nمصر,-2.5\nIran,+3\n".encode()))
    assert csv.kind == "csv"
    assert csv.format.content_type.startswith("text/csv")


def test_the_text_kept_is_capped(monkeypatch):
    monkeypatch.setattr(documents, "TEXT_LIMIT", 30)
    checked = check_document(upload(pdf_bytes(["word " * 20, "more " * 20])))
    assert len(checked.text) <= 31  # the pages' texts and the line between them


def test_a_file_over_the_limit_is_refused_before_it_is_read(settings):
    settings.MAX_DOCUMENT_UPLOAD_SIZE = 1000
    assert refusal_of(pdf_bytes(["x" * 2000])) == "document_too_large"
    assert refusal_of(b"") == "document_empty"


HOSTILE_PDFS = {
    "truncated": (pdf_bytes(["a", "b", "c"])[:300], "document_broken"),
    "random bytes after the header": (b"%PDF-1.7\n" + os.urandom(4000), "document_broken"),
    "a script run on opening": (
        pdf_bytes(
            ONE_PAGE,
            catalog=f"/OpenAction {ACTION} 0 R",
            extra=["<< /S /JavaScript /JS (app.alert(1)) >>"],
        ),
        "document_javascript",
    ),
    "a script under an escaped name": (
        pdf_bytes(ONE_PAGE, catalog="/OpenAction << /S /J#61vaScript /J#53 (x) >>"),
        "document_javascript",
    ),
    "a script in a page's action": (
        pdf_bytes(ONE_PAGE, extra=["<< /AA << /O << /S /JavaScript /JS (x) >> >> >>"]).replace(
            b"/Contents 5 0 R", b"/Contents 5 0 R /AA << /O << /JS (x) >> >>"
        ),
        "document_javascript",
    ),
    "a launch action": (
        pdf_bytes(ONE_PAGE, catalog="/OpenAction << /S /Launch /F (calc.exe) >>"),
        "document_launch",
    ),
    "an embedded file": (
        pdf_bytes(
            ONE_PAGE,
            catalog=f"/Names << /EmbeddedFiles << /Names [(a.exe) {ACTION} 0 R] >> >>",
            extra=["<< /Type /Filespec /F (a.exe) >>"],
        ),
        "document_embedded_file",
    ),
    "encrypted": (encrypted_pdf_bytes(), "document_encrypted"),
    "a page count of a billion": (pdf_bytes(ONE_PAGE, count=10**9), "document_too_many_pages"),
    "a page tree of a billion pages": (page_tree_bomb(), "document_too_complex"),
}


@pytest.mark.parametrize("case", HOSTILE_PDFS)
def test_a_hostile_or_broken_pdf_is_refused_with_its_reason(case):
    data, code = HOSTILE_PDFS[case]
    assert refusal_of(data) == code


def test_deep_nesting_is_refused_not_a_crash():
    deep = pdf_bytes(ONE_PAGE, catalog="/Deep " + "[" * 100_000 + "]" * 100_000)
    assert refusal_of(deep) in {"document_broken", "document_too_complex"}


def test_a_pdf_that_takes_too_long_is_given_up(monkeypatch):
    monkeypatch.setattr(documents, "PDF_WALL_SECONDS", 0.001)
    assert refusal_of(pdf_bytes()) == "document_too_complex"


def test_a_pdf_whose_reading_runs_out_of_memory_is_given_up(monkeypatch):
    swelling = inflating_pdf_bytes(200_000_000)  # 200 kB, a page of 200 MB
    assert check_document(upload(swelling)).pages == 1  # pypdf inflates it lazily
    # Below what reading needs, the reading process fails, not the server.
    monkeypatch.setattr(documents, "PDF_MEMORY_BYTES", 40 * 1024 * 1024)
    assert refusal_of(swelling) == "document_too_complex"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_whatever_follows_a_pdf_header_gets_an_answer_never_an_error(data):
    try:
        check_document(upload(b"%PDF-1.4\n" + data))
    except ValidationError as refused:
        assert refused.code.startswith("document_")


def test_a_zip_bomb_is_refused_without_inflating_it_all():
    bomb = zip_bytes({"[Content_Types].xml": b"x", "xl/workbook.xml": b"\0" * 50_000_000})
    assert len(bomb) < 100_000
    assert refusal_of(bomb, "data.xlsx") == "document_bad_zip"


def test_a_zip_whose_headers_lie_about_sizes_is_refused():
    honest = xlsx_bytes({"xl/data.xml": b"<row/>" * 1000})
    # Say 10 bytes where 6,000 inflate: the inflating stops at the declared size.
    lying = honest.replace((6000).to_bytes(4, "little"), (10).to_bytes(4, "little"))
    assert lying != honest
    assert refusal_of(lying, "data.xlsx") == "document_bad_zip"


@pytest.mark.parametrize(
    "part", ["xl/vbaProject.bin", "word/activeX/activeX1.xml", "xl/embeddings/oleObject1.bin"]
)
def test_office_files_with_macros_or_embedded_objects_are_refused(part):
    assert refusal_of(xlsx_bytes({part: b"x"}), "data.xlsx") == "document_macros"


def test_other_zips_are_not_office_files():
    assert refusal_of(zip_bytes({"a.txt": b"hello"}), "data.xlsx") == "document_unknown"
    assert refusal_of(b"PK\x03\x04" + os.urandom(200), "data.xlsx") == "document_bad_zip"


@given(st.binary(min_size=1, max_size=2000))
def test_whatever_starts_like_a_zip_gets_an_answer_never_an_error(data):
    try:
        check_document(upload(b"PK\x03\x04" + data))
    except ValidationError as refused:
        assert refused.code.startswith("document_")


def test_csv_must_be_utf8_text_without_formulas():
    assert refusal_of("país;año\n".encode("latin-1"), "data.csv") == "document_unknown"
    assert refusal_of(b'a,b\n=HYPERLINK("http://x"),1\n', "data.csv") == "document_csv_formula"
    assert refusal_of(b"a,b\n@SUM(A1),1\n", "data.csv") == "document_csv_formula"
    assert refusal_of(b'a,"b\n', "data.csv") == "document_bad_csv"


@given(st.text(min_size=1, max_size=500))
def test_whatever_text_is_a_csv_or_refused_with_a_message(text):
    try:
        assert check_document(upload(text.encode())).kind == "csv"
    except ValidationError as refused:
        assert refused.code.startswith("document_")


def test_a_file_is_checked_once_for_the_form_and_the_service(monkeypatch):
    file = upload(pdf_bytes())
    first = check_document(file)
    monkeypatch.setattr(documents, "_check", lambda file: pytest.fail("checked again"))
    assert check_document(file) is first
