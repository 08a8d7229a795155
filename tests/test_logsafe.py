import logging

from core.logsafe import SecretMaskFilter, mask_text


def test_masks_rrn_account_and_password_pairs():
    text = mask_text("rrn 900101-1234567 acct 1002-123-456789 password=hunter2!x 비밀번호: 1234abcd!")
    assert "1234567" not in text and "900101-1******" in text
    assert "456789" not in text
    assert "hunter2" not in text and "1234abcd" not in text


def test_short_numbers_untouched():
    assert mask_text("3 files, 2026-11-22, code 42") == "3 files, 2026-11-22, code 42"


def test_filter_on_records(caplog):
    logger = logging.getLogger("dojang.test")
    handler_filter = SecretMaskFilter()
    caplog.handler.addFilter(handler_filter)
    logger.warning("customer %s", "9001011234567")
    assert "1234567" not in caplog.text and "900101-1******" in caplog.text
