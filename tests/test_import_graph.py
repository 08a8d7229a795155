"""The shape of the bank's core (docs/bank-core.md "Packages"): no module-level import cycle
anywhere in core/, and no module of the bank or the flows imports another module's private names.

How: every module under core/ is parsed (ast, nothing imported); its module-level imports — not
those inside functions, nor under `if TYPE_CHECKING:` — become edges of a graph, relative imports
resolved against the package; a depth-first search then looks for a cycle."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "core"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in CORE.rglob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or \
        (isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


def _top_level_imports(tree: ast.Module):
    """Import nodes that run when the module is imported."""
    stack = list(tree.body)
    while stack:
        node = stack.pop(0)
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If) and not _is_type_checking(node):
            stack[:0] = node.body + node.orelse
        elif isinstance(node, ast.Try):
            stack[:0] = node.body + node.orelse + node.finalbody + [h for x in node.handlers for h in x.body]


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[:len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _graph():
    mods = _modules()
    graph: dict[str, set[str]] = {m: set() for m in mods}
    private: list[str] = []
    for name, path in mods.items():
        tree = ast.parse(path.read_text("utf-8"))
        is_pkg = path.name == "__init__.py"
        for node in _top_level_imports(tree):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                target = _resolve(name, is_pkg, node)
                targets = []
                for alias in node.names:
                    if f"{target}.{alias.name}" in mods:
                        # `from pkg import submodule` needs the submodule, not a finished package
                        targets.append(f"{target}.{alias.name}")
                        continue
                    targets.append(target)
            for t in targets:
                if t in mods and t != name:
                    graph[name].add(t)
        if name.startswith(("core.authority", "core.flows")):      # any import, inside functions too
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom):
                    target = _resolve(name, is_pkg, node)
                    private += [f"{name} imports {target}.{a.name}" for a in node.names
                                if a.name.startswith("_") and not a.name.startswith("__") and target.startswith("core")]
    return graph, private


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    WHITE, GREY, BLACK = 0, 1, 2
    colour = {m: WHITE for m in graph}
    path: list[str] = []

    def visit(m):
        colour[m] = GREY
        path.append(m)
        for n in sorted(graph[m]):
            if colour[n] == GREY:
                return path[path.index(n):] + [n]
            if colour[n] == WHITE:
                found = visit(n)
                if found:
                    return found
        colour[m] = BLACK
        path.pop()
        return None

    for m in sorted(graph):
        if colour[m] == WHITE:
            found = visit(m)
            if found:
                return found
    return None


def test_no_module_level_import_cycle_in_core():
    graph, _ = _graph()
    assert len(graph) > 50                      # the whole of core/ was read
    assert _cycle(graph) is None, " -> ".join(_cycle(graph))


def test_bank_and_flows_import_no_private_names():
    _, private = _graph()
    assert private == []


def test_the_check_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
