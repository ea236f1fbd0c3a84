"""
`make test` on a fresh machine: deploy/test-packages.sh installs the Debian packages
the tests need when they are missing, or says in one line which command to run; and
`make run` and `make serve` the PDF edition's (deploy/pdf-packages.sh), the same way.
"""

import subprocess
from pathlib import Path

from tests.helpers.processes import REPO

SCRIPT = REPO / "deploy" / "test-packages.sh"
PDF_SCRIPT = REPO / "deploy" / "pdf-packages.sh"
PDF_PACKAGES = ["libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fonts-noto-core"]


def stub(folder, name, output=""):
    path = Path(folder) / name
    path.write_text(f"#!/bin/sh\nprintf '%s' '{output}'\n")
    path.chmod(0o755)


def run_script(bin_folder, script=SCRIPT):
    """The script with only `bin_folder` (and bash's own builtins) on its PATH."""
    return subprocess.run(  # noqa: S603 - our own script
        ["/bin/bash", str(script)],
        env={"PATH": str(bin_folder)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def fake_machine(tmp_path, *, user_id, with_packages):
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    stub(bin_folder, "id", str(user_id))
    for tool in ("grep",):
        (bin_folder / tool).symlink_to(f"/usr/bin/{tool}")
    stub(bin_folder, "apt-get")  # would install; must not be reached in these tests
    if with_packages:
        stub(bin_folder, "dpkg-query", "install ok installed")
        for tool in ("redis-server", "msgfmt", "xgettext", "pdftoppm"):
            stub(bin_folder, tool)
    return bin_folder


def test_a_user_without_root_is_told_the_one_command_to_run(tmp_path):
    result = run_script(fake_machine(tmp_path, user_id=1000, with_packages=False))
    assert result.returncode == 1
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert "sudo apt-get install --no-install-recommends" in line
    for package in (
        "redis-server",
        "varnish",
        "varnish-modules",
        "gettext",
        "poppler-utils",
        *PDF_PACKAGES,
    ):
        assert package in line


def test_nothing_to_do_when_every_package_is_there(tmp_path):
    # /usr/bin/chromium is the real one: `make test` installed it before this ran.
    result = run_script(fake_machine(tmp_path, user_id=1000, with_packages=True))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_as_root_it_installs_what_is_missing_with_apt_get(tmp_path):
    bin_folder = fake_machine(tmp_path, user_id=0, with_packages=False)
    calls = tmp_path / "apt-get.calls"
    (bin_folder / "apt-get").write_text(f'#!/bin/sh\necho "$*" >> {calls}\n')
    result = run_script(bin_folder)
    assert result.returncode == 0, result.stderr
    update, install = calls.read_text().splitlines()
    assert update == "update -q"
    assert install.startswith("install -y -q --no-install-recommends")
    assert install.split()[-9:] == [
        *PDF_PACKAGES,
        "redis-server",
        "varnish",
        "varnish-modules",
        "gettext",
        "poppler-utils",
    ]


def test_the_pdf_packages_alone_for_make_run_and_serve(tmp_path):
    result = run_script(fake_machine(tmp_path, user_id=1000, with_packages=False), PDF_SCRIPT)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.endswith("sudo apt-get install --no-install-recommends " + " ".join(PDF_PACKAGES))


def test_the_pdf_packages_installed_as_root_or_nothing_to_do(tmp_path):
    bin_folder = fake_machine(tmp_path, user_id=0, with_packages=False)
    calls = tmp_path / "apt-get.calls"
    (bin_folder / "apt-get").write_text(f'#!/bin/sh\necho "$*" >> {calls}\n')
    assert run_script(bin_folder, PDF_SCRIPT).returncode == 0
    update, install = calls.read_text().splitlines()
    assert update == "update -q" and install.split()[-4:] == PDF_PACKAGES
    stub(bin_folder, "dpkg-query", "install ok installed")
    calls.unlink()
    result = run_script(bin_folder, PDF_SCRIPT)
    assert (result.returncode, result.stdout, result.stderr, calls.exists()) == (0, "", "", False)
