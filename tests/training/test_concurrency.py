"""Two people take the last seat at the same moment: exactly one gets it (real threads, both databases)."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from ethics_hr.core.errors import RuleViolation
from ethics_hr.extensions import db
from ethics_hr.people.models import Person
from ethics_hr.training import checkin, enrolment
from ethics_hr.training.models import Attendance, Registration, RegistrationState, TrainingSession
from tests import factories

pytestmark = pytest.mark.own_connections  # real threads, each on its own connection


def _race(app, work, arguments) -> list[str]:
    barrier = threading.Barrier(len(arguments))
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(arg):
        with app.app_context():
            try:
                barrier.wait(timeout=10)
                work(arg)
                outcome = "ok"
            except enrolment.SessionFull:
                outcome = "full"
            except RuleViolation as error:
                outcome = f"refused: {error.message}"
            finally:
                db.session.rollback()
                db.session.remove()
            with lock:
                outcomes.append(outcome)

    threads = [threading.Thread(target=run, args=(arg,)) for arg in arguments]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return sorted(outcomes)


def test_two_people_taking_the_last_seat_at_once_get_exactly_one_seat(app):
    s = factories.session(capacity=2)
    factories.register(s, factories.person(), RegistrationState.ENROLLED)
    racers = [factories.person(), factories.person()]
    for p in racers:
        factories.register(s, p)
    session_id = s.id

    def enrol(person_id):
        enrolment.enrol(db.session.get(TrainingSession, session_id), db.session.get(Person, person_id))

    for attempt in range(3):  # the race is real; run it a few times so an unlucky interleaving shows
        outcomes = _race(app, enrol, [p.id for p in racers])
        assert outcomes == ["full", "ok"], outcomes
        db.session.expire_all()
        assert db.session.get(TrainingSession, session_id).seats_taken == 2
        enrolled = db.session.scalars(
            sa.select(Registration.person_id).where(
                Registration.session_id == session_id, Registration.state == RegistrationState.ENROLLED
            )
        ).all()
        assert len(enrolled) == 2
        winner = next(p for p in racers if p.id in enrolled)
        if attempt < 2:  # free the seat again for the next round
            enrolment.withdraw(db.session.get(TrainingSession, session_id), db.session.get(Person, winner.id))


def test_two_taps_on_check_in_at_once_record_one_entry(app):
    from datetime import timedelta

    from ethics_hr.core.models import utc_now

    s = factories.session(starts_at=utc_now() - timedelta(minutes=5))
    p = factories.person()
    factories.register(s, p, RegistrationState.ENROLLED)
    code, person_id = s.checkin_code, p.id

    def tap(_):
        checkin.check_in(code, db.session.get(Person, person_id), by_user_id=None)

    outcomes = _race(app, tap, [1, 2])
    assert outcomes[0] == "ok" and outcomes[1].startswith("refused: You checked in already")
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count(Attendance.id))) == 1
