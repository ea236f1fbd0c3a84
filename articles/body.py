"""An article's body as its page shows it (the page, its preview, the PDF edition): its
figures rendered from the image library (one query for all of them), its internal
links pointing to their targets' current addresses (one query for all of them), its
notes numbered, with the list for the "Notes" section. See docs/images.md,
docs/internal-links.md and docs/notes.md."""

from dataclasses import dataclass, field

from django.utils.safestring import SafeString, mark_safe

from articles.links import body_links, with_addresses
from library.figures import figure_image_ids, render_figures
from library.selectors import images_by_id
from thinktank.notes import Note, numbered_notes


@dataclass(frozen=True)
class RenderedBody:
    """`html`: the body to show (safe); `notes`: its notes, numbered, for
    templates/includes/notes.html."""

    html: SafeString
    notes: list[Note] = field(default_factory=list)

    def __str__(self):
        return self.html

    def __html__(self):
        return self.html


def body_images(article):
    """{id: image} of every image the body's figures show: one query (none without figures)."""
    return images_by_id(figure_image_ids(article.body))


def rendered_body(article, images=None, links=None, *, preview=False):
    """The body of `article` ready for a page, in the article's language: each figure
    rendered from `images` ({id: image}; body_images(article), one query, when not
    given), a figure whose image is gone rendering nothing; each internal link to its
    target's address (`links`, {reference: address}; body_links(article), one query,
    when not given), a link to what readers may not open as its text alone (marked in
    a `preview`); then each note replaced by
    its numbered reference (in the language's digits), and the notes in order. Figures
    come first, so a note in a figure's caption is numbered where it shows, and one in
    a figure that renders nothing is not numbered at all."""
    if images is None:
        images = body_images(article)
    if links is None:
        links = body_links(article)
    # The body was sanitized when it was saved; figures and links are rendered from
    # escaped values.
    html = render_figures(article.body or "", images, article.language)
    html = mark_safe(with_addresses(html, links, preview=preview))  # noqa: S308
    html, notes = numbered_notes(html, article.language)
    return RenderedBody(html=html, notes=notes)
