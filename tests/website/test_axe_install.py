"""
`make test` puts axe-core in .cache/axe/ with npm when it is missing (deploy/axe.sh), at
the version the script pins; without npm it installs Debian's as root, or says in one
line which command to run: the browser tests need axe and never skip it.
"""

import re
import shutil
import subprocess

from tests.helpers.processes import REPO

SCRIPT = REPO / "deploy" / "axe.sh"
VERSION = re.search(r"^AXE_VERSION=(\S+)$", SCRIPT.read_text(), re.MULTILINE)[1]


def stub(folder, name, body="exit 0"):
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)


def fake_project(tmp_path, *, user_id, with_npm):
    """A copy of the script in a project of its own, and a PATH of stubs: `npm` (when
    given) writes axe-core's package.json where npm would, and logs its arguments."""
    (tmp_path / "deploy").mkdir()
    shutil.copy(SCRIPT, tmp_path / "deploy" / "axe.sh")
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    for tool in ("sed", "head", "mkdir", "cat"):
        (bin_folder / tool).symlink_to(shutil.which(tool))
    stub(bin_folder, "id", f"echo {user_id}")
    stub(bin_folder, "apt-get", f'echo "apt-get $*" >> {tmp_path}/calls')
    if with_npm:
        package = tmp_path / ".cache/axe/node_modules/axe-core"
        stub(
            bin_folder,
            "npm",
            f'echo "npm $*" >> {tmp_path}/calls\n/bin/mkdir -p {package}\n'
            f'printf \'{{\\n  "version": "{VERSION}"\\n}}\\n\' > {package}/package.json',
        )
    return bin_folder


def run_script(tmp_path, bin_folder):
    return subprocess.run(  # noqa: S603 - our own script
        ["/bin/bash", str(tmp_path / "deploy" / "axe.sh")],
        env={"PATH": str(bin_folder)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def calls(tmp_path):
    log = tmp_path / "calls"
    return log.read_text().splitlines() if log.exists() else []


def test_it_installs_the_pinned_axe_core_with_npm_once(tmp_path):
    bin_folder = fake_project(tmp_path, user_id=1000, with_npm=True)
    first = run_script(tmp_path, bin_folder)
    assert first.returncode == 0, first.stderr
    [install] = calls(tmp_path)
    assert install.startswith(f"npm install --prefix {tmp_path}/.cache/axe axe-core@{VERSION} ")
    assert "--no-audit" in install
    assert "--no-fund" in install
    # Already there: nothing to do, not even npm.
    again = run_script(tmp_path, bin_folder)
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")
    assert calls(tmp_path) == [install]


def test_without_npm_a_user_is_told_the_one_command_to_run(tmp_path):
    result = run_script(tmp_path, fake_project(tmp_path, user_id=1000, with_npm=False))
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert "sudo apt-get install --no-install-recommends nodejs npm" in line
    assert calls(tmp_path) == []


def test_without_npm_root_installs_debians_then_axe_core(tmp_path):
    bin_folder = fake_project(tmp_path, user_id=0, with_npm=True)
    # npm is not there until apt-get installs Debian's.
    (bin_folder / "npm").rename(tmp_path / "debian-npm")
    stub(
        bin_folder,
        "apt-get",
        f'echo "apt-get $*" >> {tmp_path}/calls\n'
        f'[ "$1" = install ] && /bin/cp {tmp_path}/debian-npm {bin_folder}/npm\nexit 0',
    )
    result = run_script(tmp_path, bin_folder)
    assert result.returncode == 0, result.stderr
    update, install, npm = calls(tmp_path)
    assert update == "apt-get update -q"
    assert install.startswith("apt-get install -y -q --no-install-recommends")
    assert install.split()[-2:] == ["nodejs", "npm"]
    assert npm.startswith(f"npm install --prefix {tmp_path}/.cache/axe axe-core@{VERSION} ")
