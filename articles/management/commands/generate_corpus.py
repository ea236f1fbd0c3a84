"""
`manage.py generate_corpus --articles 100000 --experts 500 [--seed 1]`: add generated
experts and articles (articles.corpus) to the database, for trying the site at scale.

It refuses to run unless DEBUG is on or --yes-i-know is given, so that a production
database is never filled with invented work by accident.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.corpus.generate import generate
from experts.models import Expert


class Command(BaseCommand):
    help = "Add generated experts and articles, for trying the site at scale (never in production)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000, help="How many articles.")
        parser.add_argument("--experts", type=int, default=100, help="How many new experts.")
        parser.add_argument("--seed", type=int, default=0, help="The same seed, the same corpus.")
        parser.add_argument(
            "--yes-i-know",
            action="store_true",
            help="Run although DEBUG is off (this adds invented work to the database).",
        )

    def handle(self, *args, articles, experts, seed, yes_i_know, **options):
        if not settings.DEBUG and not yes_i_know:
            raise CommandError(
                "generate_corpus adds invented articles and experts: it runs only with DEBUG "
                "on, or with --yes-i-know. Never run it on a production database."
            )
        if articles < 0 or experts < 1:
            raise CommandError("--articles must be 0 or more and --experts at least 1.")
        if Expert.objects.filter(slug__endswith=f"-g{seed}-0").exists():
            raise CommandError(
                f"A corpus with seed {seed} is already in this database; choose another --seed."
            )

        def progress(report):
            if options["verbosity"] > 1:
                self.stdout.write(
                    f"  {report.articles} articles, {report.translations} translations"
                )

        report = generate(articles, experts, seed, progress=progress)
        timings = ", ".join(f"{name} {seconds:.1f}s" for name, seconds in report.seconds.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {report.articles} articles, {report.translations} translations "
                f"and {report.experts} experts in {report.total_seconds:.1f}s "
                f"({timings})."
            )
        )
