""" "Cite this": Chicago author-date, APA 7, BibTeX and RIS, as pure functions of a `Work`.
See docs/citations.md."""

import re
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.html import escape, format_html
from django.utils.translation import get_language_info, pgettext

from thinktank.languages import localize_digits
from thinktank.text import default_sort_name
from thinktank.transliteration import transliterate

# Chicago lists up to ten authors; past that, the first seven and "et al." (CMOS 15.9).
CHICAGO_MAX_AUTHORS = 10
CHICAGO_SHOWN_WHEN_CUT = 7
# APA lists up to twenty; past that, the first nineteen, an ellipsis and the last.
APA_MAX_AUTHORS = 20


@dataclass(frozen=True)
class Person:
    family: str
    given: str = ""

    @property
    def inverted(self):
        """ "Borshchevskaya, Anna"; a one-part name as it is."""
        return f"{self.family}, {self.given}" if self.given else self.family

    @property
    def natural(self):
        return f"{self.given} {self.family}" if self.given else self.family

    @property
    def initials(self):
        """APA's initials of the given names: "Anna" -> "A.", "Jean-Paul Marie" -> "J.-P. M."."""
        parts = []
        for name in self.given.split():
            pieces = [piece for piece in name.split("-") if piece]
            parts.append("-".join(f"{piece[0]}." for piece in pieces))
        return " ".join(parts)


@dataclass(frozen=True)
class Work:
    title: str
    authors: tuple  # of Person, in byline order
    published: date  # the day it was published; for an event, the day it took place
    publisher: str
    url: str
    language: str
    kind: str = ""  # the publication type's name: "Policy Analysis"
    is_event: bool = False
    summary: str = ""


def person_for(expert, language):
    """An author's family and given names in `language`, from their sort name there."""
    name = expert.get_translation("name", language)
    sort_name = expert.get_translation("sort_name", language)
    if sort_name == expert.sort_name and name != expert.name:
        sort_name = default_sort_name(name)  # the sort name is still the English one
    family, _comma, given = (sort_name or name).partition(", ")
    return Person(family=family.strip(), given=given.strip())


def work_for(article, url):
    """The citable facts of `article` (with its `byline`), found at `url` (absolute)."""
    language = article.language
    is_event = article.publication_type.is_event
    if is_event and article.event_start:
        day = article.event_start_local.date()
    else:
        day = timezone.localdate(article.published_at or timezone.now())
    return Work(
        title=article.title,
        authors=tuple(person_for(authorship.expert, language) for authorship in article.byline),
        published=day,
        publisher=settings.SITE_NAME,
        url=url,
        language=language,
        kind=article.publication_type.get_translation("name", language),
        is_event=is_event,
        summary=article.summary,
    )


def _date(work, context, default_format):
    with translation.override(work.language):
        text = formats.date_format(work.published, pgettext(context, default_format))
    return localize_digits(text, work.language)


def _and(language):
    with translation.override(language):
        return pgettext("citation: before the last of several authors", "and")


def _ending(text, mark="."):
    """`text` followed by `mark`, unless it already ends with a full stop, ? or !."""
    return text if text.endswith((".", "?", "!")) else text + mark


def chicago_authors(work):
    """ "Borshchevskaya, Anna, Jane Doe, and John Roe" (the first inverted)."""
    people = list(work.authors)
    if not people:
        return work.publisher
    names = [people[0].inverted, *(person.natural for person in people[1:])]
    if len(names) > CHICAGO_MAX_AUTHORS:
        return ", ".join(names[:CHICAGO_SHOWN_WHEN_CUT]) + ", et al"
    if len(names) == 1:
        return names[0]
    conjunction = _and(work.language)
    if len(names) == 2:
        return f"{names[0]}, {conjunction} {names[1]}"
    return ", ".join(names[:-1]) + f", {conjunction} {names[-1]}"


def chicago(work):
    """Borshchevskaya, Anna. 2023. “Title.” Policy Analysis, Publisher, November 27, 2023. URL"""
    day = _date(work, "date format in a Chicago citation", "F j, Y")
    year = localize_digits(str(work.published.year), work.language)
    source = ", ".join(part for part in (work.kind, work.publisher) if part)
    if not work.authors:  # the institute is the author: not named twice
        source = work.kind
    text = (
        f"{_ending(chicago_authors(work))} {year}. “{_ending(work.title)}” "
        + (f"{source}, " if source else "")
        + f"{day}. {work.url}."
    )
    return escape(text)


def apa_authors(work):
    """ "Borshchevskaya, A., Doe, J., & Roe, J." (everyone inverted, with initials)."""
    people = list(work.authors)
    if not people:
        return work.publisher
    names = [
        f"{person.family}, {person.initials}" if person.initials else person.family
        for person in people
    ]
    if len(names) > APA_MAX_AUTHORS:
        return ", ".join(names[: APA_MAX_AUTHORS - 1]) + f", . . . {names[-1]}"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + f", & {names[-1]}"


def apa(work):
    """Borshchevskaya, A. (2023, November 27). <i>Title</i> [Policy Analysis]. Publisher. URL"""
    day = _date(work, "date format in an APA citation", "Y, F j")
    authors = _ending(apa_authors(work))
    if work.kind:
        title = format_html("<i>{}</i> [{}].", work.title, work.kind)
    else:
        title = format_html("<i>{}</i>{}", work.title, _ending(work.title)[len(work.title) :])
    # The publisher is left out when it is the author (APA 9.25).
    publisher = format_html(" {}.", work.publisher) if work.authors else ""
    return format_html("{} ({}). {}{} {}", authors, day, title, publisher, work.url)


BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def bibtex_escape(text):
    """Text as a BibTeX value: TeX's special characters escaped, whitespace collapsed."""
    text = re.sub(r"\s+", " ", text).strip()
    return "".join(BIBTEX_SPECIALS.get(char, char) for char in text)


def bibtex_name(person):
    """BibTeX's "Family, Given", braced when a part holds a comma or "and"."""
    family = bibtex_escape(person.family)
    if "," in family or re.search(r"\band\b", family):
        family = "{" + family + "}"
    return f"{family}, {bibtex_escape(person.given)}" if person.given else family


def bibtex_key(work):
    """borshchevskaya2023putin: first author (or publisher), year, first word of the title."""
    who = work.authors[0].family if work.authors else work.publisher
    words = re.findall(r"[a-z0-9]+", transliterate(work.title).lower())
    word = next((word for word in words if len(word) > 3), words[0] if words else "")
    name = re.sub(r"[^a-z0-9]", "", transliterate(who).lower()) or "work"
    return f"{name}{work.published.year}{word}"


def language_name(code):
    try:
        return get_language_info(code)["name"].lower()
    except KeyError:
        return code


def bibtex(work):
    """A @techreport entry, or a @misc for an event."""
    fields = [("author", " and ".join(bibtex_name(person) for person in work.authors))]
    fields.append(("title", "{" + bibtex_escape(work.title) + "}"))
    if work.is_event:
        entry_type = "misc"
        fields += [("publisher", bibtex_escape(work.publisher)), ("note", bibtex_escape(work.kind))]
    else:
        entry_type = "techreport"
        fields += [
            ("institution", bibtex_escape(work.publisher)),
            ("type", bibtex_escape(work.kind)),
        ]
    fields += [
        ("year", str(work.published.year)),
        ("month", BIBTEX_MONTHS[work.published.month - 1]),  # a macro: no braces
        ("date", work.published.isoformat()),
        ("url", work.url),
        ("language", language_name(work.language)),
        ("abstract", bibtex_escape(work.summary)),
    ]
    lines = [f"@{entry_type}{{{bibtex_key(work)},"]
    for name, value in fields:
        if not value:
            continue
        lines.append(f"  {name} = {value}," if name == "month" else f"  {name} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def ris_value(text):
    return re.sub(r"\s+", " ", text).strip()


def ris(work):
    """A RIS record (RPRT, or GEN for an event), lines ending in CRLF."""
    tags = [("TY", "GEN" if work.is_event else "RPRT")]
    tags += [("AU", person.inverted) for person in work.authors]
    tags += [
        ("TI", work.title),
        ("PY", str(work.published.year)),
        ("DA", work.published.strftime("%Y/%m/%d")),
        ("PB", work.publisher),
        ("M3", work.kind),  # type of work: Zotero's "report type"
        ("LA", work.language),
        ("UR", work.url),
        ("AB", work.summary),
    ]
    lines = [f"{tag}  - {ris_value(value)}" for tag, value in tags if ris_value(value)]
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"


def styles(work):
    """[(style's name, citation as HTML)] for the article page's "Cite this"."""
    return [
        (pgettext("citation style", "Chicago (author-date)"), chicago(work)),
        (pgettext("citation style", "APA (7th edition)"), apa(work)),
    ]
