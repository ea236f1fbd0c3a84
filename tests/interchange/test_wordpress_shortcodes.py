"""Shortcodes found as WordPress finds them; [caption] and [gallery] as library figures;
every other one kept as text and named for the report."""

from hypothesis import given, settings
from hypothesis import strategies as st

from interchange.wordpress.figures import ImageIndex
from interchange.wordpress.shortcodes import (
    PROSE_BRACKETS,
    figures_from_shortcodes,
    other_shortcodes,
    parse_attributes,
    unescape,
)

SITE = "https://example.org/wp-content/uploads/"
NAME = st.from_regex(r"[a-z][a-z0-9]{0,6}(?:[_-][a-z0-9]{1,5})?", fullmatch=True).filter(
    lambda name: name not in PROSE_BRACKETS
)
PROSE = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="[]<>"), max_size=30)


def images():
    index = ImageIndex()
    index.add("45", "2019/03/rig.jpg", "10")
    index.add("46", "2019/03/port.png", "10")
    index.add("47", "2019/04/map.jpg", "")
    return index


def convert(text, post_id="10"):
    problems = []
    return figures_from_shortcodes(text, images(), problems, post_id), problems


def test_attributes_as_wordpress_parses_them():
    assert parse_attributes(' ids="1,2" columns=3 link=\'file\' bare') == {
        "ids": "1,2", "columns": "3", "link": "file", "0": "bare",
    }  # fmt: skip
    assert parse_attributes("ID=\u00a0x") == {"id": "x"}  # a no-break space is a space


def test_a_caption_becomes_a_figure_with_its_caption():
    html, problems = convert(
        '[caption id="attachment_45" align="alignleft" width="300"]<a href="x">'
        f'<img src="{SITE}2019/03/rig-300x200.jpg" class="wp-image-45" /></a> The <em>rig</em>'
        "[/caption]"
    )
    assert html == (
        '<figure data-image="45" data-size="inline">'
        "<figcaption>The <em>rig</em></figcaption></figure>"
    )
    assert problems == []


def test_an_old_caption_attribute_and_an_image_found_by_its_file():
    html, _ = convert(
        f'[caption caption="Old style"]<img src="{SITE}2019/03/rig-scaled.jpg">[/caption]'
    )
    assert (
        html
        == '<figure data-image="45" data-size="full"><figcaption>Old style</figcaption></figure>'
    )


def test_a_caption_of_an_image_outside_the_export_is_kept_and_reported():
    html, problems = convert('[caption]<img src="https://cdn.example/x.jpg"> Hi[/caption]')
    assert html == '<img src="https://cdn.example/x.jpg"> Hi'
    assert "https://cdn.example/x.jpg" in problems[0]


def test_galleries_give_one_figure_per_image_in_order():
    html, problems = convert('[gallery ids="46,45,99"]')
    assert html == (
        '<figure data-image="46" data-size="full"></figure>'
        '<figure data-image="45" data-size="full"></figure>'
    )
    assert "99" in problems[0]
    attached, _ = convert("[gallery columns=2]")
    assert attached.count("<figure") == 2  # the images attached to post 10
    empty, problems = convert("[gallery]", post_id="11")
    assert empty == "" and "no images" in problems[0]


def test_an_escaped_shortcode_is_shown_literally():
    html, problems = convert('[[caption id="attachment_45"]]')
    assert unescape(html, ["caption"]) == '[caption id="attachment_45"]' and problems == []


def test_other_shortcodes_are_named_once_in_order():
    text = '[embed]https://youtu.be/x[/embed] [contact-form-7 id="5"] [embed] [vc_row/] [[nope]]'
    assert other_shortcodes(text) == ["embed", "contact-form-7", "vc_row"]


def test_brackets_of_prose_are_not_shortcodes():
    assert other_shortcodes("He said [sic] that [1] and [i] [emphasis added] [word].") == []
    assert other_shortcodes("[b]bold[/b]") == ["b"]  # BBCode: a shortcode to WordPress


@settings(deadline=None)  # a shared machine's load is no failure
@given(NAME, st.dictionaries(NAME, NAME, max_size=3), PROSE, PROSE)
def test_any_unknown_shortcode_is_kept_as_text_and_named(name, attributes, before, after):
    if name in ("caption", "wp_caption", "gallery"):
        name += "x"
    rendered = "".join(f' {key}="{value}"' for key, value in attributes.items())
    text = f"{before}[{name}{rendered}]inner[/{name}]{after}"
    html, problems = convert(text)
    assert html == text and problems == []
    assert other_shortcodes(text) == [name]


@settings(deadline=None)  # a shared machine's load is no failure
@given(PROSE)
def test_text_without_shortcodes_is_unchanged(text):
    assert convert(text) == (text, [])
    assert other_shortcodes(text) == []
