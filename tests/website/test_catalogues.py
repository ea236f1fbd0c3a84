"""
The translation catalogues of every language other than English (locale/<lang>/):

- the .po and the compiled .mo are both committed;
- the .po has no fuzzy and no untranslated entry;
- the committed .mo is what the .po compiles to (the catalogs are compared, not the bytes);
- no string marked in the code or the templates is missing from a catalogue: the
  project's sources are copied to a temporary folder, `makemessages` is run there,
  and every msgid it finds must be translated in the committed .po (`msgcmp`).

The checks use GNU gettext (Debian's `gettext` package, which CI installs). Without
it they fail, they are not skipped: a catalogue nobody checked is not known to be good.
"""

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = [code for code, _name in django_settings.LANGUAGES if code != "en"]
# What `makemessages` reads: the project's sources, as `make messages` sees them.
SOURCES = [
    "thinktank",
    "editing",
    "library",
    "taxonomy",
    "experts",
    "articles",
    "interchange",
    "website",
    "templates",
    "manage.py",
    "locale",
]
MAKEMESSAGES_IGNORE = ["--ignore=.venv", "--ignore=tests", "--ignore=staticfiles"]
MAKEMESSAGES_IGNORE += ["--ignore=media"]


def tool(name):
    """The path of a GNU gettext program; the test fails (not skips) when it is missing."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(
            f"GNU gettext's `{name}` is not installed, so the translation catalogues cannot "
            "be checked: apt-get install gettext (CI installs it).",
            pytrace=False,
        )
    return path


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, check=False, **kwargs)  # noqa: S603


def po_path(language, root=ROOT):
    return root / "locale" / language / "LC_MESSAGES" / "django.po"


def mo_path(language, root=ROOT):
    return root / "locale" / language / "LC_MESSAGES" / "django.mo"


# --- a small reader of .po files, for clear failure messages ----------------------------


def _unquote(text):
    """The value of a C-style quoted .po string."""
    body = text.strip()
    assert body.startswith('"') and body.endswith('"'), f"not a .po string: {text!r}"
    body = body[1:-1]
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
    out, index = [], 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body):
            out.append(escapes.get(body[index + 1], body[index + 1]))
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


def parse_po(text):
    """
    The entries of a .po file (obsolete `#~` ones left out), each a dict with `msgctxt`
    (or None), `msgid`, `msgid_plural` (or None), `msgstr` (a list: one item, or one per
    plural form) and `flags` (a set, e.g. {"fuzzy", "python-format"}).
    """
    entries, entry, key = [], None, None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    def new_entry():
        return {"msgctxt": None, "msgid_plural": None, "msgstr": [], "flags": set()}

    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#,"):
            if entry is not None and "msgid" in entry:
                finish()
                entry = None
            entry = entry or new_entry()
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            continue
        if line.startswith("#"):
            continue
        keyword, _space, rest = line.partition(" ")
        if line.startswith('"'):
            value = _unquote(line)
            if key == "msgstr":
                entry["msgstr"][-1] += value
            else:
                entry[key] += value
            continue
        if keyword in ("msgctxt", "msgid") and entry is not None and "msgid" in entry:
            finish()
            entry = None
        entry = entry or new_entry()
        if keyword.startswith("msgstr"):
            key = "msgstr"
            entry["msgstr"].append(_unquote(rest))
        else:
            key = keyword
            entry[keyword] = _unquote(rest)
    finish()
    return entries


def read_po(path):
    return parse_po(Path(path).read_text(encoding="utf-8"))


def entry_name(entry):
    if entry["msgctxt"] is not None:
        return f"{entry['msgid']!r} (context {entry['msgctxt']!r})"
    return repr(entry["msgid"])


def is_header(entry):
    return entry["msgid"] == "" and entry["msgctxt"] is None


def is_translated(entry):
    return "fuzzy" not in entry["flags"] and all(entry["msgstr"]) and bool(entry["msgstr"])


def test_the_parser_reads_contexts_plurals_flags_and_continuations():
    entries = parse_po(
        'msgid ""\nmsgstr ""\n"Language: ar\\n"\n\n'
        '#, fuzzy, python-format\nmsgctxt "byline"\nmsgid "by"\nmsgstr "بقلم"\n\n'
        'msgid "one %(n)s"\nmsgid_plural "many"\nmsgstr[0] "a"\nmsgstr[1] ""\n\n'
        'msgid ""\n"long "\n"text"\nmsgstr "نص \\"طويل\\""\n\n'
        '#~ msgid "gone"\n#~ msgstr "ذهب"\n'
    )
    assert [entry_name(entry) for entry in entries] == [
        "''",
        "'by' (context 'byline')",
        "'one %(n)s'",
        "'long text'",
    ]
    header, by, plural, long = entries
    assert header["msgstr"] == ["Language: ar\n"]
    assert by["flags"] == {"fuzzy", "python-format"}
    assert not is_translated(by)
    assert plural["msgid_plural"] == "many"
    assert not is_translated(plural)
    assert long["msgstr"] == ['نص "طويل"']
    assert is_translated(long)


# --- the committed files -------------------------------------------------------------------


def test_every_other_language_has_a_catalogue():
    assert LANGUAGES, "settings.LANGUAGES has no language besides English"
    assert "ar" in LANGUAGES
    assert "fa" in LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_po_and_mo_are_committed(language):
    assert po_path(language).is_file(), f"{po_path(language)} is missing"
    assert mo_path(language).is_file(), (
        f"{mo_path(language)} is missing: run `make messages` (compilemessages) and commit it"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_po_has_no_fuzzy_entries(language):
    result = run([tool("msgattrib"), "--only-fuzzy", "--no-obsolete", str(po_path(language))])
    assert result.returncode == 0, result.stderr
    fuzzy = [entry_name(entry) for entry in parse_po(result.stdout) if not is_header(entry)]
    assert fuzzy == [], f"fuzzy entries in locale/{language}: review them and drop the flag"
    # The same, read directly (a fuzzy entry is not used by Django).
    fuzzy = [
        entry_name(entry)
        for entry in read_po(po_path(language))
        if not is_header(entry) and "fuzzy" in entry["flags"]
    ]
    assert fuzzy == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_po_has_no_untranslated_entries(language):
    result = run([tool("msgattrib"), "--untranslated", "--no-obsolete", str(po_path(language))])
    assert result.returncode == 0, result.stderr
    untranslated = [entry_name(entry) for entry in parse_po(result.stdout) if not is_header(entry)]
    assert untranslated == [], f"untranslated entries in locale/{language}"
    untranslated = [
        entry_name(entry)
        for entry in read_po(po_path(language))
        if not is_header(entry) and not all(entry["msgstr"])
    ]
    assert untranslated == []


def load_catalog(path):
    with open(path, "rb") as file:
        return gettext.GNUTranslations(file)._catalog


@pytest.mark.parametrize("language", LANGUAGES)
def test_committed_mo_is_the_compiled_po(language, tmp_path):
    compiled = tmp_path / "django.mo"
    result = run([tool("msgfmt"), "--check", "-o", str(compiled), str(po_path(language))])
    assert result.returncode == 0, f"msgfmt --check rejects locale/{language}:\n{result.stderr}"
    assert mo_path(language).is_file(), f"{mo_path(language)} is missing"
    expected = load_catalog(compiled)
    committed = load_catalog(mo_path(language))
    missing = sorted(map(str, expected.keys() - committed.keys()))
    extra = sorted(map(str, committed.keys() - expected.keys()))
    assert (missing, extra) == ([], []), (
        f"locale/{language}/LC_MESSAGES/django.mo is stale: recompile it (make messages). "
        f"Not in the .mo: {missing}; only in the .mo: {extra}"
    )
    differing = sorted(str(key) for key in expected if expected[key] != committed[key])
    assert differing == [], f"stale translations in locale/{language} django.mo: {differing}"
    assert committed == expected
    # The catalogue says which language it is for.
    assert len(expected) > 1, f"locale/{language} compiles to an empty catalogue"


# --- nothing marked in the code is missing from a catalogue ----------------------------------


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    """
    {language: path of the .po that `makemessages` makes from the current sources}:
    run once for every language, in a copy of the project (the real locale/ is untouched).
    """
    for name in ["msgfmt", "msgmerge", "msguniq", "xgettext"]:
        tool(name)
    copy = tmp_path_factory.mktemp("messages")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
        else:
            shutil.copy2(source, copy / name)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "PYTHONPATH", "DATABASE_URL"}
    }
    env.update(DEBUG="1", DJANGO_SETTINGS_MODULE="thinktank.settings")
    command = [sys.executable, "manage.py", "makemessages", "--no-location"]
    command += [f"--locale={language}" for language in LANGUAGES]
    command += MAKEMESSAGES_IGNORE
    result = run(command, cwd=copy, env=env, timeout=120)
    assert result.returncode == 0, f"makemessages failed:\n{result.stdout}\n{result.stderr}"
    return {language: po_path(language, copy) for language in LANGUAGES}


def test_makemessages_found_the_project_strings(regenerated):
    for language, path in regenerated.items():
        msgids = {entry["msgid"] for entry in read_po(path)}
        # One string from a template, one from Python code, one with a context.
        assert {"About the authors", "Publishing", "by"} <= msgids, language


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_string_is_translated(language, regenerated):
    committed = {
        (entry["msgctxt"], entry["msgid"]): entry
        for entry in read_po(po_path(language))
        if not is_header(entry)
    }
    marked = [entry for entry in read_po(regenerated[language]) if not is_header(entry)]
    assert marked, "makemessages found no string"
    missing = [
        entry_name(entry)
        for entry in marked
        if (entry["msgctxt"], entry["msgid"]) not in committed
        or not is_translated(committed[entry["msgctxt"], entry["msgid"]])
    ]
    assert missing == [], (
        f"strings marked in the code but not translated in locale/{language}: "
        "run `make messages` and translate them"
    )
    # gettext's own comparison agrees (fuzzy and untranslated entries count as missing).
    result = run([tool("msgcmp"), str(po_path(language)), str(regenerated[language])])
    assert result.returncode == 0, f"msgcmp:\n{result.stderr}"
