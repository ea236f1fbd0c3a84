"""
Dependencies point one way, read statically from every module's imports (`ast`, so an
import inside a function counts as much as one at the top).

The layers, lowest first: thinktank (the frame) < editing (autosaves, soft locks) <
library (images) < taxonomy (topics, regions) < experts < articles < website (the root
URLconf, which puts the apps together). A module may import its own layer and those
below it, never one above. The frame names no app, in an import or in a string (a model
label, a URL name): the apps register what it needs, and settings name them.
"""

import ast
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAYERS = [
    "thinktank", "editing", "library", "taxonomy", "experts", "articles", "interchange", "website",
]  # fmt: skip

# Imports inside a function in articles, per module. "An import inside a function to
# dodge a cycle means the cycle is the bug": a ratchet, no module may gain one (lower a
# number when its imports move up). Migrations are frozen history, left out.
KNOWN_FUNCTION_IMPORTS = {
    "articles/apps.py": 3,
}

# A string naming an app or what is in it: "experts", "articles.Article", "taxonomy.Topic",
# "experts.Expert.photo", "articles:home", "website.urls".
APP_NAME = re.compile(r"^(editing|library|taxonomy|experts|articles|website)([.:]|$)")
# The same with what is in it, not the app alone ("website" is also a kind of link).
NAMED_APP = re.compile(r"^(editing|library|taxonomy|experts|articles|website)[.:]")


def modules(layer):
    """(path relative to the repository, parsed module) of every .py file of `layer`."""
    for path in sorted((ROOT / layer).rglob("*.py")):
        yield path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(), str(path))


def imports(tree):
    """
    [(imported module, inside a function?)]: one per `from` statement, one per module
    an `import` names. A relative import stays in its package: its module keeps its
    dots (".links").
    """
    found = []

    def visit(node, in_function):
        if isinstance(node, ast.Import):
            found.extend((alias.name, in_function) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.append(("." * node.level + (node.module or ""), in_function))
        inside = in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for child in ast.iter_child_nodes(node):
            visit(child, inside)

    visit(tree, False)
    return found


def layer_of(module):
    top = module.split(".")[0]
    return LAYERS.index(top) if top in LAYERS else None


def test_no_module_imports_a_layer_above_its_own():
    upward = [
        (path, module)
        for level, layer in enumerate(LAYERS)
        for path, tree in modules(layer)
        for module, _in_function in imports(tree)
        if (layer_of(module) or 0) > level
    ]
    assert not upward, f"imports from a layer above ({' < '.join(LAYERS)}): {upward}"


def test_the_frame_imports_no_app():
    for path, tree in modules("thinktank"):
        for module, _in_function in imports(tree):
            assert layer_of(module) in (None, 0), f"{path} imports {module}"


def test_nothing_imports_the_site():
    for layer in LAYERS[:-1]:
        for path, tree in modules(layer):
            for module, _in_function in imports(tree):
                assert module.split(".")[0] != "website", f"{path} imports {module}"


def docstrings(tree):
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def named_apps(layer, pattern):
    """(path, line, string, app) of each string of `layer`'s code naming an app by
    `pattern`. Settings are configuration (INSTALLED_APPS, ROOT_URLCONF, the URL names
    the frame and taxonomy link to); docstrings may give examples; migrations are history."""
    for path, tree in modules(layer):
        if path == "thinktank/settings.py" or "/migrations/" in path:
            continue
        skip = docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                match = pattern.match(node.value)
                if match and id(node) not in skip:
                    yield path, node.lineno, node.value, match[1]


def test_no_module_names_an_app_above_its_own():
    """A model label or URL name in a string is a dependency too."""
    named = [
        found
        for level, layer in enumerate(LAYERS)
        for found in named_apps(layer, NAMED_APP)
        if LAYERS.index(found[3]) > level
    ]
    assert not named


def test_the_frame_names_no_app_in_its_code():
    """Not even an app alone ("articles")."""
    assert not list(named_apps("thinktank", APP_NAME))


def test_no_module_of_articles_gains_an_import_inside_a_function():
    counts = Counter()
    for path, tree in modules("articles"):
        if "/migrations/" not in path:
            counts[path] = sum(in_function for _module, in_function in imports(tree))
    gained = {
        path: (count, KNOWN_FUNCTION_IMPORTS.get(path, 0))
        for path, count in counts.items()
        if count > KNOWN_FUNCTION_IMPORTS.get(path, 0)
    }
    assert not gained, f"imports inside functions, (now, allowed): {gained}"


def test_the_rules_see_what_they_should():
    """The checks above would pass on nothing: make sure they parse what they judge."""
    tree = ast.parse(
        "import os\nfrom articles.models import Article\n"
        "def f():\n    from experts import models\n    import website.urls\n"
        "    from .links import Link\n"
    )
    assert imports(tree) == [
        ("os", False),
        ("articles.models", False),
        ("experts", True),
        ("website.urls", True),
        (".links", True),
    ]
    assert sum(1 for _path, _tree in modules("thinktank")) > 10
    assert APP_NAME.match("experts.Expert.photo") and APP_NAME.match("articles:home")
    assert not APP_NAME.match("articles/hero.jpg")
