"""One import under way: its source, user, media directory and report, how the writers
of each kind look up what other records became, and what they hand back."""

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from interchange import selectors
from interchange.paths import path_key
from interchange.report import KIND_LABELS

# The kinds records refer to by id (not articles: each is referred to by few others,
# and a translation group's key is written inside the record's own transaction).
REMEMBERED_KINDS = frozenset({"topic", "region", "expert", "image"})


class Skip(Exception):  # noqa: N818 (an outcome, not an error)
    """The record is left out; the message says why (a line of the report)."""


def message_of(error):
    """What the report says of `error`, raised while a record was written."""
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    if isinstance(error, Skip | PermissionDenied) and error.args:
        return str(error.args[0])
    return f"{type(error).__name__}: {error}"


@dataclass
class Written:
    """What a writer made of a record: the object, whether a reference of it waits for
    a record not yet seen (it is written again once all are in), an outcome other than
    the usual created/updated (an expert matched to one already there: unchanged), and
    what to keep on its key beyond the record's hash."""

    obj: object
    pending: bool = False
    outcome: str | None = None
    extra: dict = field(default_factory=dict)


def hosts_of(source):
    """The host names of the old site, from a source such as
    "wordpress:https://example.org": links to them are links to the old site."""
    _name, _colon, rest = source.partition(":")
    host = urlsplit(rest).hostname if "//" in rest else None
    return (host, f"www.{host}") if host else ()


@dataclass
class Run:
    source: str
    user: object
    report: object
    media_dir: Path | None = None
    final: bool = False  # the second pass: what is missing now stays missing
    key: object = None  # the SourceKey of the record being written, if it has one
    missing: list = field(default_factory=list)  # (kind, id) the record refers to, not in
    seen: set = field(default_factory=set)  # (kind, id) of the records read so far
    stored_files: list = field(default_factory=list)  # files a dry run removes again
    created: set = field(default_factory=set)  # (kind, id) of the records made in the first pass
    # {kind: {source id: database id}} of the records others refer to, as found or
    # written in this import: a thousand articles naming the same twenty authors and
    # topics look each up once, not once an article.
    known: dict = field(default_factory=dict)
    publication_types: dict = field(default_factory=dict)  # slug -> PublicationType or None

    @property
    def hosts(self):
        return hosts_of(self.source)

    def ids(self, kind, source_ids):
        """{source id: database id} of those of `source_ids` (records of `kind`) in;
        one query for those not found before in this import (none when all were)."""
        if kind not in REMEMBERED_KINDS:
            return selectors.object_ids(self.source, kind, set(source_ids))
        known = self.known.setdefault(kind, {})
        found = {source_id: known[source_id] for source_id in source_ids if source_id in known}
        asked = set(source_ids) - set(found)
        if asked:
            read = selectors.object_ids(self.source, kind, asked)
            known.update(read)
            found.update(read)
        return found

    def remember(self, kind, source_id, pk):
        """Record `kind` `source_id` is now database id `pk` (its key was just saved)."""
        if kind in REMEMBERED_KINDS:
            self.known.setdefault(kind, {})[source_id] = pk

    def resolve(self, record, kind, source_ids, *, what):
        """(database ids of `source_ids`, in order, those not yet imported left out;
        whether one was missing). In the second pass each missing one is reported."""
        found = self.ids(kind, source_ids)
        missing = [source_id for source_id in source_ids if source_id not in found]
        self.missing += [(kind, source_id) for source_id in missing]
        if missing and self.final:
            for source_id in missing:
                self.report_missing(record, what, kind, source_id)
        return [found[source_id] for source_id in source_ids if source_id in found], bool(missing)

    def made(self, kind, source_id):
        """Record `kind` `source_id` was created by this import (its first pass)."""
        self.created |= {(kind, source_id)}

    def unchanged(self, key, record_digest):
        """Whether the record of `record_digest` was written in full under `key` already,
        and none of the records it referred to but were missing then is here now."""
        if key.digest != record_digest:
            return False
        missing = key.extra.get("missing")
        return not missing or not self.now_imported(missing)

    def now_imported(self, references):
        """Whether one of `references` ([kind, id]) missing before is imported now."""
        by_kind = {}
        for kind, source_id in references:
            by_kind[kind] = by_kind.get(kind, set()) | {source_id}
        return any(self.ids(kind, ids) for kind, ids in by_kind.items())

    def report_missing(self, record, what, kind, source_id):
        self.report.problem(
            record["kind"],
            record["id"],
            _("%(what)s: no %(kind)s record “%(id)s” was imported; left out")
            % {"what": what, "kind": KIND_LABELS.get(kind, kind), "id": source_id},
        )

    def report_refused_paths(self, kind, record_id, paths):
        for path in paths:
            self.report.problem(
                kind,
                record_id,
                _(
                    "the old address %(path)s was left out: not a path of the site, or "
                    "already the old address of something else"
                )
                % {"path": path},
            )

    def legacy_references(self, paths):
        """{old path as written: "kind:database id"} of those of `paths` that are old
        addresses of an imported article, expert, topic or region."""
        keys = {path: path_key(path) for path in paths}
        targets = selectors.legacy_targets({key for key in keys.values() if key})
        kinds = {model: kind for kind, model in selectors.MODELS.items() if kind != "image"}
        found = {}
        for path, key in keys.items():
            model, pk = targets.get(key, (None, None))
            if model in kinds:
                found[path] = f"{kinds[model]}:{pk}"
        return found
