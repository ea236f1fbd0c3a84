"""
The tests' own layout (tests/README.md): each test module in the folder of an app (or
website/, browser/), everything they share in tests/helpers/, and no test module
imported by another module, so that a helper has one home.
"""

import ast
from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
FOLDERS = {
    "thinktank",
    "editing",
    "library",
    "taxonomy",
    "experts",
    "articles",
    "interchange",
    "website",
    "browser",
}
# Besides test modules and helpers: the package markers, the fixtures every test may
# ask for, and the tests' settings module.
OTHERS = {"__init__.py", "conftest.py", "settings.py"}


def python_files():
    return sorted(path.relative_to(TESTS) for path in TESTS.rglob("*.py"))


def imported_modules(path):
    for node in ast.walk(ast.parse((TESTS / path).read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def test_each_test_module_is_in_the_folder_of_an_app():
    misplaced = [
        str(path)
        for path in python_files()
        if path.name.startswith("test_") and (len(path.parts) != 2 or path.parts[0] not in FOLDERS)
    ]
    assert misplaced == []


def test_every_other_module_is_a_helper():
    strays = [
        str(path)
        for path in python_files()
        if not path.name.startswith("test_")
        and path.name not in OTHERS
        and path.parts[0] != "helpers"
    ]
    assert strays == []


def test_no_module_imports_a_test_module_or_the_conftest():
    imports = [
        f"{path}: {module}"
        for path in python_files()
        for module in imported_modules(path)
        if module.startswith("tests.")
        and (module.rsplit(".", 1)[-1].startswith("test_") or module.endswith(".conftest"))
    ]
    assert imports == []


def test_test_module_names_are_unique():
    names = Counter(path.name for path in python_files() if path.name.startswith("test_"))
    assert [name for name, count in names.items() if count > 1] == []
