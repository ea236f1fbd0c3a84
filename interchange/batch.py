"""Article records new to the site, created a batch at a time (articles.import_services
.articles_create): a few dozen queries for a few hundred articles instead of forty an
article. Records already imported, and every record of a batch that fails as a whole,
go through the importer's one-record path, which reports each one's own problem."""

import logging

from django.db import transaction

from articles.import_services import articles_create, articles_set_bodies
from interchange import selectors
from interchange.kinds.articles import (
    GROUP,
    imported_note,
    prepared_article,
    rewritten_body,
    show_hero,
)
from interchange.records import digest
from interchange.report import CREATED, UNCHANGED
from interchange.run import message_of
from interchange.services import (
    UNKNOWN,
    legacy_paths_add,
    source_key_save,
    source_keys_complete,
    source_keys_create,
)
from library.models import Image

SIZE = 250
logger = logging.getLogger(__name__)


class ArticleBatch:
    """Article records waiting to be written; `write_one(record, run)` writes one
    (True: it waits for the second pass), as the importer does any record."""

    def __init__(self, run, *, write_one, size=None):
        self.run, self.write_one, self.size = run, write_one, size or SIZE
        self.records = []
        self.group_sets = {}  # translation group -> its set, of the batch being written

    def add(self, record):
        """Keep `record` (admitted); the records to wait for the second pass, once a
        full batch is written."""
        self.records.append(record)
        return self.flush() if len(self.records) >= self.size else []

    def flush(self):
        """Write the records kept; those to wait for the second pass."""
        records, self.records = self.records, []
        if not records:
            return []
        run = self.run
        keys = selectors.source_keys(run.source, "article", {r["id"] for r in records})
        present = selectors.present("article", [key.object_id for key in keys.values()])
        waiting = []
        for record in [record for record in records if record["id"] in keys]:
            key = keys[record["id"]]
            if key.object_id in present and run.unchanged(key, digest(record)):
                run.report.count("article", UNCHANGED)
                if key.extra.get("missing"):  # one it refers to may still come
                    waiting.append(record)
            elif self.write_one(record, run):
                waiting.append(record)
        return waiting + self._create([r for r in records if r["id"] not in keys])

    def _create(self, records):
        run, ready = self.run, []
        for record in records:
            run.missing = []
            try:
                prepared = prepared_article(record, None, run)
            except Exception as error:  # an importer goes on: a line of the report
                run.report.skipped("article", record["id"], message_of(error))
                continue
            ready.append((record, prepared, sorted(set(run.missing))))
        if not ready:
            return []
        self._place(ready)
        try:
            with transaction.atomic():
                self._write(ready)
        except Exception as error:  # each record alone: the report says which one, and why
            logger.info("A batch of %d articles is written one by one: %s", len(ready), error)
            return [record for record, *_rest in ready if self.write_one(record, run)]
        for record, prepared, _missing in ready:
            run.report.count("article", CREATED)
            run.made("article", record["id"])
            if prepared.item.problem:
                run.report.problem("article", record["id"], prepared.item.problem)
        return [record for record, prepared, _missing in ready if prepared.waiting]

    def _place(self, ready):
        """Hero images and translation sets, each read once for the batch."""
        run = self.run
        hero_ids = {prepared.hero_id for _record, prepared, _missing in ready}
        images = Image.objects.in_bulk(hero_ids - {None})
        groups = {record[GROUP] for record, *_rest in ready if record.get(GROUP)}
        self.group_sets = run.ids(GROUP, groups)
        for record, prepared, _missing in ready:
            article = prepared.item.article
            show_hero(record, article, images.get(prepared.hero_id))
            article.translation_set_id = self.group_sets.get(record.get(GROUP))

    def _write(self, ready):
        run = self.run
        articles_create([p.item for _r, p, _m in ready], user=run.user, note=imported_note(run))
        for group, translation_set in self._group_sets(ready).items():
            source_key_save(
                run.source,
                GROUP,
                group,
                translation_set,
                digest="",
                user=run.user,
                existing=None if group not in self.group_sets else UNKNOWN,
            )
        keys = source_keys_create(
            run.source,
            "article",
            [
                (
                    record["id"],
                    prepared.item.article,
                    "" if prepared.waiting else digest(record),
                    {"missing": missing} if missing else {},
                )
                for record, prepared, missing in ready
            ],
            user=run.user,
        )
        refused = legacy_paths_add(
            [(p.item.article, record.get("old_paths", [])) for record, p, _m in ready],
            source=run.source,
            user=run.user,
        )
        for (record, _prepared, _missing), paths in zip(ready, refused, strict=True):
            run.report_refused_paths("article", record["id"], paths)
        completed = self._link_within(ready)
        source_keys_complete(
            [key for key in keys if key.source_id in completed],
            {record["id"]: digest(record) for record, *_rest in ready},
            user=run.user,
        )

    def _link_within(self, ready):
        """Write again the bodies that waited only for articles of this batch (links
        by id or by old address), now that those are in; the ids of their records."""
        run, bodies = self.run, {}
        for record, prepared, _missing in ready:
            if prepared.body_waits and not prepared.others_wait:
                run.missing = []
                body, waits = rewritten_body(record, run, record.get("body", ""))
                if not waits:
                    bodies[record["id"]] = (prepared, body)
        if bodies:
            articles_set_bodies(
                {prepared.item.article: body for prepared, body in bodies.values()},
                user=run.user,
            )
        for prepared, _body in bodies.values():
            prepared.body_waits = False
        return set(bodies)

    def _group_sets(self, ready):
        """{translation group: its set} of the groups whose set is new in this batch."""
        found = {}
        for record, prepared, _missing in ready:
            group, article = record.get(GROUP), prepared.item.article
            new = group and article.translation_set_id != self.group_sets.get(group)
            if new and not prepared.item.problem:
                found.setdefault(group, article.translation_set)
        return found
