"""The names of the files planctl may leave beside the files it writes, and the patterns that
ignore them.

A lock file (``.plan.yaml.lock``), the temporary file of a write that was killed
(``.plan.yaml.<slump>.planctl-tmp``) and a follow-up meeting's draft
(``.plan.yaml.2026-10.utkast.json``) are named here and nowhere else: the writers build their
names with these functions, and ``planctl init``'s ``.gitignore`` lists :data:`IGNORED`, made
from the same parts, so nothing planctl leaves behind can be committed by mistake.
"""

from __future__ import annotations

LOCK_SUFFIX = ".lock"
"""The ending of a sidecar lock file."""

TEMP_SUFFIX = ".planctl-tmp"
"""The ending of every temporary file planctl creates."""

DRAFT_SUFFIX = ".utkast.json"
"""The ending of a follow-up meeting's draft."""

IGNORED = (f".*{LOCK_SUFFIX}", f"*{TEMP_SUFFIX}", f".*{DRAFT_SUFFIX}")
"""gitignore patterns matching every name below: lock files, temporary files, meeting drafts."""


def lock_name(name: str) -> str:
    """The lock file of the file called ``name`` (hidden, beside it)."""
    return f".{name}{LOCK_SUFFIX}"


def temp_name(name: str, token: str) -> str:
    """A temporary file for writing the file called ``name``; ``token`` makes it unique."""
    return f".{name}.{token}{TEMP_SUFFIX}"


def temp_glob(name: str) -> str:
    """A glob matching every temporary file for the file called ``name``."""
    return f".{name}.*{TEMP_SUFFIX}"


def draft_name(plan_name: str, round_id: str) -> str:
    """The draft of ``round_id``'s follow-up meeting for the plan file called ``plan_name``."""
    return f".{plan_name}.{round_id}{DRAFT_SUFFIX}"
