"""The learning journey in a real browser: the officer writes a scenario question in the bank and puts it on
a draft's quiz with one already there, publishes; an employee on a phone is asked to pass the quiz before
acknowledging, fails it, reads the explanation, passes at the second try (the questions in a new order) and
acknowledges; then attends an ethics session (checks in with the room's code), passes its post-test,
evaluates it anonymously and downloads its certificate, whose QR code, read by a real decoder, opens the
public verification page; the officer's results show which question people got wrong, and the evaluation."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import timedelta

import pytest

from ethics_hr.core.models import utc_now
from ethics_hr.extensions import db
from ethics_hr.training import assessments
from ethics_hr.training.models import Evaluation, RegistrationState
from tests import factories
from tests.e2e.conftest import REQUIRED, login

SCENARIO = "ญาติของคุณยื่นซองประกวดราคาโครงการที่คุณเป็นกรรมการ คุณควรทำอย่างไร"
RIGHT = "แจ้งผู้บังคับบัญชาและขอถอนตัว"
WRONG = "พิจารณาต่อไปตามปกติ"
EXPLANATION = "ต้องถอนตัวเพราะความเป็นกลางต้องปรากฏให้เห็น"


def test_an_employee_fails_then_passes_the_quiz_acknowledges_attends_evaluates_and_downloads_a_certificate(
    browser, page, live_server, tmp_path
):
    if not all(shutil.which(tool) for tool in ("pdftoppm", "zbarimg")):
        if REQUIRED:
            pytest.fail("poppler-utils and zbar-tools are needed to read the certificate's QR code")
        pytest.skip("poppler-utils and zbar-tools are not installed: the QR code cannot be read")
    officer = factories.officer(email="officer-quiz@example.org", category_code="executive", locale="th")
    employee = factories.user(email="employee-quiz@example.org", locale="th")
    draft = factories.draft()
    factories.bank_question("ข้อใดเป็นการรับของขวัญที่ไม่ถูกต้อง", by=officer)
    session = factories.session(starts_at=(utc_now() - timedelta(minutes=20)).replace(microsecond=0))
    factories.register(session, employee.person, RegistrationState.ENROLLED)
    db.session.commit()

    # The officer writes the scenario in the bank.
    login(page, live_server, officer.person.email, factories.PASSWORD)
    page.goto(f"{live_server}/codes/manage")
    page.click("[data-testid=question-bank]")
    page.click("[data-testid=add-question]")
    page.select_option("select[name=topic]", "conflict_of_interest")
    page.check("input[name=scenario]")
    page.fill("textarea[name=prompt_th]", SCENARIO)
    page.fill("input[name='choices-0-text_th']", WRONG)
    page.fill("input[name='choices-1-text_th']", RIGHT)
    page.click("main form button[type=submit]")
    # No right answer ticked: the message is next to the choices and what was typed is kept.
    page.wait_for_selector("[data-field=choices]")  # the form comes back (same address) with the message
    assert page.input_value("input[name='choices-1-text_th']") == RIGHT
    page.check("input[name='choices-1-correct']")
    page.fill("textarea[name=explanation_th]", EXPLANATION)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/learning/questions/\d+$"))

    # ... and puts both questions on the draft's quiz, then publishes the version.
    page.goto(f"{live_server}/codes/versions/{draft.id}/edit")
    page.click("[data-testid=edit-quiz]")
    page.fill("input[name=pass_percent]", "100")
    for box in page.locator("[data-testid=quiz-form] input[name=question_ids]").all():
        box.check()
    page.click("[data-testid=quiz-form] button[type=submit]")
    page.wait_for_url(re.compile(r"/edit#quiz$"))
    assert SCENARIO in page.inner_text("#quiz")
    page.click("[data-testid=publish-link]")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{live_server}/codes/versions/{draft.id}/compliance")

    # The session's post-test has a question of its own (written after the quiz was set).
    post_question = factories.bank_question("ผู้รับเหมาเชิญไปเลี้ยงฉลองโครงการ ควรทำอย่างไร", by=officer)
    assessments.save_test(session, "post", question_ids=[post_question.id], pass_percent=100)

    # The employee, on a phone, is asked for the quiz first, and fails it.
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH")
    phone = context.new_page()
    login(phone, live_server, employee.person.email, factories.PASSWORD)
    phone.goto(f"{live_server}/codes/versions/{draft.id}/acknowledge")
    assert phone.locator("[data-testid=acknowledge-form]").count() == 0
    phone.click("[data-testid=take-quiz-link]")
    first_order = phone.input_value("input[name=order]")
    phone.get_by_label(WRONG).check()
    phone.click("[data-testid=take-quiz] button[type=submit]")
    # The other question is unanswered: shown again with the tick kept.
    phone.wait_for_selector("[data-testid=take-quiz] .invalid-feedback")
    assert phone.locator("[data-testid=take-quiz] .invalid-feedback").count() == 1
    assert phone.get_by_label(WRONG).is_checked()
    phone.locator("[data-testid=quiz-question]").filter(has_not_text=SCENARIO).locator("input").first.check()
    phone.click("[data-testid=take-quiz] button[type=submit]")
    phone.wait_for_url(re.compile(r"/codes/quiz-attempts/\d+$"))
    assert phone.locator("[data-testid=quiz-failed]").is_visible()
    assert EXPLANATION in phone.content()

    # The second try comes in a new order; right answers pass, and the acknowledgment opens.
    phone.click("[data-testid=retry-quiz]")
    assert phone.input_value("input[name=order]") != first_order
    phone.get_by_label(RIGHT).check()
    phone.locator("[data-testid=quiz-question]").filter(has_not_text=SCENARIO).locator("input").first.check()
    phone.click("[data-testid=take-quiz] button[type=submit]")
    phone.wait_for_url(re.compile(r"/codes/quiz-attempts/\d+$"))
    assert phone.locator("[data-testid=quiz-passed]").is_visible()
    phone.click("[data-testid=go-acknowledge]")
    phone.check("input[name=agree]")
    phone.fill("input[name=password]", factories.PASSWORD)
    phone.click("[data-testid=acknowledge-form] button[type=submit]")
    phone.wait_for_url(re.compile(r"/codes/acknowledgments/\d+$"))

    # The employee attends the session: checks in with the room's code, ...
    phone.goto(f"{live_server}/training/checkin")
    phone.fill("input[name=code]", session.checkin_code)
    phone.click("[data-testid=checkin-submit]")
    phone.goto(f"{live_server}/training/my/sessions/{session.id}")
    # ... passes the post-test (which completes the certificate), ...
    phone.click("[data-testid=take-post-test]")
    phone.locator("[data-testid=quiz-question] input").first.check()  # the first choice is the right one
    phone.click("[data-testid=take-test] button[type=submit]")
    phone.wait_for_url(re.compile(r"/training/test-attempts/\d+$"))
    assert phone.locator("[data-testid=test-passed]").is_visible()
    # ... and evaluates it: a missing rating is shown next to it, with the comment kept.
    phone.goto(f"{live_server}/training/my/sessions/{session.id}")
    phone.click("[data-testid=evaluate]")
    for criterion in ("content", "speaker", "usefulness", "arrangements"):
        phone.locator(f"label[for={criterion}-3]").click()
    phone.fill("textarea[name=comment]", "ได้ตัวอย่างที่ใช้กับงานจริง")
    phone.click("[data-testid=evaluation-form] button[type=submit]")
    phone.wait_for_selector("[data-field=overall]")
    assert phone.input_value("textarea[name=comment]") == "ได้ตัวอย่างที่ใช้กับงานจริง"
    phone.locator("label[for=overall-3]").click()
    phone.click("[data-testid=evaluation-form] button[type=submit]")
    phone.wait_for_selector("[data-testid=evaluated]")
    assert db.session.scalar(db.select(Evaluation.person_id)) is None  # anonymous: no person kept

    # The session's certificate: its PDF's QR code, read by a real decoder, opens the public page.
    phone.click("[data-testid=my-training-certificate]")
    with phone.expect_download() as fetched:
        phone.click("[data-testid=download-certificate]")
    pdf = tmp_path / "certificate.pdf"
    fetched.value.save_as(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(tmp_path / "page")], check=True)
    scanned = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(tmp_path / "page-1.png")],
        capture_output=True,
        text=True,
        check=True,
    )
    url = scanned.stdout.strip()
    assert url.startswith(live_server + "/verify/")
    visitor = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH").new_page()
    visitor.goto(url)
    assert visitor.get_attribute("[data-testid=verify-result]", "data-valid") == "yes"
    assert visitor.inner_text("[data-testid=verify-name]") == employee.person.full_name_th
    assert session.course.title_th in visitor.content()
    visitor.context.close()
    # Both certificates, the quiz's and the session's, are in the employee's list.
    phone.goto(f"{live_server}/learning/certificates")
    assert phone.locator("[data-testid=download-certificate]").count() == 2
    context.close()

    # The officer sees the session's evaluation as totals.
    page.goto(f"{live_server}/training/sessions/{session.id}/results")
    assert page.inner_text("[data-criterion=overall]") == "4.00"
    # The officer sees the scenario answered right once of two.
    page.goto(f"{live_server}/codes/versions/{draft.id}/quiz/results")
    stats = page.inner_text("[data-testid=question-stats]")
    assert SCENARIO in stats.split("\n")[0]
    assert "50" in stats
