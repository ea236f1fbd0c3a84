"""wpautop as WordPress has it: blank lines part paragraphs, a single newline is a line
break, <pre> keeps its text to the byte and block tags are never wrapped in <p>."""

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from interchange.wordpress.wpautop import (
    is_block_editor_content,
    without_block_comments,
    wpautop,
)

WORD = st.text(
    alphabet=st.characters(
        codec="utf-8",
        categories=("L", "N", "P"),
        exclude_characters="<>&[]",
    ),
    min_size=1,
    max_size=8,
)
LINE = st.lists(WORD, min_size=1, max_size=5).map(" ".join)
PARAGRAPH = st.lists(LINE, min_size=1, max_size=4).map("\n".join)
BLANK = st.sampled_from(["\n\n", "\n\n\n", "\n \n", "\r\n\r\n"])
BLOCKS = ["ul", "ol", "blockquote", "div", "table", "h2", "h3", "figure", "pre"]


def text_of(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


class _Nesting(HTMLParser):
    """Records each block element opened while a <p> is open."""

    def __init__(self):
        super().__init__()
        self.open, self.blocks_in_paragraphs = [], []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS and "p" in self.open:
            self.blocks_in_paragraphs.append(tag)
        if tag not in ("br", "hr", "img"):
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            while self.open.pop() != tag:
                pass


def test_examples_as_wordpress_gives_them():
    assert wpautop("One\ntwo\n\nThree") == "<p>One<br />\ntwo</p>\n<p>Three</p>\n"
    assert wpautop("   \n\n ") == ""
    assert wpautop("<ul>\n<li>a</li>\n</ul>\nafter") == "<ul>\n<li>a</li>\n</ul>\n<p>after</p>\n"
    assert wpautop("<blockquote>q\n\nr</blockquote>") == (
        "<blockquote><p>q</p>\n<p>r</p></blockquote>\n"
    )
    assert wpautop('<a\nhref="x">link</a>') == '<p><a\nhref="x">link</a></p>\n'


@settings(deadline=None)  # a shared machine's load is no failure
@given(st.lists(PARAGRAPH, min_size=1, max_size=6), st.data())
def test_blank_lines_part_paragraphs_and_newlines_break_lines(paragraphs, data):
    text = paragraphs[0] + "".join(data.draw(BLANK) + part for part in paragraphs[1:])
    html = wpautop(text)
    assert html.count("<p>") == html.count("</p>") == len(paragraphs)
    assert html.count("<br />") == sum(part.count("\n") for part in paragraphs)
    assert text_of(html) == " ".join(text.split())


@settings(deadline=None)  # a shared machine's load is no failure
@given(PARAGRAPH, st.text(alphabet=st.sampled_from("ab \n\t<>&"), max_size=40), PARAGRAPH)
def test_pre_is_kept_to_the_byte(before, code, after):
    code = code.replace("<pre", "").replace("</pre>", "")
    html = wpautop(f"{before}\n\n<pre>{code}</pre>\n\n{after}")
    assert f"<pre>{code}</pre>" in html


@settings(deadline=None)  # a shared machine's load is no failure
@given(
    st.lists(st.tuples(st.sampled_from(BLOCKS[:-1]), PARAGRAPH), min_size=1, max_size=4), PARAGRAPH
)
def test_block_tags_are_never_wrapped_in_a_paragraph(blocks, text):
    source = "\n".join(f"<{tag}>{inner}</{tag}>" for tag, inner in blocks) + "\n" + text
    nesting = _Nesting()
    nesting.feed(wpautop(source))
    assert nesting.blocks_in_paragraphs == []


def test_block_editor_content_is_recognized_and_unwrapped():
    content = "<!-- wp:paragraph -->\n<p>Hi</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:footnotes /-->"
    assert is_block_editor_content(content)
    assert not is_block_editor_content("Plain <!-- a comment --> text")
    assert without_block_comments(content).strip() == "<p>Hi</p>"
