"""The certificate products: each kind of certificate the bank issues is ONE declaration here, and
every layer reads it — the bank (policy OID, fee, validity, renewal window, channels), the flows
(password or PIN rule, where the key is kept), the wizard's type page and completion page, and the
CLI's `--type` choices (docs/bank-core.md "Products").

A new kind of certificate is a new `Product(...)` passed to `register_product`; nothing else in the
bank, the flows or the GUI lists product ids.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import Text
from ..npki import policies
from .channels.base import MEDIA, PHONE

# where the private key lives
KEY_FILE = "file"        # a key pair in files on a storage the customer chooses (공동인증서)
KEY_CLOUD = "cloud"      # kept by the issuer's cloud; the device never holds it

# the customer's secret for the key
SECRET_PASSWORD = "password"   # ≥ 10 characters, letters + digits + specials (docs/bank-flows.md "The certificate password")
SECRET_PIN6 = "pin6"           # 6 digits


@dataclass(frozen=True)
class Product:
    id: str                         # stable id; for file certificates also the usage kind of core.npki.policies
    name: Text                      # short name: 일반용 / 범용
    title: Text                     # the full name shown on the type page and the completion page
    description: Text               # one line: fee and what it is for
    policy_oid: str                 # the policy OID this bank issues it with
    fee: int                        # KRW, debited when the certificate is delivered
    validity_years: int
    renewal_window_days: int        # renewal opens this many days before expiry
    secret: str = SECRET_PASSWORD
    key_home: str = KEY_FILE
    factors: tuple[int, ...] = (PHONE, MEDIA)      # verification factors, in order
    channels: frozenset[str] | None = None         # None: every registered channel of those factors
    order: int = 0                                 # position in choices
    fee_memo: str = "인증서 발급 수수료"            # the ledger's memo for the fee

    def allows(self, channel_id: str) -> bool:
        return self.channels is None or channel_id in self.channels


BANKING = Product(
    id=policies.BANKING,
    name=Text("일반용", "Banking"),
    title=Text("일반용(은행·신용카드·보험용)", "Banking (restricted)"),
    description=Text("무료. 인터넷뱅킹, 신용카드, 보험, 전자상거래, 전자민원에 씁니다.",
                     "Free. Internet banking, credit cards, insurance, e-commerce and e-government."),
    policy_oid=policies.DOJANG_BANKING, fee=0, validity_years=1, renewal_window_days=30, order=1)

GENERAL = Product(
    id=policies.GENERAL,
    name=Text("범용", "General purpose"),
    title=Text("범용", "General purpose"),
    description=Text("4,400원 (계좌에서 출금). 증권 거래를 포함해 모든 곳에 씁니다.",
                     "4,400 KRW (debited from the account). Everything, securities trading included."),
    policy_oid=policies.DOJANG_GENERAL, fee=4400, validity_years=1, renewal_window_days=30, order=2,
    fee_memo="범용 공동인증서 발급 수수료")

FINANCE = Product(
    id=policies.FINANCE,
    name=Text("금융인증서", "Finance certificate"),
    title=Text("금융인증서 (클라우드 보관)", "Finance certificate (kept in the cloud)"),
    description=Text("무료, 3년. 은행·증권·보험·카드 등 금융 전용. 키는 클라우드에 보관되고 6자리 PIN으로 씁니다.",
                     "Free, 3 years. Finance only (banks, securities, insurance, cards). The key stays in the "
                     "cloud; a 6-digit PIN uses it."),
    policy_oid=policies.DOJANG_FINANCE, fee=0, validity_years=3, renewal_window_days=30, order=3,
    secret=SECRET_PIN6, key_home=KEY_CLOUD, fee_memo="금융인증서 발급 수수료")

_REGISTRY: dict[str, Product] = {}


def register_product(product: Product, *, replace: bool = False) -> Product:
    if product.id in _REGISTRY and not replace:
        raise ValueError(f"product {product.id!r} is already registered")
    _REGISTRY[product.id] = product
    return product


def unregister_product(product_id: str) -> None:
    _REGISTRY.pop(product_id, None)


def products() -> list[Product]:
    """Every product, in the order the type page shows them."""
    return sorted(_REGISTRY.values(), key=lambda p: (p.order, p.id))


def product(product_id: str) -> Product:
    from .errors import UnknownProduct
    try:
        return _REGISTRY[product_id]
    except KeyError:
        raise UnknownProduct(product_id) from None


def product_for_policy(oid: str | None) -> Product | None:
    for p in _REGISTRY.values():
        if p.policy_oid == oid:
            return p
    return None


def find_product(text: str) -> Product | None:
    """A product by id or by its Korean or English name (CLI `--type`), case-insensitive."""
    wanted = text.strip().casefold()
    for p in _REGISTRY.values():
        names = (p.id, p.name.ko, p.name.en, p.title.ko, p.title.en)
        if wanted in (n.casefold() for n in names):
            return p
    return None


for _p in (BANKING, GENERAL, FINANCE):
    register_product(_p)

__all__ = ["BANKING", "FINANCE", "GENERAL", "KEY_CLOUD", "KEY_FILE", "Product", "SECRET_PASSWORD", "SECRET_PIN6",
           "find_product", "product", "product_for_policy", "products", "register_product", "unregister_product"]
