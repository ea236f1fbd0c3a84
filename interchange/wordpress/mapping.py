"""What of a WordPress site becomes what here: a TOML file (read with tomllib), every
key optional, the defaults below when it is not given. See docs/wordpress-import.md
for an example of every key."""

import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils.translation import gettext as _

from interchange.mapping import ARTICLE_STATUSES, MappingError, read_toml

TOPIC, REGION, TAG, SKIP = "topic", "region", "tag", "skip"
PUBLICATION_TYPE = "publication_type:"
# WordPress's own taxonomies that the import reads itself (languages, translation
# groups, co-authors) or that mean nothing here (menus, formats): never reported.
INTERNAL_TAXONOMIES = {
    "language", "post_translations", "term_language", "term_translations", "author",
    "nav_menu", "post_format", "wp_theme", "wp_template_part_area", "link_category",
}  # fmt: skip
_SLUG = re.compile(r"^[-\w]+$")
_KEYS = {
    "language", "time_zone", "permalink_structure", "category_base", "tag_base",
    "author_base", "post_types", "taxonomies", "terms", "statuses",
}  # fmt: skip


def _default_post_types():
    return {"post": "policy-analysis", "page": "policy-analysis"}


def _default_taxonomies():
    return {"category": TOPIC, "post_tag": TAG}


def _default_terms():
    # WordPress's default category, holding whatever was never filed: nothing to keep.
    return {("category", "uncategorized"): SKIP}


def _default_statuses():
    return {"draft": "draft", "pending": "review", "private": "draft"}


@dataclass
class Mapping:
    """`post_types`: {post type: publication type slug | "skip"}; `taxonomies`:
    {taxonomy: target}; `terms`: {(taxonomy, slug): target} overriding the taxonomy's;
    a target is "topic", "region", "tag", "skip" or "publication_type:<slug>";
    `statuses`: what a draft, pending or private post becomes."""

    post_types: dict = field(default_factory=_default_post_types)
    taxonomies: dict = field(default_factory=_default_taxonomies)
    terms: dict = field(default_factory=_default_terms)
    statuses: dict = field(default_factory=_default_statuses)
    language: str = ""  # else the export's <language>
    time_zone: str = "UTC"  # the zone of post_date, read when post_date_gmt is empty
    permalink_structure: str = ""  # e.g. "/%year%/%monthnum%/%postname%/"
    category_base: str = "category"
    tag_base: str = "tag"
    author_base: str = "author"

    def target(self, taxonomy, slug):
        """What the term `slug` of `taxonomy` becomes ("skip" when nothing says)."""
        return self.terms.get((taxonomy, slug)) or self.taxonomies.get(taxonomy, SKIP)

    def zone(self):
        return ZoneInfo(self.time_zone)


def _target(value, where):
    if value in (TOPIC, REGION, TAG, SKIP):
        return value
    if value.startswith(PUBLICATION_TYPE) and _SLUG.match(value[len(PUBLICATION_TYPE) :]):
        return value
    raise MappingError(
        _(
            '%(where)s = "%(value)s": a target is "topic", "region", "tag", "skip" or '
            '"publication_type:<slug>"'
        )
        % {"where": where, "value": value}
    )


def _table(data, key):
    value = data.get(key, {})
    if not isinstance(value, dict) or not all(
        isinstance(name, str) and isinstance(item, str | dict) for name, item in value.items()
    ):
        raise MappingError(_("[%(table)s] must be a table of names to strings") % {"table": key})
    return value


def mapping_from_dict(data):
    """The Mapping `data` (a parsed TOML document) describes; MappingError if it is wrong."""
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise MappingError(
            _("unknown key(s) %(keys)s; known: %(known)s")
            % {"keys": ", ".join(unknown), "known": ", ".join(sorted(_KEYS))}
        )
    mapping = Mapping()
    for key in ("language", "time_zone", "permalink_structure"):
        value = data.get(key, getattr(mapping, key))
        if not isinstance(value, str):
            raise MappingError(_("%(key)s must be a string") % {"key": key})
        setattr(mapping, key, value)
    for key in ("category_base", "tag_base", "author_base"):
        value = data.get(key, getattr(mapping, key))
        if not isinstance(value, str) or not value.strip("/"):
            raise MappingError(_("%(key)s must be a non-empty string") % {"key": key})
        setattr(mapping, key, value.strip("/"))
    try:
        mapping.zone()
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise MappingError(
            _('time_zone = "%(value)s" is not a time zone') % {"value": mapping.time_zone}
        ) from error
    for name, value in _table(data, "post_types").items():
        if not isinstance(value, str) or not (value == SKIP or _SLUG.match(value)):
            raise MappingError(
                _('post_types.%(name)s must be a publication type\'s slug or "skip"')
                % {"name": name}
            )
        mapping.post_types[name] = value
    for name, value in _table(data, "taxonomies").items():
        mapping.taxonomies[name] = _target(str(value), f"taxonomies.{name}")
    for taxonomy, slugs in _table(data, "terms").items():
        if not isinstance(slugs, dict):
            raise MappingError(
                _("[terms.%(taxonomy)s] must be a table of term slugs to targets")
                % {"taxonomy": taxonomy}
            )
        for slug, value in slugs.items():
            where = f"terms.{taxonomy}.{slug}"
            mapping.terms[(taxonomy, slug)] = _target(str(value), where)
    for name, value in _table(data, "statuses").items():
        if name not in ("draft", "pending", "private") or value not in ARTICLE_STATUSES:
            raise MappingError(
                _("statuses.%(name)s: draft, pending or private may become %(statuses)s")
                % {"name": name, "statuses": ", ".join(sorted(ARTICLE_STATUSES))}
            )
        mapping.statuses[name] = value
    return mapping


def read_mapping(path):
    """The Mapping of the TOML file at `path`; MappingError with the reason otherwise."""
    return mapping_from_dict(read_toml(path))
