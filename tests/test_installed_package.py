"""The package as a user gets it from `pip install`: a wheel, in a fresh venv, run from another folder.

`make test` itself uses an editable install, which sees the checkout's files; this test builds the wheel and
installs it into a new venv, so a file the wheel lacks (the notebooks were once missing) fails here. The new
venv takes its third-party dependencies from the test environment (a `.pth` line) instead of downloading
them again: what is tested is our package's contents, not PyPI's. Their data files (nbconvert's HTML
templates) stay in the test environment's `share/jupyter`, named by JUPYTER_PATH.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import FLOTIM, ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the wheel built from this checkout installed in it; its bin folder."""
    base = tmp_path_factory.mktemp("installed")
    wheels = base / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
                    "-w", str(wheels), str(ROOT)], check=True, capture_output=True, env=clean_environment())
    wheel, = wheels.glob("lkjip_audit-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "lkjip_audit/notebooks/audit_report.ipynb" in names
    assert "lkjip_audit/notebooks/batch_summary.ipynb" in names
    env = base / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    site = next((env / "lib").glob("python3*/site-packages"))
    (site / "test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    python = env / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet",
                    str(wheel)], check=True, capture_output=True, env=clean_environment())
    return env / "bin"


def clean_environment() -> dict[str, str]:
    """This environment without PYTHONPATH: the checkout must not be importable beside the wheel."""
    return {**{k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
            "JUPYTER_PATH": str(Path(sys.prefix) / "share" / "jupyter")}


def run(installed: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    environment = clean_environment()
    return subprocess.run([str(installed / "lkjip-audit"), *args], cwd=cwd, env=environment, capture_output=True,
                          text=True, timeout=600)


def test_the_installed_package_is_the_wheel_not_the_checkout(installed, tmp_path):
    where = subprocess.run([str(installed / "python"), "-c", "import lkjip_audit; print(lkjip_audit.__file__)"],
                           capture_output=True, text=True, check=True, cwd=tmp_path,
                           env=clean_environment()).stdout.strip()
    assert Path(where).is_relative_to(installed.parent)


def test_an_installed_package_audits_a_report_from_another_folder(installed, tmp_path):
    report = tmp_path / "laporan.txt"
    shutil.copy(FLOTIM, report)
    done = run(installed, "audit", report.name, "--out", "hasil", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.startswith("laporan.txt: 2 tables (1 budget), 5 findings (error 5)")
    findings = json.loads((tmp_path / "hasil" / "laporan" / "findings.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in findings["findings"]] == ["row-sisa", "row-sisa", "row-percent", "row-sisa",
                                                         "row-percent"]
    assert (tmp_path / "hasil" / "laporan" / "laporan.audit.xlsx").exists()


def test_an_installed_package_runs_a_batch_and_its_summary(installed, tmp_path):
    (tmp_path / "masuk").mkdir()
    shutil.copy(FLOTIM, tmp_path / "masuk" / "flotim.txt")
    done = run(installed, "batch", "masuk", "--out", "hasil", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "1 of 1 report(s) audited" in done.stdout
    assert (tmp_path / "hasil" / "batch_summary.ipynb").exists()
