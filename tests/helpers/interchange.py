"""Records of the interchange format for the tests (docs/import-format.md): a small
site in English and Arabic with its image files, and the user an import runs as."""

from django.contrib.auth.models import User

from tests.helpers.factories import make_publication_type, png_bytes

SOURCE = "jsonl:old-site"


def importer(username="importer"):
    """A superuser, as `import_jsonl` runs by default."""
    return User.objects.create_superuser(username, f"{username}@example.org", "x")


def article_record(record_id, **fields):
    """An article record: in English, of the type "analysis", titled "Article <id>",
    with `fields` added or replaced."""
    return {
        "kind": "article",
        "id": record_id,
        "language": "en",
        "publication_type": "analysis",
        "title": f"Article {record_id}",
        **fields,
    }


def write_media(media_dir, files=("2019/03/rig.png", "2019/04/chart.png")):
    """Real PNG files at `files` under `media_dir`."""
    for number, name in enumerate(files):
        path = media_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png_bytes((64 + number, 40), color=(20 * number, 90, 160)))
    return media_dir


def site_records(publication_type="analysis"):
    """A site's records in an order that needs deferring: articles before the images,
    experts and topics they refer to, an Arabic translation, an internal link by id
    and one by old address, a figure, a note, a draft and a scheduled piece."""
    return [
        {
            "kind": "article",
            "id": "123",
            "language": "en",
            "translation_group": "g-1",
            "publication_type": publication_type,
            "title": "Oil and water",
            "slug": "oil-and-water",
            "summary": "Why the Gulf's oil needs water.",
            "body": (
                '<p>Water<span data-note="">A note on water.</span> is scarce; see '
                '<a data-link="article:124">the follow-up</a> and '
                '<a href="/2019/05/dams/">the dams</a>.</p>'
                '<figure data-image="345" data-size="full"><figcaption>A rig</figcaption></figure>'
            ),
            "status": "published",
            "published_at": "2019-03-02T10:00:00+00:00",
            "authors": ["jsmith", "aomari"],
            "topics": ["12"],
            "regions": ["7"],
            "tags": ["oil", "OPEC"],
            "hero_image": "346",
            "old_paths": ["/2019/03/oil-and-water/", "/?p=123"],
        },
        {
            "kind": "article",
            "id": "123-ar",
            "language": "ar",
            "translation_group": "g-1",
            "publication_type": publication_type,
            "title": "النفط والماء",
            "summary": "لماذا يحتاج نفط الخليج إلى الماء.",
            "body": "<p>الماء نادر.</p>",
            "status": "published",
            "published_at": "2019-03-03T10:00:00+00:00",
            "authors": ["aomari"],
            "old_paths": ["/ar/2019/03/oil-and-water/"],
        },
        {
            "kind": "article",
            "id": "124",
            "language": "en",
            "publication_type": publication_type,
            "title": "Dams of the Tigris",
            "slug": "dams",
            "summary": "Upstream, downstream.",
            "body": '<p>Back to <a data-link="article:123">oil and water</a>.</p>',
            "status": "published",
            "published_at": "2019-05-01T08:00:00+00:00",
            "authors": ["jsmith"],
            "old_paths": ["/2019/05/dams/"],
        },
        {
            "kind": "article",
            "id": "125",
            "language": "en",
            "publication_type": publication_type,
            "title": "A draft on pipelines",
            "summary": "Not yet.",
            "body": "<p>Unfinished.</p>",
            "status": "draft",
            "old_paths": ["/?p=125"],
        },
        {
            "kind": "article",
            "id": "126",
            "language": "en",
            "publication_type": publication_type,
            "title": "Coming soon",
            "summary": "Scheduled.",
            "body": "<p>Later.</p>",
            "status": "published",
            "published_at": "2100-01-01T09:00:00+00:00",
        },
        {
            "kind": "expert",
            "id": "jsmith",
            "name": "Jane Smith",
            "email": "j@example.org",
            "role": {"en": "Senior fellow", "ar": "زميلة أولى"},
            "short_bio": {"en": "Works on water."},
            "bio": {"en": "<p>Jane works on water.</p>"},
            "photo": "345",
            "old_paths": ["/author/jsmith/"],
        },
        {
            "kind": "expert",
            "id": "aomari",
            "name": "Ahmed al-Omari",
            "names": {"ar": "أحمد العمري"},
            "old_paths": ["/author/aomari/"],
        },
        {
            "kind": "image",
            "id": "345",
            "file": "2019/03/rig.png",
            "title": "Oil rig",
            "alt_text": {"en": "An oil rig at dusk", "ar": "منصة نفط عند الغروب"},
            "caption": {"en": "A rig in the Gulf"},
            "credit": {"en": "AP"},
        },
        {
            "kind": "image",
            "id": "346",
            "file": "2019/04/chart.png",
            "title": "Chart",
            "alt_text": {"en": "Water use by year"},
        },
        {
            "kind": "topic",
            "id": "12",
            "slug": "energy",
            "name": {"en": "Energy", "ar": "الطاقة"},
            "description": {"en": "<p>Oil, gas and power.</p>"},
            "old_paths": ["/category/energy/"],
        },
        {"kind": "region", "id": "8", "name": {"en": "Iraq"}, "parent": "7"},
        {"kind": "region", "id": "7", "name": {"en": "Middle East", "ar": "الشرق الأوسط"}},
    ]


def publication_type():
    """The publication type the records name ("analysis")."""
    return make_publication_type("Analysis")
