"""`list --json`'s fast row writer (dump, then one check of the line) gives exactly what walking
every string through textsafe.visible gives, for any text (docs/hostile-input.md)."""
import json
from pathlib import Path

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


# --- row_line: a good entry's line written straight from its fields ---------------------------------

import datetime as dt  # noqa: E402

import pytest  # noqa: E402

from core.cli.storage_cmds import cert_json, row_line  # noqa: E402
from core.npki.certificate import KST, parse_certificate  # noqa: E402
from core.npki.certfolder import CertFolder  # noqa: E402
from core.storage.base import Storage  # noqa: E402


@pytest.fixture(scope="module")
def infos(tmp_path_factory):
    from tests import factory
    from tests.npki.test_tbs_fast_path import _custom
    from cryptography import x509
    from cryptography.x509.oid import NameOID
    root = tmp_path_factory.mktemp("rows") / "NPKI"
    made = [factory.make_cert(factory.user_dir(root, org), org=org, usage=usage, name=name)
            for org, usage, name in (("yessign", "banking", "홍길동"), ("KICA", "general", 'a"b\\c'),
                                     ("Dojang", "banking", "\u202eevil\x1b[2J"))]
    ders = [m.sign_cert for m in made]
    odd = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "KR")])   # no CN, no O: None fields
    ders.append(_custom(odd, odd))
    return [parse_certificate(d) for d in ders]


_names = st.text(alphabet=st.characters(codec=None, exclude_categories=("Cs",)), min_size=1, max_size=20) | \
    st.sampled_from(["cn=홍길동()0001,ou=x,o=yessign,c=kr", 'q"q', "a\\b", "\x7f", "\udcff", "\u2028"])


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_row_line_equals_the_dict_row(infos, data):
    storage = Storage(data.draw(st.sampled_from(["hdd", "usb-1234abcd", 'phone-"x"'])), "removable",
                      Path("/media/stick/NPKI"))
    ca = data.draw(_names)
    where = "/media/stick/NPKI/" + ca + "/USER/" + data.draw(_names) if data.draw(st.booleans()) \
        else data.draw(_names)
    files = {"signCert.der": "signCert.der", "signPri.key": "signPri.key"}
    if data.draw(st.booleans()):
        files.update({"kmCert.der": "kmCert.der", "kmPri.key": "KMPRI.KEY"})
    for extra in data.draw(st.lists(_names, max_size=3)):
        files.setdefault(extra, extra)
    entry = CertFolder(where, ca, data.draw(st.sampled_from(infos)), files)
    now = dt.datetime(2020 + data.draw(st.integers(0, 15)), 6, 1, tzinfo=KST)
    serial = format(entry.info.serial, "x")
    bank = data.draw(st.sampled_from([None, {}, {serial: "revoked"}, {serial: "active"}]))
    lang = data.draw(st.sampled_from(["ko", "en"]))
    assert row_line(storage, entry, now, bank, lang) == _row_json(cert_json(storage, entry, now, bank, lang), False)
