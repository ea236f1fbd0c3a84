"""What the words of a JSON Lines import become here, where its site used others: a
TOML file (read with tomllib), every table optional. A WordPress export has its own
mapping (interchange/wordpress/mapping.py). See docs/import-format.md ("Mapping").

    [publication_types]   # a record's publication_type: a type of this site, or "skip"
    report = "policy-analysis"
    newsletter = "skip"

    [statuses]            # a record's status: draft, review, published, archived, or "skip"
    pending = "review"
    trash = "skip"

    [languages]           # a record's language: one of this site's, or "skip"
    en-gb = "en"
"""

import re
import tomllib
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from interchange.records import site_languages

SKIP = "skip"
ARTICLE_STATUSES = {"draft", "review", "published", "archived"}
_SLUG = re.compile(r"^[-\w]+$")
# The tables, and the field of an article record each one maps.
FIELDS = {"publication_types": "publication_type", "statuses": "status", "languages": "language"}


class MappingError(ValueError):
    """The mapping file says something this import cannot do: its message says what."""


def read_toml(path):
    """The parsed TOML file at `path`; MappingError with the reason otherwise."""
    try:
        with open(path, "rb") as file:
            return tomllib.load(file)
    except OSError as error:
        raise MappingError(
            _("cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}
        ) from error
    except tomllib.TOMLDecodeError as error:
        raise MappingError(
            _("%(path)s is not valid TOML: %(error)s") % {"path": path, "error": error}
        ) from error


@dataclass
class RecordMapping:
    """{the source's word: this site's, or "skip"} for each field FIELDS names."""

    publication_types: dict = field(default_factory=dict)
    statuses: dict = field(default_factory=dict)
    languages: dict = field(default_factory=dict)


def _allowed(table, value):
    if value == SKIP:
        return True
    if table == "publication_types":
        return bool(_SLUG.match(value))
    if table == "statuses":
        return value in ARTICLE_STATUSES
    return value in site_languages()


def read_record_mapping(path):
    """The RecordMapping of the TOML file at `path`; MappingError otherwise."""
    return record_mapping_from_dict(read_toml(path))


def record_mapping_from_dict(data):
    """The RecordMapping of a parsed TOML file; MappingError saying what is wrong."""
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise MappingError(
            _("unknown key(s) %(keys)s; known: %(known)s")
            % {"keys": ", ".join(unknown), "known": ", ".join(FIELDS)}
        )
    tables = {}
    for table, words in data.items():
        if not isinstance(words, dict):
            raise MappingError(
                _("[%(table)s] must be a table of names to strings") % {"table": table}
            )
        for word, value in words.items():
            if not isinstance(value, str) or not _allowed(table, value):
                raise MappingError(
                    _("[%(table)s] %(word)s: “%(value)s” is not something it may become here.")
                    % {"table": table, "word": word, "value": value}
                )
        tables[table] = dict(words)
    return RecordMapping(**tables)


def mapped(records, mapping, report):
    """`records` with their articles' words mapped; an article the mapping skips is a
    skipped line of the report, and each word mapped is a note, once."""
    noted = set()
    for record in records:
        if isinstance(record, dict) and record.get("kind") == "article":
            record = _mapped(record, mapping, report, noted)
            if record is None:
                report.advance()
                continue
        yield record


def _mapped(record, mapping, report, noted):
    changed = dict(record)
    for table, name in FIELDS.items():
        word = record.get(name)
        target = getattr(mapping, table).get(word) if isinstance(word, str) else None
        if target is None:
            continue
        if target == SKIP:
            report.skipped(
                "article",
                record.get("id", "?"),
                _("the mapping skips the %(field)s “%(word)s”") % {"field": name, "word": word},
            )
            return None
        changed[name] = target
        if (name, word) not in noted:
            noted.add((name, word))
            report.note(
                "article",
                name,
                _("%(field)s “%(word)s” → “%(target)s”")
                % {"field": name, "word": word, "target": target},
            )
    return changed
