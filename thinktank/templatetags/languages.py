from django import template

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
