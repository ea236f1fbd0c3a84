"""Writing the demo content into the database, idempotently (keyed on slugs, written
through articles.demo.services)."""

import datetime as dt

from django.utils.text import slugify

from articles.demo import (
    arabic,
    catalogue,
    content,
    people,
    persian,
    photos,
    reference,
    translated,
)
from articles.demo.long_form import load_policy_note
from articles.demo.services import (
    Tally,
    ensure_image,
    replace_rows,
    sync,
    sync_m2m,
    sync_ordered,
    sync_tags,
)
from articles.models import (
    Article,
    ArticleAuthor,
    Feature,
    PublicationType,
    Recommendation,
    Region,
    Topic,
)
from experts.models import Expert, ExpertLink, Program
from thinktank.renditions import make_renditions

HERO_IMAGE_NAME = "articles/demo-hero-putins-alignment.jpg"
HERO_IMAGE_ALT = (
    "An abstract illustrated map: pale landmasses on a dark blue sea, linked by orange routes."
)
HERO_IMAGE_CREDIT = "Illustration: thinktank demo"


def sync_links(expert, wanted, tally):
    """The expert's public links are exactly `wanted`, [(kind, url)], in that order."""
    current = list(expert.links.order_by("position", "pk").values_list("kind", "url"))
    if current != [tuple(link) for link in wanted]:
        replace_rows(
            ExpertLink,
            {"expert": expert},
            [
                ExpertLink(expert=expert, kind=kind, url=url, position=position)
                for position, (kind, url) in enumerate(wanted)
            ],
            tally,
        )


def sync_features(scope, articles, tally):
    """The features of one page (`scope`: its topic and region, both None for the home
    page) are exactly `articles`, in that order."""
    current = list(
        Feature.objects.filter(**scope)
        .order_by("position", "pk")
        .values_list("article_id", flat=True)
    )
    if current != [article.pk for article in articles]:
        replace_rows(
            Feature,
            scope,
            [
                Feature(article=article, position=position, **scope)
                for position, article in enumerate(articles)
            ],
            tally,
        )


def utc(text):
    """ "2023-11-27 15:00" -> an aware datetime in UTC (None stays None)."""
    if text is None:
        return None
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=dt.UTC)


class DemoLoader:
    def __init__(self):
        self.tally = Tally()
        self.programs = {}
        self.experts = {}
        self.types = {}
        self.topics = {}
        self.regions = {}
        self.articles = {}  # (language, slug) -> Article
        self.rendered = set()  # image names whose renditions this load has made or found

    def load(self):
        self.load_programs()
        self.load_experts()
        self.load_publication_types()
        self.load_topics()
        self.load_regions()
        self.load_expertise()
        self.load_articles()
        load_policy_note(self)
        self.load_features()
        return self.tally

    # People ---------------------------------------------------------------------

    def load_programs(self):
        for row in people.PROGRAMS:
            self.programs[row["slug"]] = sync(
                Program,
                {"slug": row["slug"]},
                self.tally,
                name=row["name"],
                description=row["description"],
                translations=translated.program(row["slug"]),
            )

    def load_experts(self):
        for row in people.EXPERTS:
            slug = row["slug"]
            profile = people.PROFILES.get(slug, {})
            fields = {
                "name": row["name"],
                "sort_name": row["sort_name"],
                "role": row.get("role", ""),
                "kind": row["kind"],
                "program": self.programs.get(row.get("program")),
                "short_bio": row["short_bio"],
                "bio": row.get("bio", ""),
                "is_active": row.get("is_active", True),
                "translations": translated.expert(slug),
                "languages": profile.get("languages", ""),
                "email": profile.get("email", ""),
                "phone": profile.get("phone", ""),
            }
            if row["kind"] != Expert.Kind.GUEST:
                fields["photo"] = ensure_image(
                    Expert,
                    "photo",
                    {"slug": slug},
                    f"experts/{slug}.jpg",
                    lambda row=row: photos.portrait(row["slug"], row["name"]),
                    self.tally,
                )
            self.experts[slug] = expert = sync(Expert, {"slug": slug}, self.tally, **fields)
            self.ensure_renditions(expert.photo)

    def load_expertise(self):
        """Areas of expertise and public links, once topics and regions exist."""
        for slug, profile in people.PROFILES.items():
            expert = self.experts[slug]
            sync_m2m(
                expert.topics, [self.topics[key] for key in profile.get("topics", [])], self.tally
            )
            sync_m2m(
                expert.regions,
                [self.regions[key] for key in profile.get("regions", [])],
                self.tally,
            )
            sync_links(expert, profile.get("links", []), self.tally)

    def ensure_renditions(self, fieldfile):
        """The image's renditions, as an upload gets them (made once; found after)."""
        if fieldfile and fieldfile.name not in self.rendered:
            self.tally.renditions += len(make_renditions(fieldfile))
            self.rendered.add(fieldfile.name)

    # Classification -------------------------------------------------------------

    def load_publication_types(self):
        for position, (name, is_event) in enumerate(content.PUBLICATION_TYPES):
            self.types[name] = sync(
                PublicationType,
                {"slug": slugify(name)},
                self.tally,
                name=name,
                is_event=is_event,
                position=position,
                translations=translated.publication_type(name),
            )

    def load_topics(self):
        for slug, name, description in content.TOPICS:
            self.topics[slug] = sync(
                Topic,
                {"slug": slug},
                self.tally,
                name=name,
                description=description,
                translations=translated.topic(slug),
            )

    def load_regions(self):
        for slug, name, parent, description in content.REGIONS:
            self.regions[slug] = sync(
                Region,
                {"slug": slug},
                self.tally,
                name=name,
                description=description,
                parent=self.regions[parent] if parent else None,
                translations=translated.region(slug),
            )

    # Articles -------------------------------------------------------------------

    def article_rows(self):
        """English pieces first (their translation sets must exist), then translations."""
        topic_names = {slug: topic.name for slug, topic in self.topics.items()}
        region_names = {slug: region.name for slug, region in self.regions.items()}
        rows = reference.REFERENCE_ARTICLES + catalogue.articles(topic_names, region_names)
        english = {row["slug"]: row for row in rows if row.get("language", "en") == "en"}
        rows += arabic.translations(english) + persian.translations(english)
        return sorted(rows, key=lambda row: row.get("language", "en") != "en")

    def load_articles(self):
        rows = self.article_rows()
        for row in rows:
            self.load_article(row)
        for row in rows:  # every target exists now
            article = self.articles[row.get("language", "en"), row["slug"]]
            targets = [self.articles[article.language, slug] for slug in row.get("recommends", [])]
            sync_ordered(
                Recommendation, "article", article, "recommended_article", targets, self.tally
            )

    def load_features(self):
        for place, keys in content.FEATURES.items():
            scope = {"topic": None, "region": None}
            if place in self.topics:
                scope["topic"] = self.topics[place]
            elif place in self.regions:
                scope["region"] = self.regions[place]
            articles = [self.articles[key] for key in keys]
            sync_features(scope, articles, self.tally)

    def load_article(self, row):
        language, slug = row.get("language", "en"), row["slug"]
        lookup = {"language": language, "slug": slug}
        fields = {
            "title": row["title"],
            "publication_type": self.types[row["type"]],
            "summary": row["summary"],
            "body": row["body"],
            "footer_note": row.get("footer_note", ""),
            "status": row.get("status", Article.Status.PUBLISHED),
            "published_at": utc(row["published_at"]),
            "outlet_name": row.get("outlet_name", ""),
            "outlet_url": row.get("outlet_url", ""),
            "event_start": utc(row.get("event_start")),
            "event_end": utc(row.get("event_end")),
            "event_time_zone": row.get("event_time_zone", ""),
            "event_location": row.get("event_location", ""),
            "event_is_online": row.get("event_is_online", False),
        }
        if "translation_of" in row:
            original = self.articles["en", row["translation_of"]]
            fields["translation_set"] = original.translation_set
        if row.get("hero"):
            fields["hero_image"] = ensure_image(
                Article,
                "hero_image",
                lookup,
                HERO_IMAGE_NAME,
                lambda: photos.hero(slug),
                self.tally,
            )
            fields["hero_image_alt"] = HERO_IMAGE_ALT
            fields["hero_image_credit"] = HERO_IMAGE_CREDIT
        article = sync(Article, lookup, self.tally, **fields)
        self.articles[language, slug] = article
        self.ensure_renditions(article.hero_image)

        authors = [self.experts[item] for item in row["authors"]]
        sync_ordered(ArticleAuthor, "article", article, "expert", authors, self.tally)
        sync_m2m(article.topics, [self.topics[item] for item in row["topics"]], self.tally)
        sync_m2m(article.regions, [self.regions[item] for item in row["regions"]], self.tally)
        sync_tags(article, row.get("tags", []), self.tally)
        return article


def load():
    """Load (or bring up to date) the demo content; returns a Tally of what changed."""
    return DemoLoader().load()
