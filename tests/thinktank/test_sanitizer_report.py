"""
What the rich-text sanitizer would drop, reported before saving: for any fragment built
from kept and refused elements and attributes, the report names exactly the refused
ones (no more: each is really gone from the sanitized HTML; no less: each refused one
generated is named), outside images included; formatting a word processor adds is not
reported. The admin endpoint answers staff only, by POST, and refuses bad input.
"""

import json
from collections import Counter

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.clipboard import word_clipboard
from thinktank.html import sanitize_html
from thinktank.sanitizer_report import _Elements, sanitizer_report

KEPT_INLINE = ["strong", "em", "span", "code", "sub", "sup", "mark", "u", "s", "small"]
REFUSED_CONTAINERS = ["custom-box", "blink", "marquee", "x-callout", "button", "label"]
REFUSED_LEAVES = ["script", "iframe", "object", "video", "svg", "embed", "input"]
KEPT_ATTRIBUTES = [("dir", "rtl"), ("lang", "ar")]
REFUSED_ATTRIBUTES = [("onclick", "x()"), ("onmouseover", "y()"), ("formaction", "z")]
FORMATTING = [("style", "color:red"), ("class", "MsoNormal"), ("id", "x1"), ("data-x", "1")]
words = st.sampled_from(["text", "نص", "متن", "a b", "1"])


@st.composite
def element(draw, depth=3):
    """(html, refused tags, refused "tag attribute") of a random element."""
    kind = draw(st.sampled_from(["kept", "refused", "leaf", "text"] if depth else ["text"]))
    if kind == "text":
        return draw(words), set(), set()
    if kind == "leaf":
        tag = draw(st.sampled_from(REFUSED_LEAVES))
        closing = "" if tag in ("embed", "input") else f"{draw(words)}</{tag}>"
        return f"<{tag}>{closing}", {tag}, set()
    tag = draw(st.sampled_from(KEPT_INLINE if kind == "kept" else REFUSED_CONTAINERS))
    attributes = draw(
        st.lists(st.sampled_from(KEPT_ATTRIBUTES + REFUSED_ATTRIBUTES + FORMATTING), max_size=3)
    )
    attributes = list(dict(attributes).items())
    children = draw(st.lists(element(depth - 1), max_size=3))
    written = "".join(f' {name}="{value}"' for name, value in attributes)
    html = f"<{tag}{written}>"
    html += "".join(child[0] for child in children) + f"</{tag}>"
    tags = {tag} if kind == "refused" else set()
    refused = {
        f"{tag} {name}"
        for name, _value in attributes
        if kind == "kept" and (name, _value) in REFUSED_ATTRIBUTES
    }
    for _html, child_tags, child_attributes in children:
        tags |= child_tags
        refused |= child_attributes
    return html, tags, refused


@settings(max_examples=300, deadline=None)
@given(st.lists(element(), min_size=1, max_size=4))
def test_the_report_names_exactly_what_the_sanitizer_drops(parts):
    html = "<p>" + "".join(part[0] for part in parts) + "</p>"
    tags = set().union(*(part[1] for part in parts))
    attributes = set().union(*(part[2] for part in parts))
    report = sanitizer_report(html)
    assert set(report["tags"]) == tags
    assert set(report["attributes"]) == attributes
    assert report["images"] == []
    # No more than what is really gone.
    before, after = _Elements(html), _Elements(sanitize_html(html))
    gone = before.tags - after.tags
    assert all(gone[tag] for tag in report["tags"])
    for pair in report["attributes"]:
        tag, name = pair.split(" ")
        assert (before.attributes - after.attributes)[(tag, name)], pair
    # And nothing kept is reported: with nothing refused, every element is still there.
    if not tags and not attributes:
        assert Counter(after.tags) >= Counter(before.tags)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p><a href="javascript:alert(1)">x</a></p>', {"attributes": ["a href"]}),
        ('<p><a href="https://example.org">x</a></p>', {}),
        ('<p><img src="https://elsewhere.example/a.png" alt=""></p>', {"images": True}),
        ("<table><tr><th scope=col>A</th></tr><tr><td>1</td></tr></table>", {}),
        ('<p dir="rtl" lang="ar">نص <span data-note="">ملاحظة</span></p>', {}),
    ],
)
def test_examples(html, expected):
    report = sanitizer_report(html)
    assert report["tags"] == expected.get("tags", [])
    assert report["attributes"] == expected.get("attributes", [])
    assert bool(report["images"]) == bool(expected.get("images"))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(alphabet="abc نص", min_size=1), min_size=2, max_size=4))
def test_a_word_processors_paste_is_not_a_warning(pieces):
    """Styles, classes, <o:p> and footnotes (which become notes) are not losses."""
    notes = [f"Note <i>{n}</i>" for n in range(len(pieces) - 1)]
    assert sanitizer_report(word_clipboard(pieces, notes)) == {
        "tags": [],
        "attributes": [],
        "images": [],
    }


def report_of(client, body, **kwargs):
    return client.post(
        reverse("admin:sanitizer_report"), body, content_type="application/json", **kwargs
    )


@pytest.mark.django_db
def test_the_endpoint_reports_to_staff(client, contributor):
    body = json.dumps({"html": "<p>x<script>y</script><iframe></iframe></p>"})
    assert report_of(client, body).status_code == 302  # to the login page
    client.force_login(contributor)
    response = report_of(client, body)
    assert response.status_code == 200
    assert response.json() == {"tags": ["iframe", "script"], "attributes": [], "images": []}
    assert client.get(reverse("admin:sanitizer_report")).status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body", ["", "not json", "[]", '{"html": 3}', '{"other": "x"}', b"\xff\xfe", "null"]
)
def test_bad_input_is_a_clear_400(client, contributor, body):
    client.force_login(contributor)
    assert report_of(client, body).status_code == 400


@pytest.mark.django_db
def test_a_non_staff_user_is_sent_to_log_in(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    assert report_of(client, '{"html": ""}').status_code == 302
