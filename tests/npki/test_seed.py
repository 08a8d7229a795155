"""RFC 4269 Appendix B known-answer vectors through the SEED path the key codec uses."""
import pytest

from core.errors import WrongPassword
from core.npki.seed import seed_cbc_decrypt, seed_cbc_encrypt, seed_ecb_encrypt_block

VECTORS = [
    ("00000000000000000000000000000000", "000102030405060708090A0B0C0D0E0F", "5EBAC6E0054E166819AFF1CC6D346CDB"),
    ("000102030405060708090A0B0C0D0E0F", "00000000000000000000000000000000", "C11F22F20140505084483597E4370F43"),
    ("4706480851E61BE85D74BFB3FD956185", "83A2F8A288641FB9A4E9A5CC2F131C7D", "EE54D13EBCAE706D226BC3142CD40D4A"),
    ("28DBC3BC49FFD87DCFA509B11D422BE7", "B41E6BE2EBA84A148E2EED84593C5EC7", "9B9B7BFCD1813CB95D0B3618F40F5122"),
]


@pytest.mark.parametrize("key,plain,cipher", VECTORS)
def test_rfc4269_vectors_ecb(key, plain, cipher):
    assert seed_ecb_encrypt_block(bytes.fromhex(key), bytes.fromhex(plain)).hex().upper() == cipher


@pytest.mark.parametrize("key,plain,cipher", VECTORS)
def test_rfc4269_vectors_through_cbc(key, plain, cipher):
    # A zero IV makes the first CBC block equal to ECB: the same code path signPri.key uses.
    out = seed_cbc_encrypt(bytes.fromhex(key), bytes(16), bytes.fromhex(plain))
    assert out[:16].hex().upper() == cipher
    assert seed_cbc_decrypt(bytes.fromhex(key), bytes(16), out) == bytes.fromhex(plain)


def test_bad_padding_and_length_are_wrong_password():
    key, iv = bytes(16), bytes(16)
    with pytest.raises(WrongPassword):
        seed_cbc_decrypt(key, iv, b"\x00" * 15)
    with pytest.raises(WrongPassword):
        seed_cbc_decrypt(key, iv, b"")
    good = seed_cbc_encrypt(key, iv, b"hello")
    with pytest.raises(WrongPassword):
        seed_cbc_decrypt(bytes([1]) * 16, iv, good)  # almost surely invalid padding
