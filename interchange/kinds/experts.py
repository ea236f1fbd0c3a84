"""Expert records (docs/import-format.md) written through the experts' services. A
person already on the site (same email, else the same name however spelled) is matched,
not made twice."""

from django.utils.translation import gettext as _

from experts.models import Expert
from experts.services import expert_save
from interchange.records import split_texts, translations_of
from interchange.run import Written
from library.models import Image
from thinktank.text import fold
from thinktank.transliteration import slugify_title

PER_LANGUAGE = ("role", "short_bio", "bio")


def matching_expert(name, email):
    """The expert already on the site who is this person: the same email (whatever its
    case), else the same name folded (case, spaces, accents, Arabic letter variants)."""
    if email:
        found = Expert.objects.filter(email__iexact=email).order_by("pk").first()
        if found is not None:
            return found
    folded = fold(name)
    if not folded:
        return None
    for expert in Expert.objects.filter(search_text__contains=folded).order_by("pk"):
        if fold(expert.name) == folded or any(
            fold((values or {}).get("name", "")) == folded
            for values in (expert.translations or {}).values()
            if isinstance(values, dict)
        ):
            return expert
    return None


def free_expert_slug(wanted, expert):
    base = slugify_title(wanted, max_length=190) or "expert"
    taken = Expert.objects.filter(slug__startswith=base)
    if expert.pk:
        taken = taken.exclude(pk=expert.pk)
    taken = set(taken.values_list("slug", flat=True))
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def write_expert(record, existing, run):
    if existing is None:
        matched = matching_expert(record["name"], record.get("email", ""))
        if matched is not None:
            run.report.note(
                "expert",
                record["id"],
                _("the same person as the expert “%(name)s” already on the site")
                % {"name": matched.name},
            )
            return Written(matched, outcome="unchanged")
    expert = existing or Expert()
    texts, translations = translations_of(record, PER_LANGUAGE, report=run.report)
    expert.name = record["name"].strip()[:200]
    expert.email = record.get("email", "").strip()
    for name in PER_LANGUAGE:
        setattr(expert, name, texts[name])
    if "expert_kind" in record:
        expert.kind = record["expert_kind"]
    _name, names = split_texts(
        record.get("names"),
        report=run.report,
        kind="expert",
        record_id=record["id"],
        field="names",
    )
    kept = {language: {"name": name} for language, name in names.items() if name.strip()}
    for language, values in translations.items():
        kept[language] = {**kept.get(language, {}), **values}
    expert.translations = kept
    expert.slug = free_expert_slug(record.get("slug") or expert.slug or expert.name, expert)
    pending = False
    if record.get("photo"):
        ids, pending = run.resolve(record, "image", [record["photo"]], what=_("photo"))
        image = Image.objects.filter(pk__in=ids).only("file").first()
        if image is not None and expert.photo.name != image.file.name:
            expert.photo = image.file.name
    expert.full_clean(exclude=["photo"])
    expert_save(expert, user=run.user)
    return Written(expert, pending=pending)
