"""Issue / reissue / renew / register / revoke as GUI-free state machines over the bank.

The wizard and the `issue`/`reissue`/`renew`/`register`/`revoke` commands drive the same flow objects.
Each flow declares its steps once (`steps.py`, docs/bank-core.md "Steps as data"); `base.py` holds the
rules every step follows (field errors, Back, Cancel, secrets never kept) and the identity steps over
the bank's channels; `journal.py` records each operation's intent so a killed process is finished or
rolled back on the next start.
"""
from .base import (ARS, CARD, OTP, SMS, Completion, FieldError, Flow, FlowError, IdentityFlow, KeyMaker,
                   StepOrderError, check_new_password)
from .interfaces import (CollectingNotices, NoNotices, NoProgress, Notices, PasswordPrompt, Progress, Text)
from .issuance import (FLOWS, Candidate, IssueFlow, RegisterFlow, ReissueFlow, RenewFlow, RevokeFlow, start_flow)
from .journal import Journal, recover
from .steps import (CANCELLED, CERT_PASSWORD, CONFIRM_REISSUE, CUSTOMER, DONE, FIRST_FACTOR, PICK_CERT, PIN, SAVE,
                    SECOND_FACTOR, TERMS, TYPE, Stage, Step)

__all__ = [
    "ARS", "CANCELLED", "CARD", "CERT_PASSWORD", "CONFIRM_REISSUE", "CUSTOMER", "Candidate", "CollectingNotices",
    "Completion", "DONE", "FIRST_FACTOR", "FLOWS", "FieldError", "Flow", "FlowError", "IdentityFlow", "IssueFlow",
    "Journal", "KeyMaker", "NoNotices", "NoProgress", "Notices", "OTP", "PICK_CERT", "PIN", "PasswordPrompt", "Progress",
    "RegisterFlow", "ReissueFlow", "RenewFlow", "RevokeFlow", "SAVE", "SECOND_FACTOR", "SMS", "Stage", "Step",
    "StepOrderError", "TERMS", "TYPE", "Text", "check_new_password", "recover", "start_flow",
]
