"""`list --json`'s fast row writer (dump, then one check of the line) gives exactly what walking
every string through textsafe.visible gives, for any text (docs/hostile-input.md)."""
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from core.cli.storage_cmds import _row_json
from core.textsafe import visible_tree

texts = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=30) | \
    st.sampled_from(["\r", "\n", "\t", "a\\b", 'q"q', "\x1b[2J", "\u202eevil", "a\udcffb", "\\u001b", "한글 이름", "\x85", "\x7f"])
rows = st.dictionaries(st.sampled_from(["name", "path", "folder", "issuer", "cn"]),
                       texts | st.integers() | st.booleans() | st.none() | st.lists(texts, max_size=3), max_size=6)


@settings(max_examples=1500, deadline=None)
@given(rows)
def test_fast_rows_equal_the_walked_rows(row):
    assert _row_json(row, False) == json.dumps(visible_tree(row), ensure_ascii=False)
    assert _row_json(row, True) == json.dumps(visible_tree(row), ensure_ascii=True)
