"""A post's content as a body, whole: whatever it holds, no word is lost and nothing
raises; what cannot be converted is kept as stored and said."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from interchange.wordpress.body import convert_body, unbalanced_tags
from interchange.wordpress.figures import ImageIndex

WORD = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N")), min_size=1, max_size=8)
PIECE = st.one_of(
    WORD,
    st.sampled_from(
        [
            "\n",
            "\n\n",
            "<em>",
            "</em>",
            "<p>",
            "</p>",
            "<ul><li>",
            "</li></ul>",
            "[embed]",
            "[/embed]",
            "[gallery]",
            "[[caption]]",
            "((",
            "))",
            "[mfn]",
            "[/mfn]",
            "<b>",
            "</div>",
            '<img src="/wp-content/uploads/x.jpg">',
            "<pre>",
            "</pre>",
        ]
    ),  # fmt: skip
)
MARKUP = st.lists(PIECE, max_size=30).map(" ".join)


def words(html):
    return re.findall(r"\w+", re.sub(r"<[^>]+>|\[[^\]]*\]", " ", html))


@settings(deadline=None)  # a shared machine's load is no failure
@given(MARKUP)
def test_any_content_converts_without_losing_a_word(content):
    body = convert_body(content, post_id="1", images=ImageIndex())
    kept = words(content)
    assert sorted(words(body.html)) == sorted(kept)


def test_absurd_nesting_is_kept_as_stored_and_said():
    content = "<b>" * 5000 + "deep"
    body = convert_body(content, post_id="1", images=ImageIndex())
    assert body.html == content
    assert any("could not be converted" in problem for problem in body.problems)


def test_a_block_editor_post_keeps_its_paragraphs_and_loses_its_comments():
    content = "<!-- wp:paragraph -->\n<p>One\ntwo</p>\n<!-- /wp:paragraph -->"
    assert convert_body(content, post_id="1", images=ImageIndex()).html == "<p>One\ntwo</p>\n"


def test_escaped_shortcodes_show_as_written_once_converted():
    body = convert_body("Write [[gallery]] and [[mfn]]", post_id="1", images=ImageIndex())
    assert body.html == "<p>Write [gallery] and [mfn]</p>\n" and body.shortcodes == []


def test_unbalanced_tags_counts_what_html_does_not_close_by_itself():
    assert unbalanced_tags("<p>a<p>b<ul><li>c</ul><br><img src=x>") == 0
    assert unbalanced_tags("<div><b>bold <i>both</b> tail") == 2
    assert unbalanced_tags("text</span>") == 1
