"""Reading one data file: its document, its model and every problem with a position.

Reading never raises for bad data: YAML problems and schema problems (with the Swedish key path
and the position of the node) are collected on the document. A file that cannot be opened at all
is an :class:`~planctl.errors.InputError` (exit 2).
"""

from __future__ import annotations

import os
import stat
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import pydantic_core.core_schema
from pydantic import BaseModel, ValidationError

from planctl.errors import InputError, Problem, os_reason
from planctl.lookup import closest, unknown
from planctl.models import Catalogue, Plan
from planctl.yamlerrors import decode
from planctl.yamlio import Document, read_document

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
        size = os.fstat(handle.fileno()).st_size
        # A file the size says is too large is not read at all; one growing meanwhile stops here.
        raw = handle.read(limit + 1) if size <= limit else b""
    if size > limit or len(raw) > limit:
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


def _path_label(path: tuple[str | int, ...], data: Any = None) -> str:
    """A key path as users read it: ``åtgärder[LB-4].historik[1].status``.

    A list item with an ``id`` (a row, an area, a round) is named by that id; any other item by
    its number counted from 1, as ``rättar`` counts history entries.
    """
    out = ""
    node = data
    for part in path:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            name = item.get("id") if isinstance(item, dict) else None
            shown = name if isinstance(name, str | int) and str(name).strip() else part + 1
            out += f"[{shown}]"
            node = item
        else:
            out += f".{part}" if out else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out or "filen"


# Parts pydantic adds to an error's location that are no YAML key: the member of a union it tried
# (``.int``, ``.float``), a validator function, a dict key's own check. Users never see them.
_INTERNAL_LOC = frozenset(
    {"int", "float", "str", "bool", "none", "list", "tuple", "dict", "[key]", "lax-or-strict"}
)


def _error_path(error: Any) -> tuple[str | int, ...]:
    return tuple(
        p
        for p in error["loc"]
        if not isinstance(p, str)
        or not (p in _INTERNAL_LOC or p.startswith(("function-", "constrained-", "json-or-")))
    )


def _close_key(root: type[BaseModel], path: tuple[str | int, ...]) -> str | None:
    """The allowed key an unknown key at ``path`` is probably a typo of (``ansvr`` → ``ansvar``)."""
    return closest(str(path[-1]).split("\x00")[0], _keys_at(root, path[:-1]))


def _schema_problem(doc: Document, root: type[BaseModel], error: Any) -> Problem:
    path = _error_path(error)
    kind: str = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    label = _path_label(path, doc.data)
    if kind == "extra_forbidden":
        key = str(path[-1]).split("\x00")[0]
        where = f"i {_path_label(path[:-1], doc.data)}"
        return doc.problem(
            doc.locate_key(path),
            "unknown-field",
            unknown("fält", key, _keys_at(root, path[:-1]), where=where),
        )
    if kind == "missing":
        return doc.problem(
            doc.locate(path[:-1]),
            "missing-field",
            f"fältet '{path[-1]}' saknas i {_path_label(path[:-1], doc.data)}",
        )
    mark = doc.locate(path)
    rule, message = schema_message(kind, value, ctx, error["msg"])
    return doc.problem(mark, rule, f"{label}: {message}")


# What a value of the wrong type should have been, by pydantic's error type.
_EXPECTED = {
    "string_type": "en text",
    "string_unicode": "en text",
    "int_type": "ett heltal",
    "int_parsing": "ett heltal",
    "int_from_float": "ett heltal",
    "float_type": "ett tal",
    "float_parsing": "ett tal",
    "number_type": "ett tal",
    "decimal_type": "ett tal",
    "decimal_parsing": "ett tal",
    "bool_type": "true eller false",
    "bool_parsing": "true eller false",
    "tuple_type": "en lista",
    "list_type": "en lista",
    "set_type": "en lista",
    "frozen_set_type": "en lista",
    "iterable_type": "en lista",
    "dict_type": "en mappning (nyckel: värde)",
    "mapping_type": "en mappning (nyckel: värde)",
    "model_type": "en mappning (nyckel: värde)",
    "model_attributes_type": "en mappning (nyckel: värde)",
    "dataclass_type": "en mappning (nyckel: värde)",
    "date_type": "ett datum skrivet ÅÅÅÅ-MM-DD",
    "date_parsing": "ett datum skrivet ÅÅÅÅ-MM-DD",
    "datetime_type": "en tidpunkt skriven ÅÅÅÅ-MM-DDTtt:mm",
    "datetime_parsing": "en tidpunkt skriven ÅÅÅÅ-MM-DDTtt:mm",
    "none_required": "ett tomt värde",
    "owners_type": "en text eller en lista av texter",
}
# pydantic's own error types (their messages are English); any other type is planctl's own.
_PYDANTIC_TYPES = frozenset(typing.get_args(pydantic_core.core_schema.ErrorType))
# Custom error types whose message planctl itself wrote in Swedish, with their rule.
_OWN_MESSAGES = {
    "decimal_comma": "invalid-value",
    "number_not_finite": "invalid-value",
    "id_whitespace": "id-whitespace",
    "invalid_date": "invalid-value",
}


def schema_message(kind: str, value: Any, ctx: dict[str, Any], msg: str) -> tuple[str, str]:
    """The rule id and the Swedish message for one pydantic error (without the field's label).

    Every error type pydantic has gets a Swedish message: pydantic's own English text never
    reaches a user (a test walks all of them).
    """
    if kind in _OWN_MESSAGES:
        return _OWN_MESSAGES[kind], msg
    if kind not in _PYDANTIC_TYPES and kind not in _EXPECTED:
        return "invalid-value", msg  # a custom error of planctl's models: written in Swedish
    if kind == "value_error":  # raised by planctl's own validators, in Swedish
        return "invalid-value", str(ctx.get("error"))
    if kind in _EXPECTED:
        quiet = value is None and _EXPECTED[kind].startswith("en mappning")
        got = "" if quiet else f", inte {_kind(value)}"
        return "wrong-type", f"ska vara {_EXPECTED[kind]}{got}"
    if kind == "enum" or kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " eller ")
        return "invalid-value", f"ogiltigt värde {value!r}; giltiga: {expected}"
    if kind == "finite_number":
        return "invalid-value", "ska vara ett ändligt tal"
    if kind == "too_short":
        return "empty-list", "får inte vara tom"
    if kind in ("greater_than_equal", "greater_than"):
        limit = ctx.get("ge", ctx.get("gt"))
        word = "minst" if kind == "greater_than_equal" else "större än"
        return "out-of-range", f"ska vara {word} {limit}"
    if kind in ("less_than_equal", "less_than"):
        limit = ctx.get("le", ctx.get("lt"))
        word = "högst" if kind == "less_than_equal" else "mindre än"
        return "out-of-range", f"ska vara {word} {limit}"
    if kind in ("int_parsing_size", "decimal_max_digits", "decimal_whole_digits"):
        return "out-of-range", "talet är för stort"
    if kind in ("too_long", "string_too_long", "bytes_too_long", "url_too_long"):
        return "invalid-value", "är för lång"
    if kind in ("string_too_short", "bytes_too_short"):
        return "invalid-value", "är för kort"
    if kind == "string_pattern_mismatch":
        return "invalid-value", f"{value!r} har inte den form som krävs"
    return "invalid-value", f"ogiltigt värde {_shown(value)}"


def _shown(value: Any) -> str:
    if isinstance(value, str | int | float | bool) or value is None:
        return repr(value)
    return f"({_kind(value)})"


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
