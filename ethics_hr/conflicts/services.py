"""Declaring interests (or that there are none), correcting a declaration, and the reviewers' decisions.

A declaration, its interests and a decision are evidence: inserted once, never changed. A correction is a new
declaration that supersedes the earlier one; a later decision on a declaration replaces the earlier one.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import joinedload

from ethics_hr.conflicts import kept, notices
from ethics_hr.conflicts.models import (
    ANNUAL_DECLARATION,
    Decision,
    DecisionOutcome,
    Declaration,
    DeclarationKind,
    Interest,
    InterestCategory,
    WaitingDeclaration,
)
from ethics_hr.conflicts.rights import headed_department_ids, reviewer_role, sees_all
from ethics_hr.core.args import MAX_ID
from ethics_hr.core.db import begin_write, transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.paging import FetchedPage
from ethics_hr.core.timeutil import fiscal_year_of, local_today
from ethics_hr.extensions import db
from ethics_hr.people import headcount
from ethics_hr.people.models import Person, User

MAX_INTERESTS = 10
OLDEST_SITUATION_DAYS = 366 * 2  # a situation older than two years is no longer declared, it is explained

# The ethics questions, by table name: this domain links to one without importing the questions package.
QUESTIONS = sa.table(
    "ethics_question",
    sa.column("id", sa.Integer),
    sa.column("subject", sa.String),
    sa.column("anonymous", sa.Boolean),
    sa.column("asker_person_id", sa.Integer),
    sa.column("asked_on", sa.Date),
)


@dataclass(frozen=True)
class InterestInput:
    category_id: int | None
    description: str
    other_party: str
    relation: str = ""

    @property
    def blank(self) -> bool:
        return not (self.category_id or self.description.strip() or self.other_party.strip())


@dataclass(frozen=True)
class DeclarationInput:
    kind: str
    fiscal_year: int | None = None  # annual declarations
    situation: str = ""  # situational declarations: what it is about
    situation_on: date | None = None  # and the day it arose
    has_interests: bool | None = None  # None: the person chose neither "none" nor "I have interests"
    interests: list[InterestInput] = field(default_factory=list)
    question_id: int | None = None
    confirmed: bool = False
    note: str = ""
    correction_reason: str = ""


def _text(value: str, limit: int, field_name: str) -> str:
    value = " ".join((value or "").split()) if limit <= 300 else (value or "").strip()
    if len(value) > limit:
        raise RuleViolation(_("Write at most %(n)d characters.", n=limit), field_name)
    return value


def _id(value: int | None) -> int | None:
    """An id as the database holds it; anything else (2^31 overflows a PostgreSQL integer) finds nothing."""
    return value if isinstance(value, int) and 1 <= value <= MAX_ID else None


def annual_years(today: date | None = None) -> list[int]:
    """The fiscal years an annual declaration may be made for: this one, and the last one (made late)."""
    fy = fiscal_year_of(today or local_today())
    return [fy, fy - 1]


def own_named_questions(person: Person) -> list:
    """The person's own questions asked by name, newest first: what a declaration may be linked to."""
    return list(
        db.session.execute(
            sa.select(QUESTIONS.c.id, QUESTIONS.c.subject, QUESTIONS.c.asked_on)
            .where(QUESTIONS.c.asker_person_id == person.id, sa.not_(QUESTIONS.c.anonymous))
            .order_by(QUESTIONS.c.asked_on.desc(), QUESTIONS.c.id.desc())
        )
    )


def linked_question(declaration: Declaration):
    """The ethics question a declaration is linked to (id, subject, asked on), or None."""
    if declaration.question_id is None:
        return None
    return db.session.execute(
        sa.select(QUESTIONS.c.id, QUESTIONS.c.subject, QUESTIONS.c.asked_on).where(
            QUESTIONS.c.id == declaration.question_id
        )
    ).first()


def _checked_question(person: Person, question_id: int | None) -> int | None:
    if question_id is None:
        return None
    question_id = _id(question_id) or 0
    # An anonymous question has no asker: it can never be "one's own" here, and linking it would tie it to
    # a name, which RELIABILITY.md forbids. The message does not say whether such a question exists.
    found = db.session.scalar(
        sa.select(QUESTIONS.c.id).where(
            QUESTIONS.c.id == question_id,
            QUESTIONS.c.asker_person_id == person.id,
            sa.not_(QUESTIONS.c.anonymous),
        )
    )
    if found is None:
        raise RuleViolation(_("Choose one of the questions you asked by name."), "question_id")
    return found


def _checked_interests(data: DeclarationInput) -> list[tuple[InterestCategory, str, str, str]]:
    rows = [(i, row) for i, row in enumerate(data.interests) if not row.blank]
    if data.has_interests is None:
        raise RuleViolation(_("Say whether you have interests to declare."), "has_interests")
    if not data.has_interests:
        if rows:
            raise RuleViolation(
                _("You chose 'no interests to declare' but filled in interests: choose one or the other."),
                "has_interests",
            )
        return []
    if not rows:
        raise RuleViolation(_("Describe at least one interest."), "interests-0-description")
    if len(data.interests) > MAX_INTERESTS:
        raise RuleViolation(_("Declare at most %(n)d interests at once.", n=MAX_INTERESTS), "has_interests")
    checked = []
    for i, row in rows:
        category = db.session.get(InterestCategory, _id(row.category_id)) if _id(row.category_id) else None
        if category is None or not category.active:
            raise RuleViolation(_("Choose the category."), f"interests-{i}-category_id")
        description = _text(row.description, 1000, f"interests-{i}-description")
        if not description:
            raise RuleViolation(_("Describe the interest."), f"interests-{i}-description")
        other_party = _text(row.other_party, 300, f"interests-{i}-other_party")
        if not other_party:
            raise RuleViolation(
                _("Name the other party (a company, a person, an organisation)."),
                f"interests-{i}-other_party",
            )
        checked.append(
            (category, description, other_party, _text(row.relation, 300, f"interests-{i}-relation"))
        )
    return checked


def _build(person: Person, data: DeclarationInput, *, by: User, today: date) -> Declaration:
    if by.person_id != person.id and not by.is_officer:
        raise RuleViolation(_("Only the person, or a personnel officer from their signed form, declares."))
    try:
        kind = DeclarationKind(data.kind)
    except ValueError:
        raise RuleViolation(_("Choose an annual declaration or one for a situation."), "kind") from None
    situation, situation_on = "", None
    if kind == DeclarationKind.ANNUAL:
        if data.fiscal_year not in annual_years(today):
            raise RuleViolation(_("Choose this fiscal year or the last one."), "fiscal_year")
        fy = data.fiscal_year
    else:
        situation = _text(data.situation, 300, "situation")
        if not situation:
            raise RuleViolation(
                _("Say what the situation is (a procurement, a decision, a committee's work)."), "situation"
            )
        situation_on = data.situation_on
        if situation_on is None:
            raise RuleViolation(_("Enter the day the situation arose."), "situation_on")
        if situation_on > today:
            raise RuleViolation(_("The day cannot be in the future."), "situation_on")
        if situation_on < today - timedelta(days=OLDEST_SITUATION_DAYS):
            raise RuleViolation(_("The day is more than two years ago."), "situation_on")
        fy = fiscal_year_of(situation_on)
    interests = _checked_interests(data)
    question_id = _checked_question(person, data.question_id)
    note = _text(data.note, 2000, "note")
    if not data.confirmed:
        raise RuleViolation(_("Confirm that what you declare is true and complete."), "confirmed")
    declaration = Declaration(
        person_id=person.id,
        kind=kind.value,
        fiscal_year=fy,
        situation=situation,
        situation_on=situation_on,
        has_interests=bool(interests),
        confirmed=True,
        note=note,
        question_id=question_id,
        declared_by_id=by.id,
    )
    declaration.interests = [
        Interest(position=n, category_id=c.id, description=d, other_party=o, relation=r)
        for n, (c, d, o, r) in enumerate(interests, start=1)
    ]
    return declaration


def _insert(
    declaration: Declaration, duplicate_message: str, person: Person, corrects: Declaration | None = None
) -> Declaration:
    outcome_before = None
    if corrects is not None:
        last = latest_decision(corrects)
        outcome_before = last.outcome if last is not None else None
    db.session.flush()  # a pending move of the person is counted before the declaration is
    db.session.add(declaration)
    try:
        with db.session.begin_nested():
            db.session.flush()
    except sa.exc.IntegrityError:
        # The first annual declaration of a year, or the one correction of a declaration, is unique: a second
        # submission at the same moment lost the race.
        raise RuleViolation(duplicate_message) from None
    kept.declared(declaration, corrects=corrects, outcome_before=outcome_before)
    if declaration.is_annual and declaration.supersedes_id is None:
        headcount.count_in(ANNUAL_DECLARATION, declaration.fiscal_year, person)
    if declaration.has_interests:
        notices.declared(declaration)
    return declaration


@transactional
def declare(person: Person, data: DeclarationInput, *, by: User) -> Declaration:
    """Record a person's declaration of interests (or that they have none), for a year or a situation."""
    begin_write(Person.__table__, person.id)  # one writer at a time of a person's declarations and counts
    today = local_today()
    declaration = _build(person, data, by=by, today=today)
    if declaration.is_annual:
        existing = annual_declaration(person, declaration.fiscal_year)
        if existing is not None:
            raise RuleViolation(
                _("You have made the annual declaration of this fiscal year: correct it instead."),
                "fiscal_year",
            )
    return _insert(declaration, _("This declaration has just been recorded."), person)


@transactional
def correct(previous: Declaration, data: DeclarationInput, *, by: User) -> Declaration:
    """Record a corrected declaration that supersedes an earlier one (which stays, as history)."""
    begin_write(Person.__table__, previous.person_id)
    if superseded_by(previous) is not None:
        raise RuleViolation(_("This declaration has been corrected already: correct the current one."))
    reason = _text(data.correction_reason, 2000, "correction_reason")
    if not reason:
        raise RuleViolation(_("Say what the correction changes."), "correction_reason")
    # A correction is of the same year's declaration, or of the same situation's.
    fy = previous.fiscal_year if previous.is_annual else None
    same_kind = replace(data, kind=previous.kind, fiscal_year=fy)
    declaration = _build(previous.person, same_kind, by=by, today=local_today())
    declaration.supersedes_id = previous.id
    declaration.correction_reason = reason
    message = _("This declaration has been corrected already: correct the current one.")
    return _insert(declaration, message, previous.person, corrects=previous)


def annual_declaration(person: Person, fy: int) -> Declaration | None:
    """The person's current annual declaration of a fiscal year, or None."""
    return db.session.scalar(
        _current(sa.select(Declaration)).where(
            Declaration.person_id == person.id,
            Declaration.fiscal_year == fy,
            Declaration.kind == DeclarationKind.ANNUAL,
        )
    )


def _current(query: sa.Select) -> sa.Select:
    """Keep the declarations no other supersedes."""
    return query.where(kept.current_condition())


def superseded_by(declaration: Declaration) -> Declaration | None:
    return db.session.scalar(sa.select(Declaration).where(Declaration.supersedes_id == declaration.id))


def history(declaration: Declaration) -> list[Declaration]:
    """The chain a declaration belongs to, the first first: each later one corrects the one before."""
    chain = [declaration]
    while chain[0].supersedes_id is not None:
        chain.insert(0, db.session.get(Declaration, chain[0].supersedes_id))
    while (newer := superseded_by(chain[-1])) is not None:
        chain.append(newer)
    return chain


def my_declarations(person: Person) -> list[tuple[Declaration, Decision | None]]:
    """A person's current declarations, newest first, each with its latest decision."""
    query = _current(sa.select(Declaration).where(Declaration.person_id == person.id)).order_by(
        Declaration.declared_at.desc(), Declaration.id.desc()
    )
    declarations = list(db.session.scalars(query))
    decisions = latest_decisions([d.id for d in declarations])
    return [(d, decisions.get(d.id)) for d in declarations]


# ---------------------------------------------------------------- decisions


@dataclass(frozen=True)
class DecisionInput:
    outcome: str
    measure: str = ""
    referred_to: str = ""
    note: str = ""


@transactional
def decide(declaration: Declaration, data: DecisionInput, *, by: User) -> Decision:
    """Record a reviewer's decision on a declaration: no conflict, manage (the measure) or refer (to whom).

    A second decision on the same declaration is a correction: a new row that replaces the last one.
    """
    if by.person_id == declaration.person_id:
        raise RuleViolation(_("Nobody decides on their own declaration."))
    begin_write(Person.__table__, declaration.person_id)  # the decision and the counts, one writer at a time
    role = reviewer_role(by, declaration)
    if role is None:
        raise RuleViolation(
            _("Only the head of the person's department or an ethics committee member records a decision.")
        )
    if superseded_by(declaration) is not None:
        raise RuleViolation(_("This declaration has been corrected: decide on the current one."))
    if not declaration.has_interests:
        raise RuleViolation(_("A declaration of no interests needs no decision."))
    try:
        outcome = DecisionOutcome(data.outcome)
    except ValueError:
        raise RuleViolation(_("Choose no conflict, manage or refer."), "outcome") from None
    measure = _text(data.measure, 2000, "measure")
    referred_to = _text(data.referred_to, 300, "referred_to")
    note = _text(data.note, 2000, "note")
    if outcome == DecisionOutcome.MANAGE and not measure:
        raise RuleViolation(
            _("Say how the conflict is managed, e.g. step aside from the committee for tender X."), "measure"
        )
    if outcome == DecisionOutcome.REFER and not referred_to:
        raise RuleViolation(_("Say to whom the matter is referred."), "referred_to")
    previous = latest_decision(declaration)
    if previous is not None and not note:
        raise RuleViolation(_("Say why the decision is corrected."), "note")
    decision = Decision(
        declaration_id=declaration.id,
        outcome=outcome.value,
        measure=measure if outcome == DecisionOutcome.MANAGE else "",
        referred_to=referred_to if outcome == DecisionOutcome.REFER else "",
        note=note,
        decided_as=role.value,
        decided_by_id=by.id,
        replaces_id=previous.id if previous is not None else None,
    )
    db.session.add(decision)
    db.session.flush()
    kept.decided(
        declaration, outcome_before=previous.outcome if previous is not None else None, outcome=outcome.value
    )
    notices.decided(declaration, decision)
    return decision


def latest_decision(declaration: Declaration) -> Decision | None:
    return db.session.scalar(
        sa.select(Decision)
        .where(Decision.declaration_id == declaration.id)
        .order_by(Decision.id.desc())
        .limit(1)
    )


def decisions_of(declaration: Declaration) -> list[Decision]:
    return list(
        db.session.scalars(
            sa.select(Decision)
            .where(Decision.declaration_id == declaration.id)
            .options(joinedload(Decision.decided_by))
            .order_by(Decision.id)
        )
    )


def _latest_ids() -> sa.Subquery:
    return (
        sa.select(Decision.declaration_id, sa.func.max(Decision.id).label("decision_id"))
        .group_by(Decision.declaration_id)
        .subquery()
    )


def latest_decisions(declaration_ids: list[int]) -> dict[int, Decision]:
    """The latest decision of each of some declarations, in one query."""
    if not declaration_ids:
        return {}
    latest = _latest_ids()
    query = (
        sa.select(Decision)
        .join(latest, latest.c.decision_id == Decision.id)
        .where(latest.c.declaration_id.in_(declaration_ids))
    )
    return {d.declaration_id: d for d in db.session.scalars(query)}


# ---------------------------------------------------------------- the review queue

QUEUE_VIEWS = ("waiting", "decided", "none", "all")


@dataclass(frozen=True)
class _Scope:
    """What a reviewer's queue holds: everything (the committee, the officer), or the people of a head's
    departments (never the head's own declarations). Worked out once a page."""

    everything: bool
    department_ids: tuple[int, ...] = ()
    person_id: int | None = None


def _scope(user: User) -> _Scope:
    if sees_all(user):
        return _Scope(True)
    return _Scope(False, tuple(headed_department_ids(user)) or (-1,), user.person_id)


def _seen_by(scope: _Scope, query: sa.Select, person_id: sa.ColumnElement) -> sa.Select:
    if scope.everything:
        return query
    return query.join(Person, Person.id == person_id).where(
        Person.department_id.in_(scope.department_ids), person_id != scope.person_id
    )


def _waiting(scope: _Scope, years: tuple[int, ...], *columns) -> sa.Select:
    """The declarations waiting for a decision that a reviewer sees: the kept rows, not the whole year."""
    query = sa.select(*columns).where(WaitingDeclaration.fiscal_year.in_(years))
    return _seen_by(scope, query, WaitingDeclaration.person_id)


def _not_waiting(scope: _Scope, fy: int, view: str) -> sa.Select:
    """The current declarations of a year not waiting (all of them, decided, or of no interests), newest
    first along the index on (fiscal year, declared at)."""
    query = _current(sa.select(Declaration.id).where(Declaration.fiscal_year == fy))
    if view == "decided":
        query = query.where(sa.exists().where(Decision.declaration_id == Declaration.id))
    elif view == "none":
        query = query.where(~Declaration.has_interests)
    else:
        query = query.where(~sa.exists().where(WaitingDeclaration.declaration_id == Declaration.id))
    query = _seen_by(scope, query, Declaration.person_id)
    return query.order_by(Declaration.declared_at.desc(), Declaration.id.desc())


def _counted(query: sa.Select) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(query.order_by(None).subquery())) or 0


def _not_waiting_total(scope: _Scope, fy: int, view: str) -> int:
    if not scope.everything:
        return _counted(_not_waiting(scope, fy, view))
    tally = kept.year_tally(fy)  # the committee and the officer see the whole year: its kept counts
    if view == "decided":
        return sum(n for _kind, _interests, outcome, n in tally if outcome != kept.UNDECIDED)
    if view == "none":
        return sum(n for _kind, interests, _outcome, n in tally if not interests)
    waiting = sum(n for _kind, interests, outcome, n in tally if interests and outcome == kept.UNDECIDED)
    return sum(n for *_, n in tally) - waiting


def _ids(query: sa.Select, offset: int, limit: int) -> list[int]:
    return list(db.session.scalars(query.offset(offset).limit(limit)))


def queue_page(user: User, fy: int, view: str, *, page: int, per_page: int) -> FetchedPage:
    """One page of a reviewer's queue of a year; `rows` pairs each declaration with its latest decision.

    Waiting for a decision first (the oldest first), then, in the view of all, the others, newest first.
    """
    scope = _scope(user)
    waiting = _waiting(scope, (fy,), WaitingDeclaration.declaration_id).order_by(
        WaitingDeclaration.declaration_id
    )
    waiting_total = _counted(waiting) if view in ("waiting", "all") else 0
    rest = _not_waiting(scope, fy, view)
    rest_total = _not_waiting_total(scope, fy, view) if view != "waiting" else 0

    def fetch(offset: int, limit: int) -> list[int]:
        # Both parts are asked whichever the page falls in (one of them for no row): the same statements.
        in_waiting = max(0, min(limit, waiting_total - offset))
        ids = _ids(waiting, offset, in_waiting) if view in ("waiting", "all") else []
        if view != "waiting":
            ids += _ids(rest, max(0, offset - waiting_total), limit - len(ids))
        return ids

    result = FetchedPage(fetch, waiting_total + rest_total, page=page, per_page=per_page)
    ids = list(result.items)
    found = {
        d.id: d
        for d in db.session.scalars(
            sa.select(Declaration).where(Declaration.id.in_(ids)).options(joinedload(Declaration.person))
        )
    }
    decisions = latest_decisions(ids)
    result.rows = [(found[i], decisions.get(i)) for i in ids if i in found]
    return result


def waiting_count(user: User) -> int:
    """How many declarations of this and last fiscal year wait for a decision in a reviewer's queue."""
    fy = fiscal_year_of(local_today())
    return _counted(_waiting(_scope(user), (fy, fy - 1), WaitingDeclaration.declaration_id))


def oldest_waiting_year(user: User) -> int | None:
    """The fiscal year (this one or the last) of the oldest declaration waiting in a reviewer's queue."""
    fy = fiscal_year_of(local_today())
    oldest = sa.func.min(WaitingDeclaration.fiscal_year)
    return db.session.scalar(_waiting(_scope(user), (fy, fy - 1), oldest))
