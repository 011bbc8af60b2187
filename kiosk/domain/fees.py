"""Litigation fee estimate under 《诉讼费用交纳办法》 (State Council Decree No. 481, in force 2007-04-01).

Figures come from the text of the regulation: Art. 13 (case acceptance fees), Art. 14 (application fees),
Art. 8 (no fee), Arts. 15–18 (reductions). Everything is computed in ``Decimal`` and rounded half-up to
the fen once, at the end, as judgments state fees.

Readings of points the regulation leaves open:

* ``simple+mediation``: Art. 15 (mediation halves) and Art. 16 (simple procedure halves) both speak of
  "减半交纳" of the same fee. Commentary mostly reads them as one halving; some courts stack them. The
  kiosk halves once unless ``stack_halvings=True`` (a per-court configuration switch).
* ``appeal``: Art. 17 charges a property appeal on the amount appealed, so ``amount_yuan`` is that amount;
  non-property appeals pay the first-instance standard. Appeals against a ruling on a jurisdiction
  objection pay nothing (Art. 8(2)).
* ``counterclaim``: Art. 18 halves the fee of a counterclaim (or a third party's related claim) that is
  tried together with the main case.
* ``n/a`` means no procedural reduction; it is the natural procedure for application fees (Art. 14).
  Application fees accept ``ordinary`` too (the default) and refuse reductions, which only Arts. 15–18
  grant and only to acceptance fees.
* Ranges (Art. 13, last paragraph: provinces fix the figure): ``fee`` is ``None`` and ``range`` holds the
  statutory bounds, including any amount-based part and the procedural reduction, until a configured
  per-case figure is passed as ``configured``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kiosk.domain.money import Amount, round_fen, to_decimal

KINDS: tuple[str, ...] = (
    "property",
    "divorce",
    "personality_rights",
    "ip_with_amount",
    "ip_no_amount",
    "labor",
    "admin_trademark_patent_maritime",
    "admin_other",
    "other_non_property",
    "jurisdiction_objection_rejected",
    "enforcement",
    "enforcement_no_amount",
    "preservation",
    "payment_order",
    "public_notice",
    "arbitration_review",
    "bankruptcy",
    "special_procedure",
    "admin_compensation",
)

PROCEDURES: tuple[str, ...] = (
    "ordinary",
    "simple",
    "mediation",
    "withdrawal",
    "appeal",
    "counterclaim",
    "simple+mediation",
    "n/a",
)

HALF = Decimal("0.5")
ONE = Decimal(1)
ZERO = Decimal(0)


@dataclass(frozen=True)
class Scale:
    """A progressive scale: a flat charge up to ``threshold``, then each part at its own rate (分段累计)."""

    threshold: Decimal
    flat: Decimal
    steps: tuple[tuple[Decimal | None, Decimal], ...]


@dataclass(frozen=True)
class BracketCharge:
    """One line of the bracket breakdown; ``rate`` is ``None`` for the flat first bracket."""

    lower: Decimal
    upper: Decimal | None
    rate: Decimal | None
    charge: Decimal


@dataclass(frozen=True)
class FeeEstimate:
    """The estimate with what a visitor or clerk needs to check it.

    ``fee`` and ``range`` are after the procedural reduction and rounded to the fen. ``brackets`` is the
    scale part before the share (1/3 for a payment order, 1/2 for bankruptcy), the cap and ``factor``.
    ``basis`` is a translation key; ``article`` locates the rule in the regulation, e.g. ``13(1)``.
    """

    kind: str
    procedure: str
    fee: Decimal | None
    range: tuple[Decimal, Decimal] | None
    basis: str
    article: str
    brackets: tuple[BracketCharge, ...]
    factor: Decimal
    capped: bool
    payable_in_advance: bool


def _d(text: str) -> Decimal:
    return Decimal(text)


PROPERTY_SCALE = Scale(
    threshold=_d("10000"),
    flat=_d("50"),
    steps=(
        (_d("100000"), _d("0.025")),
        (_d("200000"), _d("0.02")),
        (_d("500000"), _d("0.015")),
        (_d("1000000"), _d("0.01")),
        (_d("2000000"), _d("0.009")),
        (_d("5000000"), _d("0.008")),
        (_d("10000000"), _d("0.007")),
        (_d("20000000"), _d("0.006")),
        (None, _d("0.005")),
    ),
)
DIVORCE_PROPERTY_SCALE = Scale(threshold=_d("200000"), flat=ZERO, steps=((None, _d("0.005")),))
PERSONALITY_DAMAGES_SCALE = Scale(
    threshold=_d("50000"), flat=ZERO, steps=((_d("100000"), _d("0.01")), (None, _d("0.005")))
)
ENFORCEMENT_SCALE = Scale(
    threshold=_d("10000"),
    flat=_d("50"),
    steps=(
        (_d("500000"), _d("0.015")),
        (_d("5000000"), _d("0.01")),
        (_d("10000000"), _d("0.005")),
        (None, _d("0.001")),
    ),
)
PRESERVATION_SCALE = Scale(
    threshold=_d("1000"), flat=_d("30"), steps=((_d("100000"), _d("0.01")), (None, _d("0.005")))
)


@dataclass(frozen=True)
class _Rule:
    article: str
    fixed: Decimal | None = None
    per_case: tuple[Decimal, Decimal] | None = None
    scale: Scale | None = None
    share: tuple[int, int] = (1, 1)
    cap: Decimal | None = None
    amount_required: bool = False
    application: bool = False
    appeal_free: bool = False
    payable_in_advance: bool = True


_RULES: dict[str, _Rule] = {
    "property": _Rule("13(1)", scale=PROPERTY_SCALE, amount_required=True),
    "divorce": _Rule("13(2)1", per_case=(_d("50"), _d("300")), scale=DIVORCE_PROPERTY_SCALE),
    "personality_rights": _Rule(
        "13(2)2", per_case=(_d("100"), _d("500")), scale=PERSONALITY_DAMAGES_SCALE
    ),
    "ip_with_amount": _Rule("13(3)", scale=PROPERTY_SCALE, amount_required=True),
    "ip_no_amount": _Rule("13(3)", per_case=(_d("500"), _d("1000"))),
    "labor": _Rule("13(4)", fixed=_d("10")),
    "admin_trademark_patent_maritime": _Rule("13(5)1", fixed=_d("100")),
    "admin_other": _Rule("13(5)2", fixed=_d("50")),
    "other_non_property": _Rule("13(2)3", per_case=(_d("50"), _d("100"))),
    "jurisdiction_objection_rejected": _Rule(
        "13(6)", per_case=(_d("50"), _d("100")), appeal_free=True
    ),
    "enforcement": _Rule(
        "14(1)", scale=ENFORCEMENT_SCALE, amount_required=True, application=True, payable_in_advance=False
    ),
    "enforcement_no_amount": _Rule(
        "14(1)", per_case=(_d("50"), _d("500")), application=True, payable_in_advance=False
    ),
    "preservation": _Rule("14(2)", scale=PRESERVATION_SCALE, cap=_d("5000"), application=True),
    "payment_order": _Rule(
        "14(3)", scale=PROPERTY_SCALE, share=(1, 3), amount_required=True, application=True
    ),
    "public_notice": _Rule("14(4)", fixed=_d("100"), application=True),
    "arbitration_review": _Rule("14(5)", fixed=_d("400"), application=True),
    "bankruptcy": _Rule(
        "14(6)",
        scale=PROPERTY_SCALE,
        share=(1, 2),
        cap=_d("300000"),
        amount_required=True,
        application=True,
        payable_in_advance=False,
    ),
    "special_procedure": _Rule("8(1)", fixed=ZERO),
    "admin_compensation": _Rule("8(3)", fixed=ZERO),
}

_REDUCTIONS: dict[str, Decimal] = {
    "ordinary": ONE,
    "n/a": ONE,
    "appeal": ONE,
    "simple": HALF,
    "mediation": HALF,
    "withdrawal": HALF,
    "counterclaim": HALF,
    "simple+mediation": HALF,
}


def estimate(
    kind: str,
    amount_yuan: Amount | None,
    procedure: str = "ordinary",
    *,
    configured: Amount | None = None,
    stack_halvings: bool = False,
) -> FeeEstimate:
    """Estimate the fee for one case or application.

    ``amount_yuan`` is the amount claimed (appealed, to enforce, preserved, of bankruptcy assets, of
    divorce property divided, of personality-rights damages); kinds without an amount ignore it and
    accept ``None``. ``configured`` is the province's per-case figure for range kinds; it is clamped into
    the statutory range, and kinds with a fixed figure ignore it. ``stack_halvings`` quarters
    ``simple+mediation`` instead of halving it.
    Raises ``ValueError`` with the reason for an unknown kind or procedure, a negative or missing
    amount, or a reduction that does not apply to the kind.
    """
    rule = _RULES.get(kind)
    if rule is None:
        raise ValueError(f"unknown fee kind {kind!r}; expected one of {', '.join(KINDS)}")
    if procedure not in _REDUCTIONS:
        raise ValueError(f"unknown procedure {procedure!r}; expected one of {', '.join(PROCEDURES)}")
    if rule.application and procedure not in ("ordinary", "n/a"):
        raise ValueError(
            f"procedure {procedure!r} does not apply to the application fee {kind!r}: "
            "Arts. 15-18 reduce case acceptance fees only"
        )
    amount = _amount(kind, amount_yuan, rule.amount_required)
    factor = _factor(procedure, stack_halvings)
    if procedure == "appeal" and rule.appeal_free:
        return _result(kind, procedure, "8(2)", round_fen(ZERO), None, (), factor, False, rule)
    brackets = apply_scale(rule.scale, amount) if rule.scale else ()
    numerator, denominator = rule.share
    variable = total(brackets) * numerator / denominator
    capped = rule.cap is not None and variable > rule.cap
    if rule.cap is not None:
        variable = min(variable, rule.cap)
    if rule.per_case is None:
        fixed = rule.fixed if rule.fixed is not None else ZERO
        fee = round_fen((fixed + variable) * factor)
        return _result(kind, procedure, rule.article, fee, None, brackets, factor, capped, rule)
    low, high = rule.per_case
    statutory = (round_fen((low + variable) * factor), round_fen((high + variable) * factor))
    figure: Decimal | None = None
    if configured is not None:
        base = choose_in_range((low, high), configured)
        figure = round_fen((base + variable) * factor)
    return _result(kind, procedure, rule.article, figure, statutory, brackets, factor, capped, rule)


def choose_in_range(range: tuple[Decimal, Decimal], configured: Amount) -> Decimal:
    """The configured figure, clamped into the statutory ``range``.

    A province's figure outside the range the regulation allows is a configuration mistake; clamping
    keeps the estimate lawful (the nearer bound) instead of stopping a visitor's filing over it.
    """
    low, high = range
    if low > high:
        raise ValueError(f"range bounds are reversed: {low} > {high}")
    return min(max(to_decimal(configured), low), high)


def apply_scale(scale: Scale, amount: Decimal) -> tuple[BracketCharge, ...]:
    """The bracket breakdown of ``amount`` on ``scale``, each part at its own rate, unrounded."""
    lines = [BracketCharge(ZERO, scale.threshold, None, scale.flat)]
    lower = scale.threshold
    for upper, rate in scale.steps:
        if amount <= lower:
            break
        top = amount if upper is None else min(amount, upper)
        lines.append(BracketCharge(lower, upper, rate, (top - lower) * rate))
        if upper is None:
            break
        lower = upper
    return tuple(lines)


def total(brackets: Sequence[BracketCharge]) -> Decimal:
    """The sum of a breakdown, for display next to it."""
    return sum((line.charge for line in brackets), ZERO)


def _amount(kind: str, amount_yuan: Amount | None, required: bool) -> Decimal:
    if amount_yuan is None:
        if required:
            raise ValueError(f"fee kind {kind!r} is charged on an amount; amount_yuan is required")
        return ZERO
    amount = to_decimal(amount_yuan)
    if amount < 0:
        raise ValueError(f"amount must not be negative, got {amount}")
    return amount


def _factor(procedure: str, stack_halvings: bool) -> Decimal:
    if procedure == "simple+mediation" and stack_halvings:
        return HALF * HALF
    return _REDUCTIONS[procedure]


def _result(
    kind: str,
    procedure: str,
    article: str,
    fee: Decimal | None,
    statutory: tuple[Decimal, Decimal] | None,
    brackets: tuple[BracketCharge, ...],
    factor: Decimal,
    capped: bool,
    rule: _Rule,
) -> FeeEstimate:
    return FeeEstimate(
        kind=kind,
        procedure=procedure,
        fee=fee,
        range=statutory,
        basis=f"fees.basis.{kind}",
        article=article,
        brackets=brackets,
        factor=factor,
        capped=capped,
        payable_in_advance=rule.payable_in_advance,
    )
