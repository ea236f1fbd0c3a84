"""The records of the interchange format (docs/import-format.md): read from JSON Lines
one at a time, checked against the JSON Schema, hashed, and their per-language texts
split into the source text and translations."""

import functools
import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "record.schema.json"
KINDS = ("topic", "region", "expert", "image", "article")
COMMON_KEYS = ("kind", "id", "old_paths")


@functools.cache
def schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@functools.cache
def validator():
    # Imported at the first import's first record: it stays out of the web workers'
    # memory (tests/thinktank/test_worker_imports.py).
    from jsonschema import Draft202012Validator  # noqa: PLC0415

    return Draft202012Validator(schema())


@functools.cache
def known_keys(kind):
    """The keys a record of `kind` may have, read from the schema."""
    definitions = schema()["$defs"]
    keys = set(COMMON_KEYS) | set(definitions[kind].get("properties", {}))
    for part in definitions[kind].get("allOf", []):
        keys |= set(definitions[part["$ref"].rsplit("/", 1)[1]].get("properties", {}))
    return frozenset(keys)


def problems_of(record):
    """What makes `record` invalid against the schema, one message per error (the
    place in the record, then why), in a stable order; [] for a valid record."""
    if not isinstance(record, dict):
        return [_("a record is a JSON object")]
    errors = sorted(validator().iter_errors(record), key=lambda error: list(error.path))
    messages = []
    for error in errors:
        where = "/".join(str(part) for part in error.path) or _("record")
        messages.append(f"{where}: {error.message[:200]}")
    return list(dict.fromkeys(messages))


def unknown_keys(record):
    """The keys of `record` (a valid one) its kind does not know, sorted."""
    return sorted(set(record) - known_keys(record["kind"]))


def digest(record):
    """The record's hash: equal for equal records whatever the order of their keys."""
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_jsonl(lines, report):
    """The records of JSON Lines `lines` (an open file, text or binary, or any iterable
    of lines), one at a time; a line that is not UTF-8 or no JSON object is a problem
    of the report (kind "line", its number), and reading goes on. Blank lines and a
    byte order mark are skipped."""
    for number, line in enumerate(lines, start=1):
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as error:
                report.problem("line", str(number), _("not UTF-8: %(error)s") % {"error": error})
                continue
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as error:
            report.problem("line", str(number), _("not JSON: %(error)s") % {"error": error})
            continue
        if not isinstance(record, dict):
            report.problem("line", str(number), _("a record is a JSON object"))
            continue
        yield record


def site_languages():
    return [code for code, _name in settings.LANGUAGES]


def split_texts(texts, *, report, kind, record_id, field):
    """(source-language text, {language: text}) of a per-language object; languages the
    site does not have are reported and left out. The source text falls back to the
    first configured language given."""
    texts = texts or {}
    kept = {language: text for language, text in texts.items() if language in site_languages()}
    for language in sorted(set(texts) - set(kept)):
        report.problem(
            kind,
            record_id,
            _("%(field)s in %(language)s left out: the site has no such language")
            % {"field": field, "language": language},
        )
    source = kept.get(settings.LANGUAGE_CODE)
    if source is None:
        source = next(iter(kept.values()), "")
    return source, {lang: text for lang, text in kept.items() if lang != settings.LANGUAGE_CODE}


def translations_of(record, fields, *, report):
    """({field: source text}, {language: {field: text}}) of `record`'s per-language
    `fields`, ready for a TranslatableModel."""
    sources, translations = {}, {}
    for field in fields:
        source, others = split_texts(
            record.get(field),
            report=report,
            kind=record["kind"],
            record_id=record["id"],
            field=field,
        )
        sources[field] = source
        for language, text in others.items():
            translations.setdefault(language, {})[field] = text
    return sources, translations
