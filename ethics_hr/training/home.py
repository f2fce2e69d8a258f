"""The home-page card: a person's upcoming sessions, with enrol and withdraw buttons and a check-in link."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa

from ethics_hr.core.forms import ConfirmForm
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.training.checkin import window_of
from ethics_hr.training.models import (
    CANCELLED,
    COMPLETED,
    ENROLLED,
    INVITED,
    OPEN,
    WAITLISTED,
    WITHDRAWN,
    Registration,
    TrainingSession,
)

HOME_LIMIT = 6


@dataclass
class HomeItem:
    session: TrainingSession
    state: str
    can_enrol: bool = False
    can_wait: bool = False
    can_withdraw: bool = False
    can_check_in: bool = False


@dataclass
class TrainingCard:
    items: list[HomeItem] = field(default_factory=list)
    confirm: ConfirmForm | None = None
    template: str = "training/_home_card.html"
    width: str = "col-lg-6"


def _item(s: TrainingSession, state: str, now) -> HomeItem:
    item = HomeItem(s, state)
    if s.status in (CANCELLED, COMPLETED):
        return item
    enrolment_open = s.status == OPEN and now < s.enrolment_closes_at
    if state in (INVITED, WITHDRAWN) and enrolment_open:
        item.can_enrol = s.seats_taken < s.capacity
        item.can_wait = not item.can_enrol
    item.can_withdraw = state in (ENROLLED, WAITLISTED) and now < s.starts_at
    item.can_check_in = state == ENROLLED and window_of(s).contains(now)
    return item


def training_sections(user) -> list[TrainingCard]:
    """Offer the home page the user's upcoming sessions (invited, enrolled or waiting)."""
    now = utc_now()
    rows = db.session.execute(
        sa.select(TrainingSession, Registration.state)
        .join(Registration, Registration.session_id == TrainingSession.id)
        .where(
            Registration.person_id == user.person_id,
            Registration.state.in_((INVITED, ENROLLED, WAITLISTED, WITHDRAWN)),
            TrainingSession.ends_at >= now,
            TrainingSession.status != COMPLETED,
        )
        .order_by(TrainingSession.starts_at)
        .limit(HOME_LIMIT)
    ).all()
    return [TrainingCard(items=[_item(s, state, now) for s, state in rows], confirm=ConfirmForm())]
