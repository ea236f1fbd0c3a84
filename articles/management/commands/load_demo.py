"""
`manage.py load_demo`: a local site with demo content and a known admin account.

Running it again changes nothing (every write compares first), so `make run` can
call it every time. It refuses to run unless DEBUG is on, because it creates an
account whose password is printed below.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse

from articles.demo import desk, policy_note
from articles.demo.loader import load
from articles.demo.reference import MAIN_ARABIC_SLUG, MAIN_SLUG
from articles.demo.services import ensure_account
from articles.models import Article, PublicationType, Region, Topic
from experts.models import Expert, Program


@dataclass(frozen=True)
class DemoAccount:
    username: str
    email: str
    password: str
    role: str
    is_superuser: bool = False
    is_staff: bool = False
    groups: tuple = ()  # names of Groups (roles) to join, once roles exist


# One account per role (the groups are made by a data migration: articles 0005).
ACCOUNTS = [
    DemoAccount(
        username="admin",
        email="admin@example.org",
        password="changeme",
        role="superuser",
        is_superuser=True,
        is_staff=True,
    ),
    DemoAccount(
        username="editor",
        email="editor@example.org",
        password="changeme",
        role="Editors: everything on content, publishing included",
        is_staff=True,
        groups=("Editors",),
    ),
    DemoAccount(
        username="contributor",
        email="contributor@example.org",
        password="changeme",
        role="Contributors: drafts and review, no publishing",
        is_staff=True,
        groups=("Contributors",),
    ),
    DemoAccount(
        username="expert-manager",
        email="expert-manager@example.org",
        password="changeme",
        role="Expert managers: experts and programs only",
        is_staff=True,
        groups=("Expert managers",),
    ),
]


class Command(BaseCommand):
    help = (
        "Load demo content (the reference article, its Arabic version, experts, topics, "
        "regions, about 40 more pieces) and an admin account. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default="http://127.0.0.1:8000",
            help="Where the site runs, for the addresses printed at the end.",
        )

    def handle(self, *args, base_url, **options):
        if not settings.DEBUG:
            raise CommandError(
                "load_demo creates accounts with a known password; it runs only with DEBUG=1, "
                "never in production."
            )
        with transaction.atomic():
            tally = load()
            created_accounts = [account for account in ACCOUNTS if ensure_account(account)]
            # Work in progress for the dashboard, each step by its demo user.
            tally.created += desk.load()
        self.print_banner(base_url.rstrip("/"), tally, created_accounts)

    def print_banner(self, base, tally, created_accounts):
        articles = Article.objects.all()
        published = articles.published()
        english = Article.objects.get(language="en", slug=MAIN_SLUG)
        arabic = Article.objects.get(language="ar", slug=MAIN_ARABIC_SLUG)
        long_form = Article.objects.get(language="en", slug=policy_note.SLUG)
        experts = Expert.objects.all()
        if tally.changed or created_accounts:
            changes = (
                f"{tally.created} rows created, {tally.updated} updated, {tally.links} links "
                f"set, {tally.files} images drawn, {tally.renditions} renditions made, "
                f"{len(created_accounts)} accounts created"
            )
        else:
            changes = "nothing to change, the demo was already loaded"
        lines = [
            self.style.SUCCESS(f"Demo content loaded ({changes})."),
            f"  Articles:          {articles.count()} "
            f"({published.in_language('en').count()} published in English, "
            f"{published.in_language('ar').count()} in Arabic, "
            f"{published.in_language('fa').count()} in Persian, "
            f"{articles.filter(status=Article.Status.DRAFT).count()} draft, "
            f"{articles.filter(status=Article.Status.REVIEW).count()} in review, "
            f"{articles.filter(status=Article.Status.PUBLISHED).count() - published.count()}"
            " scheduled)",
            f"  Experts:           {experts.count()} "
            f"({experts.with_profile().count()} with a profile, "
            f"{experts.count() - experts.with_profile().count()} guests)",
            f"  Programs:          {Program.objects.count()}",
            f"  Topics:            {Topic.objects.count()}",
            f"  Regions:           {Region.objects.count()}",
            f"  Publication types: {PublicationType.objects.count()}",
            "",
            f"  Demo article:      {base}{english.get_absolute_url()}",
            f"  Arabic version:    {base}{arabic.get_absolute_url()}",
            f"  Long-form note:    {base}{long_form.get_absolute_url()}",
            "                     (figures, endnotes, a PDF report, a PDF edition)",
            f"  Admin:             {base}{reverse('admin:index')}",
            "",
            "  Accounts (local development only):",
            f"    {'username':<16}{'password':<16}role",
        ]
        lines += [
            f"    {account.username:<16}{account.password:<16}{account.role}"
            for account in ACCOUNTS
        ]
        self.stdout.write("\n".join(lines))
