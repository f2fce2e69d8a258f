"""Courses and the training reference data (topics, attendance statuses): the officer's screens."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from ethics_hr.core.access import officer_required
from ethics_hr.core.errors import shown_on
from ethics_hr.core.formatting import current_locale
from ethics_hr.extensions import db
from ethics_hr.training import services
from ethics_hr.training.forms import CourseForm, StatusForm, TopicForm
from ethics_hr.training.models import AttendanceStatus, Course, CourseTopic
from ethics_hr.training.views.common import bp


@bp.route("/courses")
@officer_required
def courses():
    """List the courses."""
    return render_template("training/courses.html", courses=services.courses())


@bp.route("/courses/new", methods=["GET", "POST"], defaults={"course_id": None})
@bp.route("/courses/<int:course_id>/edit", methods=["GET", "POST"])
@officer_required
def course_form(course_id: int | None):
    """Add or change a course."""
    course = db.get_or_404(Course, course_id) if course_id else None
    form = CourseForm(obj=course)
    form.topic_id.choices = [(None, "—")] + [
        (t.id, t.name(current_locale()))
        for t in services.topics(active_only=False)
        if t.active or (course is not None and course.topic_id == t.id)
    ]
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            saved = services.save_course(course, form.data)
        if outcome.ok:
            flash(_("The course has been saved."), "success")
            return redirect(url_for("training.sessions", course=saved.id))
    return render_template("training/course_form.html", form=form, course=course)


@bp.route("/reference")
@officer_required
def reference():
    """List the course topics and attendance statuses, which are data an officer can change."""
    return render_template(
        "training/reference.html",
        topics=services.topics(active_only=False),
        statuses=services.attendance_statuses(active_only=False),
    )


@bp.route("/topics/new", methods=["GET", "POST"], defaults={"topic_id": None})
@bp.route("/topics/<int:topic_id>/edit", methods=["GET", "POST"])
@officer_required
def topic_form(topic_id: int | None):
    """Add or change a course topic."""
    topic = db.get_or_404(CourseTopic, topic_id) if topic_id else None
    form = TopicForm(obj=topic)
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            services.save_topic(
                topic,
                code=form.code.data,
                name_th=form.name_th.data,
                name_en=form.name_en.data or "",
                is_ethics=form.is_ethics.data,
                active=form.active.data,
            )
        if outcome.ok:
            flash(_("The topic has been saved."), "success")
            return redirect(url_for("training.reference"))
    return render_template("training/reference_form.html", form=form, title=_("Course topic"))


@bp.route("/statuses/<int:status_id>/edit", methods=["GET", "POST"])
@officer_required
def status_form(status_id: int):
    """Change an attendance status's labels and the hours it earns."""
    status = db.get_or_404(AttendanceStatus, status_id)
    form = StatusForm(obj=status)
    if form.validate_on_submit():
        with shown_on(form) as outcome:
            services.save_status(
                status,
                name_th=form.name_th.data,
                name_en=form.name_en.data or "",
                hours_factor=form.hours_factor.data,
                active=form.active.data,
            )
        if outcome.ok:
            flash(_("The attendance status has been saved."), "success")
            return redirect(url_for("training.reference"))
    return render_template("training/reference_form.html", form=form, title=_("Attendance status"))
