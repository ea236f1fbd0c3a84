"""
The `translations` value of each reference row: {"ar": {...}, "fa": {...}}.

The per-language tables live in `content_ar` and `content_fa`; both have the shape
described there. A row missing from a language's table gets no entry for it (its
pages then fall back to English), so a partly translated table still loads.
"""

from articles.demo import content_ar, content_fa

LANGUAGES = {"ar": content_ar, "fa": content_fa}

NAME_AND_DESCRIPTION = ("name", "description")


def _collect(table, key, fields):
    found = {}
    for language, module in LANGUAGES.items():
        value = getattr(module, table).get(key)
        if value is None:
            continue
        if isinstance(value, str):
            value = (value,)
        if not isinstance(value, dict):
            value = zip(fields, value, strict=True)
        found[language] = dict(value)
    return found


def program(slug):
    return _collect("PROGRAMS", slug, NAME_AND_DESCRIPTION)


def publication_type(english_name):
    return _collect("PUBLICATION_TYPES", english_name, ("name",))


def topic(slug):
    return _collect("TOPICS", slug, NAME_AND_DESCRIPTION)


def region(slug):
    return _collect("REGIONS", slug, NAME_AND_DESCRIPTION)


def expert(slug):
    return _collect("EXPERTS", slug, ())
