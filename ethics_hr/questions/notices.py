"""What ethics questions tell people, through `notifications`, without ever identifying an anonymous asker.

Committee members learn only that a question arrived in a category, with a link to the queue: never its
subject, text, reference or the time it arrived. A named question is announced in the transaction that
records it; an anonymous one only by `questions.jobs` the morning after the day it arrived, so neither the
outbox, the bell nor the moment a mail arrives tells when it was asked. Reminders name the question by its
reference and category only. An anonymous asker is never told anything: there is no address to tell.
"""

from __future__ import annotations

from collections.abc import Iterable

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ethics_hr.core.formatting import format_date
from ethics_hr.core.timeutil import local_today
from ethics_hr.extensions import db
from ethics_hr.notifications.services import (
    NotificationKind,
    Recipient,
    notify_many,
    register_kind,
    register_target,
    render_message,
)
from ethics_hr.people.contacts import recipients_of
from ethics_hr.people.models import Person
from ethics_hr.questions.models import Question

NEW_QUESTION = "questions.new_question"
ASSIGNED = "questions.assigned"
ASSIGNEE_REMINDER = "questions.assignee_reminder"
OVERDUE_CHAIR = "questions.overdue_chair"
ANSWERED = "questions.answered"
CLARIFICATION = "questions.clarification"

register_kind(
    NotificationKind(
        NEW_QUESTION,
        _l("Ethics questions: a new question for the committee (anonymous ones the next morning)"),
        mandatory=True,
        defaults={"hour": 8},
    )
)
register_kind(
    NotificationKind(
        ASSIGNED, _l("Ethics questions: a question is assigned to you to answer"), mandatory=True
    )
)
register_kind(
    NotificationKind(
        ASSIGNEE_REMINDER,
        _l("Ethics questions: reminder to the assigned member, before and after the due date"),
        mandatory=True,
        defaults={"days_before": [3, 1], "repeat_days": 7, "hour": 8},
    )
)
register_kind(
    NotificationKind(
        OVERDUE_CHAIR,
        _l("Ethics questions: an overdue question, to the committee chair"),
        mandatory=True,
        defaults={"repeat_days": 7, "hour": 8},
    )
)
register_kind(
    NotificationKind(ANSWERED, _l("Ethics questions: your question has been answered"), mandatory=True)
)
register_kind(
    NotificationKind(
        CLARIFICATION, _l("Ethics questions: the committee asks you for more details"), mandatory=True
    )
)


def target_of(question: Question) -> str:
    return f"question:{question.id}"


def new_question(question: Question, member_ids: Iterable[int]) -> int:
    """Tell committee members that a question arrived in a category: nothing else about it."""
    category = question.category

    def render(r: Recipient):
        name = category.name(r.locale)
        return render_message(
            _("New ethics question: %(category)s", category=name),
            "questions/mail/new_question",
            link=url_for("questions.queue"),
            notice=_("A new question in the category %(category)s is waiting in the queue.", category=name),
            name=r.name,
            category=name,
        )

    members = recipients_of(member_ids)
    return notify_many(
        members.values(),
        kind=NEW_QUESTION,
        target=target_of(question),
        render=render,
        link=lambda _r: url_for("questions.queue"),
    )


def _facts(question: Question, locale: str) -> dict:
    return {
        "reference": question.reference,
        "category": question.category.name(locale),
        "due": format_date(question.due_on, "long", locale=locale),
    }


def assigned(question: Question, member_id: int, *, by: Person) -> int:
    """Tell a member that a question was assigned to them: its reference, category and due date."""
    period = f"assigned:{member_id}:{local_today().isoformat()}"  # once a day per member, replayable

    def render(r: Recipient):
        facts = _facts(question, r.locale)
        return render_message(
            _("Ethics question %(reference)s is assigned to you", **facts),
            "questions/mail/assigned",
            link=url_for("questions.handle", question_id=question.id),
            notice=_(
                "%(by)s assigned question %(reference)s (%(category)s) to you; it is due on %(due)s.",
                by=by.display_name(r.locale),
                **facts,
            ),
            name=r.name,
            by=by.display_name(r.locale),
            **facts,
        )

    return notify_many(
        recipients_of([member_id]).values(),
        kind=ASSIGNED,
        target=target_of(question),
        period=period,
        render=render,
        link=lambda _r: url_for("questions.handle", question_id=question.id),
    )


def assignee_reminder(question: Question, member_id: int, period: str, *, overdue: bool) -> int:
    """Remind the member a question is assigned to that its answer is due, or overdue."""

    def render(r: Recipient):
        facts = _facts(question, r.locale)
        subject = (
            _("Overdue: ethics question %(reference)s", **facts)
            if overdue
            else _("Due on %(due)s: ethics question %(reference)s", **facts)
        )
        return render_message(
            subject,
            "questions/mail/assignee_reminder",
            link=url_for("questions.handle", question_id=question.id),
            notice=_("Question %(reference)s (%(category)s) was due on %(due)s.", **facts)
            if overdue
            else _("Question %(reference)s (%(category)s) is due on %(due)s.", **facts),
            name=r.name,
            overdue=overdue,
            **facts,
        )

    return notify_many(
        recipients_of([member_id]).values(),
        kind=ASSIGNEE_REMINDER,
        target=target_of(question),
        period=period,
        render=render,
        link=lambda _r: url_for("questions.handle", question_id=question.id),
    )


def overdue_to_chairs(
    question: Question, chair_ids: Iterable[int], period: str, assignee: Person | None
) -> int:
    """Tell the committee chairs that a question is overdue, and who holds it."""

    def render(r: Recipient):
        facts = _facts(question, r.locale)
        return render_message(
            _("Overdue ethics question %(reference)s", **facts),
            "questions/mail/overdue_chair",
            link=url_for("questions.handle", question_id=question.id),
            notice=_("Question %(reference)s (%(category)s) was due on %(due)s.", **facts),
            name=r.name,
            assignee=assignee.display_name(r.locale) if assignee is not None else "",
            **facts,
        )

    return notify_many(
        recipients_of(chair_ids).values(),
        kind=OVERDUE_CHAIR,
        target=target_of(question),
        period=period,
        render=render,
        link=lambda _r: url_for("questions.handle", question_id=question.id),
    )


def to_asker(question: Question, *, kind: str, period: str) -> int:
    """Tell a named asker that the committee answered or asks for more; an anonymous asker gets nothing."""
    if question.anonymous or question.asker_person_id is None:
        return 0
    answered = kind == ANSWERED

    def render(r: Recipient):
        facts = _facts(question, r.locale)
        return render_message(
            _("Your ethics question %(reference)s has been answered", **facts)
            if answered
            else _("The committee asks about your ethics question %(reference)s", **facts),
            "questions/mail/to_asker",
            link=url_for("questions.mine", question_id=question.id),
            notice=_("Read the committee's answer.")
            if answered
            else _("Read what the committee asks and reply."),
            name=r.name,
            answered=answered,
            **facts,
        )

    return notify_many(
        recipients_of([question.asker_person_id]).values(),
        kind=kind,
        target=target_of(question),
        period=period,
        render=render,
        link=lambda _r: url_for("questions.mine", question_id=question.id),
    )


def _describe_questions(ids: list[int]) -> dict[int, str]:
    # The reference only: the outbox never shows what a question asks, least of all an anonymous one.
    return {q.id: q.reference for q in db.session.scalars(db.select(Question).where(Question.id.in_(ids)))}


register_target("question", _l("Ethics question"), _describe_questions)
