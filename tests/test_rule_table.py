"""The README's rule tables list every rule id that `planctl validate` can report."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from planctl import documents, textgate

SOURCE = Path(__file__).resolve().parent.parent / "src" / "planctl"
README = Path(__file__).resolve().parent.parent / "README.md"
_RULE = re.compile(r"[a-z]+(?:-[a-z]+)*")


def _rule_of(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if _RULE.fullmatch(node.value) else None
    if isinstance(node, ast.Attribute) and node.attr == "RULE":
        return textgate.RULE
    return None


def rules_in_source() -> set[str]:
    """Every rule id a Problem is made with: `doc.problem(mark, RULE, …)`, `Problem(…, RULE, …)`."""
    found: set[str] = set(documents._OWN_MESSAGES.values())
    for path in SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", None))
                position = {"problem": 1, "Problem": 3}.get(str(name))
                if position is not None and len(node.args) > position:
                    rule = _rule_of(node.args[position])
                    if rule is not None:
                        found.add(rule)
                for keyword in node.keywords:  # _check_dated(..., order_rule="history-order")
                    if keyword.arg and keyword.arg.endswith("rule"):
                        rule = _rule_of(keyword.value)
                        if rule is not None:
                            found.add(rule)
            if isinstance(node, ast.FunctionDef) and node.name == "schema_message":
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Return) and isinstance(inner.value, ast.Tuple):
                        rule = _rule_of(inner.value.elts[0])
                        if rule is not None:
                            found.add(rule)
    return found


def rules_in_readme() -> set[str]:
    """The rule ids in the first column of the README's rule tables."""
    text = README.read_text(encoding="utf-8")
    section = text.split("### `planctl validate", 1)[1].split("\n### ", 1)[0]
    found: set[str] = set()
    in_table = False
    for line in section.splitlines():
        if line.startswith("| regel |"):
            in_table = True
        elif not line.startswith("|"):
            in_table = False
        elif in_table:
            found.update(re.findall(r"`([a-z-]+)`", line.split("|")[1]))
    return found


def test_every_rule_is_in_the_readme() -> None:
    """A new rule id without a line in the README's rule tables fails the build."""
    source = rules_in_source()
    assert {"bom", "control-character", "unknown-field", "wrong-type"} <= source
    missing = source - rules_in_readme()
    assert not missing, f"rule ids missing from README's rule tables: {sorted(missing)}"


def test_readme_lists_no_rule_that_does_not_exist() -> None:
    """Every rule the README names can really be reported."""
    assert rules_in_readme() - rules_in_source() == set()
