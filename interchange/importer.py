"""The importer of records (docs/import-format.md): each record checked, then written
through the apps' services in a transaction of its own (new articles a batch at a time,
interchange/batch.py), keyed by (source, kind, id) so that importing again updates what
changed and creates nothing twice. A record waiting for a reference to one not yet seen
is written again in a second pass, read back from a temporary file (records are
streamed, never held all at once)."""

import json
import tempfile
from pathlib import Path

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _

from interchange import selectors
from interchange.batch import ArticleBatch
from interchange.kinds.articles import write_article
from interchange.kinds.experts import write_expert
from interchange.kinds.images import write_image
from interchange.kinds.taxonomy import write_region, write_topic
from interchange.records import KINDS, digest, problems_of, unknown_keys
from interchange.report import CREATED, UNCHANGED, UPDATED, Report
from interchange.run import Run, message_of
from interchange.services import legacy_paths_set, source_key_save
from thinktank import renditions
from thinktank.private_files import delete_folder

WRITERS = {
    "topic": write_topic,
    "region": write_region,
    "expert": write_expert,
    "image": write_image,
    "article": write_article,
}


def import_records(records, *, source, media_dir=None, user, dry_run=False, report=None):
    """Import `records` (any iterable of dicts of the format, streamed) from `source`
    ("jsonl:mysite", "wordpress:https://example.org") as `user`, whose permissions every
    write checks; image files are read from `media_dir`. With `dry_run` nothing is kept
    (all is rolled back, stored files removed) and the report is complete all the same.
    Returns the report (`report`, or a new one)."""
    report = report if report is not None else Report()
    report.dry_run = dry_run
    run = Run(
        source=source, user=user, report=report, media_dir=Path(media_dir) if media_dir else None
    )
    if not dry_run:
        _import(records, run)
        return report
    try:
        with transaction.atomic():
            _import(records, run)
            transaction.set_rollback(True)
    finally:
        for name in run.stored_files:
            default_storage.delete(name)
            delete_folder(f"{renditions.FOLDER}/{name}", storage=default_storage)
    return report


def _import(records, run):
    batch = ArticleBatch(run, write_one=write_record)
    with tempfile.TemporaryFile("w+", encoding="utf-8") as waiting:

        def wait(pending):
            waiting.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in pending)

        for record in records:
            label = admitted(record, run)
            if label is None:
                pass
            elif label[0] == "article":
                wait(batch.add(record))
            elif write_record(record, run):
                wait([record])
            run.report.advance()
        wait(batch.flush())
        waiting.seek(0)
        run.final = True
        for line in waiting:
            import_record(json.loads(line), run)


def _label(record):
    """(kind, id) to name an item of the report by, even an invalid one."""
    if not isinstance(record, dict):
        return "record", "?"
    kind, record_id = record.get("kind"), record.get("id")
    return (
        kind if isinstance(kind, str) and kind in KINDS else "record",
        record_id if isinstance(record_id, str) and record_id else "?",
    )


def _extra(written, run):
    if not run.missing:
        return written.extra
    return {**written.extra, "missing": sorted({tuple(pair) for pair in run.missing})}


def import_record(record, run):
    """Write one record; True when a reference of it waits for a record not yet seen
    (it is to be written again in the second pass). Whatever goes wrong is a line of
    the report, never an exception."""
    return admitted(record, run) is not None and write_record(record, run)


def admitted(record, run):
    """(kind, id) of `record` if it is valid and, in the first pass, the first of its
    id; else None, and the report says why."""
    kind, record_id = _label(record)
    problems = problems_of(record)
    if problems:
        run.report.skipped(kind, record_id, "; ".join(problems))
        return None
    for name in unknown_keys(record):
        run.report.problem_once(
            kind, record_id, _("unknown key “%(key)s” left out (said once)") % {"key": name}
        )
    if not run.final:
        if (kind, record_id) in run.seen:
            run.report.skipped(
                kind, record_id, _("an earlier record of this kind has the same id: left out")
            )
            return None
        run.seen |= {(kind, record_id)}
    return kind, record_id


def write_record(record, run):
    """import_record for an admitted record."""
    kind, record_id = record["kind"], record["id"]
    record_digest = digest(record)
    run.key = selectors.source_key(run.source, kind, record_id)
    existing = None
    if run.key is not None:
        existing = selectors.MODELS[kind].objects.filter(pk=run.key.object_id).first()
    if existing is not None and run.unchanged(run.key, record_digest):
        if not run.final:
            run.report.count(kind, UNCHANGED)
        # One it referred to may still come in this import: looked at again then.
        return bool(run.key.extra.get("missing"))
    run.missing = []
    try:
        with transaction.atomic():
            written = WRITERS[kind](record, existing, run)
            source_key_save(
                run.source,
                kind,
                record_id,
                written.obj,
                digest="" if written.pending and not run.final else record_digest,
                extra=_extra(written, run),
                user=run.user,
                existing=run.key,
            )
            refused = legacy_paths_set(
                written.obj, record.get("old_paths", []), source=run.source, user=run.user
            )
    except Exception as error:  # an importer goes on: the record is a line of the report
        if run.final:  # counted in the first pass
            run.report.problem(kind, record_id, message_of(error))
        else:
            run.report.skipped(kind, record_id, message_of(error))
        return False
    run.remember(kind, record_id, written.obj.pk)
    if existing is None and not run.final:
        run.made(kind, record_id)
    run.report_refused_paths(kind, record_id, refused)
    if not run.final:
        run.report.count(kind, written.outcome or (CREATED if existing is None else UPDATED))
    return written.pending
