"""Finding, reading and validating the data files into models.

A data directory holds the catalogue (the file whose top key is ``katalog:``, normally
``measures.yaml``) and one or more plans (top key ``plan:``). Reading never raises for bad data:
every YAML problem, every schema problem (with the Swedish key path and the position of the node)
and every cross-file problem is collected, so ``validate`` can show them all at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import stat
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from planctl import savefile
from planctl.errors import DataError, InputError, Problem, Severity, UsageError, os_reason
from planctl.models import Catalogue, Plan
from planctl.yamlio import Document, decode, paused_gc, read_document

M = TypeVar("M", bound=BaseModel)

DATA_DIR_NAME = "data"
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


@dataclass(frozen=True)
class DataSet:
    """Everything read from a data directory (or a list of files), with all problems found."""

    root: Path | None
    catalogue: Loaded[Catalogue] | None
    plans: tuple[Loaded[Plan], ...]
    problems: tuple[Problem, ...] = ()
    files: tuple[str, ...] = field(default=())

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Only the problems that are errors."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    def require_valid(self) -> DataSet:
        """Raise :class:`DataError` listing every error, or return ``self`` when there is none."""
        if self.errors:
            raise _data_error(self.errors)
        return self

    def plan(self, plan_id: str | None = None) -> Loaded[Plan]:
        """The plan with ``plan_id``, or the only plan when none is named."""
        self.require_plans()
        if plan_id is None:
            if len(self.plans) == 1:
                return self.plans[0]
            ids = ", ".join(sorted(p.model.meta.id for p in self.plans))
            raise UsageError(f"det finns flera planer; välj en med --plan ({ids})")
        for loaded in self.plans:
            if loaded.model.meta.id == plan_id:
                return loaded
        ids = ", ".join(sorted(p.model.meta.id for p in self.plans))
        raise UsageError(f"okänd plan '{plan_id}'; giltiga: {ids}")

    def require_plans(self) -> tuple[Loaded[Plan], ...]:
        """Every plan, or a clear error when the data directory has none."""
        if not self.plans:
            raise no_plans(self.root)
        return self.plans

    def require_catalogue(self) -> Catalogue:
        """The catalogue, or a clear error when the data directory has none."""
        if self.catalogue is None:
            raise no_catalogue(self.root)
        return self.catalogue.model


def no_plans(root: Path | None) -> InputError:
    """The error for a data directory without any plan."""
    where = f" i {root}" if root else ""
    return InputError(f"ingen plan hittades{where} (en YAML-fil med 'plan:' överst)")


def no_catalogue(root: Path | None) -> InputError:
    """The error for a data directory without the catalogue."""
    where = f" i {root}" if root else ""
    return InputError(f"ingen katalog hittades{where} (en YAML-fil med 'katalog:' överst)")


def _data_error(errors: tuple[Problem, ...]) -> DataError:
    return DataError(
        f"datafilerna har {len(errors)} fel; rätta dem (se 'planctl validate')", problems=errors
    )


def find_data_dir(*, explicit: Path | None, env: str | None, cwd: Path) -> Path:
    """The data directory: ``explicit``, else ``env``, else ``./data`` from ``cwd`` upwards."""
    if explicit is not None or env:
        chosen = explicit if explicit is not None else Path(env or "")
        if not chosen.is_dir():
            origin = "--data-dir" if explicit is not None else "PLANCTL_DATA"
            raise InputError(f"datakatalogen {chosen} ({origin}) finns inte eller är ingen katalog")
        return chosen
    looked: list[str] = []
    for folder in (cwd, *cwd.parents):
        candidate = folder / DATA_DIR_NAME
        looked.append(str(candidate))
        if candidate.is_dir():
            return candidate
    raise InputError(
        "hittade ingen datakatalog; ange --data-dir eller PLANCTL_DATA. Letade efter: "
        + ", ".join(looked[:6])
        + (" …" if len(looked) > 6 else "")
    )


def display_path(path: Path, base: Path | None) -> str:
    """``path`` relative to ``base`` when it lies below it, as people expect to read it.

    A link keeps its own name (the file that is wrong is the link, not where it leads).
    """
    if base is not None:
        given = savefile.absolute(path)
        named = savefile.real_path(given.parent) / given.name if given.name else given
        try:
            return named.relative_to(savefile.real_path(base)).as_posix()
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
    folder = savefile.real_path(savefile.absolute(path).parent)
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


def read_head(path: Path) -> str | None:
    """The first few KB of a data file as text; ``None`` when it is not safe to read.

    planctl's files put their top keys first, so this tells a plan from the catalogue cheaply;
    a character cut at the end is ignored.
    """
    try:
        with _open_data(path) as handle:
            return handle.read(_HEAD_BYTES).decode("utf-8-sig", errors="ignore")
    except (_RefusedError, OSError):
        return None


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


def yaml_files(root: Path) -> list[Path]:
    """The YAML files directly in ``root``, in name order.

    Every entry with a YAML name but a directory is listed, links and special files included:
    reading refuses them with a problem, so a dangling link is an error, not a silent skip.
    """
    return sorted(p for p in root.iterdir() if p.suffix in YAML_SUFFIXES and not _is_real_dir(p))


def _is_real_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def load_files(
    paths: list[Path],
    *,
    today: dt.date,
    base: Path | None = None,
    root: Path | None = None,
    extra_catalogue: Path | None = None,
    overrides: Mapping[Path, str] | None = None,
) -> DataSet:
    """Read, validate and cross-check ``paths``; every problem is in the result.

    ``overrides`` maps files to texts that replace their content on disk: the same rules then
    check a change that has not been written yet.
    """
    with paused_gc():
        return _load_files(
            paths,
            today=today,
            base=base,
            root=root,
            extra_catalogue=extra_catalogue,
            overrides=overrides,
        )


def _load_files(
    paths: list[Path],
    *,
    today: dt.date,
    base: Path | None,
    root: Path | None,
    extra_catalogue: Path | None,
    overrides: Mapping[Path, str] | None,
    preloaded: Loaded[Catalogue] | None = None,
) -> DataSet:
    from planctl.checks import check_catalogue, check_plan, check_text

    problems: list[Problem] = []
    catalogue: Loaded[Catalogue] | None = None
    plans: list[Loaded[Plan]] = []
    shown: list[str] = []
    replaced = {savefile.real_path(p): text for p, text in (overrides or {}).items()}
    for path in paths:
        doc = read_document_file(path, base=base, text=replaced.get(savefile.real_path(path)))
        shown.append(doc.file)
        problems.extend(doc.problems)
        kind = kind_of(doc)
        if kind is None:
            if doc.data is None and not doc.problems:
                problems.append(doc.problem(doc.locate(()), "empty-file", "filen är tom"))
            elif doc.data is not None:
                problems.append(
                    doc.problem(
                        doc.locate(()),
                        "unknown-file-kind",
                        "filen är varken en katalog ('katalog:' överst) "
                        "eller en plan ('plan:' överst)",
                    )
                )
            continue
        model, found = validate_document(doc, kind)
        problems.extend(found)
        if model is None:
            continue
        # Prose checks read the raw tree (with its Swedish keys); after them the model holds
        # the values, and dropping the tree halves the memory of a national directory.
        problems.extend(check_text(doc))
        doc.data = None
        if isinstance(model, Catalogue):
            if catalogue is not None:
                problems.append(
                    doc.problem(
                        doc.locate(()),
                        "duplicate-catalogue",
                        f"det finns redan en katalog ({catalogue.doc.file}); bara en är tillåten",
                    )
                )
                continue
            catalogue = Loaded(model, doc, path)
        else:
            plans.append(Loaded(model, doc, path))
    if catalogue is None and preloaded is not None:
        catalogue = preloaded
    if catalogue is None and extra_catalogue is not None:
        doc = read_document_file(extra_catalogue, base=base)
        cat_model, _ = validate_document(doc, Catalogue)
        if cat_model is not None and not any(p.severity is Severity.ERROR for p in doc.problems):
            catalogue = Loaded(cat_model, doc, extra_catalogue)
    if catalogue is not None and catalogue.doc.file in shown:
        problems.extend(check_catalogue(catalogue))
    seen_ids: dict[str, Loaded[Plan]] = {}
    for loaded in plans:
        problems.extend(check_plan(loaded, catalogue, today=today))
        earlier = seen_ids.get(loaded.model.meta.id)
        if earlier is not None:
            problems.append(
                loaded.doc.problem(
                    loaded.doc.locate(("plan", "id")),
                    "duplicate-id",
                    f"planens id '{loaded.model.meta.id}' används redan av {earlier.doc.file}",
                )
            )
        seen_ids.setdefault(loaded.model.meta.id, loaded)
    return DataSet(
        root=root,
        catalogue=catalogue,
        plans=tuple(plans),
        problems=tuple(sorted(set(problems), key=_problem_order)),
        files=tuple(shown),
    )


def _problem_order(problem: Problem) -> tuple[str, int, int, str, str]:
    return (problem.file, problem.line, problem.column, problem.rule, problem.message)


def data_dir_files(root: Path, *, base: Path | None = None) -> list[Path]:
    """The YAML files of a data directory; an empty directory is an :class:`InputError`."""
    files = yaml_files(root)
    if not files:
        raise InputError(f"datakatalogen {display_path(root, base)} innehåller inga YAML-filer")
    return files


def load_data_dir(
    root: Path,
    *,
    today: dt.date,
    base: Path | None = None,
    overrides: Mapping[Path, str] | None = None,
    plan_id: str | None = None,
) -> DataSet:
    """Read the YAML files of a data directory (``overrides`` as in :func:`load_files`).

    With ``plan_id``, only the catalogue and the file of that plan are read when they can be
    told apart cheaply: a command on one plan of a regional directory neither waits for nor
    fails on the others (``validate`` still reads everything).
    """
    files = data_dir_files(root, base=base)
    if plan_id is not None:
        files = _files_for_plan(files, plan_id) or files
    return load_files(files, today=today, base=base, root=root, overrides=overrides)


_HEAD_BYTES = 8192
_CATALOGUE_TOP = re.compile(r"^katalog:", re.MULTILINE)
_PLAN_TOP = re.compile(r"^plan:", re.MULTILINE)
_PLAN_TOP_ID = re.compile(
    r"^plan:[ \t]*(?:#[^\n]*)?\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n|[ \t]+(?!id:)[^\n]*\n)*?"
    r"[ \t]+id:[ \t]*[\"']?([^\"'\s#]+)",
    re.MULTILINE,
)


def _files_for_plan(files: list[Path], plan_id: str) -> list[Path] | None:
    """The catalogue and the one file whose ``plan.id`` is ``plan_id``; None when unsure."""
    keep: list[Path] = []
    matches = 0
    for path in files:
        text = read_head(path)
        if text is None:
            return None
        if _CATALOGUE_TOP.search(text):
            keep.append(path)
            continue
        found = _PLAN_TOP_ID.search(text)
        if found is None:
            return None  # an unusual file: let the full read report on it
        if found.group(1) == plan_id:
            keep.append(path)
            matches += 1
    return keep if matches == 1 else None


def expand_paths(paths: list[Path], *, base: Path | None = None) -> list[Path]:
    """Files as given, with each directory replaced by the YAML files directly in it."""
    out: list[Path] = []
    for path in paths:
        out.extend(data_dir_files(path, base=base) if path.is_dir() else [path])
    return list(dict.fromkeys(out))


def catalogue_for(files: list[Path], *, data_root: Path | None) -> Path | None:
    """The catalogue to check loose files against: the data directory's, else one beside them.

    A repository that keeps its plans in another folder than ``data/`` (with the catalogue next
    to them) is checked as fully as the standard layout, e.g. from a pre-commit hook.
    """
    if data_root is not None:
        found = catalogue_file(data_root)
        if found is not None:
            return found
    for folder in dict.fromkeys(path.parent for path in files):
        found = catalogue_file(folder)
        if found is not None:
            return found
    return None


def catalogue_file(root: Path) -> Path | None:
    """The catalogue file of a data directory, by convention ``measures.yaml``."""
    for name in ("measures.yaml", "measures.yml"):
        if (root / name).is_file():
            return root / name
    return None


def check_new_plan(
    path: Path, text: str, *, today: dt.date, base: Path | None = None, catalogue: Path | None
) -> None:
    """Refuse a new plan file that the data directory would not read or that has errors.

    ``text`` is checked with every rule ``planctl validate`` applies, against ``catalogue``;
    warnings (such as the draft rows') are fine. Nothing is written here.
    """
    shown = display_path(path, base)
    if path.suffix not in YAML_SUFFIXES:
        raise UsageError(
            f"{shown}: en planfil ska sluta på .yaml (eller .yml), annars hittar planctl den inte"
        )
    checked = load_files(
        [path], today=today, base=base, extra_catalogue=catalogue, overrides={path: text}
    )
    if checked.errors:
        raise DataError(
            f"{shown}: den nya planen skulle få {len(checked.errors)} fel; inget skrevs",
            problems=checked.errors,
        )


def create_file(path: Path, text: str, *, base: Path | None = None) -> None:
    """Write ``text`` to a new file (UTF-8, LF), never replacing one that exists.

    Through :func:`planctl.savefile.create_file`: the file appears whole or not at all, and
    nothing that exists at ``path`` (a file, a planted link) is replaced or followed.
    """
    savefile.create_file(path, text.encode("utf-8"), shown=display_path(path, base))


def save_output(
    path: Path, content: bytes, *, base: Path | None = None, data_root: Path | None = None
) -> str:
    """Write a produced document to ``path`` whole (:func:`planctl.savefile.write_output`).

    A data file is never an output: ``path`` in ``data_root`` or in any folder holding a
    catalogue, or a plan or catalogue anywhere, is refused with :class:`UsageError` (exit 2)
    whatever the format, so a report cannot replace a plan. Returns the name shown to the user.
    """
    shown = display_path(path, base)
    refuse_data_output(path, shown=shown, data_root=data_root)
    savefile.write_output(path, content, shown=shown)
    return shown


def refuse_data_output(path: Path, *, shown: str, data_root: Path | None) -> None:
    """Raise :class:`UsageError` when ``path`` (or where its links lead) is planctl's data."""
    for candidate in dict.fromkeys((savefile.absolute(path), savefile.real_path(path))):
        folder = savefile.real_path(candidate.parent)
        in_root = data_root is not None and folder == savefile.real_path(data_root)
        head = read_head(candidate) if candidate.suffix in YAML_SUFFIXES else None
        data_file = head is not None and bool(_CATALOGUE_TOP.search(head) or _PLAN_TOP.search(head))
        if in_root or data_file or catalogue_file(folder) is not None:
            raise UsageError(
                f"{shown} är en datafil eller ligger i datakatalogen; planctl skriver inte "
                "utdata över data – välj en annan fil (t.ex. i rapporter/)"
            )


# --- checking many files on every core ---------------------------------------------------------

PARALLEL_MIN_FILES = 40


@dataclass(frozen=True)
class CheckResult:
    """Every file read and every problem, without the plan models (which stay in the workers).

    ``catalogue`` is the catalogue model when one was read; ``results`` holds what ``each_plan``
    returned for every valid plan, in file order (only when no file has an error).
    """

    files: tuple[str, ...]
    problems: tuple[Problem, ...]
    catalogue: Catalogue | None = None
    results: tuple[Any, ...] = ()

    def require_valid(self) -> CheckResult:
        """Raise :class:`DataError` listing every error, as :meth:`DataSet.require_valid` does."""
        errors = tuple(p for p in self.problems if p.severity is Severity.ERROR)
        if errors:
            raise _data_error(errors)
        return self


def check_paths(
    paths: list[Path],
    *,
    today: dt.date,
    base: Path | None = None,
    root: Path | None = None,
    extra_catalogue: Path | None = None,
    jobs: int = 1,
    each_plan: Callable[[Plan], Any] | None = None,
) -> CheckResult:
    """Every problem in ``paths``, file by file, using up to ``jobs`` processes.

    The catalogue is read once; then each plan is read, checked against it and let go, so memory
    stays at about one plan per process whatever the directory's size. The problems are the
    same :func:`load_files` finds (a test holds that). ``each_plan`` (a picklable function) is
    applied to every plan where it was read, so a command over all plans (``summary``) gets
    small results back instead of the models.
    """
    catalogues = [p for p in paths if _is_catalogue(p)]
    if len(catalogues) > 1:  # let one pass see them all and report the duplicate
        data = load_files(paths, today=today, base=base, root=root, extra_catalogue=extra_catalogue)
        each = tuple(each_plan(p.model) for p in data.plans) if each_plan else ()
        model = data.catalogue.model if data.catalogue else None
        return CheckResult(data.files, data.problems, model, () if data.errors else each)
    shared = catalogues[0] if catalogues else extra_catalogue
    plans = [p for p in paths if p not in catalogues]
    parallel = jobs >= 2 and len(paths) >= PARALLEL_MIN_FILES
    chunks = [plans[i::jobs] for i in range(jobs)] if parallel else [plans]
    tasks = [(chunk, today, base, root, shared, catalogues, each_plan) for chunk in chunks]
    results: list[_ChunkResult]
    if parallel:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_check_chunk, tasks))
    else:
        results = [_check_chunk(task) for task in tasks]
    problems: set[Problem] = set()
    shown: dict[str, str] = {}
    catalogue: Catalogue | None = None
    by_file: dict[str, Any] = {}
    all_ids: list[tuple[str, str, str]] = []
    for files, found, plan_ids, cat, outputs in results:
        problems.update(found)
        shown.update(files)
        catalogue = catalogue or cat
        by_file.update(outputs)
        all_ids.extend(plan_ids)
    order = {str(path): index for index, path in enumerate(paths)}
    owners: dict[str, str] = {}
    for plan_id, name, path in sorted(all_ids, key=lambda item: order[item[2]]):
        earlier = owners.setdefault(plan_id, name)
        if earlier != name:
            doc = read_document_file(Path(path), base=base)
            problems.add(
                doc.problem(
                    doc.locate(("plan", "id")),
                    "duplicate-id",
                    f"planens id '{plan_id}' används redan av {earlier}",
                )
            )
    ordered = sorted(problems, key=_problem_order)
    clean = not any(p.severity is Severity.ERROR for p in ordered)
    return CheckResult(
        tuple(shown[str(p)] for p in paths),
        tuple(ordered),
        catalogue,
        tuple(by_file[str(p)] for p in paths if str(p) in by_file) if clean else (),
    )


def _is_catalogue(path: Path) -> bool:
    head = read_head(path)
    return head is not None and bool(_CATALOGUE_TOP.search(head))


_ChunkTask = tuple[
    list[Path],
    dt.date,
    Path | None,
    Path | None,
    Path | None,
    list[Path],
    Callable[[Plan], Any] | None,
]
_ChunkResult = tuple[
    dict[str, str], list[Problem], list[tuple[str, str, str]], Catalogue | None, dict[str, Any]
]


def _check_chunk(task: _ChunkTask) -> _ChunkResult:
    """Check one share of the plans, one file at a time, against the shared catalogue."""
    chunk, today, base, root, catalogue_path, catalogue_files, each_plan = task
    shown: dict[str, str] = {}
    problems: list[Problem] = []
    catalogue: Loaded[Catalogue] | None = None
    if catalogue_path is not None:
        # Every worker reads the catalogue (a listed one is checked too; the problems of the
        # workers are merged as a set, so each is reported once).
        listed = catalogue_path in catalogue_files
        data = load_files(
            [catalogue_path] if listed else [],
            today=today,
            base=base,
            root=root,
            extra_catalogue=catalogue_path,
        )
        catalogue = data.catalogue
        problems.extend(data.problems)
        if listed:
            shown[str(catalogue_path)] = data.files[0]
    ids: list[tuple[str, str, str]] = []
    outputs: dict[str, Any] = {}
    for path in chunk:
        with paused_gc():
            data = _load_files(
                [path],
                today=today,
                base=base,
                root=root,
                extra_catalogue=None,
                overrides=None,
                preloaded=catalogue,
            )
        shown[str(path)] = data.files[0]
        problems.extend(data.problems)
        for loaded in data.plans:
            ids.append((loaded.model.meta.id, loaded.doc.file, str(path)))
            if each_plan is not None:
                outputs[str(path)] = each_plan(loaded.model)
    return shown, problems, ids, catalogue.model if catalogue else None, outputs
