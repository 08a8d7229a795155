"""Pure validators with structured Korean/English results: passwords, RRN, account, phone, name."""
from .result import Problem, Result  # noqa: F401
