"""What the questions domain offers views, jobs and other domains: one import for the whole of it.

The rules live in the modules named below, one responsibility each: `asking` (the asker's side and the
rules of anonymity), `handling` (the committee's queue and answers), `faq` (the public answers) and
`statistics` (a fiscal year counted).
"""

from __future__ import annotations

from ethics_hr.questions.asking import (
    BODY_MAX,
    REFERENCE,
    SUBJECT_MAX,
    Asked,
    ask,
    asker_thread,
    categories,
    close_as_asker,
    find_by_receipt,
    my_questions,
    own_question_or_none,
    receipt_blocks,
    reply_as_asker,
)
from ethics_hr.questions.faq import (
    faq_count,
    faq_entry_of,
    faq_query,
    publish_faq,
    published_faq,
    withdraw_faq,
)
from ethics_hr.questions.handling import (
    add_note,
    answer,
    ask_clarification,
    assign,
    has_stepped_aside,
    is_overdue,
    named_asker,
    queue_filters,
    queue_query,
    step_aside,
    visible_question,
)
from ethics_hr.questions.statistics import QuestionStats, fiscal_years_with_questions, stats

__all__ = [
    "BODY_MAX",
    "REFERENCE",
    "SUBJECT_MAX",
    "Asked",
    "QuestionStats",
    "add_note",
    "answer",
    "ask",
    "ask_clarification",
    "asker_thread",
    "assign",
    "categories",
    "close_as_asker",
    "faq_count",
    "faq_entry_of",
    "faq_query",
    "find_by_receipt",
    "fiscal_years_with_questions",
    "has_stepped_aside",
    "is_overdue",
    "my_questions",
    "named_asker",
    "own_question_or_none",
    "publish_faq",
    "published_faq",
    "queue_filters",
    "queue_query",
    "receipt_blocks",
    "reply_as_asker",
    "stats",
    "step_aside",
    "visible_question",
    "withdraw_faq",
]
