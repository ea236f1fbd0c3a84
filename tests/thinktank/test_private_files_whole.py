"""
thinktank.private_files: a file stored whole under its exact name (never half, never a
second copy), a folder emptied, a size asked, and the response that hands a file over
with a readable name in any script.
"""

import os
from urllib.parse import unquote

import pytest
from django.core.files.storage import storages
from django.http import Http404

from thinktank import private_files

pytestmark = pytest.mark.usefixtures("private_folder")


def test_save_whole_replaces_in_place_and_leaves_no_part(private_folder):
    private_files.save_whole("things/1.pdf", b"first")
    private_files.save_whole("things/1.pdf", b"second")  # a second writer: same name
    assert sorted(os.listdir(private_folder / "things")) == ["1.pdf"]
    assert (private_folder / "things" / "1.pdf").read_bytes() == b"second"
    assert private_files.size_of("things/1.pdf") == len(b"second")
    assert private_files.size_of("things/2.pdf") is None


def test_delete_folder_keeps_what_it_is_told(private_folder):
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        private_files.save_whole(f"folder/{name}", b"x")
    deleted = private_files.delete_folder("folder", keep={"folder/b.pdf"})
    assert sorted(deleted) == ["folder/a.pdf", "folder/c.pdf"]
    assert os.listdir(private_folder / "folder") == ["b.pdf"]
    assert private_files.delete_folder("no-such-folder") == []


def test_the_response_streams_the_file_with_its_name(rf, private_folder):
    private_files.save_whole("things/report.pdf", b"%PDF-1.7 body")
    response = private_files.private_file_response(
        rf.get("/"),
        "things/report.pdf",
        filename="تقرير المياه.pdf",
        content_type="application/pdf",
        public=True,
    )
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.7 body"
    assert response["Content-Length"] == str(len(b"%PDF-1.7 body"))
    assert response["Cache-Control"] == "public, no-cache"
    disposition = response["Content-Disposition"]
    assert unquote(disposition.split("filename*=utf-8''")[1]) == "تقرير المياه.pdf"
    assert storages["private"].exists("things/report.pdf")


def test_a_file_gone_is_404(rf):
    with pytest.raises(Http404):
        private_files.private_file_response(
            rf.get("/"), "things/gone.pdf", filename="x.pdf", content_type="x/y", public=False
        )
