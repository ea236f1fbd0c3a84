"""The sections every page's header links to, which the apps register from ready()."""

from dataclasses import dataclass

from django.core.cache import caches


@dataclass(frozen=True)
class Section:
    label: str  # a lazy translation, shown in the reader's language
    url_name: str
    current: tuple  # view names it is marked current on


SECTIONS = []


def register_section(label, url_name, *, also_current=()):
    """Link to `url_name` from the header, current also on `also_current`; once per name."""
    if all(section.url_name != url_name for section in SECTIONS):
        SECTIONS.append(Section(label, url_name, (url_name, *also_current)))


def section_of(resolver_match):
    """The url_name of the section a page is in (its view is current in it), or ""."""
    view_name = resolver_match.view_name if resolver_match else None
    return next((section.url_name for section in SECTIONS if view_name in section.current), "")


def forget_fragments(**kwargs):
    """Drop the kept parts of the chrome (base.html's {% cache ... using="chrome" %}):
    a change of settings (the site's name, its URLs, its languages) may change them."""
    caches["chrome"].clear()
