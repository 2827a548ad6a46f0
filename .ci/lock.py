"""Lock files with hashes, made from pyproject.toml, and a check that they are current.

    python .ci/lock.py compile   # `make lock`: pip-compile both lock files
    python .ci/lock.py check     # `make lock-check`: fails if pyproject.toml changed since

requirements.lock holds what production installs (the dependencies, no dev tools);
requirements-dev.lock adds the dev extra, pinned to the same versions. Each starts with
a digest of the dependency lists it was made from, so a change to pyproject.toml without
`make lock` fails `make check` and the test suite, offline and in a second.
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
    for lock, extras in LOCKS.items():
        command = [
            sys.executable,
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
        lines = [line for line in path.read_text().splitlines() if not line.startswith(MARK)]
        digest = dependency_digest(root / "pyproject.toml", extras)
        path.write_text("\n".join([MARK + digest, *lines]) + "\n")


def stale_locks(root: Path) -> list[str]:
    """What is wrong with the lock files under `root`, in words; empty when all is well."""
    problems = []
    for lock, extras in LOCKS.items():
        path = root / lock
        if not path.exists():
            problems.append(f"{lock} is missing")
            continue
        first = path.read_text().partition("\n")[0]
        recorded = first[len(MARK) :] if first.startswith(MARK) else None
        if recorded != dependency_digest(root / "pyproject.toml", extras):
            problems.append(f"{lock} was made from other dependencies than pyproject.toml lists")
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
