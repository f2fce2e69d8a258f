"""The gift rule and the register: recording a gift, what must be reported and by when, the head's decision.

The rule (section 128 of the organic act on anti-corruption B.E. 2561 and the NACC's notification): gifts from
one giver on one occasion add up; once their total is above the threshold (a setting, 3,000 baht), they are
reported to the head of the agency within so many days (a setting, 30) of the day the total went above it,
and the head decides what becomes of them. Recording a gift here is the report; the register shows the head
what waits for a decision, and by when.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from itertools import groupby

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import aliased, joinedload

from ethics_hr.core.db import add_counts, begin_write, lock_tables, transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.paging import FetchedPage
from ethics_hr.core.settings import get_settings, on_settings_saved
from ethics_hr.core.timeutil import fiscal_year_of, local_today
from ethics_hr.extensions import db
from ethics_hr.gifts.models import (
    DECIDED_OUTCOMES,
    Gift,
    GiftAnnouncement,
    GiftDecision,
    GiftGroup,
    GiftOccasion,
    GiftOutcome,
    GiftTally,
)
from ethics_hr.people.models import Person, User

MAX_VALUE = Decimal("100000000")  # a hundred million baht: anything above is a typing slip
OLDEST_YEARS = 10  # a gift received longer ago than this is no longer a record anyone keeps


@dataclass(frozen=True)
class Policy:
    """The gift rule in force: the value above which gifts are reported, and the days to report them."""

    threshold: Decimal
    days: int


def policy() -> Policy:
    """Return the gift rule as the administrator has set it."""
    settings = get_settings()
    return Policy(Decimal(settings.gift_report_threshold), int(settings.gift_report_days))


def giver_key(name: str, organisation: str) -> str:
    """The giver as the rule compares them: case and runs of spaces do not make another giver."""
    return " ".join(name.split()).casefold() + "|" + " ".join(organisation.split()).casefold()


@dataclass(frozen=True)
class GiftInput:
    received_on: date | None
    giver_name: str
    giver_organisation: str
    description: str
    value_baht: Decimal | str | None
    occasion_id: int | None
    outcome: str
    note: str = ""


def _checked(data: GiftInput) -> tuple[date, Decimal, GiftOccasion, GiftOutcome]:
    if not data.giver_name.strip():
        raise RuleViolation(_("Enter who gave the gift."), "giver_name")
    if not data.description.strip():
        raise RuleViolation(_("Say what the gift was."), "description")
    try:
        value = Decimal(str(data.value_baht)) if data.value_baht is not None else None
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise RuleViolation(_("Enter the estimated value in baht."), "value_baht")
    if value <= 0 or value >= MAX_VALUE:
        raise RuleViolation(_("Enter a value above 0 and below 100,000,000 baht."), "value_baht")
    if value != value.quantize(Decimal("0.01")):
        raise RuleViolation(_("Enter the value in baht with at most two decimals."), "value_baht")
    today = local_today()
    if data.received_on is None:
        raise RuleViolation(_("Enter the day the gift was received."), "received_on")
    if data.received_on > today:
        raise RuleViolation(_("The day received cannot be in the future."), "received_on")
    if data.received_on < today - timedelta(days=366 * OLDEST_YEARS):
        raise RuleViolation(_("The day received is more than ten years ago."), "received_on")
    occasion = db.session.get(GiftOccasion, data.occasion_id) if data.occasion_id else None
    if occasion is None or not occasion.active:
        raise RuleViolation(_("Choose the occasion."), "occasion_id")
    try:
        outcome = GiftOutcome(data.outcome)
    except ValueError:
        raise RuleViolation(_("Choose what was done with the gift."), "outcome") from None
    return data.received_on, value, occasion, outcome


def _fill(gift: Gift, data: GiftInput) -> Gift:
    received_on, value, occasion, outcome = _checked(data)
    gift.received_on = received_on
    gift.fiscal_year = fiscal_year_of(received_on)
    gift.giver_name = " ".join(data.giver_name.split())
    gift.giver_organisation = " ".join(data.giver_organisation.split())
    gift.giver_key = giver_key(gift.giver_name, gift.giver_organisation)
    gift.description = data.description.strip()
    gift.value_baht = value
    gift.occasion_id = occasion.id
    gift.outcome = outcome.value
    gift.note = data.note.strip()
    return gift


@transactional
def record_gift(person: Person, data: GiftInput, *, by: User) -> Gift:
    """Record a gift a person received because of their duty (which reports it when the rule asks)."""
    gift = _fill(Gift(person_id=person.id, recorded_by_id=by.id), data)
    begin_write(Person.__table__, person.id)  # one person's gifts are added up one writer at a time
    db.session.add(gift)
    db.session.flush()
    _regroup(_key(gift))
    _tally(gift.fiscal_year, gift.outcome, 1, gift.value_baht)
    return gift


@transactional
def update_gift(gift: Gift, data: GiftInput, *, by: User) -> Gift:
    """Correct one's own gift record; once the head has decided on it, it is evidence and stays as it is."""
    begin_write(Person.__table__, gift.person_id)
    if latest_decision(gift) is not None:
        raise RuleViolation(_("The head has decided on this gift: the record can no longer be changed."))
    before, counted = _key(gift), (gift.fiscal_year, gift.outcome, gift.value_baht)
    _fill(gift, data)
    db.session.flush()
    _tally(counted[0], counted[1], -1, -counted[2])
    _tally(gift.fiscal_year, gift.outcome, 1, gift.value_baht)
    _regroup(before)
    if _key(gift) != before:
        _regroup(_key(gift))
    return gift


def may_decide(user: User) -> bool:
    """Whether a user may record the head's decision: the administrator (the head of the agency, or
    whoever the head has an account through) and the personnel officer who records it for the head."""
    return bool(user.is_authenticated and user.is_officer)


@transactional
def decide(gift: Gift, outcome: str, note: str, *, by: User) -> GiftDecision:
    """Record the head's decision on a gift: keep, return or hand to the organisation, with a note.

    A second decision on the same gift is a correction: a new row that replaces the last one.
    """
    if not may_decide(by):
        raise RuleViolation(_("Only the head of the agency or a personnel officer records a decision."))
    if by.person_id == gift.person_id:
        raise RuleViolation(_("Nobody decides on a gift they received themselves."))
    try:
        chosen = GiftOutcome(outcome)
    except ValueError:
        chosen = None
    if chosen not in DECIDED_OUTCOMES:
        raise RuleViolation(_("Choose keep, return or hand to the organisation."), "outcome")
    note = note.strip()
    if len(note) > 2000:
        raise RuleViolation(_("Write at most 2,000 characters."), "note")
    begin_write(Person.__table__, gift.person_id)
    previous = latest_decision(gift)
    if previous is not None and not note:
        raise RuleViolation(_("Say why the decision is corrected."), "note")
    decision = GiftDecision(
        gift_id=gift.id,
        outcome=chosen.value,
        note=note,
        decided_by_id=by.id,
        replaces_id=previous.id if previous is not None else None,
    )
    db.session.add(decision)
    db.session.flush()
    _tally(gift.fiscal_year, previous.outcome if previous else gift.outcome, -1, -gift.value_baht)
    _tally(gift.fiscal_year, chosen.value, 1, gift.value_baht)
    if previous is None:
        _regroup(_key(gift))  # one more gift decided, one fewer waiting
    return decision


def latest_decision(gift: Gift) -> GiftDecision | None:
    return db.session.scalar(
        sa.select(GiftDecision)
        .where(GiftDecision.gift_id == gift.id)
        .order_by(GiftDecision.id.desc())
        .limit(1)
    )


def decisions_of(gift: Gift) -> list[GiftDecision]:
    return list(
        db.session.scalars(
            sa.select(GiftDecision).where(GiftDecision.gift_id == gift.id).order_by(GiftDecision.id)
        )
    )


# ---------------------------------------------------------------- the sums kept with the gifts

GroupKey = tuple[int, int, int, str]  # person, fiscal year, occasion, giver
_KEY_COLUMNS = (Gift.person_id, Gift.fiscal_year, Gift.occasion_id, Gift.giver_key)


def _key(gift: Gift) -> GroupKey:
    return (gift.person_id, gift.fiscal_year, gift.occasion_id, gift.giver_key)


def _in_group(key: GroupKey, model: type[Gift] | type[GiftGroup] = Gift) -> list:
    """The condition on gifts (or on their kept group) "of this person, year, occasion and giver"."""
    return [
        model.person_id == key[0],
        model.fiscal_year == key[1],
        model.occasion_id == key[2],
        model.giver_key == key[3],
    ]


# A group with a gift waiting for the head (reported, not all decided); written as the partial index's
# own condition, a literal, so that the planner takes the index.
_WAITING = GiftGroup.waiting > sa.literal_column("0")
_SAME_GROUP = sa.and_(
    GiftGroup.person_id == Gift.person_id,
    GiftGroup.fiscal_year == Gift.fiscal_year,
    GiftGroup.occasion_id == Gift.occasion_id,
    GiftGroup.giver_key == Gift.giver_key,
)

# The same, to walk from the groups waiting (by the day reported) to their gifts: "+ 0" keeps the year's
# condition on the groups from passing to the gifts, which would make the planner read every gift of the year.
_GIFTS_OF_GROUP = sa.and_(
    GiftGroup.person_id == Gift.person_id,
    GiftGroup.fiscal_year == Gift.fiscal_year + 0,
    GiftGroup.occasion_id == Gift.occasion_id,
    GiftGroup.giver_key == Gift.giver_key,
)


def _decided() -> sa.ColumnElement[bool]:
    """The condition on Gift "the head has decided on it" (a probe of the decisions' gift index)."""
    decision = aliased(GiftDecision)
    return sa.exists().where(decision.gift_id == Gift.id)


def _sums(key: GroupKey, gifts: Iterable, threshold: Decimal) -> dict:
    """A group's row from its gifts, in the order received: (value, decided) pairs with the day received."""
    count, total, crossed_on, decided = 0, Decimal(0), None, 0
    for received_on, value, is_decided in gifts:
        count, total = count + 1, total + Decimal(value)
        if crossed_on is None and total > threshold:
            crossed_on = received_on
        decided += 1 if is_decided else 0
    return {
        "person_id": key[0],
        "fiscal_year": key[1],
        "occasion_id": key[2],
        "giver_key": key[3],
        "gifts": count,
        "total": total,
        "crossed_on": crossed_on,
        "decided": decided,
        "waiting": count - decided if crossed_on is not None else 0,
    }


def _regroup(key: GroupKey) -> None:
    """Work out again the one group a gift or decision changed (a few rows: one giver, one occasion)."""
    gifts = db.session.execute(
        sa.select(Gift.received_on, Gift.value_baht, _decided())
        .where(*_in_group(key))
        .order_by(Gift.received_on, Gift.id)
    ).all()
    db.session.execute(sa.delete(GiftGroup).where(*_in_group(key, GiftGroup)))
    if gifts:
        db.session.execute(sa.insert(GiftGroup), [_sums(key, gifts, policy().threshold)])


def _tally(fy: int, outcome: str, gifts: int, value: Decimal) -> None:
    """Add to (or take from) a fiscal year's count and value of gifts with one outcome."""
    add_counts(
        db.session.connection(),
        GiftTally.__table__,
        [{"fiscal_year": fy, "outcome": outcome, "gifts": gifts, "total": value}],
        keys=["fiscal_year", "outcome"],
        columns=("gifts", "total"),
    )


@transactional
def rebuild_sums() -> None:
    """Work out every group and every year's tally again from the gifts and the decisions: when the
    threshold changes, and for data written without the services (the benchmark's)."""
    lock_tables(GiftGroup.__table__, GiftTally.__table__)
    threshold = policy().threshold
    db.session.execute(sa.delete(GiftGroup))
    db.session.execute(sa.delete(GiftTally))
    latest = aliased(GiftDecision)
    outcome = sa.func.coalesce(latest.outcome, Gift.outcome)
    rows = db.session.execute(
        sa.select(*_KEY_COLUMNS, Gift.received_on, Gift.value_baht, latest.id.is_not(None), outcome)
        .outerjoin(latest, latest.id == _latest_decision_id(Gift.id))
        .order_by(*_KEY_COLUMNS, Gift.received_on, Gift.id)
    ).all()
    groups = [
        _sums(key, [r[4:7] for r in gifts], threshold)
        for key, gifts in groupby(rows, key=lambda r: tuple(r[:4]))
    ]
    if groups:
        db.session.execute(sa.insert(GiftGroup), groups)
    tallies: dict[tuple[int, str], list] = {}
    for row in rows:
        tally = tallies.setdefault((row[1], row[7]), [0, Decimal(0)])
        tally[0] += 1
        tally[1] += Decimal(row[5])
    if tallies:
        db.session.execute(
            sa.insert(GiftTally),
            [
                {"fiscal_year": fy, "outcome": outcome, "gifts": n, "total": value}
                for (fy, outcome), (n, value) in tallies.items()
            ],
        )


@on_settings_saved("gift_report_threshold")
def _threshold_changed() -> None:
    rebuild_sums()


# ---------------------------------------------------------------- the register: what is due, and by when


@dataclass(frozen=True)
class GiftRow:
    """A gift as the register shows it: its giver and occasion's total, whether it is reported, by when."""

    gift: Gift
    group_total: Decimal
    reportable: bool
    due_on: date | None
    decision: GiftDecision | None

    @property
    def decided(self) -> bool:
        return self.decision is not None

    @property
    def outcome(self) -> GiftOutcome:
        return self.decision.outcome_enum if self.decision is not None else self.gift.outcome_enum

    def is_overdue(self, today: date) -> bool:
        return self.reportable and not self.decided and self.due_on is not None and today > self.due_on

    def is_due(self, today: date) -> bool:
        return self.reportable and not self.decided and not self.is_overdue(today)


def _latest_decision_id(gift_id) -> sa.ScalarSelect:
    """The newest decision on a gift, as a correlated lookup on the decisions' gift index."""
    newer = aliased(GiftDecision)
    return (
        sa.select(sa.func.max(newer.id))
        .where(newer.gift_id == gift_id)
        .correlate_except(newer)
        .scalar_subquery()
    )


def _assessed(
    where: list,
    *,
    rule: Policy | None = None,
    view: str = "all",
    today: date | None = None,
    ids_only=False,
    only_ids: list[int] | None = None,
    newest_first=False,
) -> sa.Select:
    """Gifts with their group's total, the day the total went above the threshold and the latest decision.

    `where` picks the gifts (on Gift or on GiftGroup); `only_ids` keeps some of them. `view` keeps those
    waiting for a decision (the soonest due first), overdue (waiting past the due day) or decided;
    `ids_only` selects the gifts' ids, for a page of them. The totals are the groups' kept rows."""
    rule = rule or policy()
    columns = (Gift.id,) if ids_only else (Gift, GiftGroup.total, GiftGroup.crossed_on, GiftDecision)
    if view in ("waiting", "overdue"):
        query = sa.select(*columns).select_from(GiftGroup).join(Gift, _GIFTS_OF_GROUP).where(*where)
    elif ids_only:
        # A page of ids in the order received needs no group: the planner walks the gifts' index.
        query = sa.select(*columns).where(*where)
    else:
        query = sa.select(*columns).join(GiftGroup, _SAME_GROUP).where(*where)
    if not ids_only:
        query = query.outerjoin(GiftDecision, GiftDecision.id == _latest_decision_id(Gift.id))
    if only_ids is not None:
        query = query.where(Gift.id.in_(only_ids))
    if view in ("waiting", "overdue"):
        query = query.where(_WAITING, ~_decided())
        if view == "overdue":
            # Due `days` after the day the total went above the limit; overdue the day after that.
            query = query.where(GiftGroup.crossed_on < (today or local_today()) - timedelta(days=rule.days))
        query = query.order_by(GiftGroup.crossed_on, GiftGroup.id, Gift.id)
    else:
        if view == "decided":
            query = query.where(_decided())
        if newest_first:
            query = query.order_by(Gift.received_on.desc(), Gift.id.desc())
        else:
            query = query.order_by(Gift.received_on, Gift.id)
    return query if ids_only else query.options(joinedload(Gift.occasion), joinedload(Gift.person))


def _rows(query: sa.Select, rule: Policy) -> list[GiftRow]:
    rows = []
    for gift, total, crossed_on, decision in db.session.execute(query):
        due = crossed_on + timedelta(days=rule.days) if crossed_on is not None else None
        rows.append(GiftRow(gift, Decimal(total), crossed_on is not None, due, decision))
    return rows


def my_gifts(person: Person) -> list[GiftRow]:
    """A person's own gifts, newest first, with what the rule asks of each."""
    rule = policy()
    query = _assessed([Gift.person_id == person.id], rule=rule, newest_first=True)
    return _rows(query, rule)


def gift_row(gift: Gift) -> GiftRow:
    """One gift with its group's total, due date and decision."""
    rule = policy()
    return _rows(_assessed([Gift.id == gift.id], rule=rule), rule)[0]


REGISTER_VIEWS = ("waiting", "overdue", "decided", "all")


def _of_year(fy: int, view: str) -> list:
    # What waits is read from the groups with a gift waiting; the rest from the gifts, in the order received.
    return [GiftGroup.fiscal_year == fy] if view in ("waiting", "overdue") else [Gift.fiscal_year == fy]


def register(fy: int, view: str = "waiting") -> list[GiftRow]:
    """The register of a fiscal year for the head and the officer: waiting for a decision (the soonest due
    first), overdue only, decided, or all (in the order received)."""
    rule = policy()
    return _rows(_assessed(_of_year(fy, view), rule=rule, view=view), rule)


def register_count(fy: int, view: str, today: date | None = None) -> int:
    """How many gifts a view of the register holds, from the kept sums."""
    if view == "all":
        query = sa.select(sa.func.sum(GiftTally.gifts)).where(GiftTally.fiscal_year == fy)
    elif view == "decided":
        query = sa.select(sa.func.sum(GiftGroup.decided)).where(GiftGroup.fiscal_year == fy)
    else:
        query = sa.select(sa.func.sum(GiftGroup.waiting)).where(GiftGroup.fiscal_year == fy, _WAITING)
        if view == "overdue":
            cutoff = (today or local_today()) - timedelta(days=policy().days)
            query = query.where(GiftGroup.crossed_on < cutoff)
    return int(db.session.scalar(query) or 0)


def _waiting_ids(where: list, *, rule: Policy, view: str, offset: int, limit: int) -> list[int]:
    """A page of the gifts waiting for the head, soonest due first: the first groups waiting (along their
    partial index, `offset + limit` of them: each has a gift waiting), then those groups' undecided gifts.
    Neither planner reads the year's other gifts or groups, however many wait."""
    groups = sa.select(GiftGroup).where(*where, _WAITING)
    if view == "overdue":
        groups = groups.where(GiftGroup.crossed_on < local_today() - timedelta(days=rule.days))
    first = groups.order_by(GiftGroup.crossed_on, GiftGroup.id).limit(offset + limit).subquery("first_groups")
    query = (
        sa.select(Gift.id)
        .join(first, sa.and_(*(first.c[column.key] == column for column in _KEY_COLUMNS)))
        .where(~_decided())
        .order_by(first.c.crossed_on, first.c.id, Gift.id)
    )
    return list(db.session.scalars(query.offset(offset).limit(limit)))


def _rows_of(ids: list[int], rule: Policy) -> list[GiftRow]:
    """The rows of some gifts, in the order of their ids given."""
    found = {r.gift.id: r for r in _rows(_assessed([], rule=rule, only_ids=ids), rule)} if ids else {}
    return [found[i] for i in ids if i in found]


def register_page(fy: int, view: str, *, page: int, per_page: int):
    """One page of the register: a pagination of gift ids whose `rows` are the page's gifts, in order."""
    rule = policy()
    total = register_count(fy, view)  # counted from the kept sums instead of the year's gifts
    if view in ("waiting", "overdue"):
        where = [GiftGroup.fiscal_year == fy]
        ids_page = FetchedPage(
            lambda offset, limit: _waiting_ids(where, rule=rule, view=view, offset=offset, limit=limit),
            total,
            page=page,
            per_page=per_page,
        )
    else:
        ids_page = db.paginate(
            _assessed(_of_year(fy, view), rule=rule, view=view, ids_only=True),
            page=page,
            per_page=per_page,
            error_out=False,
            count=False,
        )
        ids_page.total = total
    ids_page.rows = _rows_of(list(ids_page.items), rule)
    return ids_page


@dataclass(frozen=True)
class Waiting:
    """The gifts waiting for the head's decision in figures, and the first few of them (soonest due first)."""

    count: int
    overdue: int
    oldest_fiscal_year: int | None
    first: list[GiftRow]


def waiting_overview(today: date, first: int = 5) -> Waiting:
    """Count what waits for the head (this fiscal year and the last) in one query, and list the first few."""
    rule = policy()
    fy = fiscal_year_of(today)
    late = GiftGroup.crossed_on < today - timedelta(days=rule.days)
    count, overdue, oldest = db.session.execute(
        sa.select(
            sa.func.coalesce(sa.func.sum(GiftGroup.waiting), 0),
            sa.func.coalesce(sa.func.sum(sa.case((late, GiftGroup.waiting), else_=0)), 0),
            sa.func.min(GiftGroup.fiscal_year),
        ).where(GiftGroup.fiscal_year.in_((fy - 1, fy)), _WAITING)
    ).one()
    where = [GiftGroup.fiscal_year.in_((fy - 1, fy))]
    ids = _waiting_ids(where, rule=rule, view="waiting", offset=0, limit=first) if count and first else []
    return Waiting(count, overdue, oldest, _rows_of(ids, rule))


def waiting_for_decision(today: date) -> list[GiftRow]:
    """Every reported gift still waiting for the head's decision, of this fiscal year and the last."""
    rule = policy()
    fy = fiscal_year_of(today)
    query = _assessed([GiftGroup.fiscal_year.in_((fy - 1, fy))], rule=rule, view="waiting")
    return sorted(_rows(query, rule), key=lambda r: r.gift.id)


@dataclass(frozen=True)
class OutcomeCount:
    outcome: GiftOutcome
    count: int
    total: Decimal


def yearly_summary(fy: int) -> list[OutcomeCount]:
    """Count and total value of a fiscal year's gifts by what became of them (the head's decision, else the
    person's own record); every outcome is listed, with zeros: a nil report is a report."""
    found = {
        row.outcome: (row.gifts, Decimal(row.total))
        for row in db.session.execute(
            sa.select(GiftTally.outcome, GiftTally.gifts, GiftTally.total).where(GiftTally.fiscal_year == fy)
        )
    }
    return [OutcomeCount(o, *found.get(o.value, (0, Decimal(0)))) for o in GiftOutcome]


@dataclass(frozen=True)
class YearFigures:
    """A fiscal year's register in figures, for the year-end report and the annual ethics report."""

    fiscal_year: int
    count: int
    total: Decimal
    reportable: int  # above the limit from one giver on one occasion: reported to the head
    decided: int  # of those, decided by the head
    returned: int
    handed_over: int
    announced_on: date | None
    rule: Policy

    @property
    def waiting(self) -> int:
        return self.reportable - self.decided


def year_figures(fy: int) -> YearFigures:
    """Count a fiscal year's gifts: all, above the limit, decided, what became of them; from the kept sums."""
    rule = policy()
    by_outcome = {row.outcome: row for row in yearly_summary(fy)}
    reportable, waiting = db.session.execute(
        sa.select(
            sa.func.coalesce(sa.func.sum(GiftGroup.gifts), 0),
            sa.func.coalesce(sa.func.sum(GiftGroup.waiting), 0),
        ).where(GiftGroup.fiscal_year == fy, GiftGroup.crossed_on.is_not(None))
    ).one()
    notice = announcement(fy)
    return YearFigures(
        fy,
        sum(row.count for row in by_outcome.values()),
        sum((row.total for row in by_outcome.values()), Decimal(0)),
        reportable,
        reportable - waiting,
        by_outcome[GiftOutcome.RETURNED].count,
        by_outcome[GiftOutcome.HANDED_OVER].count,
        notice.announced_on if notice else None,
        rule,
    )


def occasions() -> list[GiftOccasion]:
    return list(
        db.session.scalars(
            sa.select(GiftOccasion)
            .where(GiftOccasion.active)
            .order_by(GiftOccasion.sort_order, GiftOccasion.id)
        )
    )


# ---------------------------------------------------------------- the No Gift announcement


def announcement(fy: int) -> GiftAnnouncement | None:
    return db.session.scalar(sa.select(GiftAnnouncement).where(GiftAnnouncement.fiscal_year == fy))


@transactional
def save_announcement(
    fy: int, *, title_th: str, title_en: str, body_th: str, body_en: str, announced_on: date | None
) -> GiftAnnouncement:
    """Publish (or correct) the organisation's No Gift announcement of a fiscal year."""
    if not title_th.strip():
        raise RuleViolation(_("This field is required."), "title_th")
    if not body_th.strip():
        raise RuleViolation(_("This field is required."), "body_th")
    if announced_on is None:
        raise RuleViolation(_("Enter the day of the announcement."), "announced_on")
    if announced_on > local_today():
        raise RuleViolation(_("The day of the announcement cannot be in the future."), "announced_on")
    row = announcement(fy) or GiftAnnouncement(fiscal_year=fy)
    row.title_th, row.title_en = title_th.strip(), title_en.strip()
    row.body_th, row.body_en = body_th.strip(), body_en.strip()
    row.announced_on = announced_on
    db.session.add(row)
    db.session.flush()
    return row
