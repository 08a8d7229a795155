import pytest

from core.authority import errors as E
from core.authority import phones

from .conftest import NAME, PHONE, agree_all, login, open_bank, sms_code


@pytest.fixture
def session(bank, customer):
    s = login(bank)
    agree_all(bank, s)
    return s


# --- SMS -----------------------------------------------------------------------------------------

def test_sms_delivered_to_the_phone_inbox_and_accepted(bank, session):
    sent = bank.send_sms(session)
    assert sent.phone_masked == "010-****-2222" and sent.resends_left == bank.config.sms_resend_limit
    msgs = phones.list_messages(PHONE, bank.home)
    assert len(msgs) == 1 and "인증번호" in msgs[0].text
    bank.check_sms(session, sms_code(bank))
    assert bank.session_status(session).first_factor == "sms"


def test_sms_accepted_at_179s_refused_at_180s(bank, session, clock):
    bank.send_sms(session)
    code = sms_code(bank)
    clock.advance(179)
    bank.check_sms(session, code)

    bank.send_sms(session)
    code = sms_code(bank)
    clock.advance(180)
    with pytest.raises(E.CodeExpired):
        bank.check_sms(session, code)


def test_sms_wrong_entry_limit(bank, session):
    bank.send_sms(session)
    code = sms_code(bank)
    wrong = f"{(int(code) + 1) % 10 ** 6:06d}"
    left = []
    for _ in range(4):
        with pytest.raises(E.CodeMismatch) as exc:
            bank.check_sms(session, wrong)
        left.append(exc.value.remaining)
    assert left == [4, 3, 2, 1]
    with pytest.raises(E.TooManyAttempts):
        bank.check_sms(session, wrong)
    with pytest.raises(E.TooManyAttempts):
        bank.check_sms(session, code)            # even the right code is refused now
    bank.send_sms(session)                       # a new code works
    bank.check_sms(session, sms_code(bank))


def test_sms_resend_limit_and_old_code_void(bank, session):
    bank.send_sms(session)
    first = sms_code(bank)
    for _ in range(bank.config.sms_resend_limit):
        bank.send_sms(session)
    with pytest.raises(E.ResendLimit):
        bank.send_sms(session)
    if first != sms_code(bank):
        with pytest.raises(E.CodeMismatch):
            bank.check_sms(session, first)       # only the newest code counts


def test_sms_state_survives_restart(home, clock, memory_keyring, bank, session):
    bank.send_sms(session)
    code = sms_code(bank)
    with pytest.raises(E.CodeMismatch):
        bank.check_sms(session, "000000" if code != "000000" else "111111")
    bank.close()
    again = open_bank(home, clock, memory_keyring)
    try:
        again.check_sms(session, code)
        assert again.session_status(session).first_factor == "sms"
    finally:
        again.close()


# --- ARS -----------------------------------------------------------------------------------------

def test_ars_call_answered_on_the_phone(bank, session):
    started = bank.start_ars(session)
    assert len(started.code) == 2 and started.code.isdigit()
    call = bank.incoming_call(PHONE)
    assert call is not None and call.ringing
    assert not bank.check_ars(session)           # still ringing
    bank.answer_call(PHONE, started.code)
    assert bank.check_ars(session)
    assert bank.session_status(session).first_factor == "ars"
    assert phones.current_call(PHONE, bank.now(), bank.home).state == "completed"
    assert bank.incoming_call(PHONE) is None


def test_ars_wrong_digits_then_right(bank, session):
    started = bank.start_ars(session)
    wrong = f"{(int(started.code) + 1) % 100:02d}"
    with pytest.raises(E.CodeMismatch) as exc:
        bank.answer_call(PHONE, wrong)
    assert exc.value.remaining == bank.config.ars_wrong_limit - 1
    bank.answer_call(PHONE, started.code)
    assert bank.check_ars(session)


def test_ars_call_expires(bank, session, clock):
    started = bank.start_ars(session)
    clock.advance(bank.config.ars_ttl)
    assert bank.incoming_call(PHONE) is None     # no longer ringing
    with pytest.raises(E.CodeExpired):
        bank.answer_call(PHONE, started.code)
    with pytest.raises(E.CodeExpired):
        bank.check_ars(session)
    assert bank.session_status(session).first_factor is None


def test_ars_expiry_seen_from_the_screen_side(bank, session, clock):
    bank.start_ars(session)
    clock.advance(bank.config.ars_ttl + 5)
    with pytest.raises(E.CodeExpired):
        bank.check_ars(session)
    assert phones.current_call(PHONE, bank.now(), bank.home).state == "expired"


def test_ars_declined(bank, session):
    bank.start_ars(session)
    bank.decline_call(PHONE)
    with pytest.raises(E.CallDeclined):
        bank.check_ars(session)


# --- security card -------------------------------------------------------------------------------

def test_card_needs_the_first_factor(bank, session):
    with pytest.raises(E.StepMissing):
        bank.card_challenge(session)


def _first_factor(bank, session):
    bank.send_sms(session)
    bank.check_sms(session, sms_code(bank))


def test_card_answer_rule(bank, session):
    _first_factor(bank, session)
    ch = bank.card_challenge(session)
    assert ch.first != ch.second and 1 <= ch.first <= 35 and 1 <= ch.second <= 35
    cells = bank.devices.card_cells(bank.devices.card_serial_of(NAME))
    bank.check_card(session, cells[ch.first][:2] + cells[ch.second][2:])
    assert bank.session_status(session).second_factor == "card"


def test_card_locks_after_five_and_stays_locked(home, clock, memory_keyring, bank, session):
    _first_factor(bank, session)
    ch = bank.card_challenge(session)
    right = bank.devices.card_answer(bank.devices.card_serial_of(NAME), ch.first, ch.second)
    wrong = f"{(int(right) + 1) % 10000:04d}"
    for left in (4, 3, 2, 1):
        with pytest.raises(E.WrongFactorAnswer) as exc:
            bank.check_card(session, wrong)
        assert exc.value.remaining == left
    with pytest.raises(E.FactorLocked):
        bank.check_card(session, wrong)
    bank.close()
    again = open_bank(home, clock, memory_keyring)
    try:
        with pytest.raises(E.FactorLocked):
            again.check_card(session, right)
        again.teller().unlock(NAME, "card")
        ch = again.card_challenge(session)
        again.check_card(session, again.devices.card_answer(again.devices.card_serial_of(NAME), ch.first, ch.second))
    finally:
        again.close()


# --- OTP -----------------------------------------------------------------------------------------

def test_otp_accepted_once(bank, session, clock):
    _first_factor(bank, session)
    serial = bank.devices.otp_serial_of(NAME)
    code = bank.devices.otp_code(serial)
    bank.check_otp(session, code)
    assert bank.session_status(session).second_factor == "otp"
    with pytest.raises(E.OtpReplay):
        bank.check_otp(session, code)            # replay within the same step
    clock.advance(30)
    with pytest.raises(E.OtpReplay):
        bank.check_otp(session, code)            # still refused inside the drift window
    clock.advance(60)
    bank.check_otp(session, bank.devices.otp_code(serial))   # the next code works


def test_otp_previous_step_accepted_for_drift(bank, session, clock):
    _first_factor(bank, session)
    serial = bank.devices.otp_serial_of(NAME)
    code = bank.devices.otp_code(serial)
    clock.advance(60)
    bank.check_otp(session, code)


def test_otp_locks_after_ten(bank, session):
    _first_factor(bank, session)
    serial = bank.devices.otp_serial_of(NAME)
    right = bank.devices.otp_code(serial)
    wrong = f"{(int(right) + 1) % 10 ** 6:06d}"
    for i in range(9):
        with pytest.raises(E.WrongFactorAnswer) as exc:
            bank.check_otp(session, wrong)
        assert exc.value.remaining == 9 - i
    with pytest.raises(E.FactorLocked):
        bank.check_otp(session, wrong)
    with pytest.raises(E.FactorLocked):
        bank.check_otp(session, right)


def test_phone_folder_layout(bank, customer):
    d = phones.phone_dir(PHONE, bank.home)
    assert d.name == "01011112222" and (d / "phone.json").is_file() and (d / "sdcard" / "NPKI").is_dir()
    assert phones.list_phones(bank.home)[0]["number"] == PHONE


# --- 모바일 OTP ----------------------------------------------------------------------------------------

def test_mobile_otp_lives_in_the_phone_app_and_is_a_second_factor(bank, customer, session, clock):
    """The teller registers it in the bank app of the customer's phone; the app's code answers the
    second factor once per time step; it is offered only to a customer who has one."""
    assert "mobile_otp" not in [c.id for c in bank.channels(session, 2)]
    serial = bank.teller().issue_mobile_otp(customer)
    assert serial.startswith("MOTP") and len(serial) == 12
    assert "mobile_otp" in [c.id for c in bank.channels(session, 2)]
    assert bank.devices.mobile_otp_code("010-9999-0000") is None       # another phone shows nothing
    _first_factor(bank, session)
    code = bank.devices.mobile_otp_code(PHONE)
    bank.answer_channel(session, "mobile_otp", code)
    assert bank.session_status(session).second_factor == "mobile_otp"
    with pytest.raises(E.OtpReplay):
        bank.answer_channel(session, "mobile_otp", code)


def test_mobile_otp_locks_after_ten_and_the_teller_unlocks(bank, customer, session):
    bank.teller().issue_mobile_otp(customer)
    _first_factor(bank, session)
    right = bank.devices.mobile_otp_code(PHONE)
    wrong = f"{(int(right) + 1) % 10 ** 6:06d}"
    for i in range(9):
        with pytest.raises(E.WrongFactorAnswer) as exc:
            bank.answer_channel(session, "mobile_otp", wrong)
        assert exc.value.remaining == 9 - i
    with pytest.raises(E.FactorLocked) as exc:
        bank.answer_channel(session, "mobile_otp", wrong)
    assert "모바일 OTP" in exc.value.ko
    bank.teller().unlock(NAME, "mobile_otp")
    bank.answer_channel(session, "mobile_otp", right)


def test_mobile_otp_secret_is_sealed(bank, customer):
    serial = bank.teller().issue_mobile_otp(customer)
    row = bank.store.one("SELECT secret_enc FROM mobile_otp_devices WHERE serial = ?", (serial,))
    assert bank.store.vault.open(row["secret_enc"], f"motp:{serial}")
    with pytest.raises(Exception):
        bank.store.vault.open(row["secret_enc"], f"otp:{serial}")


def test_device_serials_are_masked_after_their_letters():
    from core.authority.channels import mask_serial
    assert mask_serial("SC1234567890") == "SC******7890"
    assert mask_serial("OTP123456789") == "OTP*****6789"
    assert mask_serial("MOTP12345678") == "MOTP****5678"
