"""
An article's revisions: what a snapshot holds, how two compare, how one is put back.

A snapshot is every editable field of the article (as text, the way Django's
serializers write it) plus its ordered authors and recommendations, its topics,
regions and tags, so a restore brings all of them back.
"""

import difflib

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from articles.models import (
    Article,
    ArticleAuthor,
    Recommendation,
    Region,
    Topic,
)
from experts.models import Expert

RELATIONS = {
    "authors": (_("authors"), Expert),
    "topics": (_("topics"), Topic),
    "regions": (_("regions and countries"), Region),
    "recommendations": (_("recommended"), Article),
}
TEXT_FIELDS = {"title", "summary", "body", "footer_note"}


def snapshot_fields():
    return [
        field for field in Article._meta.concrete_fields if field.editable and not field.primary_key
    ]


def snapshot(article):
    data = {}
    for field in snapshot_fields():
        raw = field.value_from_object(article)
        data[field.name] = None if raw is None else field.value_to_string(article)
    data["authors"] = list(
        article.authorships.order_by("position", "pk").values_list("expert_id", flat=True)
    )
    data["topics"] = sorted(article.topics.values_list("pk", flat=True))
    data["regions"] = sorted(article.regions.values_list("pk", flat=True))
    data["recommendations"] = list(
        article.recommendation_links.order_by("position", "pk").values_list(
            "to_article_id", flat=True
        )
    )
    data["tags"] = sorted(article.tags.names())
    return data


def apply(article, data):
    """Put `data` back into `article` and save it (the version check applies)."""
    for field in snapshot_fields():
        if field.name in data:
            value = data[field.name]
            setattr(article, field.attname, None if value is None else field.to_python(value))
    article.save()
    experts = set(
        Expert.objects.filter(pk__in=data.get("authors", [])).values_list("pk", flat=True)
    )
    article.authorships.all().delete()
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, expert_id=expert_id, position=position)
        for position, expert_id in enumerate(data.get("authors", []))
        if expert_id in experts
    )
    article.topics.set(Topic.objects.filter(pk__in=data.get("topics", [])))
    article.regions.set(Region.objects.filter(pk__in=data.get("regions", [])))
    picks = set(
        Article.objects.filter(pk__in=data.get("recommendations", []))
        .exclude(pk=article.pk)
        .values_list("pk", flat=True)
    )
    article.recommendation_links.all().delete()
    Recommendation.objects.bulk_create(
        Recommendation(from_article=article, to_article_id=pick, position=position)
        for position, pick in enumerate(data.get("recommendations", []))
        if pick in picks
    )
    article.tags.set(data.get("tags", []))
    return article


def _names(model, ids):
    found = {obj.pk: str(obj) for obj in model.objects.filter(pk__in=ids)}
    return ", ".join(found.get(pk, f"#{pk}") for pk in ids)


def _display(field, value):
    if value is None:
        return ""
    if field.is_relation:
        obj = field.related_model.objects.filter(pk=value).first()
        return str(obj) if obj else f"#{value}"
    if field.choices:
        return str(dict(field.flatchoices).get(field.to_python(value), value))
    return value


def compare(old, new):
    """
    The differences between two snapshots, field by field, in form order:
    [{"label", "old", "new", "lines"}], where "lines" is a line diff for long text.
    """
    rows = []
    for field in snapshot_fields():
        name = field.name
        if old.get(name) == new.get(name):
            continue
        row = {
            "label": field.verbose_name,
            "old": _display(field, old.get(name)),
            "new": _display(field, new.get(name)),
            "lines": None,
        }
        if name in TEXT_FIELDS:
            row["lines"] = list(
                difflib.unified_diff(_lines(old.get(name)), _lines(new.get(name)), lineterm="", n=1)
            )[2:]
        rows.append(row)
    for name, (label, model) in RELATIONS.items():
        if old.get(name, []) != new.get(name, []):
            rows.append(
                {
                    "label": label,
                    "old": _names(model, old.get(name, [])),
                    "new": _names(model, new.get(name, [])),
                    "lines": None,
                }
            )
    if old.get("tags", []) != new.get("tags", []):
        rows.append(
            {
                "label": _("tags"),
                "old": ", ".join(old.get("tags", [])),
                "new": ", ".join(new.get("tags", [])),
                "lines": None,
            }
        )
    return rows


def _lines(html):
    """Readable lines of rich text: one a paragraph or heading, tags removed."""
    if not html:
        return []
    text = html.replace("</p>", "</p>\n").replace("</h2>", "</h2>\n").replace("</li>", "</li>\n")
    return [line.strip() for line in strip_tags(text).splitlines() if line.strip()]
