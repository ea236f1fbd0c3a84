"""What differs between two snapshots, ready to show: rich text rendered with its
insertions and deletions marked, plain fields before and after, relations as the names
added and removed. See docs/revisions.md ("Comparing two revisions")."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst

from thinktank.html import SanitizedHTMLField
from thinktank.html_diff import html_diff
from thinktank.languages import is_rtl, local_name
from thinktank.revisions import OrderedChildren, Tags
from thinktank.translation import TranslationsField


@dataclass
class Difference:
    """One field or relation that differs. `kind`: "rich" (`rendered`: the newer text
    with <ins>/<del>), "value" (`old`, `new`) or "relation" (`added`, `removed` names,
    and `old`, `new` in full when only the order changed). `language`: the language the
    text is in, when known (a per-language value)."""

    label: str
    kind: str
    rendered: str = ""
    old: str = ""
    new: str = ""
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    language: str = ""

    @property
    def direction(self):
        return ("rtl" if is_rtl(self.language) else "ltr") if self.language else ""


def _names(relation, ids):
    """{id: name} of the targets of `relation` among `ids`: one query."""
    if isinstance(relation, Tags):
        return {name: name for name in ids}
    if isinstance(relation, OrderedChildren):
        return {}
    found = relation.target.objects.filter(pk__in=set(ids))
    return {obj.pk: str(obj) for obj in found}


def _relation(relation, before, after):
    if isinstance(relation, OrderedChildren):
        old_rows = [relation.display([row]) for row in before]
        new_rows = [relation.display([row]) for row in after]
        added = [row for row in new_rows if row not in old_rows]
        removed = [row for row in old_rows if row not in new_rows]
    else:
        names = _names(relation, [*before, *after])

        def name(pk):
            return names.get(pk, f"#{pk}")

        added = [name(pk) for pk in after if pk not in before]
        removed = [name(pk) for pk in before if pk not in after]
    difference = Difference(str(relation.label), "relation", added=added, removed=removed)
    if not added and not removed:  # the same, in another order
        difference.old, difference.new = relation.display(before), relation.display(after)
    return difference


def _translations(model, old, new):
    """A difference per language and field of a {language: {field: text}} value."""
    old, new = old or {}, new or {}
    rows = []
    for language in sorted({*old, *new}):
        before = old.get(language) if isinstance(old.get(language), dict) else {}
        after = new.get(language) if isinstance(new.get(language), dict) else {}
        for name in sorted({*before, *after}):
            if before.get(name) == after.get(name):
                continue
            try:
                model_field = model._meta.get_field(name)
                label = f"{capfirst(model_field.verbose_name)} ({local_name(language)})"
            except FieldDoesNotExist:  # a field since removed: its stored name
                model_field, label = None, f"{name} ({language})"
            rows.append(_text(model_field, label, before.get(name), after.get(name), language))
    return rows


def _text(model_field, label, old, new, language=""):
    if isinstance(model_field, SanitizedHTMLField):
        return Difference(label, "rich", rendered=html_diff(old, new), language=language)
    return Difference(label, "value", old=old or "", new=new or "", language=language)


def differences(schema, old, new, *, language=None):
    """[Difference] for each field, then relation, of `schema` that differs from
    snapshot `old` to snapshot `new`. `language`: what the object's own text is in
    (an article's language), None for the site's."""
    language = language or settings.LANGUAGE_CODE
    rows = []
    for model_field in schema.fields():
        name = model_field.name
        if old.get(name) == new.get(name):
            continue
        if isinstance(model_field, TranslationsField):
            rows.extend(_translations(schema.model, old.get(name), new.get(name)))
        elif isinstance(model_field, SanitizedHTMLField) or name in schema.text_fields:
            label = capfirst(model_field.verbose_name)
            rows.append(_text(model_field, label, old.get(name), new.get(name), language))
        else:
            rows.append(
                Difference(
                    capfirst(model_field.verbose_name),
                    "value",
                    old=schema.display(name, old.get(name)),
                    new=schema.display(name, new.get(name)),
                )
            )
    for relation in schema.relations:
        before, after = old.get(relation.name, []), new.get(relation.name, [])
        if before != after:
            rows.append(_relation(relation, before, after))
    return rows
