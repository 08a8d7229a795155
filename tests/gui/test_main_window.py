"""The main window lists every storage's certificates, good and broken, off the GUI thread."""
from gui.context import AppContext
from gui.main_window import MainWindow
from tests import factory


def test_lists_good_and_broken_certificates(qtbot, npki_root):
    factory.make_cert(factory.user_dir(npki_root))
    broken = factory.make_cert(factory.user_dir(npki_root, "SignKorea"), org="SignKorea", usage="securities",
                               key_index=1)
    (broken.path / "signPri.key").unlink()
    window = MainWindow(AppContext(language="en"), watch=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.scanFinished, timeout=10_000):
        window.start()
    model = window.cert_model
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert len(rows) == 2
    assert any("홍길동" in r and any("Banking" in str(x) for x in r) for r in rows)
    broken_row = next(r for r in rows if r[0] == "—")
    assert broken_row[3] == "SignKorea" and broken_row[4] in ("손상됨", "Broken")
    window.shutdown()
