"""Code cites the repository's own notes, and only existing sections of them.

- Every `docs/<name>.md "Section"` (and any further `, "Section"` right after it) in core/, gui/,
  tests/ and main.py names a file under docs/ and a heading of that file (a line starting with `#`,
  compared without the `#`s and surrounding spaces). A citation may break across a comment or
  docstring line.
- Nothing in core/, gui/, tests/, main.py or README.md cites the product spec's files by their bare
  names (they live outside the repository); the notes in docs/ are cited instead.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CODE = [ROOT / "core", ROOT / "gui", ROOT / "tests", ROOT / "main.py"]

# The outside spec's file names, built from their stems so this file does not cite them itself.
SPEC_STEMS = ("bank-flows", "npki-format", "storage-and-security", "finance-cert-and-mobile", "architecture")
BARE_SPEC = re.compile(r"(?<![\w/.-])(?:" + "|".join(map(re.escape, SPEC_STEMS)) + r")\.md\b")
# A section number of a spec without a file ("spec §3.2") points outside the repository too.
SPEC_SECTION = re.compile(r"(?i)\bspec\s+§")

# docs/<name>.md, optional whitespace / comment markers (a line break inside a comment), "Section"
CITATION = re.compile(r'docs/([\w.-]+\.md)(?:[ \t]|\n[ \t]*#?[ \t]*)*"([^"\n]+)"')
MORE = re.compile(r'[ \t]*,[ \t]*"([^"\n]+)"')


def _files(paths, suffixes=(".py",)):
    for p in paths:
        if p.is_file():
            yield p
        elif p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix in suffixes and "__pycache__" not in f.parts:
                    yield f


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def headings(doc: Path) -> set[str]:
    found, fenced = set(), False
    for line in doc.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("#"):
            found.add(line.lstrip("#").strip())
    return found


def citations(text: str):
    """(line number, file name, section) for every cited section in `text`."""
    for m in CITATION.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        yield line, m.group(1), m.group(2)
        pos = m.end()
        while (more := MORE.match(text, pos)):
            yield line, m.group(1), more.group(1)
            pos = more.end()


def _all_citations():
    for f in _files(CODE):
        if f == Path(__file__).resolve():
            continue                # its parser test has made-up citations
        text = f.read_text(encoding="utf-8")
        for line, name, section in citations(text):
            yield f"{_rel(f)}:{line}", name, section


def test_the_parser_finds_citations():
    text = ('x  # see docs/a.md "One", "Two"\n'
            '    """… (docs/b.md\n    "Three")."""\n'
            '# docs/c.md\n#   "Four"\n'
            'docs/d.md\nfoo("not a citation")\n')
    assert [(n, s) for _, n, s in citations(text)] == [
        ("a.md", "One"), ("a.md", "Two"), ("b.md", "Three"), ("c.md", "Four")]
    assert not BARE_SPEC.search('docs/' + SPEC_STEMS[0] + '.md "Limits"')
    assert BARE_SPEC.search("(" + SPEC_STEMS[2] + ".md §2)")


def test_code_cites_notes():
    """A sanity check that the scan sees the citations at all (there are dozens)."""
    assert sum(1 for _ in _all_citations()) >= 30


def test_every_cited_section_exists():
    cache: dict[str, set[str] | None] = {}
    bad = []
    for where, name, section in _all_citations():
        if name not in cache:
            doc = DOCS / name
            cache[name] = headings(doc) if doc.is_file() else None
        heads = cache[name]
        if heads is None:
            bad.append(f"{where}: docs/{name} does not exist")
        elif section not in heads:
            bad.append(f'{where}: docs/{name} has no heading "{section}"')
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("path", [*CODE, ROOT / "README.md"], ids=lambda p: _rel(p))
def test_no_citation_of_the_outside_spec(path):
    bad = []
    for f in _files([path], suffixes=(".py", ".md")):
        if f == Path(__file__).resolve():
            continue
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if BARE_SPEC.search(line) or SPEC_SECTION.search(line):
                bad.append(f"{_rel(f)}:{n}: {line.strip()}")
    assert not bad, "cite the notes in docs/ instead:\n" + "\n".join(bad)
