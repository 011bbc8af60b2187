"""Fee rules of 《诉讼费用交纳办法》, checked against the regulation's own quick formulas (速算)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.fees import KINDS, PROCEDURES, choose_in_range, estimate

D = Decimal


def property_fee_by_quick_formula(amount: Decimal) -> Decimal:
    """Art. 13(1) restated as the usual quick formulas, an oracle independent of the bracket walk."""
    table = (
        (D(10_000), D(0), D(50)),
        (D(100_000), D("0.025"), D(-200)),
        (D(200_000), D("0.02"), D(300)),
        (D(500_000), D("0.015"), D(1300)),
        (D(1_000_000), D("0.01"), D(3800)),
        (D(2_000_000), D("0.009"), D(4800)),
        (D(5_000_000), D("0.008"), D(6800)),
        (D(10_000_000), D("0.007"), D(11800)),
        (D(20_000_000), D("0.006"), D(21800)),
    )
    for upper, rate, constant in table:
        if amount <= upper:
            return amount * rate + constant
    return amount * D("0.005") + D(41800)


def lowest_figure(kind: str, amount: Decimal) -> Decimal:
    """The fee, or the bottom of the range for kinds whose per-case figure is set by the province."""
    result = estimate(kind, amount)
    if result.fee is not None:
        return result.fee
    assert result.range is not None
    return result.range[0]


def fen(value: Decimal) -> Decimal:
    return value.quantize(D("0.01"), rounding="ROUND_HALF_UP")


PROPERTY_THRESHOLDS = [
    10_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 20_000_000
]


class TestPropertyCases:
    @pytest.mark.parametrize(
        ("amount", "fee"),
        [
            (0, "50.00"),
            (1, "50.00"),
            (10_000, "50.00"),
            (100_000, "2300.00"),
            (200_000, "4300.00"),
            (500_000, "8800.00"),
            (1_000_000, "13800.00"),
            (2_000_000, "22800.00"),
            (5_000_000, "46800.00"),
            (10_000_000, "81800.00"),
            (20_000_000, "141800.00"),
            (30_000_000, "191800.00"),
        ],
    )
    def test_cumulative_fee_at_each_bracket_top(self, amount: int, fee: str) -> None:
        assert estimate("property", amount).fee == D(fee)

    @pytest.mark.parametrize("threshold", PROPERTY_THRESHOLDS)
    @pytest.mark.parametrize("offset", ["-0.01", "0", "0.01", "-1", "1"])
    def test_just_below_at_and_above_each_threshold_match_the_quick_formula(
        self, threshold: int, offset: str
    ) -> None:
        amount = D(threshold) + D(offset)
        assert estimate("property", amount).fee == fen(property_fee_by_quick_formula(amount))

    def test_one_fen_above_ten_thousand_adds_a_fraction_of_a_fen_that_rounds_away(self) -> None:
        assert estimate("property", "10000.01").fee == D("50.00")
        assert estimate("property", "10000.20").fee == D("50.01")

    def test_judgment_figure_is_reproduced_to_the_fen(self) -> None:
        assert estimate("property", 893_490).fee == D("12734.90")
        assert estimate("property", 893_490, "simple").fee == D("6367.45")

    def test_rounding_is_half_up_once_at_the_end(self) -> None:
        # 10,000.24 → 50.006: rounding before halving would give 50.01 / 2 = 25.005 → 25.01.
        assert estimate("property", "10000.24").fee == D("50.01")
        assert estimate("property", "10000.24", "simple").fee == D("25.00")
        assert estimate("property", "10020.20").fee == D("50.51")

    def test_breakdown_lists_each_reached_bracket_and_sums_to_the_fee(self) -> None:
        result = estimate("property", 150_000)
        assert [(line.lower, line.upper, line.rate) for line in result.brackets] == [
            (D(0), D(10_000), None),
            (D(10_000), D(100_000), D("0.025")),
            (D(100_000), D(200_000), D("0.02")),
        ]
        assert [line.charge for line in result.brackets] == [D(50), D(2250), D(1000)]
        assert result.fee == D("3300.00")
        assert result.range is None
        assert result.article == "13(1)"
        assert result.basis == "fees.basis.property"

    @given(st.decimals(min_value=0, max_value=10**10, places=2))
    def test_fee_matches_the_quick_formula_everywhere(self, amount: Decimal) -> None:
        assert estimate("property", amount).fee == fen(property_fee_by_quick_formula(amount))

    @given(
        st.sampled_from(
            ["property", "divorce", "personality_rights", "enforcement", "preservation", "payment_order", "bankruptcy"]
        ),
        st.decimals(min_value=0, max_value=10**9, places=2),
        st.decimals(min_value=0, max_value=10**9, places=2),
    )
    def test_no_amount_based_fee_falls_when_the_amount_rises(self, kind: str, a: Decimal, b: Decimal) -> None:
        low, high = sorted((a, b))
        assert lowest_figure(kind, low) <= lowest_figure(kind, high)

    def test_ip_case_with_an_amount_uses_the_property_scale(self) -> None:
        assert estimate("ip_with_amount", 300_000).fee == estimate("property", 300_000).fee == D("5800.00")


class TestProcedures:
    @pytest.mark.parametrize(
        ("procedure", "fee"),
        [
            ("ordinary", "2300.00"),
            ("simple", "1150.00"),
            ("mediation", "1150.00"),
            ("withdrawal", "1150.00"),
            ("appeal", "2300.00"),
            ("counterclaim", "1150.00"),
            ("simple+mediation", "1150.00"),
            ("n/a", "2300.00"),
        ],
    )
    def test_each_procedure_on_a_property_case(self, procedure: str, fee: str) -> None:
        assert estimate("property", 100_000, procedure).fee == D(fee)

    def test_simple_plus_mediation_halves_once_by_default_and_twice_when_configured(self) -> None:
        assert estimate("property", 5_000, "simple+mediation").fee == D("25.00")
        assert estimate("property", 5_000, "simple+mediation", stack_halvings=True).fee == D("12.50")
        assert estimate("property", 5_000, "simple+mediation", stack_halvings=True).factor == D("0.25")

    def test_stacking_switch_leaves_single_reductions_alone(self) -> None:
        assert estimate("property", 5_000, "simple", stack_halvings=True).fee == D("25.00")

    def test_appeal_is_charged_on_the_amount_appealed(self) -> None:
        assert estimate("property", 200_000, "appeal").fee == D("4300.00")

    def test_labour_fee_is_halved_in_simple_procedure(self) -> None:
        assert estimate("labor", None, "simple").fee == D("5.00")

    @pytest.mark.parametrize("procedure", ["simple", "mediation", "withdrawal", "appeal", "counterclaim"])
    @pytest.mark.parametrize("kind", ["enforcement", "preservation", "payment_order", "bankruptcy"])
    def test_application_fees_refuse_acceptance_fee_reductions(self, kind: str, procedure: str) -> None:
        with pytest.raises(ValueError, match="application fee"):
            estimate(kind, 100_000, procedure)

    @pytest.mark.parametrize("kind", ["public_notice", "arbitration_review", "enforcement_no_amount"])
    def test_application_fees_accept_ordinary_and_not_applicable_alike(self, kind: str) -> None:
        ordinary, not_applicable = estimate(kind, None, "ordinary"), estimate(kind, None, "n/a")
        assert (ordinary.fee, ordinary.range) == (not_applicable.fee, not_applicable.range)

    def test_appeal_against_a_jurisdiction_ruling_is_free(self) -> None:
        result = estimate("jurisdiction_objection_rejected", None, "appeal")
        assert result.fee == D(0)
        assert result.range is None
        assert result.article == "8(2)"


class TestNonPropertyCases:
    @pytest.mark.parametrize(
        ("kind", "low", "high"),
        [
            ("divorce", 50, 300),
            ("personality_rights", 100, 500),
            ("other_non_property", 50, 100),
            ("ip_no_amount", 500, 1000),
            ("jurisdiction_objection_rejected", 50, 100),
            ("enforcement_no_amount", 50, 500),
        ],
    )
    def test_range_kinds_give_the_statutory_range_and_no_figure(self, kind: str, low: int, high: int) -> None:
        result = estimate(kind, None)
        assert result.fee is None
        assert result.range == (D(low), D(high))

    def test_range_is_halved_by_a_reduction(self) -> None:
        assert estimate("divorce", 0, "simple").range == (D(25), D(150))

    def test_configured_figure_fixes_the_fee_within_the_range(self) -> None:
        result = estimate("divorce", None, configured=200)
        assert result.fee == D(200)
        assert result.range == (D(50), D(300))

    def test_configured_figure_is_ignored_by_fixed_fee_kinds(self) -> None:
        assert estimate("labor", None, configured=30).fee == D(10)

    def test_configured_figure_outside_the_range_is_clamped(self) -> None:
        assert estimate("other_non_property", None, configured=500).fee == D(100)
        assert estimate("other_non_property", None, configured=10).fee == D(50)

    @pytest.mark.parametrize(
        ("property_divided", "extra"),
        [
            (0, "0"),
            ("199999.99", "0"),
            (200_000, "0"),
            ("200000.01", "0.00005"),
            ("200200", "1"),
            (300_000, "500"),
            (1_200_000, "5000"),
        ],
    )
    def test_divorce_property_above_two_hundred_thousand_adds_half_a_percent(
        self, property_divided: int | str, extra: str
    ) -> None:
        result = estimate("divorce", property_divided)
        assert result.range == (fen(D(50) + D(extra)), fen(D(300) + D(extra)))

    def test_divorce_property_part_with_a_configured_base_and_a_reduction(self) -> None:
        assert estimate("divorce", 300_000, "mediation", configured=200).fee == D("350.00")

    @pytest.mark.parametrize(
        ("damages", "extra"),
        [
            (0, "0"),
            (50_000, "0"),
            (50_001, "0.01"),
            (100_000, "500"),
            (100_001, "500.005"),
            (150_000, "750"),
        ],
    )
    def test_personality_rights_damages_charged_above_fifty_thousand(self, damages: int, extra: str) -> None:
        result = estimate("personality_rights", damages)
        assert result.range == (fen(D(100) + D(extra)), fen(D(500) + D(extra)))

    @pytest.mark.parametrize(
        ("kind", "fee"),
        [
            ("labor", "10"),
            ("admin_trademark_patent_maritime", "100"),
            ("admin_other", "50"),
            ("public_notice", "100"),
            ("arbitration_review", "400"),
            ("special_procedure", "0"),
            ("admin_compensation", "0"),
        ],
    )
    def test_fixed_fees(self, kind: str, fee: str) -> None:
        result = estimate(kind, None)
        assert result.fee == D(fee)
        assert result.range is None

    def test_fixed_fee_kinds_ignore_the_amount(self) -> None:
        assert estimate("labor", 80_000).fee == D(10)

    @pytest.mark.parametrize("procedure", PROCEDURES)
    def test_no_fee_kinds_are_free_under_every_procedure(self, procedure: str) -> None:
        assert estimate("special_procedure", None, procedure).fee == D(0)
        assert estimate("admin_compensation", None, procedure).fee == D(0)


class TestApplicationFees:
    @pytest.mark.parametrize(
        ("amount", "fee"),
        [
            (0, "50"),
            (10_000, "50"),
            (10_001, "50.02"),
            (500_000, "7400"),
            (500_001, "7400.01"),
            (5_000_000, "52400"),
            (10_000_000, "77400"),
            (20_000_000, "87400"),
        ],
    )
    def test_enforcement_brackets(self, amount: int, fee: str) -> None:
        result = estimate("enforcement", amount)
        assert result.fee == D(fee)
        assert result.payable_in_advance is False

    @pytest.mark.parametrize(
        ("amount", "fee", "capped"),
        [
            (None, "30", False),
            (0, "30", False),
            (1_000, "30", False),
            (1_001, "30.01", False),
            (100_000, "1020", False),
            (100_001, "1020.01", False),
            (895_998, "4999.99", False),
            (895_999, "5000", False),
            (896_000, "5000", False),
            (896_001, "5000", True),
            (50_000_000, "5000", True),
        ],
    )
    def test_preservation_is_capped_at_five_thousand(self, amount: int | None, fee: str, capped: bool) -> None:
        result = estimate("preservation", amount)
        assert result.fee == D(fee)
        assert result.capped is capped

    @pytest.mark.parametrize(("amount", "fee"), [(10_000, "16.67"), (100_000, "766.67"), (1_000_000, "4600")])
    def test_payment_order_is_a_third_of_the_property_fee(self, amount: int, fee: str) -> None:
        assert estimate("payment_order", amount).fee == D(fee)

    def test_payment_order_third_is_rounded_after_dividing(self) -> None:
        # 10,001.40 → 50.035, a third of which is exactly 16.678333…
        assert estimate("payment_order", "10001.40").fee == D("16.68")

    @pytest.mark.parametrize(
        ("amount", "fee", "capped"),
        [(1_000_000, "6900", False), (111_640_000, "300000", False), (111_640_001, "300000", True)],
    )
    def test_bankruptcy_is_half_the_property_fee_capped_at_three_hundred_thousand(
        self, amount: int, fee: str, capped: bool
    ) -> None:
        result = estimate("bankruptcy", amount)
        assert result.fee == D(fee)
        assert result.capped is capped
        assert result.payable_in_advance is False

    @given(st.decimals(min_value=0, max_value=10**9, places=2))
    def test_preservation_never_exceeds_the_cap(self, amount: Decimal) -> None:
        fee = estimate("preservation", amount).fee
        assert fee is not None and D(30) <= fee <= D(5000)


class TestInputs:
    @pytest.mark.parametrize("amount", [D("100000"), 100_000, "100000", "100,000.00", "¥100,000", 100000.0])
    def test_amount_accepts_decimal_int_str_and_float(self, amount: object) -> None:
        assert estimate("property", amount).fee == D("2300.00")  # type: ignore[arg-type]

    def test_float_goes_through_its_shortest_text_form(self) -> None:
        assert estimate("property", 10_000.1).brackets[1].charge == D("0.0025")

    @pytest.mark.parametrize("amount", [-1, "-0.01", D("-5")])
    def test_negative_amount_is_refused(self, amount: object) -> None:
        with pytest.raises(ValueError, match="negative"):
            estimate("property", amount)  # type: ignore[arg-type]

    @pytest.mark.parametrize("amount", ["abc", "", "NaN", "Infinity", True, [1]])
    def test_non_numbers_are_refused(self, amount: object) -> None:
        with pytest.raises(ValueError):
            estimate("property", amount)  # type: ignore[arg-type]

    @pytest.mark.parametrize("kind", ["property", "ip_with_amount", "enforcement", "payment_order", "bankruptcy"])
    def test_amount_kinds_require_an_amount(self, kind: str) -> None:
        with pytest.raises(ValueError, match="amount_yuan is required"):
            estimate(kind, None)

    def test_unknown_kind_is_refused_with_the_known_kinds(self) -> None:
        with pytest.raises(ValueError, match="unknown fee kind 'tax'.*property"):
            estimate("tax", 1)

    def test_unknown_procedure_is_refused(self) -> None:
        with pytest.raises(ValueError, match="unknown procedure 'summary'"):
            estimate("property", 1, "summary")

    @pytest.mark.parametrize("kind", KINDS)
    def test_every_kind_is_estimated(self, kind: str) -> None:
        result = estimate(kind, 1_000)
        assert (result.fee is None) != (result.range is None)


class TestChooseInRange:
    @pytest.mark.parametrize(
        ("configured", "chosen"), [(200, "200"), (50, "50"), (300, "300"), (20, "50"), ("400", "300")]
    )
    def test_configured_figure_is_clamped_into_the_range(self, configured: object, chosen: str) -> None:
        assert choose_in_range((D(50), D(300)), configured) == D(chosen)  # type: ignore[arg-type]

    def test_reversed_bounds_are_refused(self) -> None:
        with pytest.raises(ValueError, match="reversed"):
            choose_in_range((D(300), D(50)), 100)
