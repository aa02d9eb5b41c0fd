"""Reading one data file: its document, its model and every problem with a position.

Reading never raises for bad data: YAML problems and schema problems (with the Swedish key path
and the position of the node) are collected on the document. A file that cannot be opened at all
is an :class:`~planctl.errors.InputError` (exit 2).
"""

from __future__ import annotations

import difflib
import os
import stat
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from planctl.errors import InputError, Problem, os_reason
from planctl.models import Catalogue, Plan
from planctl.yamlio import Document, decode, read_document

M = TypeVar("M", bound=BaseModel)

# A national directory's largest plan is well under 1 MB; a file far beyond that is a mistake
# (or an attack) and is refused before it is read, so memory stays small.
MAX_FILE_BYTES = 10 * 1024 * 1024
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A model together with the document it came from (for positions and for writing)."""

    model: M
    doc: Document
    path: Path


def absolute(path: Path) -> Path:
    """``path`` made absolute by its own text (``..`` removed), no link followed."""
    return Path(os.path.abspath(path))  # noqa: PTH100 - resolve() would follow links


def real_path(path: Path) -> Path:
    """The file a path names, following symlinks (never raises, even for a loop)."""
    return Path(os.path.realpath(path))


def display_path(path: Path, base: Path | None) -> str:
    """``path`` relative to ``base`` when it lies below it, as people expect to read it.

    A link keeps its own name (the file that is wrong is the link, not where it leads).
    """
    if base is not None:
        given = absolute(path)
        named = real_path(given.parent) / given.name if given.name else given
        try:
            return named.relative_to(real_path(base)).as_posix()
        except ValueError:
            pass
    return path.as_posix()


class _RefusedError(Exception):
    """A data path that is not read at all: a bad link, a special file, a file too large."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


def _check_link(path: Path) -> None:
    """A symlink must lead to a file in its own directory's tree (the data directory)."""
    if not path.is_symlink():
        return
    try:
        target = Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        raise _RefusedError(
            "broken-link",
            f"är en symbolisk länk som inte leder till någon fil ({path.readlink()})",
        ) from None
    except OSError:
        raise _RefusedError("broken-link", "är en symbolisk länk i en slinga") from None
    folder = real_path(absolute(path).parent)
    if target != folder and folder not in target.parents:
        raise _RefusedError(
            "link-outside",
            f"är en symbolisk länk till {target}, utanför datakatalogen; planctl läser den inte",
        )


def read_data_bytes(path: Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a data file, read only when it is safe to read.

    Refused before reading (``_RefusedError``; :func:`read_document_file` makes it a problem): a
    symlink that dangles, loops or leads out of its directory, anything but a regular file
    (a FIFO would hang, ``/dev/zero`` never ends) and a file over ``limit`` bytes. Other
    failures raise :class:`OSError`.
    """
    with _open_data(path) as handle:
        raw = handle.read(limit + 1)
        size = os.fstat(handle.fileno()).st_size
    if len(raw) > limit:
        raise _RefusedError("file-too-large", too_large(max(size, len(raw))))
    return raw


def _open_data(path: Path) -> typing.BinaryIO:
    _check_link(path)
    found = path.stat()
    if stat.S_ISDIR(found.st_mode):
        raise IsADirectoryError(path)
    if not stat.S_ISREG(found.st_mode):
        raise _RefusedError(
            "not-a-file", "är ingen vanlig fil (en enhet eller ett rör); den läses inte"
        )
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped since the check
        os.close(fd)
        raise _RefusedError("not-a-file", "är ingen vanlig fil; den läses inte")
    return os.fdopen(fd, "rb")


def too_large(size: int) -> str:
    """The message for a file over :data:`MAX_FILE_BYTES` (``size`` in bytes)."""
    return (
        f"filen är {size / 1024 / 1024:.0f} MB; största tillåtna storlek är "
        f"{MAX_FILE_BYTES // 1024 // 1024} MB"
    )


def read_document_file(
    path: Path, *, base: Path | None = None, text: str | None = None
) -> Document:
    """Read and parse one file; a file that cannot be opened is an :class:`InputError`.

    With ``text``, that text is parsed as if it were the file's content (to check a change
    before it is written). A file :func:`read_data_bytes` refuses is a document with one error
    (``broken-link``, ``link-outside``, ``not-a-file``, ``file-too-large``).
    """
    shown = display_path(path, base)
    if text is not None:
        return read_document(text, shown)
    try:
        raw = read_data_bytes(path)
    except _RefusedError as refused:
        doc = Document(file=shown, text="")
        doc.problems.append(doc.problem(doc.locate(()), refused.rule, refused.message))
        return doc
    except FileNotFoundError:
        raise InputError(f"{shown}: filen finns inte") from None
    except IsADirectoryError:
        raise InputError(f"{shown}: är en katalog, inte en fil") from None
    except OSError as exc:
        raise InputError(f"{shown}: kan inte läsas ({os_reason(exc)})") from None
    text, problems = decode(raw, shown)
    if not text and problems:
        doc = Document(file=shown, text="")
        doc.problems.extend(problems)
        return doc
    doc = read_document(text, shown)
    doc.problems[:0] = problems
    return doc


HEAD_BYTES = 8192
"""How much of a file :func:`read_head` reads: planctl's files put their top keys first."""


def read_head(path: Path) -> str | None:
    """The first :data:`HEAD_BYTES` of a data file as text; ``None`` when it is not safe to read.

    A character cut at the end is ignored.
    """
    try:
        with _open_data(path) as handle:
            return handle.read(HEAD_BYTES).decode("utf-8-sig", errors="ignore")
    except (_RefusedError, OSError):
        return None


def yaml_files(root: Path) -> list[Path]:
    """The YAML files directly in ``root``, in name order.

    Every entry with a YAML name but a directory is listed, links and special files included:
    reading refuses them with a problem, so a dangling link is an error, not a silent skip.
    """
    return sorted(p for p in root.iterdir() if p.suffix in YAML_SUFFIXES and not _is_real_dir(p))


def _is_real_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


# --- schema problems ---------------------------------------------------------------------------

_TYPE_NAMES = {
    str: "en text",
    int: "ett heltal",
    float: "ett decimaltal",
    bool: "true/false",
    type(None): "ett tomt värde",
    list: "en lista",
    dict: "en mappning",
}


def _kind(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model class inside an annotation such as ``tuple[Row, ...] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _keys_at(root: type[BaseModel], path: tuple[str | int, ...]) -> list[str]:
    """The YAML keys allowed in the mapping found at ``path`` below ``root``."""
    model: type[BaseModel] | None = root
    for part in path:
        if model is None:
            return []
        if isinstance(part, int):
            continue
        info = next(
            (f for name, f in model.model_fields.items() if (f.alias or name) == part), None
        )
        model = _model_in(info.annotation) if info is not None else None
    if model is None:
        return []
    return [f.alias or name for name, f in model.model_fields.items()]


def _path_label(path: tuple[str | int, ...]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "filen"


def _error_path(error: Any) -> tuple[str | int, ...]:
    return tuple(p for p in error["loc"] if not isinstance(p, str) or not p.startswith("function-"))


def _close_key(root: type[BaseModel], path: tuple[str | int, ...]) -> str | None:
    """The allowed key an unknown key at ``path`` is probably a typo of (``ansvr`` → ``ansvar``)."""
    key = str(path[-1]).split("\x00")[0]
    close = difflib.get_close_matches(key, _keys_at(root, path[:-1]), n=1, cutoff=0.6)
    return close[0] if close else None


def _schema_problem(doc: Document, root: type[BaseModel], error: Any) -> Problem:
    path = _error_path(error)
    kind: str = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    label = _path_label(path)
    if kind == "extra_forbidden":
        key = str(path[-1]).split("\x00")[0]
        allowed = _keys_at(root, path[:-1])
        close = _close_key(root, path)
        hint = f" – menade du '{close}'?" if close else f" (tillåtna fält: {', '.join(allowed)})"
        return doc.problem(
            doc.locate_key(path),
            "unknown-field",
            f"okänt fält '{key}' i {_path_label(path[:-1])}{hint}",
        )
    if kind == "missing":
        return doc.problem(
            doc.locate(path[:-1]),
            "missing-field",
            f"fältet '{path[-1]}' saknas i {_path_label(path[:-1])}",
        )
    mark = doc.locate(path)
    if kind == "enum":
        expected = str(ctx.get("expected", "")).replace(" or ", " eller ")
        return doc.problem(
            mark, "invalid-value", f"{label}: ogiltigt värde {value!r}; giltiga: {expected}"
        )
    messages = {
        "string_type": "ska vara en text",
        "int_type": "ska vara ett heltal",
        "int_from_float": "ska vara ett heltal",
        "float_type": "ska vara ett tal",
        "bool_type": "ska vara true eller false",
        "tuple_type": "ska vara en lista",
        "list_type": "ska vara en lista",
        "dict_type": "ska vara en mappning (nyckel: värde)",
        "model_type": "ska vara en mappning (nyckel: värde)",
        "model_attributes_type": "ska vara en mappning (nyckel: värde)",
        "owners_type": "ska vara en text eller en lista av texter",
    }
    if kind in messages:
        got = (
            "" if kind.startswith(("model", "dict")) and value is None else f", inte {_kind(value)}"
        )
        return doc.problem(mark, "wrong-type", f"{label}: {messages[kind]}{got}")
    if kind == "too_short":
        return doc.problem(mark, "empty-list", f"{label}: får inte vara tom")
    if kind in ("greater_than_equal", "greater_than"):
        limit = ctx.get("ge", ctx.get("gt"))
        return doc.problem(mark, "out-of-range", f"{label}: ska vara minst {limit}")
    if kind == "value_error":
        return doc.problem(mark, "invalid-value", f"{label}: {ctx.get('error')}")
    if kind == "id_whitespace":
        return doc.problem(mark, "id-whitespace", f"{label}: {error['msg']}")
    return doc.problem(mark, "invalid-value", f"{label}: {error['msg']}")


def validate_document(doc: Document, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Turn a parsed document into ``model``; problems carry Swedish messages and positions."""
    if doc.data is None:
        if doc.problems:
            return None, []
        return None, [doc.problem(doc.locate(()), "empty-file", "filen är tom")]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        # A duplicate key is already reported by the reader; its renamed copy is not unknown.
        errors = [
            e
            for e in errors
            if not (e["type"] == "extra_forbidden" and "\x00" in str(e["loc"][-1]))
        ]
        # A misspelt key is one mistake: "okänt fält 'ansvr' – menade du 'ansvar'?" says it all,
        # so the field it was meant to be is not reported missing as well.
        typos = set()
        for e in errors:
            if e["type"] == "extra_forbidden":
                path = _error_path(e)
                typos.add((*path[:-1], _close_key(model, path)))
        errors = [e for e in errors if not (e["type"] == "missing" and _error_path(e) in typos)]
        # A refused tag or alias is reported by the reader; what is left of its value is not news.
        errors = [e for e in errors if not any(_error_path(e)[: len(p)] == p for p in doc.refused)]
        return None, [_schema_problem(doc, model, e) for e in errors]


def kind_of(doc: Document) -> type[Catalogue] | type[Plan] | None:
    """Which model a document is meant to be, from its top key."""
    if isinstance(doc.data, dict):
        if "katalog" in doc.data:
            return Catalogue
        if "plan" in doc.data:
            return Plan
    return None
