"""Ethics questions: employees ask (by name or anonymously), members answer, everyone reads the FAQ."""

from ethics_hr.questions.views import committee, employee, public  # noqa: F401
from ethics_hr.questions.views.common import bp, public_bp

__all__ = ["bp", "public_bp"]
