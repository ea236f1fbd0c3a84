"""
How long the PDF edition of a long article takes to make (docs/pdf-edition.md): a
10,000-word policy note with 10 full-width charts, in English and in Arabic, made with
the site's own code (articles.pdf_edition.make_edition: the template, WeasyPrint, the
fonts embedded and subset), in this process, no database and no web server.

    .venv/bin/python benchmarks/pdf_edition.py                  # 3 runs of each
    .venv/bin/python benchmarks/pdf_edition.py --runs 5 --words 20000 --figures 20
    .venv/bin/python benchmarks/pdf_edition.py --write     # its section of RESULTS.md

The article is made in memory, never saved. Its charts are PNGs (1600 x 900) written
to a temporary media folder and placed in the body as <figure><img></figure>, as a
library figure renders (articles/body.py), so that no database is needed; the first run of each
language also loads WeasyPrint and the fonts, and is reported apart.
"""

import argparse
import io
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OTHER_FIGURES = "## Other figures"  # as benchmarks/report.py keeps it

MEDIA = tempfile.mkdtemp(prefix="thinktank-bench-pdf-")
os.environ.update(
    DJANGO_SETTINGS_MODULE="thinktank.settings",
    SECRET_KEY=os.environ.get("SECRET_KEY", "benchmark-only-not-a-secret"),
    DEBUG="0",
    STATIC_STORAGE="plain",
    MEDIA_STORAGE="filesystem",
    MEDIA_ROOT=MEDIA,
    PRIVATE_MEDIA_ROOT=MEDIA,
)

import django  # noqa: E402

django.setup()

from django.core.files.base import ContentFile  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from articles import pdf_edition  # noqa: E402
from articles.models import Article, ArticleAuthor, PublicationType  # noqa: E402
from experts.models import Expert  # noqa: E402

WORDS = {
    "en": [
        "water",
        "basin",
        "river",
        "dam",
        "policy",
        "region",
        "security",
        "energy",
        "trade",
        "border",
        "agreement",
        "government",
        "drought",
        "harvest",
        "irrigation",
        "investment",
        "treaty",
        "pressure",
        "supply",
        "demand",
        "the",
        "of",
        "and",
        "in",
        "to",
        "a",
        "for",
        "with",
        "on",
        "by",
        "as",
        "from",
        "that",
        "which",
    ],
    "ar": [
        "الماء",
        "الحوض",
        "النهر",
        "السد",
        "السياسة",
        "المنطقة",
        "الأمن",
        "الطاقة",
        "التجارة",
        "الحدود",
        "الاتفاق",
        "الحكومة",
        "الجفاف",
        "الحصاد",
        "الري",
        "الاستثمار",
        "المعاهدة",
        "الضغط",
        "العرض",
        "الطلب",
        "في",
        "من",
        "إلى",
        "على",
        "مع",
        "عن",
        "أن",
        "التي",
        "الذي",
    ],
}


def chart(index, folder="bench-figures"):
    """A bar chart as a 1600 x 900 PNG in the media storage; its address."""
    image = Image.new("RGB", (1600, 900), "white")
    draw = ImageDraw.Draw(image)
    rng = random.Random(index)  # noqa: S311 (made-up data, the same each run)
    for bar in range(12):
        height = rng.randint(100, 800)
        draw.rectangle([60 + bar * 125, 880 - height, 150 + bar * 125, 880], fill=(155, 28, 28))
    draw.line([40, 880, 1580, 880], fill="black", width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    name = default_storage.save(f"{folder}/chart-{index}.png", ContentFile(buffer.getvalue()))
    return default_storage.url(name)


def body(language, words, figures, charts):
    """About `words` words in paragraphs of 100, a heading every ten, `figures` charts
    spread evenly."""
    rng = random.Random(language)  # noqa: S311 (made-up data, the same each run)
    vocabulary = WORDS[language]
    paragraphs = words // 100
    every = max(1, paragraphs // max(figures, 1))
    parts = []
    for index in range(paragraphs):
        if index % 10 == 0:
            parts.append(f"<h2>{' '.join(rng.choices(vocabulary, k=4))}</h2>")
        text = " ".join(rng.choices(vocabulary, k=100))
        parts.append(f"<p>{text}.</p>")
        figure = index // every
        if index % every == every - 1 and figure < figures:
            parts.append(
                f'<figure data-size="full"><img src="{charts[figure]}" width="1600" '
                f'height="900" alt="Chart {figure + 1}"><figcaption>Figure {figure + 1}: '
                f"{' '.join(rng.choices(vocabulary, k=12))}</figcaption></figure>"
            )
    return "".join(parts)


def article(language, words, figures, charts):
    kind = PublicationType(name="Policy Note", slug="policy-note")
    authors = [
        Expert(name=name, slug=f"author-{index}", sort_name=name)
        for index, name in enumerate(["Anna Borshchevskaya", "Grant Rumley"])
    ]
    piece = Article(
        pk=1,
        version=1,
        title="The Basin's Politics" if language == "en" else "سياسة الحوض",
        slug="the-basins-politics",
        language=language,
        publication_type=kind,
        summary="A long policy note." if language == "en" else "ورقة سياسات طويلة.",
        body=body(language, words, figures, charts),
        status=Article.Status.PUBLISHED,
        published_at=datetime(2026, 12, 1, 9, 0, tzinfo=UTC),
    )
    piece.byline = [
        ArticleAuthor(article=piece, expert=expert, position=position)
        for position, expert in enumerate(authors)
    ]
    return piece


def measure(language, options, charts):
    """{"language", "median", "slowest", "first", "kb", "pages", "images"} of one language."""
    piece = article(language, options.words, options.figures, charts)
    url = f"https://example.org/policy-analysis/{piece.slug}"
    times = []
    for _run in range(options.runs + 1):
        start = time.perf_counter()
        content = pdf_edition.make_edition(piece, url)
        times.append(time.perf_counter() - start)
    reader = PdfReader(io.BytesIO(content))
    images = {
        item.idnum
        for page in reader.pages
        for item in page["/Resources"].get("/XObject", {}).values()
        if item.get_object()["/Subtype"] == "/Image"
    }
    return {
        "language": language,
        "median": statistics.median(times[1:]),
        "slowest": max(times[1:]),
        "first": times[0],
        "kb": len(content) / 1024,
        "pages": len(reader.pages),
        "images": len(images),
    }


def section(results, options):
    """The PDF edition's part of RESULTS.md."""
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 (git from PATH)
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    ).stdout.strip()
    when = datetime.now(UTC)
    lines = [
        OTHER_FIGURES,
        "",
        "### The PDF edition (benchmarks/pdf_edition.py)",
        "",
        f"Written by `benchmarks/pdf_edition.py --write` on {when:%Y-%m-%d %H:%M} UTC, "
        f"commit {commit}, {os.cpu_count()} CPUs: the PDF edition of a "
        f"{options.words:,}-word article with {options.figures} full-width charts "
        "(1600 x 900 PNG), made by `articles.pdf_edition.make_edition` in one process "
        f"(template, WeasyPrint, fonts subset); the median of {options.runs} runs after "
        "a first one, which also loads WeasyPrint and the fonts.",
        "",
        "| language | median s | slowest s | first run s | KB | pages | images |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *(
            f"| {r['language']} | {r['median']:.2f} | {r['slowest']:.2f} | {r['first']:.2f} "
            f"| {r['kb']:,.0f} | {r['pages']} | {r['images']} |"
            for r in results
        ),
    ]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--words", type=int, default=10_000)
    parser.add_argument("--figures", type=int, default=10)
    parser.add_argument("--write", action="store_true", help="replace its part of RESULTS.md")
    options = parser.parse_args()
    charts = [chart(index) for index in range(options.figures)]
    results = [measure(language, options, charts) for language in ("en", "ar")]
    text = section(results, options)
    print(text)
    if options.write:
        path = ROOT / "benchmarks" / "RESULTS.md"
        before = path.read_text()
        start = before.find(f"\n{OTHER_FIGURES}\n")
        path.write_text((before[:start] if start >= 0 else before).rstrip() + "\n\n" + text)
        print(f"written to {path}")


if __name__ == "__main__":
    main()
