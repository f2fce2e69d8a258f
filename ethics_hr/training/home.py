"""The home-page card: a person's upcoming sessions, with enrol and withdraw buttons and a check-in link."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa

from ethics_hr.core.forms import ConfirmForm
from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.training.models import (
    Registration,
    RegistrationState,
    SeatActions,
    SessionStatus,
    TrainingSession,
)

HOME_LIMIT = 6


@dataclass
class HomeItem:
    session: TrainingSession
    state: str
    actions: SeatActions


@dataclass
class TrainingCard:
    items: list[HomeItem] = field(default_factory=list)
    confirm: ConfirmForm | None = None
    template: str = "training/_home_card.html"
    width: str = "col-lg-6"


def training_sections(user) -> list[TrainingCard]:
    """Offer the home page the user's upcoming sessions (invited, enrolled or waiting)."""
    now = utc_now()
    rows = db.session.execute(
        sa.select(TrainingSession, Registration.state)
        .join(Registration, Registration.session_id == TrainingSession.id)
        .where(
            Registration.person_id == user.person_id,
            Registration.state.in_(
                (
                    RegistrationState.INVITED,
                    RegistrationState.ENROLLED,
                    RegistrationState.WAITLISTED,
                    RegistrationState.WITHDRAWN,
                )
            ),
            TrainingSession.ends_at >= now,
            TrainingSession.status != SessionStatus.COMPLETED,
        )
        .order_by(TrainingSession.starts_at)
        .limit(HOME_LIMIT)
    ).all()
    return [
        TrainingCard(
            items=[HomeItem(s, state, s.actions_for(state, now)) for s, state in rows], confirm=ConfirmForm()
        )
    ]
