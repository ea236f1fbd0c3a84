"""An article's body as its page shows it (the page, its preview, the PDF edition): its
notes numbered, with the list for the "Notes" section. See docs/notes.md."""

from dataclasses import dataclass, field

from django.utils.safestring import SafeString

from thinktank.notes import Note, numbered_notes


@dataclass(frozen=True)
class RenderedBody:
    """`html`: the body to show (safe); `notes`: its notes, numbered, for
    templates/includes/notes.html."""

    html: SafeString
    notes: list[Note] = field(default_factory=list)


def rendered_body(article):
    """The body of `article` ready for a page, with no query: each note replaced by its
    numbered reference (in the article's language's digits), and the notes in order."""
    html, notes = numbered_notes(article.body, article.language)
    return RenderedBody(html=html, notes=notes)
