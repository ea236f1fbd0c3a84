"""A generated corpus for trying the site at scale, written in batches with bulk_create
through articles.corpus.services and indexed once; the same seed gives the same corpus
(dates from today, UTC)."""

import itertools
import queue
import random
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, timedelta

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.corpus import services, vocabulary
from articles.corpus.writing import writers
from articles.models import Article, ArticleAuthor, Recommendation
from articles.search import index_articles
from experts.models import Expert
from thinktank.text import default_sort_name
from thinktank.transliteration import slugify_title

BATCH = 2000
ARABIC_SHARE = 0.15
TRANSLATED_SHARE = 0.08  # of English published work, translated into Arabic
RECOMMENDING_SHARE = 0.2
GUEST_SHARE = 0.1
YEARS = 12


@dataclass
class Report:
    articles: int = 0
    translations: int = 0
    experts: int = 0
    seconds: dict = field(default_factory=dict)
    total_seconds: float = 0.0

    def timed(self, name, started):
        self.seconds[name] = self.seconds.get(name, 0) + time.monotonic() - started


def _experts(rng, count, tag, programs):
    experts = []
    for index in range(count):
        first, first_ar = rng.choice(vocabulary.FIRST_NAMES)
        last, last_ar = rng.choice(vocabulary.LAST_NAMES)
        name = f"{first} {last}"
        guest = rng.random() < GUEST_SHARE
        expert = Expert(
            name=name,
            slug=f"{slugify(name)}-{tag}-{index}",
            kind=Expert.Kind.GUEST if guest else Expert.Kind.FELLOW,
            role="" if guest else rng.choice(vocabulary.ROLES),
            program=None if guest else rng.choice(programs),
            translations={"ar": {"name": f"{first_ar} {last_ar}"}} if first_ar else {},
        )
        # What Expert.save() derives, since bulk_create does not call it.
        expert.sort_name = default_sort_name(name)
        expert.sort_keys = expert.derived_sort_keys()
        expert.search_text = expert.derived_search_text()
        experts.append(expert)
    return services.insert_experts(experts)


class CorpusWriter:
    def __init__(self, rng, tag, experts, types, topics, regions):
        self.rng = rng
        self.tag = tag
        self.writers = writers(rng)
        # A few prolific authors, many occasional ones, as in a real institute.
        self.experts = experts
        self.author_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(experts))]
        self.types = [kind for kind, _weight in types]
        self.type_weights = [weight for _kind, weight in types]
        self.topics = topics
        self.regions = regions
        self.today = (
            timezone.now().astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        )
        self.published_ids = []
        self.counter = itertools.count()

    def _slug(self, title, language):
        base = slugify(title) if language == "en" else slugify_title(title, 150)
        return f"{base[:150]}-{self.tag}-{next(self.counter)}"

    def _status(self):
        draw, status = self.rng.random(), Article.Status
        if draw < 0.015:
            return status.DRAFT, None
        if draw < 0.025:
            return status.REVIEW, None
        if draw < 0.035:  # scheduled: published, dated ahead
            return status.PUBLISHED, timezone.now() + timedelta(days=self.rng.randint(1, 60))
        if draw < 0.04:
            return status.ARCHIVED, self._past()
        return status.PUBLISHED, self._past()

    def _past(self):
        return self.today - timedelta(minutes=self.rng.randint(60, YEARS * 365 * 24 * 60))

    def article(self, language, translation_set_id):
        rng = self.rng
        writer = self.writers[language]
        kind = rng.choices(self.types, self.type_weights)[0]
        subject = writer.subject()
        title = writer.event_title(subject) if kind.is_event else writer.title(subject)
        status, published_at = self._status()
        article = Article(
            title=title,
            slug=self._slug(title, language),
            language=language,
            translation_set_id=translation_set_id,
            publication_type=kind,
            summary=writer.summary(subject),
            body=writer.body(subject),
            status=status,
            published_at=published_at,
            text_changed_at=published_at or self.today,
        )
        if kind.is_event:
            start = self.today + timedelta(days=rng.randint(-YEARS * 300, 90), hours=14)
            article.event_start = start
            article.event_end = start + timedelta(hours=rng.choice([1, 2]))
            article.event_time_zone = rng.choice(vocabulary.EVENT_TIME_ZONES)
            article.event_is_online = rng.random() < 0.5
            if not article.event_is_online:
                article.event_location = rng.choice(vocabulary.EVENT_LOCATIONS)
        return article

    def translation(self, source):
        """An Arabic version of `source`, in its set, published a few days after it."""
        version = self.article("ar", source.translation_set_id)
        version.publication_type = source.publication_type
        version.translation_source = source
        version.status = source.status
        version.published_at = source.published_at + timedelta(days=self.rng.randint(1, 9))
        version.source_text_seen_at = source.text_changed_at
        for name in ("event_start", "event_end", "event_time_zone", "event_is_online"):
            setattr(version, name, getattr(source, name))
        version.event_location = source.event_location
        return version

    def relations(self, article, source=None):
        """(authorships, topic links, region links, recommendations) of a saved article."""
        rng = self.rng
        if source is not None:
            authors, topics, regions = source._corpus_relations
        else:
            authors = list(
                dict.fromkeys(rng.choices(self.experts, self.author_weights, k=rng.randint(1, 3)))
            )
            topics = rng.sample(self.topics, rng.randint(1, 3))
            regions = rng.sample(self.regions, rng.randint(1, 2))
        article._corpus_relations = (authors, topics, regions)
        links = [
            ArticleAuthor(article_id=article.pk, expert_id=expert.pk, position=position)
            for position, expert in enumerate(authors)
        ]
        topic_links = [Article.topics.through(article_id=article.pk, topic_id=t.pk) for t in topics]
        region_links = [
            Article.regions.through(article_id=article.pk, region_id=r.pk) for r in regions
        ]
        recommendations = []
        if self.published_ids and rng.random() < RECOMMENDING_SHARE:
            chosen = {rng.choice(self.published_ids) for _ in range(rng.randint(1, 3))}
            recommendations = [
                Recommendation(article_id=article.pk, recommended_article_id=pk, position=position)
                for position, pk in enumerate(sorted(chosen - {article.pk}))
            ]
        return links, topic_links, region_links, recommendations


class BackgroundIndexer:
    """Indexes each committed batch from a thread (its own connection) while the next is
    written, one UPDATE a batch; on SQLite, which has one writer, at the end."""

    def __init__(self):
        # Another connection could not see a caller's uncommitted rows.
        self.parallel = connection.vendor == "postgresql" and not connection.in_atomic_block
        self.pending = []
        self.seconds = 0.0
        self.error = None
        if self.parallel:
            self.queue = queue.Queue()
            self.thread = threading.Thread(target=self._work, daemon=True)
            self.thread.start()

    def add(self, first_id, last_id):
        if self.parallel:
            self.queue.put((first_id, last_id))
        else:
            self.pending.append((first_id, last_id))

    def _index(self, first_id, last_id):
        started = time.monotonic()
        index_articles(Article.objects.filter(pk__gte=first_id, pk__lte=last_id))
        self.seconds += time.monotonic() - started

    def _work(self):
        try:
            analyzed = False
            while (item := self.queue.get()) is not None:
                if self.error is None:
                    if not analyzed:  # row counts for the planner, once there are rows
                        with connection.cursor() as cursor:
                            cursor.execute("ANALYZE")
                        analyzed = True
                    self._index(*item)
        except Exception as error:  # noqa: BLE001 - handed to the main thread
            self.error = error
        finally:
            connection.close()

    def finish(self):
        """Wait for every batch to be indexed; the seconds spent waiting."""
        started = time.monotonic()
        if self.parallel:
            self.queue.put(None)
            self.thread.join()
            if self.error is not None:
                raise self.error
        elif self.pending:
            self._index(self.pending[0][0], self.pending[-1][1])
        return time.monotonic() - started


def generate(articles, experts, seed=0, *, progress=None):
    """Add `articles` articles (plus translations) by `experts` new experts; a Report."""
    rng = random.Random(seed)  # noqa: S311 - invented text, not secrets
    report = Report()
    began = time.monotonic()
    tag = f"g{seed}"
    started = time.monotonic()
    with transaction.atomic():
        types, programs, topics, regions = services.ensure_taxonomy(
            vocabulary.PUBLICATION_TYPES, vocabulary.PROGRAMS, vocabulary.TOPICS, vocabulary.REGIONS
        )
        people = _experts(rng, experts, tag, programs)
    report.experts = len(people)
    report.timed("experts", started)
    corpus = CorpusWriter(rng, tag, people, types, topics, regions)
    indexer = BackgroundIndexer()
    for start in range(0, articles, BATCH):
        count = min(BATCH, articles - start)
        started = time.monotonic()
        with transaction.atomic():
            sets = services.insert_translation_sets(count)
            batch = [
                corpus.article("ar" if rng.random() < ARABIC_SHARE else "en", sets[i].pk)
                for i in range(count)
            ]
            report.timed("writing", started)
            step = time.monotonic()
            services.insert_articles(batch)
            sources = [
                item
                for item in batch
                if item.language == "en"
                and item.published_at is not None
                and rng.random() < TRANSLATED_SHARE
            ]
            versions = services.insert_articles([corpus.translation(source) for source in sources])
            now = timezone.now()
            corpus.published_ids.extend(
                item.pk
                for item in batch
                if item.status == Article.Status.PUBLISHED and item.published_at <= now
            )
            links = ([], [], [], [])
            for item in batch:
                for bucket, rows in zip(links, corpus.relations(item), strict=True):
                    bucket.extend(rows)
            for version, source in zip(versions, sources, strict=True):
                for bucket, rows in zip(links, corpus.relations(version, source), strict=True):
                    bucket.extend(rows)
            services.insert_links(*links)
            report.timed("inserting", step)
        ids = [item.pk for item in [*batch, *versions]]
        indexer.add(min(ids), max(ids))
        report.articles += count
        report.translations += len(versions)
        if progress is not None:
            progress(report)
    report.seconds["waiting for the index"] = indexer.finish()
    report.seconds["indexing (in parallel)" if indexer.parallel else "indexing"] = indexer.seconds
    report.total_seconds = time.monotonic() - began
    return report
