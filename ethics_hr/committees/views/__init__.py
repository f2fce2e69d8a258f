"""The committees blueprint: the register of committees (`register`) and their appointment `orders`."""

from ethics_hr.committees.views import orders, register  # noqa: F401  (each registers its routes on bp)
from ethics_hr.committees.views.common import bp

__all__ = ["bp"]
