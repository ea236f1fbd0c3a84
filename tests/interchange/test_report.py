"""The import's report: counts, problems said once, the summary, the file (JSON or
text), and the progress line with its rate and time left."""

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from interchange.report import Report, duration


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_counts_problems_and_notes_in_the_summary_and_the_files(tmp_path):
    report = Report()
    report.count("article", "created")
    report.count("article", "created")
    report.skipped("image", "345", "its file is missing")
    report.problem("image", "345", "its file is missing")  # the same line: once
    report.note("expert", "jsmith", "matched")
    text = report.summary()
    assert "article: created 2" in text and "image: skipped 1" in text
    assert text.count("image 345: its file is missing") == 1 and "expert jsmith: matched" in text
    report.write(tmp_path / "report.json")
    data = json.loads((tmp_path / "report.json").read_text())
    assert data["counts"]["article"]["created"] == 2
    assert data["problems"] == [{"kind": "image", "id": "345", "message": "its file is missing"}]
    report.write(tmp_path / "report.txt")
    assert (tmp_path / "report.txt").read_text() == text


def test_the_progress_line_gives_the_rate_and_the_time_left():
    clock, stream = Clock(), io.StringIO()
    report = Report(progress=stream, total=1000, every=100, clock=clock)
    for _step in range(200):
        clock.now += 0.01
        report.advance()
    assert "200 / 1,000 (20%), 100.0 a second, about 8s left" in stream.getvalue()
    assert stream.getvalue().count("\r") == 2


def test_without_a_total_the_progress_line_gives_the_rate():
    clock, stream = Clock(), io.StringIO()
    report = Report(progress=stream, every=1, clock=clock)
    clock.now = 2
    report.advance()
    assert "1 done, 0.5 a second" in stream.getvalue()


@given(st.floats(min_value=-10, max_value=10**7, allow_nan=False))
def test_a_duration_is_always_said(seconds):
    said = duration(seconds)
    assert said and said[0].isdigit()
