"""Lock files with hashes, made from pyproject.toml, and a check that they are current.

    python .ci/lock.py compile   # `make lock`: pip-compile both lock files
    python .ci/lock.py check     # `make lock-check`: fails if pyproject.toml changed since

requirements.lock holds what production installs (the dependencies, no dev tools);
requirements-dev.lock adds the dev extra, pinned to the same versions. Each starts with
a digest of the dependency lists it was made from, so a change to pyproject.toml without
`make lock` fails `make check` and the test suite, offline and in a second.

pip-compile picks releases that the Python running it can install, so it runs on the
oldest Python the recipe installs on: Debian 12's 3.11.2 (/usr/bin/python3.11, in a venv
under var/; LOCK_PYTHON names another). Resolved on a newer 3.11, the lock pinned
soupsieve 4.1, which needs 3.11.5, and a Debian 12 server could not install it.
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Lock file -> the extras it includes.
LOCKS = {"requirements.lock": (), "requirements-dev.lock": ("dev",)}
MARK = "# pyproject.toml dependencies sha256: "
RESOLVED_FOR = "# resolved for Python "
OLDEST_PYTHON = "3.11.2"  # Debian 12's
DEBIAN_PYTHON = Path("/usr/bin/python3.11")


def version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def python_version(python: Path | str) -> str:
    code = "import platform; print(platform.python_version())"
    result = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
    return result.stdout.strip()


def compiling_python(root: Path) -> Path:
    """A venv with pip-tools on the oldest Python at hand (Debian 12's when it is here)."""
    chosen = os.environ.get("LOCK_PYTHON") or (
        str(DEBIAN_PYTHON) if DEBIAN_PYTHON.exists() else sys.executable
    )
    venv = root / "var" / "lock-venv"
    python = venv / "bin" / "python"
    if not python.exists() or python_version(python) != python_version(chosen):
        print(f"    a venv for pip-compile on {chosen} ({python_version(chosen)}) in {venv}")
        subprocess.run([chosen, "-m", "venv", "--clear", str(venv)], check=True)  # noqa: S603
        pins = (root / "requirements-dev.lock").read_text()
        pip_tools = next(
            line.split()[0] for line in pins.splitlines() if line.startswith("pip-tools==")
        )
        subprocess.run(  # noqa: S603
            [python, "-m", "pip", "install", "--quiet", pip_tools], check=True
        )
    return python


def dependency_digest(pyproject: Path, extras: tuple[str, ...]) -> str:
    """A digest of what the lock is made from: Python's range, the dependencies and the
    extras, each list sorted and without spaces (comments and order do not count)."""
    project = tomllib.loads(pyproject.read_text())["project"]

    def canonical(requirements: list[str]) -> list[str]:
        return sorted("".join(requirement.split()).lower() for requirement in requirements)

    record = {
        "requires-python": project.get("requires-python", ""),
        "dependencies": canonical(project.get("dependencies", [])),
        "extras": {
            extra: canonical(project.get("optional-dependencies", {}).get(extra, []))
            for extra in extras
        },
    }
    return hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()


def compile_locks(root: Path) -> None:
    python = compiling_python(root)
    resolved_for = python_version(python)
    if version_tuple(resolved_for) > version_tuple(OLDEST_PYTHON):
        print(f"    warning: Python {resolved_for} may pin releases Debian 12 cannot install")
    for lock, extras in LOCKS.items():
        command = [
            str(python),
            "-m",
            "piptools",
            "compile",
            "--quiet",
            "--generate-hashes",
            "--allow-unsafe",
            "--strip-extras",
            "--no-emit-index-url",
            "--no-emit-find-links",
            "--output-file",
            lock,
        ]
        for extra in extras:
            command += ["--extra", extra]
        if extras:  # the dev tools on top of exactly what production runs
            command += ["--constraint", "requirements.lock"]
        print(f"    {lock}", flush=True)
        subprocess.run(  # noqa: S603
            [*command, "pyproject.toml"],
            cwd=root,
            check=True,
            env={**os.environ, "CUSTOM_COMPILE_COMMAND": "make lock"},  # named in the header
        )
        path = root / lock
        lines = [
            line
            for line in path.read_text().splitlines()
            if not line.startswith((MARK, RESOLVED_FOR))
        ]
        digest = dependency_digest(root / "pyproject.toml", extras)
        header = [MARK + digest, f"{RESOLVED_FOR}{resolved_for} (make lock: see .ci/lock.py)"]
        path.write_text("\n".join([*header, *lines]) + "\n")


def stale_locks(root: Path) -> list[str]:
    """What is wrong with the lock files under `root`, in words; empty when all is well."""
    problems = []
    for lock, extras in LOCKS.items():
        path = root / lock
        if not path.exists():
            problems.append(f"{lock} is missing")
            continue
        first, second, *_rest = path.read_text().splitlines() + ["", ""]
        recorded = first[len(MARK) :] if first.startswith(MARK) else None
        if recorded != dependency_digest(root / "pyproject.toml", extras):
            problems.append(f"{lock} was made from other dependencies than pyproject.toml lists")
        resolved_for = (
            second[len(RESOLVED_FOR) :].split()[0] if second.startswith(RESOLVED_FOR) else ""
        )
        if not resolved_for or version_tuple(resolved_for) > version_tuple(OLDEST_PYTHON):
            problems.append(
                f"{lock} was resolved for Python {resolved_for or 'unknown'}, not Debian 12's "
                f"{OLDEST_PYTHON}, so a Debian 12 server may not install it"
            )
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("action", choices=["compile", "check"])
    parser.add_argument("--root", type=Path, default=ROOT, help="the project folder")
    arguments = parser.parse_args()
    if arguments.action == "compile":
        compile_locks(arguments.root)
        return 0
    problems = stale_locks(arguments.root)
    for problem in problems:
        print(f"{problem}: run `make lock` and commit both lock files.", file=sys.stderr)
    if not problems:
        print("requirements.lock and requirements-dev.lock match pyproject.toml")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
