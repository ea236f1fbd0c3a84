"""Template helpers for article pages and lists."""

from datetime import UTC

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from articles import article_html
from articles.cards import rendered_cards
from thinktank.languages import localize_digits

register = template.Library()


@register.simple_tag(takes_context=True)
def article_cards(context, articles, heading_level=2, show_summary=False, hide_type=False):
    """The cards of `articles`, as HTML (articles.cards): `{% article_cards articles
    heading_level=3 as cards %}`. A preview keeps none."""
    return rendered_cards(
        articles,
        heading_level=heading_level,
        show_summary=show_summary,
        hide_type=hide_type,
        keep=not context.get("preview"),
    )


@register.simple_tag(takes_context=True)
def article_main(context):
    """The inside of an article page's <article> (articles.article_html)."""
    return article_html.article_main(context)


@register.simple_tag
def filter_form(form, **context):
    """An ArticleFilterForm as HTML, with its action, label and submit_label (its
    shown()): `{% filter_form form action=list_url label=... submit_label=... %}`."""
    return form.shown(**context)


@register.simple_tag
def event_start(article):
    """
    An event's start as the reference shows it, in the event's own time zone with
    GMT beside it: "December 14, 2023, starting at 11:00 a.m. EST (1600 GMT)".
    """
    local = article.event_start_local
    if local is None:
        return ""
    text = _("%(date)s, starting at %(time)s %(zone)s (%(gmt)s GMT)") % {
        "date": formats.date_format(local, pgettext("date format of an event's start", "F j, Y")),
        "time": formats.time_format(local, "g:i a"),
        "zone": local.tzname(),
        "gmt": article.event_start.astimezone(UTC).strftime("%H%M"),
    }
    return format_html(
        '<time datetime="{}">{}</time>',
        article.event_start.astimezone(UTC).isoformat(),
        localize_digits(text),
    )
