"""Appointment orders: the officer records, corrects and deletes them with the members each lists."""

from __future__ import annotations

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ethics_hr.committees import labels, orders, services, uploads
from ethics_hr.committees.forms import ADD_ROWS, MAX_ROWS, NEW_ORDER_ROWS, SPARE_ROWS, OrderForm
from ethics_hr.committees.models import AppointmentOrder, Committee
from ethics_hr.committees.views.common import bp, date_arg
from ethics_hr.core.access import login_required, officer_required
from ethics_hr.core.errors import RuleViolation, apply_to_form, flashed
from ethics_hr.core.forms import ConfirmForm
from ethics_hr.core.timeutil import be_year, local_today
from ethics_hr.core.uploads import send_stored
from ethics_hr.extensions import db

# An order is written in Thai whatever language the screen is in: "แต่งตั้งคณะกรรมการ...".
ORDER_TITLE_PREFIX = "แต่งตั้ง"


def _order_form(committee: Committee, order: AppointmentOrder | None) -> OrderForm:
    if request.method == "POST":
        form = OrderForm()
    elif order is not None:
        form = OrderForm(data=_order_data(order))
    else:
        form = OrderForm(data=_new_order_data(committee))
    form.replaces_id.choices = [(None, "—")] + [
        (o.id, f"{labels.order_number(o)} · {o.title}") for o in orders.replaceable_orders(committee, order)
    ]
    return form


def _order_data(order: AppointmentOrder) -> dict:
    members = [
        {
            "person": services.person_label(m.person) if m.person else "",
            "outside_name": m.outside_name,
            "outside_organisation": m.outside_organisation,
            "position": m.position,
            "role": m.role,
            "starts_on": m.starts_on,
            "ends_on": m.ends_on,
        }
        for m in order.members
    ]
    fields = (
        "number",
        "title",
        "signed_on",
        "signed_by_name",
        "signed_by_position",
        "effective_on",
        "ends_on",
    )
    data = {name: getattr(order, name) for name in fields}
    return data | {"replaces_id": order.replaces_id, "members": members + [{}] * SPARE_ROWS}


def _new_order_data(committee: Committee) -> dict:
    today = local_today()
    previous = committee.orders[0] if committee.orders else None
    return {
        "number": orders.next_order_number(be_year(today.year)),
        "title": ORDER_TITLE_PREFIX + committee.name_th,
        "signed_on": today,
        "effective_on": today,
        "signed_by_name": previous.signed_by_name if previous else "",
        "signed_by_position": previous.signed_by_position if previous else "",
        "members": [{}] * NEW_ORDER_ROWS,
    }


def _draft(form: OrderForm) -> orders.OrderDraft:
    members = [
        orders.MemberEntry(
            person_ref=row.get("person") or "",
            outside_name=row.get("outside_name") or "",
            outside_organisation=row.get("outside_organisation") or "",
            position=row.get("position") or "",
            role=row.get("role") or "",
            starts_on=row.get("starts_on"),
            ends_on=row.get("ends_on"),
            row=index,
        )
        for index, row in enumerate(form.members.data)
    ]
    return orders.OrderDraft(
        number=form.number.data,
        title=form.title.data,
        signed_on=form.signed_on.data,
        signed_by_name=form.signed_by_name.data,
        signed_by_position=form.signed_by_position.data or "",
        effective_on=form.effective_on.data,
        ends_on=form.ends_on.data,
        replaces_id=form.replaces_id.data,
        members=members,
    )


def _show_error(form: OrderForm, error: RuleViolation) -> None:
    """Put a rule violation next to its field, including a field of one member row."""
    if error.field and error.field.startswith("members-"):
        _, index, name = error.field.split("-", 2)
        row = form.members.entries[int(index)].form
        target = row._fields.get(name)
        if target is not None:
            target.errors = [*list(target.errors or []), error.message]
            return
    if error.field and hasattr(form, error.field):
        target = getattr(form, error.field)
        target.errors = [*list(target.errors or []), error.message]
        return
    apply_to_form(form, error)


def _handle_order(committee: Committee, order: AppointmentOrder | None):
    form = _order_form(committee, order)
    warning = None
    if request.method == "POST" and form.add_rows.data:
        for _unused in range(min(ADD_ROWS, MAX_ROWS - len(form.members.entries))):
            form.members.append_entry()
    elif form.validate_on_submit():
        try:
            saved = orders.save_order(
                committee,
                order,
                _draft(form),
                document=uploads.chosen_or_kept(form.document.data),
                accept_without_chair=form.accept_without_chair.data,
                by=current_user._get_current_object(),
            )
        except orders.NoChairInForce as error:  # the service wrote nothing; the officer may accept and resave
            warning = error.message
        except RuleViolation as error:  # shown next to its field, including one of a member row
            _show_error(form, error)
        else:
            uploads.forget_kept()
            flash(_("Order No. %(number)s has been saved.", number=labels.order_number(saved)), "success")
            return redirect(
                url_for("committees.detail", committee_id=committee.id, _anchor=f"order-{saved.id}")
            )
    if request.method == "POST" and not form.document.errors:
        # Browsers never send a chosen file twice: keep it for the next submit of this form.
        uploads.keep(uploads.chosen_or_kept(form.document.data))
    return render_template(
        "committees/order_form.html",
        form=form,
        committee=committee,
        order=order,
        warning=warning,
        kept=uploads.kept() if request.method == "POST" else None,
        year_be=be_year(form.signed_on.data.year) if form.signed_on.data else None,
    )


@bp.route("/<int:committee_id>/orders/new", methods=["GET", "POST"])
@officer_required
def order_new(committee_id: int):
    """Record an appointment order of a committee with the members it lists."""
    committee = db.get_or_404(Committee, committee_id)
    return _handle_order(committee, None)


@bp.route("/orders/<int:order_id>/edit", methods=["GET", "POST"])
@officer_required
def order_edit(order_id: int):
    """Correct an appointment order or its member list."""
    order = db.get_or_404(AppointmentOrder, order_id)
    return _handle_order(order.committee, order)


@bp.route("/orders/<int:order_id>/delete", methods=["POST"])
@officer_required
def order_delete(order_id: int):
    """Delete an order recorded by mistake."""
    order = db.get_or_404(AppointmentOrder, order_id)
    committee_id = order.committee_id
    if not ConfirmForm().validate_on_submit():
        abort(400)
    number = labels.order_number(order)
    with flashed() as outcome:
        orders.delete_order(order)
    if outcome.ok:
        flash(_("Order No. %(number)s has been deleted.", number=number), "success")
    return redirect(url_for("committees.detail", committee_id=committee_id))


@bp.route("/orders/<int:order_id>/document")
@login_required
def order_document(order_id: int):
    """Send the scanned order (a public document, shown to logged-in users until the transparency pages)."""
    order = db.get_or_404(AppointmentOrder, order_id)
    if order.document is None:
        abort(404)
    return send_stored(order.document)


# ---------------------------------------------------------------- what the order form asks while it is filled


@bp.route("/orders/next-number")
@officer_required
def next_number():
    """Suggest the next free order number for the year of a signing date."""
    day = date_arg("signed_on") or local_today()
    year = be_year(day.year)
    return jsonify(number=orders.next_order_number(year), year_be=year)


@bp.route("/people.json")
@officer_required
def people_suggestions():
    """Suggest people for a member row from what the officer typed."""
    people = services.suggest_people(request.args.get("q", "")[:100])
    return jsonify([services.person_label(p) for p in people])
