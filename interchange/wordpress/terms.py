"""Categories, tags and custom taxonomies' terms as topic and region records, or as an
article's tags or publication type, as the mapping says. Polylang keeps a translated
category as one term per language, grouped by a `term_translations` term
({language: term id}, PHP-serialized): such a group is one topic, named in each
language, whose id is its first member's."""

from django.utils.translation import gettext as _

from interchange.wordpress.mapping import (
    INTERNAL_TAXONOMIES,
    PUBLICATION_TYPE,
    REGION,
    SKIP,
    TAG,
    TOPIC,
)
from interchange.wordpress.paths import archive_path, ascii_slug
from interchange.wordpress.phpserial import unserialize_flat_array
from interchange.wordpress.translations import language_code


class Terms:
    """The export's terms (all read before its items), then what each item's name."""

    def __init__(self, mapping, home, default_language, report):
        self.mapping = mapping
        self.home = home
        self.default_language = default_language
        self.report = report
        self.terms = {}  # (taxonomy, slug) -> Term
        self.ids = {}  # term id -> Term
        self.canonical = {}  # term id -> the id of its translation group's record
        self.languages = {}  # term id -> language (Polylang)

    def add(self, term):
        self.terms[(term.taxonomy, term.slug)] = term
        self.ids[term.id] = term
        if term.taxonomy == "term_translations":
            self._translations(term)

    def _translations(self, term):
        try:
            members = unserialize_flat_array(term.description)
        except ValueError as error:
            message = _("Polylang's term group %(slug)s cannot be read (%(error)s)")
            self.report.problem("topic", term.id, message % {"slug": term.slug, "error": error})
            return
        ids = [str(term_id) for term_id in members.values() if term_id is not None]
        for language, term_id in members.items():
            self.languages[str(term_id)] = language_code(str(language))
            self.canonical[str(term_id)] = ids[0]

    def _archive_paths(self, term):
        if term.taxonomy == "category":
            slugs, parent, seen = [term.slug], term.parent, {term.slug}
            while parent and parent not in seen and ("category", parent) in self.terms:
                seen.add(parent)
                slugs.insert(0, parent)
                parent = self.terms[("category", parent)].parent
            base = self.mapping.category_base
            return list(dict.fromkeys([archive_path(self.home, base, *slugs),
                                       archive_path(self.home, base, term.slug)]))  # fmt: skip
        base = self.mapping.tag_base if term.taxonomy == "post_tag" else term.taxonomy
        return [archive_path(self.home, base, term.slug)]

    def records(self):
        """The topic and region records, one per term or Polylang group; a line for each
        taxonomy the mapping says nothing of."""
        made, unmapped, targets = {}, {}, {}
        for term in self.terms.values():
            if term.taxonomy in INTERNAL_TAXONOMIES:
                continue
            if term.taxonomy not in self.mapping.taxonomies:
                unmapped[term.taxonomy] = unmapped.get(term.taxonomy, 0) + 1
            kind = self.mapping.target(term.taxonomy, term.slug)
            targets.setdefault(term.taxonomy, []).append(kind)
            if kind not in (TOPIC, REGION):
                continue
            record_id = self.canonical.get(term.id, term.id)
            language = self.languages.get(term.id) or self.default_language
            record = made.setdefault(
                record_id, {"kind": kind, "id": record_id, "name": {}, "old_paths": []}
            )
            if record_id == term.id and ascii_slug(term.slug):
                record["slug"] = term.slug
            record["name"].setdefault(language, term.name)
            if term.description.strip():
                record.setdefault("description", {}).setdefault(language, term.description)
            record["old_paths"] = list(
                dict.fromkeys(record["old_paths"] + self._archive_paths(term))
            )
            parent = self.terms.get((term.taxonomy, term.parent)) if term.parent else None
            if (
                kind == REGION
                and parent
                and self.mapping.target(parent.taxonomy, parent.slug) == REGION
            ):
                record["parent"] = self.canonical.get(parent.id, parent.id)
        for taxonomy, count in sorted(unmapped.items()):
            self.report.problem(
                "topic", taxonomy,
                _("the taxonomy %(taxonomy)s is not in the mapping: its %(count)d term(s) skipped")
                % {"taxonomy": taxonomy, "count": count},
            )  # fmt: skip
        for taxonomy, kinds in sorted(targets.items()):
            said = ", ".join(
                _("%(count)d as %(target)s") % {"count": kinds.count(kind), "target": kind}
                for kind in sorted(set(kinds))
            )
            message = _("terms of %(taxonomy)s: %(targets)s")
            self.report.note("topic", taxonomy, message % {"taxonomy": taxonomy, "targets": said})
        yield from made.values()

    def of_item(self, item):
        """{"topics": [ids], "regions": [ids], "tags": [names], "publication_type": slug
        or ""} of `item`'s terms, and the problems' messages."""
        found = {"topics": [], "regions": [], "tags": [], "publication_type": ""}
        problems = []
        for taxonomy, slug, name in item.terms:
            if taxonomy in INTERNAL_TAXONOMIES:
                continue
            target = self.mapping.target(taxonomy, slug)
            if target == SKIP:
                continue
            if target == TAG:
                found["tags"].append(name or slug)
            elif target.startswith(PUBLICATION_TYPE):
                found["publication_type"] = found["publication_type"] or target.split(":", 1)[1]
            else:
                term = self.terms.get((taxonomy, slug))
                if term is None:
                    problems.append(
                        _("the %(taxonomy)s %(slug)s is not among the export's terms")
                        % {"taxonomy": taxonomy, "slug": slug}
                    )
                    continue
                key = "topics" if target == TOPIC else "regions"
                found[key].append(self.canonical.get(term.id, term.id))
        for key in ("topics", "regions", "tags"):
            found[key] = list(dict.fromkeys(found[key]))
        return found, problems
