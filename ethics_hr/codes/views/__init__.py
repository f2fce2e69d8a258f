"""The codes blueprint: what every employee sees (`employee`), the officer's (`manage`, `compliance`)."""

from ethics_hr.codes.views import compliance, employee, manage, quiz  # noqa: F401  (each registers its routes on bp)
from ethics_hr.codes.views.common import bp

__all__ = ["bp"]
