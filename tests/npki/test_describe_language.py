"""`show` in English says "2048 iterations", not "2048회" (no Korean word inside English text)."""
from core.npki.keyfile import KeyEncryption


def test_describe_in_both_languages():
    for variant in ("A", "B", "C", "P12-3DES"):
        enc = KeyEncryption(variant=variant, oid="1.2", salt=b"s", iterations=2048, prf="sha256")
        assert "2048 iterations" in enc.describe("en") and "회" not in enc.describe("en")
        assert "2048회" in enc.describe("ko")
