"""Production installs exactly requirements.lock (hashes, no dev tools), made from
pyproject.toml by `make lock`; pyproject.toml names every package the code imports."""

import ast
import importlib.util
import re
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCK_SCRIPT = ROOT / ".ci" / "lock.py"
DEV_TOOLS = {"pytest", "ruff", "pip-tools", "hypothesis", "bandit", "factory-boy", "pip-audit"}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\]+)")


def load_lock_script():
    spec = importlib.util.spec_from_file_location("lock", LOCK_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lock: Path) -> dict[str, tuple[str, int]]:
    """Package -> (version, number of hashes) as a lock file lists them."""
    found, current = {}, None
    for line in lock.read_text().splitlines():
        if match := PIN.match(line):
            current = normalise(match.group(1))
            found[current] = (match.group(2), 0)
        elif line.strip().startswith("--hash=sha256:") and current:
            version, count = found[current]
            found[current] = (version, count + 1)
    return found


def declared(*groups: str) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for group in groups:
        requirements += project["optional-dependencies"][group]
    return {
        normalise(re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0])
        for requirement in requirements
    }


def test_lock_files_match_pyproject():
    assert load_lock_script().stale_locks(ROOT) == []


def test_a_dependency_changed_without_make_lock_fails_the_check(tmp_path):
    for name in ("pyproject.toml", "requirements.lock", "requirements-dev.lock"):
        shutil.copy(ROOT / name, tmp_path / name)

    def check():
        return subprocess.run(  # noqa: S603
            [sys.executable, str(LOCK_SCRIPT), "check", "--root", str(tmp_path)],
            capture_output=True,
            text=True,
            check=False,
        )

    # Comments and order do not count.
    pyproject = tmp_path / "pyproject.toml"
    text = pyproject.read_text()
    pyproject.write_text(text.replace('"tqdm>=4.66,<5",', '"tqdm >= 4.66, < 5",  # bar'))
    assert check().returncode == 0
    pyproject.write_text(text.replace('"tqdm>=4.66,<5",', '"tqdm>=4.66,<5",\n    "six>=1.16,<2",'))
    result = check()
    assert result.returncode == 1
    assert "requirements.lock was made from other dependencies than pyproject.toml" in result.stderr
    assert "run `make lock`" in result.stderr
    pyproject.write_text(text.replace('"ruff>=0.8,<1",', '"ruff>=0.9,<1",'))
    result = check()
    assert result.returncode == 1
    assert "requirements-dev.lock" in result.stderr
    assert "requirements.lock was" not in result.stderr


def test_production_lock_hashes_every_package_and_holds_no_dev_tool():
    production = pins(ROOT / "requirements.lock")
    assert not DEV_TOOLS & production.keys()
    assert all(count >= 1 for _version, count in production.values()), production
    assert declared() <= production.keys()


def test_dev_lock_runs_the_same_versions_as_production_plus_the_tools():
    production = pins(ROOT / "requirements.lock")
    development = pins(ROOT / "requirements-dev.lock")
    assert DEV_TOOLS.issubset(development.keys())
    for name, (version, _count) in production.items():
        assert development[name][0] == version, name


def imported_modules(folder: Path) -> set[str]:
    modules = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                modules |= {alias.name.partition(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                modules.add(node.module.partition(".")[0])
    return modules


def undeclared_imports(folders: list[str], groups: tuple[str, ...]) -> set[str]:
    ours = {"home", "programmes", "stories", "members", "network_site", "tests", "bench"}
    ours.add("loadtest")
    distributions = packages_distributions()
    allowed = declared(*groups)
    missing = set()
    for folder in folders:
        for module in imported_modules(ROOT / folder) - ours - set(sys.stdlib_module_names):
            names = {normalise(name) for name in distributions.get(module, [module])}
            if not names & allowed:
                missing.add(f"{folder}: {module} ({', '.join(sorted(names))})")
    return missing


def test_site_code_imports_only_packages_pyproject_declares():
    folders = ["home", "programmes", "stories", "members", "network_site"]
    assert undeclared_imports(folders, ()) == set()


def test_tests_and_tools_import_only_declared_packages():
    assert undeclared_imports(["tests", "bench", "loadtest"], ("dev", "browser")) == set()


def test_a_lock_resolved_on_a_newer_python_than_debian_12s_fails_the_check(tmp_path):
    """Resolved on 3.11.7 the lock pinned soupsieve 4.1 (needs 3.11.5): Debian 12's
    Python 3.11.2 could not install it."""
    for name in ("pyproject.toml", "requirements.lock", "requirements-dev.lock"):
        shutil.copy(ROOT / name, tmp_path / name)
    lock = tmp_path / "requirements.lock"
    lock.write_text(
        lock.read_text().replace("resolved for Python 3.11.2", "resolved for Python 3.11.7")
    )
    problems = load_lock_script().stale_locks(tmp_path)
    assert problems == [
        "requirements.lock was resolved for Python 3.11.7, not Debian 12's 3.11.2, "
        "so a Debian 12 server may not install it"
    ]
