"""The HR plan in force and its plan-against-actual, read through the plans domain."""

from __future__ import annotations

from ethics_hr.plans.actuals import plan_against_actual
from ethics_hr.plans.services import plan_in_force
from ethics_hr.reports.sources.evidence import PlanEvidence, PlanItemLine


def plan(fy: int, locale: str) -> PlanEvidence | None:
    """The plan in force in a fiscal year with each item's plan against actual, or None when there is none."""
    in_force = plan_in_force(fy)
    if in_force is None:
        return None
    report = plan_against_actual(in_force, fy)
    evidence = PlanEvidence(
        fiscal_year=fy,
        title=in_force.title(locale),
        first_fiscal_year=in_force.first_fiscal_year,
        last_fiscal_year=in_force.last_fiscal_year,
        approved_on=in_force.approved_on,
        approved_by=in_force.approved_by,
    )
    for row in report.rows:
        item = row.item
        evidence.items.append(
            PlanItemLine(
                name=item.name,
                area=item.area.name(locale),
                status=item.status,
                target=item.target_participants,
                participants=row.participants,
                person_hours=row.person_hours,
                sessions_held=row.sessions_held,
                planned_budget=row.planned_budget,
                spent=item.spent,
            )
        )
    return evidence
