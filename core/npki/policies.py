"""Certificate policy OIDs → usage (용도). The one table of it in Dojang (docs/npki-format.md "Policy OIDs and usage")."""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import pick

# Usage kinds
GENERAL = "general"            # 범용
BANKING = "banking"            # 은행·신용카드·보험용 (용도제한)
CREDIT_CARD = "credit_card"    # 신용카드용
SECURITIES = "securities"      # 증권·보험용
FINANCE = "finance"            # 금융인증서: finance only (banks, securities, insurance, cards)
UNKNOWN = "unknown"

USAGE_LABELS = {
    GENERAL: ("범용", "General purpose"),
    BANKING: ("은행·신용카드·보험용", "Banking / card / insurance"),
    CREDIT_CARD: ("신용카드용", "Credit card"),
    SECURITIES: ("증권·보험용", "Securities / insurance"),
    FINANCE: ("금융 전용(금융인증서)", "Finance only (finance certificate)"),
    UNKNOWN: ("알 수 없는 용도", "Unknown usage"),
}

# Dojang's own simulated CA: a private arc (2.25 = UUID-derived OIDs, no registration needed).
DOJANG_CA_ORG = "Dojang"        # o= of the simulated bank's certificates, and their NPKI CA folder name
DOJANG_ARC = "2.25.311357213410853271629530963203412017412"
DOJANG_GENERAL = DOJANG_ARC + ".1.1"
DOJANG_BANKING = DOJANG_ARC + ".1.2"
DOJANG_FINANCE = DOJANG_ARC + ".1.3"     # 금융인증서, kept in the simulated cloud

# (oid, CA, usage, personal/corporate)
POLICY_TABLE: tuple[tuple[str, str, str, str], ...] = (
    ("1.2.410.200005.1.1.1", "yessign", GENERAL, "personal"),
    ("1.2.410.200005.1.1.4", "yessign", BANKING, "personal"),
    ("1.2.410.200005.1.1.6.2", "yessign", CREDIT_CARD, "personal"),
    ("1.2.410.200005.1.1.5", "yessign", GENERAL, "corporate"),
    ("1.2.410.200005.1.1.2", "yessign", BANKING, "corporate"),
    ("1.2.410.200004.5.1.1.5", "SignKorea", GENERAL, "personal"),
    ("1.2.410.200004.5.1.1.9", "SignKorea", SECURITIES, "personal"),
    ("1.2.410.200004.5.1.1.9.2", "SignKorea", CREDIT_CARD, "personal"),
    ("1.2.410.200004.5.2.1.2", "KICA", GENERAL, "personal"),
    ("1.2.410.200004.5.2.1.7.1", "KICA", BANKING, "personal"),
    ("1.2.410.200004.5.2.1.7.2", "KICA", SECURITIES, "personal"),
    ("1.2.410.200004.5.2.1.7.3", "KICA", CREDIT_CARD, "personal"),
    ("1.2.410.200004.5.4.1.1", "CrossCert", GENERAL, "personal"),
    ("1.2.410.200004.5.4.1.101", "CrossCert", BANKING, "personal"),
    ("1.2.410.200004.5.4.1.102", "CrossCert", SECURITIES, "personal"),
    ("1.2.410.200012.1.1.1", "TradeSign", GENERAL, "personal"),
    ("1.2.410.200012.1.1.101", "TradeSign", BANKING, "personal"),
    ("1.2.410.200012.1.1.103", "TradeSign", SECURITIES, "personal"),
    ("1.2.410.200012.1.1.105", "TradeSign", CREDIT_CARD, "personal"),
    ("1.2.410.200004.5.3.1.9", "NCASign", GENERAL, "personal"),
    (DOJANG_GENERAL, DOJANG_CA_ORG, GENERAL, "personal"),
    (DOJANG_BANKING, DOJANG_CA_ORG, BANKING, "personal"),
    (DOJANG_FINANCE, DOJANG_CA_ORG, FINANCE, "personal"),
)
_BY_OID = {row[0]: row for row in POLICY_TABLE}


@dataclass(frozen=True)
class Usage:
    kind: str
    oid: str | None
    ca: str | None = None
    holder: str | None = None   # personal / corporate

    def label(self, lang: str | None = None) -> str:
        ko, en = USAGE_LABELS[self.kind]
        if self.kind == UNKNOWN:
            suffix = f" (OID {self.oid})" if self.oid else ""
            return pick(ko + suffix, en + suffix, lang)
        return pick(ko, en, lang)

    @property
    def is_test(self) -> bool:
        return self.ca == DOJANG_CA_ORG


def usage_for(policy_oids: list[str]) -> Usage:
    """The usage named by the first known policy OID; unknown (with the OID) otherwise."""
    for oid in policy_oids:
        row = _BY_OID.get(oid)
        if row:
            return Usage(row[2], oid, row[1], row[3])
    return Usage(UNKNOWN, policy_oids[0] if policy_oids else None)


def policy_oid_for(ca: str, kind: str, holder: str = "personal") -> str:
    for oid, row_ca, row_kind, row_holder in POLICY_TABLE:
        if row_ca == ca and row_kind == kind and row_holder == holder:
            return oid
    raise KeyError((ca, kind, holder))
