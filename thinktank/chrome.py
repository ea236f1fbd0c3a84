"""The sections every page's header links to, which the apps register from ready()."""

from dataclasses import dataclass


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
