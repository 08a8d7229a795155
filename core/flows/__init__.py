"""Issue / reissue / renew / register / revoke as GUI-free state machines over the authority.

The wizard and the `issue`/`reissue`/`renew`/`register` commands drive the same flow objects
(architecture.md practice 1). See `issuance.py` for the steps of each flow and `base.py` for the
rules every step follows (field errors, Back, Cancel, secrets never kept).
"""
from .base import (ARS, CANCELLED, CARD, CERT_PASSWORD, CONFIRM_REISSUE, CUSTOMER, DONE, FIRST_FACTOR, OTP,
                   PICK_CERT, SAVE, SECOND_FACTOR, SMS, STAGES, TERMS, TYPE, Completion, FieldError, Flow,
                   FlowError, KeyMaker, StepOrderError, check_new_password)
from .interfaces import (CollectingNotices, NoNotices, NoProgress, Notices, PasswordPrompt, Progress, Text)
from .issuance import (CERT_TYPES, FLOWS, TYPE_INFO, Candidate, IssueFlow, RegisterFlow, ReissueFlow, RenewFlow,
                       RevokeFlow, start_flow)

__all__ = [
    "ARS", "CANCELLED", "CARD", "CERT_PASSWORD", "CERT_TYPES", "CONFIRM_REISSUE", "CUSTOMER", "Candidate",
    "CollectingNotices", "Completion", "DONE", "FIRST_FACTOR", "FLOWS", "FieldError", "Flow", "FlowError",
    "IssueFlow", "KeyMaker", "NoNotices", "NoProgress", "Notices", "OTP", "PICK_CERT", "PasswordPrompt",
    "Progress", "RegisterFlow", "ReissueFlow", "RenewFlow", "RevokeFlow", "SAVE", "SECOND_FACTOR", "SMS",
    "STAGES", "StepOrderError", "TERMS", "TYPE", "TYPE_INFO", "Text", "check_new_password", "start_flow",
]
