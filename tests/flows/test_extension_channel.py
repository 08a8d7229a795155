"""A channel added from the outside (tests/fake_channel.py) is offered by the bank, driven by the
flow's generic calls, counted and locked by its own rules — no core file knows it."""
from __future__ import annotations

import pytest

from core.authority.channels import MEDIA, register_channel, unregister_channel
from core.flows import DONE, SAVE, SECOND_FACTOR, FlowError, IssueFlow
from core.npki import policies
from tests.fake_channel import BIO, LIMIT, BioChannel, code_of

from .conftest import ACCOUNT, ACCOUNT_PW, GOOD_PASSWORD, NAME, RRN, sms_code


@pytest.fixture
def bio():
    channel = register_channel(BioChannel())
    yield channel
    unregister_channel(BIO)


def _to_second_factor(bank, flow_kw):
    flow = IssueFlow(bank, **flow_kw)
    flow.choose_type(policies.BANKING)
    flow.submit_customer(NAME, RRN, ACCOUNT, ACCOUNT_PW)
    flow.submit_terms([t.id for t in flow.terms()])
    flow.send_sms()
    flow.submit_sms(sms_code(bank))
    assert flow.step == SECOND_FACTOR
    return flow


def test_a_new_channel_completes_an_issuance(bank, customer, flow_kw, hdd, bio):
    flow = _to_second_factor(bank, flow_kw)
    offered = [s.id for s in flow.channel_options(MEDIA)]
    assert offered == ["card", "otp", BIO]                 # after the built-in ones, by its order
    flow.choose_channel(BIO)
    challenge = flow.start_channel()
    flow.answer_channel(code_of(challenge))
    assert flow.step == SAVE
    done = flow.finish(hdd, GOOD_PASSWORD, GOOD_PASSWORD)
    assert flow.step == DONE
    assert bank.certificate_status((done.path / "signCert.der").read_bytes()) == "active"


def test_the_new_channel_counts_and_locks_by_its_own_rule(bank, customer, flow_kw, bio):
    flow = _to_second_factor(bank, flow_kw)
    flow.choose_channel(BIO)
    challenge = flow.start_channel()
    wrong = f"{(int(code_of(challenge)) + 1) % 10**6:06d}"
    for left in range(LIMIT - 1, 0, -1):
        with pytest.raises(FlowError) as exc:
            flow.answer_channel(wrong)
        assert f"({left} " in exc.value.en or str(left) in exc.value.en
    with pytest.raises(FlowError) as exc:
        flow.answer_channel(wrong)
    assert "locked" in exc.value.en
    with pytest.raises(FlowError):
        flow.answer_channel(code_of(challenge))          # the right answer no longer works
    assert flow.step == SECOND_FACTOR


def test_without_registration_the_bank_does_not_offer_it(bank, customer, flow_kw):
    flow = _to_second_factor(bank, flow_kw)
    assert BIO not in [s.id for s in flow.channel_options(MEDIA)]
