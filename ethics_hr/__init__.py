"""Ethics HR: the ethics programme of a public body, from codes of ethics to the ITA evidence."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask, g, request

from ethics_hr.config import config_for

# The migrations ship inside the package, so `flask --app ethics_hr db upgrade` works from any folder.
MIGRATIONS_DIR = str(Path(__file__).resolve().parent / "migrations")


def create_app(config: str | dict[str, Any] | None = None, *, env: str | None = None) -> Flask:
    """Build the application; it never starts a scheduler by itself."""
    app = Flask(__name__, template_folder="templates", static_folder="static")
    from ethics_hr.core.args import IdConverter
    from ethics_hr.core.http import CleanRequest

    app.request_class = CleanRequest
    # Before any blueprint adds its rules: every <int:...> of a path is then bounded and ASCII.
    app.url_map.converters["int"] = IdConverter
    name = config if isinstance(config, str) else env or os.environ.get("ETHICS_HR_ENV", "development")
    settings = config_for(name)
    settings.validate()
    app.config.from_object(settings)
    if isinstance(config, dict):
        app.config.update(config)
    app.instance_path = app.config["INSTANCE_PATH"]
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    register_proxies(app)
    register_extensions(app)
    register_blueprints(app)
    register_cli(app)
    register_errorhandlers(app)
    register_template_helpers(app)
    register_security(app)
    return app


def register_proxies(app: Flask) -> None:
    """Take the client's address (and scheme) from the headers of the configured number of trusted proxies."""
    from werkzeug.middleware.proxy_fix import ProxyFix

    hops = app.config["TRUSTED_PROXIES"]
    if hops:
        # Only the last `hops` entries of X-Forwarded-For are the proxies' own; what a client wrote before
        # them is never trusted. The host is not taken from a header: links are built from ETHICS_HR_BASE_URL.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]


def select_timezone() -> str:
    from ethics_hr.core.settings import get_settings

    try:
        return get_settings().timezone
    except Exception:
        return "Asia/Bangkok"


def import_models() -> None:
    """Import every domain's models so the metadata (and Alembic) sees all tables."""
    import ethics_hr.codes.models
    import ethics_hr.committees.models
    import ethics_hr.conflicts.models
    import ethics_hr.core.audit
    import ethics_hr.core.settings
    import ethics_hr.core.uploads
    import ethics_hr.gifts.models
    import ethics_hr.learning.models
    import ethics_hr.notifications.models
    import ethics_hr.people.models
    import ethics_hr.plans.models
    import ethics_hr.pledges.models
    import ethics_hr.questions.models
    import ethics_hr.reports.models
    import ethics_hr.training.models  # noqa: F401


def register_extensions(app: Flask) -> None:
    from ethics_hr.core import audit, day_counter, privacy, sqlite, throttle, wtforms_i18n
    from ethics_hr.core.language import select_locale
    from ethics_hr.extensions import babel, bootstrap, csrf, db, limiter, login_manager, migrate
    from ethics_hr.people import headcount

    import_models()
    db.init_app(app)
    sqlite.install()
    audit.install()
    privacy.install()
    headcount.install()
    migrate.init_app(app, db, directory=MIGRATIONS_DIR, render_as_batch=True, compare_type=True)
    csrf.init_app(app)
    wtforms_i18n.install()
    # The one catalogue sits in Flask-Babel's default folder, ethics_hr/translations.
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    bootstrap.init_app(app)
    limiter.init_app(app)
    throttle.init_app(app)
    day_counter.init_app(app)

    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.session_protection = "basic"

    from flask_babel import lazy_gettext as _l

    login_manager.login_message = _l("Please log in to continue.")
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_user(session_id: str):
        from ethics_hr.people.services import load_user_from_session

        return load_user_from_session(session_id)


def register_blueprints(app: Flask) -> None:
    from ethics_hr.admin.views import bp as admin_bp
    from ethics_hr.codes.sections import person_sections as code_sections
    from ethics_hr.codes.views import bp as codes_bp
    from ethics_hr.committees.views import bp as committees_bp
    from ethics_hr.conflicts.views import bp as conflicts_bp
    from ethics_hr.core.views import bp as core_bp
    from ethics_hr.gifts.views import bp as gifts_bp
    from ethics_hr.home.views import bp as home_bp
    from ethics_hr.learning.views import bp as learning_bp
    from ethics_hr.learning.views import public_bp as verify_bp
    from ethics_hr.notifications.views import bp as notifications_bp
    from ethics_hr.people.views import bp as people_bp
    from ethics_hr.people.views import set_person_sections
    from ethics_hr.people.views.auth import bp as auth_bp
    from ethics_hr.plans.views import bp as plans_bp
    from ethics_hr.pledges.views import bp as pledges_bp
    from ethics_hr.questions.views import bp as questions_bp
    from ethics_hr.questions.views import public_bp as ask_bp
    from ethics_hr.reports.sections import person_sections as report_sections
    from ethics_hr.reports.views import bp as reports_bp
    from ethics_hr.training.views import bp as training_bp
    from ethics_hr.transparency.views import bp as transparency_bp

    for bp in (
        core_bp,
        auth_bp,
        home_bp,
        people_bp,
        codes_bp,
        learning_bp,
        verify_bp,
        committees_bp,
        training_bp,
        plans_bp,
        questions_bp,
        ask_bp,
        gifts_bp,
        conflicts_bp,
        pledges_bp,
        notifications_bp,
        admin_bp,
        reports_bp,
        transparency_bp,
    ):
        app.register_blueprint(bp)
    # The person page shows what the domains above people record of a person, in this order.
    set_person_sections(app, [code_sections, report_sections])


def register_cli(app: Flask) -> None:
    from ethics_hr.cli import register

    register(app)


def register_errorhandlers(app: Flask) -> None:
    from flask import render_template
    from flask_wtf.csrf import CSRFError
    from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError

    from ethics_hr.core.language import session_locale
    from ethics_hr.extensions import db

    def bare(code: int, template: str):
        # Rendered straight from the environment, past every context processor (the settings, the user): the
        # page a visitor gets when the database is gone, instead of the server's blank 500.
        g.database_unusable = True
        page = app.jinja_env.get_template(f"errors/{template}.html")
        return page.render(bare=True, locale=session_locale()), code

    def render(code: int, template: str):
        if g.get("database_unusable"):
            return bare(code, template)
        try:
            return render_template(f"errors/{template}.html"), code
        except SQLAlchemyError:
            app.logger.exception("the %s page could not read the database", code)
            return bare(code, template)

    app.register_error_handler(403, lambda e: render(403, "403"))
    app.register_error_handler(404, lambda e: render(404, "404"))
    app.register_error_handler(405, lambda e: render(405, "405"))
    app.register_error_handler(413, lambda e: render(413, "413"))
    app.register_error_handler(429, lambda e: render(429, "429"))
    app.register_error_handler(CSRFError, lambda e: render(400, "csrf"))

    @app.errorhandler(500)
    def server_error(e):
        try:
            db.session.rollback()
        except SQLAlchemyError:
            g.database_unusable = True
        # The connection failed (refused, dropped, timed out): the full page would only fail again.
        if isinstance(getattr(e, "original_exception", None), OperationalError | InterfaceError):
            g.database_unusable = True
        return render(500, "500")


def register_template_helpers(app: Flask) -> None:
    from jinja2 import pass_context

    from ethics_hr.core import formatting
    from ethics_hr.core.settings import get_settings

    app.jinja_env.filters["date"] = formatting.format_date
    app.jinja_env.filters["datetime"] = formatting.format_datetime
    app.jinja_env.filters["time"] = formatting.format_time

    @pass_context
    def number(context, value, *, locale: str | None = None, decimals: int | None = None) -> str:
        # The page's language is the template's `locale`, looked up once per page rather than once a number.
        return formatting.format_number(value, locale=locale or context.get("locale"), decimals=decimals)

    app.jinja_env.filters["number"] = number
    app.jinja_env.filters["fiscal_year"] = formatting.format_fiscal_year
    app.jinja_env.globals["fiscal_years"] = formatting.format_fiscal_years
    app.jinja_env.filters["thai_digits"] = formatting.thai_digits

    @app.context_processor
    def inject() -> dict[str, Any]:
        return {"locale": formatting.current_locale(), "org": get_settings(), "nav": navigation()}


def navigation() -> list[tuple[str, str, str | tuple[str, ...]]]:
    """The menu entries the current user may use, as (endpoint, label, active prefix or prefixes)."""
    from flask_babel import gettext as _
    from flask_babel import pgettext
    from flask_login import current_user

    if not current_user.is_authenticated:
        return []
    items = [("home.index", _("Home"), "home.")]
    codes_home = "codes.manage" if current_user.is_officer else "codes.index"
    items.append((codes_home, _("Codes of ethics"), ("codes.", "learning.")))
    # Short menu words ("menu" context) where a page's title is long: the menu fits a 1200 px laptop in Thai.
    items.append(("training.index", pgettext("menu", "Training"), "training."))
    items.append(("committees.index", _("Committees"), "committees."))
    items.append(("questions.index", pgettext("menu", "Ethics questions"), "questions."))
    declarations = ("home.integrity", "gifts.", "conflicts.", "pledges.")
    items.append(("home.integrity", pgettext("menu", "Integrity"), declarations))
    if current_user.is_officer:
        items.append(("plans.index", pgettext("menu", "HR plan"), "plans."))
        items.append(("people.index", _("People"), "people."))
        items.append(("reports.index", _("Reports"), "reports."))
    if current_user.is_admin:
        items.append(("admin.index", _("Administration"), "admin."))
    return items


def register_security(app: Flask) -> None:
    @app.before_request
    def remember_request_start():
        g.csp_nonce = os.urandom(12).hex()

    @app.after_request
    def security_headers(response):
        nonce = g.get("csp_nonce", "")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            f"script-src 'self' 'nonce-{nonce}'; object-src 'none'; base-uri 'self'; "
            "form-action 'self'; frame-ancestors 'none'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if request.endpoint and not request.endpoint.endswith("static"):
            response.headers.setdefault("Cache-Control", "no-store")
        # HTTPS only from now on (for a year by default in production); a debug or test server keeps http.
        hsts = app.config.get("HSTS_SECONDS", 0)
        if hsts and not (app.debug or app.testing):
            response.headers.setdefault("Strict-Transport-Security", f"max-age={hsts}")
        return response
