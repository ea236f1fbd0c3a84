from django import template
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import formats
from django.utils.html import format_html_join
from django.utils.timezone import template_localtime
from django.utils.translation import get_language

from thinktank import languages

register = template.Library()


@register.filter
def local_language_name(code):
    """The name of the language `code` in its own script: "ar" -> "العربية"."""
    return languages.local_name(code)


@register.filter
def text_direction(code):
    """ "rtl" or "ltr" for the language `code`."""
    return "rtl" if languages.is_rtl(code) else "ltr"


@register.filter
def local_digits(text):
    """`text` with its digits in the page's language's own ("۲٫۴ MB" in Persian)."""
    return languages.localize_digits(str(text))


@register.filter
def local_date(value, format_name="DATE_FORMAT"):
    """A date in the page's language and its digits: "Nov 27, 2023", "۲۷ نوامبر ۲۰۲۳"."""
    if not value:
        return ""
    return languages.localize_digits(formats.date_format(template_localtime(value), format_name))


def _page_urls(context):
    request = context.get("request")
    if request is None:
        return {}
    return languages.page_in_languages(request, context.get("alternates"))


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Each language, linking to this page in it when it exists, else to its home page."""
    urls = _page_urls(context)
    current = get_language()
    links = [
        {
            "code": code,
            "name": languages.local_name(code),
            "direction": "rtl" if languages.is_rtl(code) else "ltr",
            "url": urls.get(code) or languages.home_url(code),
            "is_current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {"links": links}


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for each language this page exists in, and x-default."""
    request = context.get("request")
    urls = {code: request.build_absolute_uri(url) for code, url in _page_urls(context).items()}
    return format_html_join(
        "\n", '<link rel="alternate" hreflang="{}" href="{}">', languages.hreflang_alternates(urls)
    )


@register.filter
def local_file_size(size):
    """A size in bytes as the page's language writes it: "1.2 MB", "۱٫۲ مگابایت"."""
    return languages.localize_digits(filesizeformat(size))


@register.filter
def local_number(value):
    """A number in the page's language's digits and separators."""
    return languages.localize_digits(formats.number_format(value, use_l10n=True))
