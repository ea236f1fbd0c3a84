"""An article's body as a page shows it: figures resolved from the image library
(fetched once for all of them). See docs/images.md."""

from dataclasses import dataclass, field

from django.utils.safestring import SafeString, mark_safe

from library.figures import figure_image_ids, render_figures
from library.selectors import images_by_id


@dataclass(frozen=True)
class RenderedBody:
    """The body's HTML, ready for a page, and its notes (in order)."""

    html: SafeString
    notes: list = field(default_factory=list)

    def __str__(self):
        return self.html

    def __html__(self):
        return self.html


def body_images(article):
    """{id: image} of every image the body's figures show: one query (none without figures)."""
    return images_by_id(figure_image_ids(article.body))


def rendered_body(article, images=None):
    """The body of `article` for a page, in the article's language: each figure
    rendered from `images` ({id: image}, body_images(article) when not given); a
    figure whose image is gone renders nothing."""
    if images is None:
        images = body_images(article)
    # The body was sanitized when it was saved; figures are rendered from escaped values.
    html = render_figures(article.body or "", images, article.language)
    return RenderedBody(html=mark_safe(html))  # noqa: S308
