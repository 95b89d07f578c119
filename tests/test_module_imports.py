"""Every module of CareerExpo imports on its own, first, in a fresh interpreter.

A module that only imports when something else was imported before it hides an import
cycle, and the next person to import it first (a script, a worker, a test) gets an
ImportError. Each module is imported in a child forked from a parent that has loaded
only the third-party libraries CareerExpo uses, so no CareerExpo module is loaded yet
when it is tried, and trying all of them takes seconds rather than minutes.
"""

import ast
import importlib
import os
import pathlib
import subprocess
import sys
import traceback

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parent.parent / "careerexpo"


def module_names() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def third_party_modules() -> set[str]:
    """The top-level names of every module CareerExpo imports from outside itself."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - {"careerexpo"}


def import_alone(name: str) -> str | None:
    """Imports ``name`` in a forked child; returns the traceback when it fails."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: import, report, and leave without running any cleanup
        os.close(read_end)
        status = 0
        try:
            importlib.import_module(name)
        except BaseException:  # noqa: BLE001  (any failure is the report)
            os.write(write_end, traceback.format_exc().encode())
            status = 1
        os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        report = pipe.read().decode()
    _pid, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) == 0:
        return None
    return report or "the child died without a report"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_every_module_imports_first_and_alone():
    # The test process has CareerExpo loaded already: the parent must be a fresh one.
    result = subprocess.run([sys.executable, __file__], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def assert_every_module_imports_alone():
    for library in sorted(third_party_modules()):
        importlib.import_module(library)
    failures = {name: report for name in module_names() if (report := import_alone(name))}
    assert not failures, "\n\n".join(f"{name}:\n{report}" for name, report in failures.items())


if __name__ == "__main__":
    assert_every_module_imports_alone()
    print(f"{len(module_names())} modules import alone")


def test_no_package_imports_its_views_when_it_is_imported():
    """Importing a model must not run views: ``create_app`` registers each blueprint from
    its routes module, and a package's ``__init__`` imports nothing of CareerExpo."""
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        tree = ast.parse(init.read_text(encoding="utf-8"))
        imported = [n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)]
        assert not imported, f"{init.relative_to(PACKAGE.parent)} imports modules"
