"""The regex check of core.textsafe agrees with the character rule it replaced."""
from hypothesis import given, settings, strategies as st

from core import textsafe


def _reference(text: str) -> bool:
    for ch in text:
        cp = ord(ch)
        if cp < 0x20 or 0x7F <= cp <= 0x9F or 0xD800 <= cp <= 0xDFFF or cp in textsafe._BIDI:
            return True
    return False


@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2100), max_size=40))
@settings(max_examples=500, deadline=None)
def test_same_answer_as_the_character_rule(text):
    assert textsafe._needs_work(text) == _reference(text)


def test_every_special_character_is_caught():
    specials = [*range(0x20), *range(0x7F, 0xA0), 0xD800, 0xDC80, 0xDFFF, *textsafe._BIDI]
    for cp in specials:
        assert textsafe._needs_work("홍길동" + chr(cp) + "x"), hex(cp)
    assert not textsafe._needs_work("cn=홍길동()0001,ou=TESTBANK,o=yessign,c=kr")


def test_printable_text_never_needs_work():
    """The isprintable() shortcut is sound: no character that `_char` changes is printable."""
    for cp in range(0x110000):
        ch = chr(cp)
        if ch.isprintable():
            assert textsafe._NEEDS_WORK.search(ch) is None, hex(cp)
            assert textsafe._char(ch) == ch, hex(cp)
