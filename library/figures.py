"""Figures in stored rich text: `<figure data-image="42" data-size="full">` with an
optional `<figcaption>`, found and rendered with the library's images. See
docs/images.md."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.safestring import mark_safe

from thinktank.html_offsets import OffsetParser, first_attributes
from thinktank.languages import is_rtl
from thinktank.templatetags.renditions import responsive_image

FULL, INLINE = "full", "inline"
SIZES = (FULL, INLINE)
# The `sizes` of each figure's srcset, matching static/css/article.css: the reading
# column is 42rem wide at most; an inline figure takes half of it beside the text.
SRCSET_SIZES = {
    FULL: "(min-width: 44.5rem) 42rem, calc(100vw - 2.5rem)",
    INLINE: "(min-width: 44.5rem) 21rem, calc(100vw - 2.5rem)",
}
# The first figure loads eagerly when fewer characters of text than this come before
# it in the body (it is then likely on the first screen); every other one is lazy.
EAGER_WITHIN = 600


@dataclass(frozen=True)
class Figure:
    """A library figure of a body: where it is (`start`:`end` of the HTML), the image's
    id, its size, and its own caption (the figcaption's inner HTML, "" without one)."""

    start: int
    end: int
    image_id: int
    size: str
    caption: str


def image_id(value):
    """The image id `value` holds (ASCII digits only), else None."""
    if value and value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value) or None
    return None


class _FigureParser(OffsetParser):
    def __init__(self, html):
        super().__init__(convert_charrefs=False)
        self.html = html
        self.figures = []
        self.open = []  # the figures being read, outermost first
        self.read(html)

    def handle_starttag(self, tag, attrs):
        if tag == "figure":
            first = first_attributes(attrs)
            self.open.append(
                {"start": self.position(), "attrs": first, "caption": None, "caption_end": None}
            )
        elif tag == "figcaption" and self.open and self.open[-1]["caption"] is None:
            self.open[-1]["caption"] = self.position() + len(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag == "figcaption" and self.open:
            figure = self.open[-1]
            if figure["caption"] is not None and figure["caption_end"] is None:
                figure["caption_end"] = self.position()
        elif tag == "figure" and self.open:
            figure = self.open.pop()
            inside_library_figure = any(image_id(f["attrs"].get("data-image")) for f in self.open)
            number = image_id(figure["attrs"].get("data-image"))
            if number and not inside_library_figure:
                end = self.html.find(">", self.position()) + 1
                caption = ""
                if figure["caption"] is not None and figure["caption_end"] is not None:
                    caption = self.html[figure["caption"] : figure["caption_end"]].strip()
                size = figure["attrs"].get("data-size")
                self.figures.append(
                    Figure(figure["start"], end, number, size if size in SIZES else FULL, caption)
                )


def figures_of(html):
    """The library figures of `html` (sanitized rich text), in order."""
    if not html or "data-image" not in html:
        return []
    return _FigureParser(html).figures


def figure_image_ids(html):
    """The ids of the images the figures of `html` show, in order of first appearance."""
    return list(dict.fromkeys(figure.image_id for figure in figures_of(html)))


def translated_text(image, name, language):
    """(text of field `name` in `language`, the language it is really in): a missing
    translation falls back to the source text, which is in the site's language."""
    values = (image.translations or {}).get(language)
    if language != settings.LANGUAGE_CODE and isinstance(values, dict) and values.get(name):
        return values[name], language
    return getattr(image, name), settings.LANGUAGE_CODE


def _language_attributes(text_language, language):
    """lang and dir for text in `text_language` inside a page in `language`."""
    if text_language == language:
        return {}
    return {"lang": text_language, "dir": "rtl" if is_rtl(text_language) else "ltr"}


def _attributes(attributes):
    return format_html_join("", ' {}="{}"', attributes.items())


def render_figure(figure, image, language, *, lazy=True):
    """The <figure> showing `image` as `figure` asks, in `language`; "" when the image
    cannot be shown (no file, or its size unknown)."""
    if image is None or not image.file or not image.width or not image.height:
        return ""
    alt, alt_language = translated_text(image, "alt_text", language)
    picture = responsive_image(
        image.file,
        image.width,
        image.height,
        alt,
        sizes=SRCSET_SIZES[figure.size],
        loading="lazy" if lazy else None,
        decoding="async",
        **_language_attributes(alt_language, language),
    )
    # The body's own caption was sanitized with the body when it was saved.
    caption = mark_safe(figure.caption) if strip_tags(figure.caption).strip() else ""  # noqa: S308
    if not caption:
        text, text_language = translated_text(image, "caption", language)
        if text.strip():
            caption = format_html(
                "<span{}>{}</span>",
                _attributes(_language_attributes(text_language, language)),
                text,
            )
    text, text_language = translated_text(image, "credit", language)
    credit = (
        format_html(
            '<small class="figure__credit"{}><bdi>{}</bdi></small>',
            _attributes(_language_attributes(text_language, language)),
            text,
        )
        if text.strip()
        else ""
    )
    figcaption = (
        format_html(
            '<figcaption class="figure__caption">{}{}{}</figcaption>',
            caption,
            " " if caption and credit else "",
            credit,
        )
        if caption or credit
        else ""
    )
    return format_html(
        '<figure class="figure figure--{}"><a class="figure__link" href="{}">{}</a>{}</figure>',
        figure.size,
        image.file.url,
        picture,
        figcaption,
    )


def render_figures(html, images, language):
    """`html` with each library figure rendered from `images` ({id: image}), in
    `language`; a figure whose image is missing renders nothing."""
    figures = figures_of(html)
    if not figures:
        return html
    parts, end = [], 0
    for index, figure in enumerate(figures):
        before = html[end : figure.start]
        lazy = not (index == 0 and len(strip_tags(html[: figure.start]).strip()) < EAGER_WITHIN)
        parts += [before, render_figure(figure, images.get(figure.image_id), language, lazy=lazy)]
        end = figure.end
    parts.append(html[end:])
    return "".join(parts)
