"""The ITA catalogue as data: a JSON file per assessment year, loaded into a table the administrator edits."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ethics_hr.core.db import transactional
from ethics_hr.core.errors import RuleViolation
from ethics_hr.core.formatting import format_date, format_fiscal_year
from ethics_hr.core.timeutil import fiscal_year_range, local_today
from ethics_hr.core.urls import absolute_url
from ethics_hr.extensions import db
from ethics_hr.gifts import services as gift_register
from ethics_hr.pledges.evidence import pledge_evidence
from ethics_hr.reports import sources
from ethics_hr.reports.models import ItaCatalogue, ItaItem

SHIPPED = Path(__file__).resolve().parent / "ita"
MIN_YEAR, MAX_YEAR = 2560, 2700  # the assessment years (B.E.) a catalogue may be kept for
KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,19}$")
FIELDS = (
    "key",
    "parent",
    "title_th",
    "title_en",
    "description_th",
    "description_en",
    "fiscal_year_offset",
    "page",
    "check",
    "topics",
    "reconstructed",
)
TOPIC = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass(frozen=True)
class PublicPage:
    endpoint: str
    takes_fiscal_year: bool
    anchor: str = ""


# The public pages an item may name; the transparency blueprint serves them.
PAGES: dict[str, PublicPage] = {
    "index": PublicPage("transparency.index", False),
    "codes": PublicPage("transparency.codes", False),
    "dos_donts": PublicPage("transparency.codes", False, "dos-donts"),
    "committees": PublicPage("transparency.committees", False),
    "plan": PublicPage("transparency.plan", True),
    "plan_results": PublicPage("transparency.plan", True, "results"),
    "training": PublicPage("transparency.training", True),
    "faq": PublicPage("transparency.faq", False),
    "gifts": PublicPage("transparency.gifts", True),
    "pledge": PublicPage("transparency.pledge", True),
}


@dataclass(frozen=True)
class Completeness:
    complete: bool
    message: str


def _plan_in_force(fy: int, fy_name: str) -> Completeness:
    plan = sources.plan(fy, "th")
    if plan is None:
        return Completeness(False, _("No HR plan is in force in %(fy)s.", fy=fy_name))
    return Completeness(True, _("Plan in force: %(title)s.", title=plan.title))


def _plan_results(fy: int, fy_name: str) -> Completeness:
    plan = sources.plan(fy, "th")
    if plan is None or not plan.items:
        return Completeness(
            False, _("No plan items are planned for %(fy)s, so there are no results.", fy=fy_name)
        )
    return Completeness(
        True, _("%(done)d of %(total)d plan items done.", done=plan.done, total=len(plan.items))
    )


def _codes_in_force(fy: int, fy_name: str) -> Completeness:
    codes = sources.codes_in_force(fy, with_share=False)
    if not codes:
        return Completeness(False, _("No code of ethics is published as in force."))
    return Completeness(True, _("%(n)d codes of ethics in force.", n=len(codes)))


def _advisory_team(fy: int, fy_name: str) -> Completeness:
    committees = sources.committees_with_orders(fy)
    if not committees:
        return Completeness(
            False,
            _(
                "No ethics committee or advisory team has an appointment order in force in %(fy)s.",
                fy=fy_name,
            ),
        )
    return Completeness(
        True,
        _("%(n)d ethics committees or advisory teams with an appointment order in force.", n=committees),
    )


def _dos_donts(fy: int, fy_name: str) -> Completeness:
    count = sum(len(c.dos_donts) for c in sources.codes_in_force(fy, with_share=False))
    if not count:
        return Completeness(False, _("No Dos & Don'ts are published."))
    return Completeness(True, _("%(n)d Dos & Don'ts published.", n=count))


def _ethics_training(fy: int, fy_name: str) -> Completeness:
    sessions, people = sources.ethics_training_counts(fy)
    if not sessions:
        return Completeness(False, _("No ethics training held yet in %(fy)s.", fy=fy_name))
    return Completeness(
        True,
        _("%(sessions)d ethics sessions held, %(people)d people trained.", sessions=sessions, people=people),
    )


def _faq(fy: int, fy_name: str) -> Completeness:
    count = sources.faq_count()
    if not count:
        return Completeness(False, _("No answer is published as FAQ."))
    return Completeness(True, _("%(n)d answers published as FAQ.", n=count))


def _no_gift_announcement(fy: int, fy_name: str) -> Completeness:
    row = gift_register.announcement(fy)
    if row is None:
        return Completeness(False, _("No No Gift announcement is published for %(fy)s.", fy=fy_name))
    return Completeness(True, _("Announced on %(day)s.", day=format_date(row.announced_on)))


def _no_gift_report(fy: int, fy_name: str) -> Completeness:
    if fiscal_year_range(fy)[1] >= local_today():
        return Completeness(False, _("%(fy)s is not over yet: its report covers the whole year.", fy=fy_name))
    count = sum(s.count for s in gift_register.yearly_summary(fy))
    if not count:
        return Completeness(True, _("A nil report: no gift was recorded in %(fy)s.", fy=fy_name))
    return Completeness(True, _("%(n)d gifts recorded in %(fy)s, reported by outcome.", n=count, fy=fy_name))


def _integrity_pledge(fy: int, fy_name: str) -> Completeness:
    pledge, signed, audience = pledge_evidence(fy)
    if pledge is None:
        return Completeness(
            False, _("No integrity pledge has been opened for signing in %(fy)s.", fy=fy_name)
        )
    return Completeness(
        True,
        _("%(signed)d of %(audience)d people signed the integrity pledge.", signed=signed, audience=audience),
    )


# What "complete" means for an item, by the name its catalogue entry gives.
CHECKS: dict[str, Callable[[int, str], Completeness]] = {
    "plan_in_force": _plan_in_force,
    "plan_results": _plan_results,
    "codes_in_force": _codes_in_force,
    "advisory_team": _advisory_team,
    "dos_donts": _dos_donts,
    "ethics_training": _ethics_training,
    "faq": _faq,
    "no_gift_announcement": _no_gift_announcement,
    "no_gift_report": _no_gift_report,
    "integrity_pledge": _integrity_pledge,
}

# The topics the shipped catalogues use, in words. An administrator may add others: they show as written.
TOPICS: dict[str, Any] = {
    "hr_policy": _l("HR policy"),
    "hr_plan": _l("HR management and development plan"),
    "hr_criteria": _l("HR criteria"),
    "hr_results": _l("HR results report"),
    "code_of_ethics": _l("Code of ethics"),
    "ethics_rules": _l("Rules on maintaining ethics"),
    "advisory_team": _l("Ethics working group"),
    "integrity_pledge": _l("Integrity pledge"),
    "dos_donts": _l("Dos & Don'ts"),
    "ethics_training": _l("Ethics training"),
    "no_gift_announcement": _l("No Gift announcement"),
    "no_gift_culture": _l("No Gift culture"),
    "no_gift_report": _l("No Gift results report"),
}


def topic_name(topic: str) -> str:
    return str(TOPICS.get(topic, topic))


# ---------------------------------------------------------------- the catalogue as data


def shipped_years() -> list[int]:
    return sorted(int(p.stem) for p in SHIPPED.glob("*.json") if p.stem.isdigit())


def _shipped_data(year: int) -> dict[str, Any]:
    return json.loads((SHIPPED / f"{year}.json").read_text(encoding="utf-8"))


def read_shipped(year: int) -> list[dict[str, Any]]:
    """Read the catalogue file shipped with the package for an assessment year."""
    return validate(_shipped_data(year))


def shipped_source(year: int) -> tuple[str, str]:
    """Where the shipped file of a year was taken from, and how sure that is (Thai, English)."""
    data = _shipped_data(year)
    return str(data.get("source_th", "")), str(data.get("source_en", ""))


def _source_of(data: Any) -> tuple[str, str] | None:
    """The source texts of an edited catalogue, when it gives them (an object with source_th/source_en)."""
    if not isinstance(data, dict) or not ({"source_th", "source_en"} & set(data)):
        return None
    texts = []
    for name in ("source_th", "source_en"):
        value = data.get(name, "")
        if not isinstance(value, str) or len(value) > 2000:
            raise RuleViolation(str(_l("%(field)s must be a text.", field=name)), "catalogue")
        texts.append(value.strip())
    return texts[0], texts[1]


def validate(data: Any) -> list[dict[str, Any]]:
    """Check a catalogue (a list of items, or an object with "items") and return its items, cleaned."""
    items = data.get("items") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise RuleViolation(str(_l('Give a list of items, or an object with a list "items".')), "catalogue")
    cleaned: list[dict[str, Any]] = []
    keys: set[str] = set()
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise RuleViolation(str(_l("Item %(n)d is not an object.", n=number)), "catalogue")
        unknown = set(item) - set(FIELDS)
        if unknown:
            raise RuleViolation(
                str(
                    _l(
                        "Item %(n)d has unknown fields: %(fields)s.",
                        n=number,
                        fields=", ".join(sorted(unknown)),
                    )
                ),
                "catalogue",
            )
        key = str(item.get("key", "")).strip()
        if not KEY.match(key):
            raise RuleViolation(
                str(_l("Item %(n)d needs a key such as O14 or O16.1.", n=number)), "catalogue"
            )
        if key in keys:
            raise RuleViolation(str(_l("The key %(key)s appears twice.", key=key)), "catalogue")
        keys.add(key)
        texts = {}
        for name, limit in (
            ("title_th", 300),
            ("title_en", 300),
            ("description_th", 5000),
            ("description_en", 5000),
        ):
            value = item.get(name, "")
            if not isinstance(value, str) or len(value) > limit:
                raise RuleViolation(
                    str(_l("Item %(key)s: %(field)s must be a text.", key=key, field=name)), "catalogue"
                )
            texts[name] = value.strip()
        if not texts["title_th"]:
            raise RuleViolation(str(_l("Item %(key)s needs a Thai title (title_th).", key=key)), "catalogue")
        page = item.get("page")
        if page not in PAGES:
            raise RuleViolation(
                str(_l("Item %(key)s: page must be one of %(pages)s.", key=key, pages=", ".join(PAGES))),
                "catalogue",
            )
        check = item.get("check") or ""
        if check and check not in CHECKS:
            raise RuleViolation(
                str(_l("Item %(key)s: check must be one of %(checks)s.", key=key, checks=", ".join(CHECKS))),
                "catalogue",
            )
        offset = item.get("fiscal_year_offset", 0)
        if not isinstance(offset, int) or isinstance(offset, bool) or not -3 <= offset <= 3:
            raise RuleViolation(
                str(_l("Item %(key)s: fiscal_year_offset must be a whole number from -3 to 3.", key=key)),
                "catalogue",
            )
        parent = str(item.get("parent") or "").strip()
        topics = item.get("topics", [])
        if (
            not isinstance(topics, list)
            or len(topics) > 8
            or not all(isinstance(t, str) and TOPIC.match(t) for t in topics)
        ):
            raise RuleViolation(
                str(_l("Item %(key)s: topics must be a list of words such as hr_plan.", key=key)), "catalogue"
            )
        reconstructed = item.get("reconstructed", False)
        if not isinstance(reconstructed, bool):
            raise RuleViolation(
                str(_l("Item %(key)s: reconstructed must be true or false.", key=key)), "catalogue"
            )
        cleaned.append(
            texts
            | {
                "key": key,
                "parent": parent,
                "page": page,
                "check": check,
                "fiscal_year_offset": offset,
                "topics": list(dict.fromkeys(topics)),
                "reconstructed": reconstructed,
            }
        )
    for item in cleaned:
        if item["parent"] and (item["parent"] not in keys or item["parent"] == item["key"]):
            raise RuleViolation(
                str(
                    _l(
                        "Item %(key)s: its parent %(parent)s is not in the catalogue.",
                        key=item["key"],
                        parent=item["parent"],
                    )
                ),
                "catalogue",
            )
    return cleaned


def items_of(year: int) -> list[ItaItem]:
    return list(
        db.session.scalars(
            db.select(ItaItem).where(ItaItem.assessment_year == year).order_by(ItaItem.position, ItaItem.id)
        )
    )


def catalogue_years() -> list[int]:
    return list(
        db.session.scalars(
            db.select(ItaItem.assessment_year).distinct().order_by(ItaItem.assessment_year.desc())
        )
    )


def catalogue_of(year: int) -> ItaCatalogue | None:
    return db.session.get(ItaCatalogue, year)


def as_json(year: int) -> str:
    """Write a year's catalogue as the JSON the administrator edits (the shipped files' format)."""
    items = []
    for row in items_of(year):
        entry: dict[str, Any] = {"key": row.key}
        if row.parent_key:
            entry["parent"] = row.parent_key
        entry |= {
            "title_th": row.title_th,
            "title_en": row.title_en,
            "description_th": row.description_th,
            "description_en": row.description_en,
            "fiscal_year_offset": row.fiscal_year_offset,
            "page": row.page,
            "check": row.check,
            "topics": row.topic_list,
        }
        if row.reconstructed:
            entry["reconstructed"] = True
        items.append(entry)
    catalogue = catalogue_of(year)
    source = {"source_th": catalogue.source_th, "source_en": catalogue.source_en} if catalogue else {}
    return json.dumps({"year": year, **source, "items": items}, ensure_ascii=False, indent=2)


def _replace(year: int, items: list[dict[str, Any]], source: tuple[str, str] | None = None) -> None:
    for row in items_of(year):
        db.session.delete(row)
    db.session.flush()
    for position, item in enumerate(items, start=1):
        db.session.add(
            ItaItem(
                assessment_year=year,
                key=item["key"],
                parent_key=item["parent"],
                position=position,
                title_th=item["title_th"],
                title_en=item["title_en"],
                description_th=item["description_th"],
                description_en=item["description_en"],
                fiscal_year_offset=item["fiscal_year_offset"],
                page=item["page"],
                check=item["check"],
                topics=",".join(item["topics"]),
                reconstructed=item["reconstructed"],
            )
        )
    if source is not None:
        catalogue = catalogue_of(year) or ItaCatalogue(assessment_year=year)
        catalogue.source_th, catalogue.source_en = source
        db.session.add(catalogue)


def _load(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise RuleViolation(
            str(
                _l(
                    "This is not valid JSON (line %(line)d, column %(column)d).",
                    line=error.lineno,
                    column=error.colno,
                )
            ),
            "catalogue",
        ) from None


def parse(text: str) -> list[dict[str, Any]]:
    """Read the administrator's JSON text; a syntax error names its line."""
    return validate(_load(text))


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise RuleViolation(str(_l("Give an assessment year in B.E., such as 2568.")), "year")


@transactional
def save_catalogue(year: int, text: str) -> None:
    """Replace an assessment year's catalogue with the administrator's JSON, after checking it whole."""
    _check_year(year)
    data = _load(text)
    items = validate(data)
    _replace(year, items, _source_of(data))


@transactional
def copy_catalogue(year: int, source_year: int) -> None:
    """Start an assessment year's catalogue as a copy of another year's."""
    _check_year(year)
    if items_of(year):
        raise RuleViolation(str(_l("This year has a catalogue already: edit it instead.")), "year")
    if not items_of(source_year):
        raise RuleViolation(str(_l("The year to copy from has no catalogue.")), "source_year")
    copy_items(year, source_year)


def copy_items(year: int, source_year: int) -> None:
    """Write a copy of one year's items as another year's (in the caller's transaction).

    Until someone checks it against the new year's manual, a copy is a guess: every item is marked
    reconstructed, and the source says where it came from."""
    items = [item | {"reconstructed": True} for item in validate(json.loads(as_json(source_year)))]
    with force_locale("th"):
        source_th = _(
            "Carried over from the catalogue of %(year)s; not yet checked against this year's manual.",
            year=source_year,
        )
    with force_locale("en"):
        source_en = _(
            "Carried over from the catalogue of %(year)s; not yet checked against this year's manual.",
            year=source_year,
        )
    _replace(year, items, (source_th, source_en))


@transactional
def roll_forward(source_year: int) -> int:
    """Start the next assessment year's catalogue from this one's (the year roll); return the new year.

    When the package ships the next year's list, that list is used and mapped to this year's by topic;
    otherwise this year's items are carried over as they are, to be edited when the new manual is out."""
    year = source_year + 1
    _check_year(year)
    if items_of(year):
        raise RuleViolation(str(_l("This year has a catalogue already: edit it instead.")), "year")
    if not items_of(source_year):
        raise RuleViolation(str(_l("The year to copy from has no catalogue.")), "source_year")
    if year in shipped_years():
        _replace(year, read_shipped(year), shipped_source(year))
    else:
        copy_items(year, source_year)
    db.session.flush()
    return year


def ensure_reference_data() -> None:
    """Load each shipped catalogue year that is not in the table yet; never overwrite the administrator's."""
    present = set(db.session.scalars(db.select(ItaItem.assessment_year).distinct()))
    for year in shipped_years():
        if year not in present:
            _replace(year, read_shipped(year), shipped_source(year))
    db.session.flush()


# ---------------------------------------------------------------- the links page


@dataclass
class EvidenceLink:
    item: ItaItem
    fiscal_year: int
    url: str
    completeness: Completeness | None
    depth: int
    # The previous year's items on the same topics, and what this item is to them.
    earlier: list[EvidenceLink] = field(default_factory=list)
    change: str = ""

    def description(self, locale: str) -> str:
        return self.item.description(locale).replace("{fy}", str(self.fiscal_year))

    @property
    def missing(self) -> bool:
        return self.completeness is not None and not self.completeness.complete


def public_url(page: str, fiscal_year: int) -> str:
    """The public address that answers an item, absolute, as the ITA form asks for (also from the CLI)."""
    target = PAGES[page]
    kwargs: dict[str, Any] = {}
    if target.takes_fiscal_year:
        kwargs["fy"] = fiscal_year
    return absolute_url(target.endpoint, anchor=target.anchor or None, **kwargs)


def evidence_links(
    year: int, locale: str, checked: dict[tuple[str, int], Completeness] | None = None
) -> list[EvidenceLink]:
    """List each item of an assessment year with its public address and whether its data is complete.

    A check runs once per fiscal year however many items ask it: `checked` keeps what it found (pass the
    same dict for two assessment years, whose items ask about the same fiscal years)."""
    checked = {} if checked is None else checked
    with force_locale(locale):
        return [_link(item, year, locale, checked) for item in items_of(year)]


def _link(
    item: ItaItem, year: int, locale: str, checked: dict[tuple[str, int], Completeness]
) -> EvidenceLink:
    fy = year + item.fiscal_year_offset
    check = CHECKS.get(item.check)
    if check is not None and (item.check, fy) not in checked:
        checked[item.check, fy] = check(fy, format_fiscal_year(fy, locale=locale))
    return EvidenceLink(
        item=item,
        fiscal_year=fy,
        url=public_url(item.page, fy),
        completeness=checked[item.check, fy] if check is not None else None,
        depth=1 if item.parent_key else 0,
    )


# How an item stands to the previous year's items on the same topics.
SAME, RENUMBERED, MERGED, NEW = "same", "renumbered", "merged", "new"
CHANGES = {
    SAME: _l("as last year"),
    RENUMBERED: _l("renumbered"),
    MERGED: _l("merged"),
    NEW: _l("new this year"),
}


@dataclass
class Comparison:
    year: int
    previous: int | None
    links: list[EvidenceLink]
    dropped: list[EvidenceLink]  # last year's items that no item of this year carries

    @property
    def missing(self) -> list[EvidenceLink]:
        return [link for link in self.links if link.missing]

    @property
    def complete(self) -> int:
        return sum(1 for link in self.links if link.completeness is not None and link.completeness.complete)

    @property
    def checked(self) -> int:
        return sum(1 for link in self.links if link.completeness is not None)


def compare(year: int, locale: str) -> Comparison:
    """This year's items beside the previous catalogue year's, matched by topic (side by side)."""
    checked: dict[tuple[str, int], Completeness] = {}
    links = evidence_links(year, locale, checked)
    earlier_years = [y for y in catalogue_years() if y < year]
    if not earlier_years:
        return Comparison(year, None, links, [])
    previous = earlier_years[0]
    before = evidence_links(previous, locale, checked)
    carried: set[int] = set()
    for link in links:
        topics = set(link.item.topic_list)
        link.earlier = [b for b in before if topics & set(b.item.topic_list)]
        carried.update(b.item.id for b in link.earlier)
        link.change = _change(link)
    dropped = [b for b in before if b.item.id not in carried]
    return Comparison(year, previous, links, dropped)


def _change(link: EvidenceLink) -> str:
    if not link.earlier:
        return NEW
    if any(b.item.key == link.item.key for b in link.earlier):
        return SAME
    # A sub-item matched together with its parent is the same source, not a second one.
    keys = {b.item.key for b in link.earlier}
    roots = [b for b in link.earlier if b.item.parent_key not in keys]
    return MERGED if len(roots) > 1 else RENUMBERED
