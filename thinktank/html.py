"""
Sanitizing editors' HTML with nh3.

Rich text (article bodies, footer notes, expert bios) is stored already cleaned, so
a page renders it with `|safe` and nothing an editor pastes can run in a reader's
browser. The allowlist keeps what the reference page needs: headings, paragraphs,
links, lists, quotes, emphasis, tables and images.
"""

import nh3
from django.db import models

ALLOWED_TAGS = {
    "h2", "h3", "h4", "h5", "h6",
    "p", "br", "hr", "div", "span",
    "a",
    "ul", "ol", "li",
    "blockquote", "q", "cite",
    "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark", "abbr", "code", "pre",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
    "figure", "figcaption", "img",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed"},
    # Mixed-direction text (an English name inside Arabic) needs `dir` and `lang`.
    "*": {"dir", "lang"},
}

ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

# The rich-text editor's toolbar (django-prose-editor): the same allowlist, as buttons.
# Pasting from Word or Google Docs goes through the editor's schema, which keeps only
# these, and the server sanitizes again on save.
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
    "HTML": True,
    "SpecialCharacters": True,
}


def rich_text_widget():
    """The admin's rich-text editor, configured with EDITOR_EXTENSIONS."""
    from django_prose_editor.widgets import AdminProseEditorWidget

    return AdminProseEditorWidget(preset="configurable", config={"extensions": EDITOR_EXTENSIONS})


def sanitize_html(html):
    """Return `html` with everything outside the allowlist removed."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


class SanitizedHTMLField(models.TextField):
    """
    A TextField whose value is sanitized whenever a model instance is saved
    (save(), create(), bulk_create(), forms). QuerySet.update() writes raw SQL and
    bypasses it: pass `sanitize_html(value)` there.
    """

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value
