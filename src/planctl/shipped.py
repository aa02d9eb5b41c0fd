"""The files that ship inside the installed package: the catalogue and the two JSON Schemas.

They are not copies. The wheel maps the repository's ``data/measures.yaml`` and
``schema/*.schema.json`` onto the resource packages ``planctl.shipped_catalogue`` and
``planctl.shipped_schema`` (see ``[tool.setuptools.package-dir]`` in ``pyproject.toml``), so the
catalogue edited in ``data/`` is the one every installation carries. An editable install
(``make setup``) does not map folders without ``__init__.py``; there the files are read from
the repository the package was installed from.
"""

from __future__ import annotations

import importlib.metadata
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

CATALOGUE_NAME = "measures.yaml"
SCHEMA_NAMES = ("plan.schema.json", "catalogue.schema.json")


def _folder(package: str, repo_folder: str) -> Traversable:
    try:
        return files(package)
    except ModuleNotFoundError:
        # Editable install: src/planctl/ → the repository's top folder.
        return Path(__file__).resolve().parents[2] / repo_folder


def catalogue_bytes() -> bytes:
    """The catalogue of measures shipped with planctl (``measures.yaml``), byte for byte."""
    return (_folder("planctl.shipped_catalogue", "data") / CATALOGUE_NAME).read_bytes()


def schema_bytes() -> dict[str, bytes]:
    """The plan and catalogue JSON Schemas shipped with planctl, by file name."""
    folder = _folder("planctl.shipped_schema", "schema")
    return {name: (folder / name).read_bytes() for name in SCHEMA_NAMES}


def installed_version() -> str:
    """The version of the installed planctl (the distribution's metadata)."""
    return importlib.metadata.version("planctl")


def installed_source() -> str | None:
    """Where planctl was installed from when that was a git repository: ``git+URL@COMMIT``.

    pip records it (PEP 610 ``direct_url.json``) for ``pipx install git+https://…@v1.0`` and
    ``uv tool install``; ``None`` for a wheel, a package index or a local folder.
    """
    import json

    try:
        text = importlib.metadata.distribution("planctl").read_text("direct_url.json")
    except importlib.metadata.PackageNotFoundError:
        return None
    if not text:
        return None
    try:
        found = json.loads(text)
    except ValueError:
        return None
    vcs = found.get("vcs_info") if isinstance(found, dict) else None
    url = found.get("url") if isinstance(found, dict) else None
    if not isinstance(vcs, dict) or vcs.get("vcs") != "git" or not isinstance(url, str):
        return None
    commit = vcs.get("commit_id")
    return f"git+{url}@{commit}" if isinstance(commit, str) else None
