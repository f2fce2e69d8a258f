"""What the evidence pages read from each domain, through that domain's own services and queries only.

Each module here imports the domain it reads, plainly; the data it hands on is plain (no database
object). Nothing here writes to another domain's tables.
"""

from ethics_hr.reports.sources.codes import codes_in_force, person_acknowledgments
from ethics_hr.reports.sources.committees import committees, committees_with_orders, order_document
from ethics_hr.reports.sources.evidence import (
    CodeEvidence,
    CommitteeEvidence,
    DepartmentHours,
    DoDont,
    FaqLine,
    HeldSession,
    MemberEvidence,
    OrderEvidence,
    PersonAcknowledgment,
    PersonTraining,
    PlanEvidence,
    PlanItemLine,
    QuestionEvidence,
    TrainingEvidence,
)
from ethics_hr.reports.sources.plans import plan
from ethics_hr.reports.sources.questions import faq, faq_count, questions
from ethics_hr.reports.sources.training import (
    ethics_training,
    ethics_training_counts,
    hours_by_department,
    person_training,
    required_hours,
)

__all__ = [
    "CodeEvidence",
    "CommitteeEvidence",
    "DepartmentHours",
    "DoDont",
    "FaqLine",
    "HeldSession",
    "MemberEvidence",
    "OrderEvidence",
    "PersonAcknowledgment",
    "PersonTraining",
    "PlanEvidence",
    "PlanItemLine",
    "QuestionEvidence",
    "TrainingEvidence",
    "codes_in_force",
    "committees",
    "committees_with_orders",
    "ethics_training",
    "ethics_training_counts",
    "faq",
    "faq_count",
    "hours_by_department",
    "order_document",
    "person_acknowledgments",
    "person_training",
    "plan",
    "questions",
    "required_hours",
]
