"""People's public services, for views, CLI, jobs and the other domains.

The rules live by responsibility in `departments`, `directory` (people), `accounts` and `login`; this
module gathers them so that a caller outside people has one place to import from.
"""

from __future__ import annotations

from ethics_hr.people.accounts import (
    ACTIVATE,
    LOCALES,
    RESET,
    IssuedToken,
    add_person_with_account,
    change_password,
    end_sessions,
    find_token,
    find_token_by_code,
    is_usable,
    issue_token,
    load_user_from_session,
    open_account,
    open_accounts,
    redeem_token,
    reissue_token,
    set_locale,
    set_roles,
    someone_holds_role,
    usable_token,
)
from ethics_hr.people.departments import (
    active_departments,
    active_people_per_department,
    all_departments,
    departments_with_heads,
    save_department,
    staff_categories,
)
from ethics_hr.people.directory import (
    PeopleFilter,
    normalise_email,
    people_count,
    people_query,
    save_person,
    set_person_active,
)
from ethics_hr.people.login import (
    LoginThrottled,
    authenticate,
    confirm_password,
    find_user_by_login,
)

__all__ = [
    "ACTIVATE",
    "LOCALES",
    "RESET",
    "IssuedToken",
    "LoginThrottled",
    "PeopleFilter",
    "active_departments",
    "active_people_per_department",
    "add_person_with_account",
    "all_departments",
    "authenticate",
    "change_password",
    "confirm_password",
    "departments_with_heads",
    "end_sessions",
    "find_token",
    "find_token_by_code",
    "find_user_by_login",
    "is_usable",
    "issue_token",
    "load_user_from_session",
    "normalise_email",
    "open_account",
    "open_accounts",
    "people_count",
    "people_query",
    "redeem_token",
    "reissue_token",
    "save_department",
    "save_person",
    "set_locale",
    "set_person_active",
    "set_roles",
    "someone_holds_role",
    "staff_categories",
    "usable_token",
]
