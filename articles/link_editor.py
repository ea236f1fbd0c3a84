"""The body editor's link tool (static/js/link-tool.js): its configuration for
django-prose-editor, with its address and its words in the admin's language. Offered on
article bodies (articles.admin_forms). See docs/internal-links.md."""

from django.templatetags.static import static
from django.urls import reverse_lazy
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

EXTENSION = "InternalLink"


def strings():
    """The tool's words, translated when the widget is rendered (lazy)."""
    return {
        "button": _("Link to a page of this site or elsewhere (Ctrl+Alt+K)"),
        "dialogTitle": _("Insert a link"),
        "editTitle": _("Change the link"),
        "searchLabel": _("Search articles, experts, topics and regions"),
        "search": _("Search"),
        "results": _("Pages of this site"),
        "typeToSearch": _("Type a few words of a title or a name, or paste an address."),
        "searching": _("Searching…"),
        "found": _("Pages found: %(count)s. Choose one."),
        "none": _("Nothing found."),
        "failed": _("The site could not be searched. Try again."),
        "notPublic": _("not public: readers see the text without a link until it is"),
        "addressLabel": _("Or an address elsewhere"),
        "addressHelp": _(
            "A full address (https://…). A page of this site pasted here is linked like a "
            "search result when the article is saved."
        ),
        "textLabel": _("Link text"),
        "chooseFirst": _("Choose a page of this site, or type an address."),
        "badAddress": _("An address starts with https://, http://, mailto: or tel:."),
        "textFirst": _("Type the text to link."),
        "insert": _("Insert"),
        "update": _("Update"),
        "remove": _("Remove the link"),
        "cancel": _("Cancel"),
    }


def link_tool(language=""):
    """The editor extension's configuration: `language` is the article's, in which the
    results show names."""
    return {
        EXTENSION: {
            "language": language or "",
            "css": lazy(static, str)("css/admin-links.css"),
            "urls": {"search": reverse_lazy("admin:articles_article_link_search")},
            "strings": strings(),
        }
    }
