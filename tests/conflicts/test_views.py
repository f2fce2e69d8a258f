"""The declarations' pages: declaring through the form, bad input kept next to its field, who sees and who
decides (404 for anyone else), the review queue, the categories."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from ethics_hr.conflicts import services
from ethics_hr.conflicts.models import Decision, Declaration, Interest, InterestCategory
from ethics_hr.extensions import db
from tests import factories
from tests.conflicts.helpers import FY, annual, category_id, clock, committee_member, head_of, interest


@pytest.fixture(autouse=True)
def _clock():
    with clock():
        yield


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count(model.id)))


def _form(**kw) -> dict:
    return {
        "kind": "annual",
        "fiscal_year": str(FY),
        "situation": "",
        "situation_on": "",
        "has_interests": "yes",
        "interests-0-category_id": str(category_id()),
        "interests-0-description": "My wife is a partner of Ban Suan Materials, a supplier",
        "interests-0-other_party": "Ban Suan Materials Ltd. Part.",
        "interests-0-relation": "spouse",
        "question_id": "",
        "note": "",
        "confirmed": "y",
        "submit": "1",
    } | kw


def test_a_person_declares_through_the_form_and_sees_it(app, client, login_as, in_english):
    user = login_as(factories.user())
    response = client.post("/declarations/new", data=_form())
    assert response.status_code == 302
    declaration = db.session.scalar(sa.select(Declaration))
    assert declaration.person_id == user.person_id and declaration.has_interests
    assert [i.other_party for i in declaration.interests] == ["Ban Suan Materials Ltd. Part."]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Ban Suan Materials Ltd. Part." in page and "Waiting for a decision" in page
    assert "Annual declaration, FY 2026" in client.get("/declarations/").get_data(as_text=True)


def test_a_person_declares_they_have_nothing_to_declare(app, client, login_as, in_english):
    login_as(factories.user())
    data = _form(
        has_interests="no",
        **{f"interests-0-{k}": "" for k in ("category_id", "description", "other_party", "relation")},
    )
    assert client.post("/declarations/new", data=data).status_code == 302
    assert _count(Declaration) == 1 and _count(Interest) == 0
    assert "You have made the annual declaration" in client.get("/declarations/").get_data(as_text=True)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("fiscal_year", "2571", "Choose this fiscal year or the last one."),
        ("fiscal_year", "-5", "Choose this fiscal year or the last one."),
        ("has_interests", "", "Say whether you have interests to declare."),
        ("interests-0-other_party", "", "Name the other party (a company, a person, an organisation)."),
        ("interests-0-category_id", "2147483648", "Choose the category."),
        ("confirmed", "", "Confirm that what you declare is true and complete."),
        ("kind", "weekly", "Choose an annual declaration or one for a situation."),
    ],
)
def test_bad_input_is_shown_next_to_its_field_kept_and_nothing_written(
    app, client, login_as, in_english, field, value, message
):
    login_as(factories.user())
    response = client.post("/declarations/new", data=_form(**{field: value, "note": "kept note <b>"}))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert f'data-field="{field}">{message}</div>' in page
    assert "kept note &lt;b&gt;" in page
    assert _count(Declaration) == 0


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"situation_on": "2026-03-11"}, "situation_on", "The day cannot be in the future."),
        ({"situation_on": "not a day"}, "situation_on", "Not a valid date value."),
        ({"situation": ""}, "situation", "Say what the situation is"),
    ],
)
def test_a_situation_needs_its_subject_and_a_day_not_in_the_future(
    app, client, login_as, in_english, values, field, message
):
    login_as(factories.user())
    data = (
        _form(kind="situational", situation="Tender 3/2569, road works", situation_on="2026-03-02") | values
    )
    page = client.post("/declarations/new", data=data).get_data(as_text=True)
    assert f'data-field="{field}">{message}' in page
    assert _count(Declaration) == 0


def test_bad_input_speaks_thai_to_a_thai_user(app, client, login_as):
    login_as(factories.user(locale="th"))
    page = client.post("/declarations/new", data=_form(confirmed="")).get_data(as_text=True)
    assert 'data-field="confirmed">' in page and "Confirm that what you declare" not in page
    assert _count(Declaration) == 0


def test_add_a_row_gives_one_more_row_and_writes_nothing(app, client, login_as):
    login_as(factories.user())
    page = client.post("/declarations/new", data=_form(more_rows="1") | {"submit": ""}).get_data(as_text=True)
    assert 'name="interests-3-description"' in page and "Ban Suan Materials Ltd. Part." in page
    assert _count(Declaration) == 0


# ---------------------------------------------------------------- who sees, who decides


def _declared(dept=None):
    owner = factories.user(dept=dept)
    return owner, services.declare(owner.person, annual(interests=[interest()]), by=owner)


def test_another_persons_declaration_is_a_404(app, client, login_as):
    dept = factories.department()
    _, declaration = _declared(dept)
    for stranger in (factories.user(dept=dept), head_of(factories.department())):
        login_as(stranger)
        assert client.get(f"/declarations/{declaration.id}").status_code == 404
        assert client.get(f"/declarations/{declaration.id}/correct").status_code == 404
        assert (
            client.post(f"/declarations/{declaration.id}", data={"outcome": "no_conflict"}).status_code == 404
        )
    assert client.get("/declarations/2147483648").status_code == 404
    assert _count(Decision) == 0


def test_the_head_of_the_department_reviews_and_decides(app, client, login_as, in_english):
    dept = factories.department()
    head = head_of(dept)
    owner, declaration = _declared(dept)
    login_as(head)
    page = client.get(f"/declarations/{declaration.id}").get_data(as_text=True)
    assert "Record the decision" in page
    response = client.post(f"/declarations/{declaration.id}", data={"outcome": "manage", "measure": ""})
    assert 'data-field="measure">Say how the conflict is managed' in response.get_data(as_text=True)
    assert _count(Decision) == 0
    response = client.post(
        f"/declarations/{declaration.id}",
        data={"outcome": "manage", "measure": "Step aside from the committee for tender 3/2569"},
    )
    assert response.status_code == 302
    page = client.get(f"/declarations/{declaration.id}").get_data(as_text=True)
    assert "Step aside from the committee for tender 3/2569" in page and "Head of the department" in page
    login_as(owner)
    page = client.get(f"/declarations/{declaration.id}").get_data(as_text=True)
    assert "Manage the conflict" in page and "Record the decision" not in page


def test_an_officer_sees_but_does_not_decide_and_nothing_is_written(app, client, login_as, in_english):
    _, declaration = _declared()
    login_as(factories.officer())
    page = client.get(f"/declarations/{declaration.id}").get_data(as_text=True)
    assert "Ban Suan Materials" not in page  # the helper's interest is in Thai
    assert "หจก. บ้านสวนวัสดุ" in page
    assert "Record the decision" not in page
    response = client.post(f"/declarations/{declaration.id}", data={"outcome": "no_conflict"})
    assert response.status_code == 403
    assert "Only the head of the person&#39;s department or an ethics committee member" in response.get_data(
        as_text=True
    )
    assert _count(Decision) == 0


def test_nobody_decides_on_their_own_declaration(app, client, login_as, in_english):
    member = committee_member()
    declaration = services.declare(member.person, annual(interests=[interest()]), by=member)
    login_as(member)
    assert "Record the decision" not in client.get(f"/declarations/{declaration.id}").get_data(as_text=True)
    response = client.post(f"/declarations/{declaration.id}", data={"outcome": "no_conflict"})
    assert response.status_code == 403 and "Nobody decides on their own declaration." in response.get_data(
        as_text=True
    )
    assert _count(Decision) == 0


def test_the_review_queue_is_for_reviewers_and_a_head_sees_their_department_only(
    app, client, login_as, in_english
):
    dept, other = factories.department(), factories.department()
    head = head_of(dept)
    mine_owner, _ = _declared(dept)
    other_owner, _ = _declared(other)
    login_as(factories.user())
    assert client.get("/declarations/review").status_code == 403
    login_as(head)
    page = client.get(f"/declarations/review?fy={FY}").get_data(as_text=True)
    assert mine_owner.person.full_name_en in page and other_owner.person.full_name_en not in page
    login_as(committee_member())
    page = client.get(f"/declarations/review?fy={FY}").get_data(as_text=True)
    assert mine_owner.person.full_name_en in page and other_owner.person.full_name_en in page
    assert client.get("/declarations/review?view=bogus").status_code == 404


def test_the_queue_opens_at_last_years_declaration_still_waiting(app, client, login_as, in_english):
    import time_machine

    from tests.conflicts.helpers import NOW

    owner, _ = _declared()
    member = committee_member()
    with time_machine.travel(NOW.replace(month=11, year=2026), tick=False):  # FY 2570 has begun
        login_as(member)
        page = client.get("/declarations/review").get_data(as_text=True)
    assert "B.E. 2569" in page.split("</h1>")[0] and owner.person.full_name_en in page


def test_the_review_queue_issues_as_many_statements_for_many_declarations_as_for_a_few(
    app, client, login_as, count_statements
):
    login_as(factories.officer())
    for _ in range(3):
        _declared()
    few = count_statements.page(client, f"/declarations/review?fy={FY}&view=all")
    for _ in range(12):
        _declared()
    assert count_statements.page(client, f"/declarations/review?fy={FY}&view=all") == few


def test_a_correction_through_the_form_keeps_the_earlier_one_in_the_history(
    app, client, login_as, in_english
):
    owner, declaration = _declared()
    login_as(owner)
    page = client.get(f"/declarations/{declaration.id}/correct").get_data(as_text=True)
    assert "หจก. บ้านสวนวัสดุ" in page
    response = client.post(
        f"/declarations/{declaration.id}/correct",
        data=_form(correction_reason="The partnership ended in May"),
    )
    assert response.status_code == 302
    newer = db.session.scalar(sa.select(Declaration).where(Declaration.supersedes_id == declaration.id))
    page = client.get(f"/declarations/{declaration.id}").get_data(as_text=True)
    assert "A later declaration corrects this one." in page and "History" in page
    assert client.get(f"/declarations/{declaration.id}/correct").status_code == 302
    assert newer.correction_reason == "The partnership ended in May"


# ---------------------------------------------------------------- the ethics question


def _ask(asker):
    from ethics_hr.questions import services as questions

    category = questions.categories()[0]
    return questions.ask(
        category_id=category.id, subject="May I teach evening classes?", body="…", asker=asker
    )


def test_a_named_question_is_offered_linked_and_shown_to_the_reviewer(app, client, login_as, in_english):
    owner = login_as(factories.user())
    named = _ask(owner.person).question
    anonymous = _ask(None).question
    page = client.get("/declarations/new?kind=situational").get_data(as_text=True)
    assert f'value="{named.id}"' in page and f'value="{anonymous.id}"' not in page
    data = _form(kind="situational", situation="Evening classes", situation_on="2026-03-01")
    response = client.post("/declarations/new", data=data | {"question_id": str(anonymous.id)})
    assert 'data-field="question_id">Choose one of the questions you asked by name.' in response.get_data(
        as_text=True
    )
    assert _count(Declaration) == 0
    assert client.post("/declarations/new", data=data | {"question_id": str(named.id)}).status_code == 302
    declaration = db.session.scalar(sa.select(Declaration))
    assert declaration.question_id == named.id
    login_as(committee_member())
    page = client.get(f"/declarations/{declaration.id}").get_data(as_text=True)
    assert f'href="/questions/committee/{named.id}">May I teach evening classes?' in page


# ---------------------------------------------------------------- categories


def test_the_officer_adds_renames_and_retires_a_category_but_never_deletes_one(
    app, client, login_as, in_english
):
    login_as(factories.officer())
    response = client.post("/declarations/categories", data={"name_th": "", "name_en": "x"})
    assert 'data-field="name_th">This field is required.' in response.get_data(as_text=True)
    before = _count(InterestCategory)
    assert client.post("/declarations/categories", data={"name_th": "การเป็นกรรมการสมาคม"}).status_code == 302
    added = db.session.scalar(sa.select(InterestCategory).order_by(InterestCategory.id.desc()))
    assert _count(InterestCategory) == before + 1 and added.code.startswith("custom_")
    response = client.post(
        f"/declarations/categories/{added.id}", data={"name_th": "กรรมการสมาคม", "name_en": "Boards"}
    )
    assert response.status_code == 302
    assert client.post(f"/declarations/categories/{added.id}/active", data={"active": "0"}).status_code == 302
    db.session.expire_all()
    assert (added.name_th, added.name_en, added.active) == ("กรรมการสมาคม", "Boards", False)
    page = client.get("/declarations/new").get_data(as_text=True)
    assert "กรรมการสมาคม" not in page
    assert _count(InterestCategory) == before + 1


def test_an_employee_cannot_manage_categories_or_see_compliance(app, client, login_as):
    login_as(factories.user())
    assert client.get("/declarations/categories").status_code == 403
    assert client.post("/declarations/categories", data={"name_th": "x"}).status_code == 403
    assert client.get("/declarations/compliance").status_code == 403


def test_the_correction_form_starts_from_the_declaration_with_its_category_chosen(app, client, login_as):
    owner, declaration = _declared()
    login_as(owner)
    page = client.get(f"/declarations/{declaration.id}/correct").get_data(as_text=True)
    assert f'<option selected value="{category_id()}">' in page
    assert 'value="คู่สมรส"' in page


def test_the_home_page_offers_the_annual_declaration_and_the_reviewers_queue(
    app, client, login_as, in_english
):
    dept = factories.department()
    head = head_of(dept)
    owner, _ = _declared(dept)
    login_as(head)
    page = client.get("/home").get_data(as_text=True)
    assert 'data-testid="home-conflicts-declare"' in page and 'data-testid="home-conflicts-review"' in page
    login_as(owner)
    page = client.get("/home").get_data(as_text=True)
    assert 'data-testid="home-conflicts-declare"' not in page and "home-conflicts-review" not in page
    login_as(factories.user(category_code="council_member"))
    assert 'data-testid="home-conflicts-declare"' not in client.get("/home").get_data(as_text=True)


def test_the_officer_records_a_signed_paper_form_for_someone_without_an_account(
    app, client, login_as, in_english
):
    worker = factories.person()
    officer = login_as(factories.officer())
    page = client.get(f"/declarations/compliance?fy={FY}").get_data(as_text=True)
    assert f'href="/declarations/on-behalf/{worker.id}?fy={FY}"' in page
    page = client.get(f"/declarations/on-behalf/{worker.id}?fy={FY}").get_data(as_text=True)
    assert "Recorded from the paper form signed by" in page and 'name="question_id"' not in page
    response = client.post(f"/declarations/on-behalf/{worker.id}", data=_form(confirmed=""))
    assert 'data-field="confirmed">' in response.get_data(as_text=True) and _count(Declaration) == 0
    assert client.post(f"/declarations/on-behalf/{worker.id}", data=_form()).status_code == 302
    declaration = db.session.scalar(sa.select(Declaration))
    assert (declaration.person_id, declaration.declared_by_id) == (worker.id, officer.id)
    worker.active = False
    db.session.commit()
    assert client.get(f"/declarations/on-behalf/{worker.id}").status_code == 404
    login_as(factories.user())
    assert client.get(f"/declarations/on-behalf/{worker.id}").status_code == 403
