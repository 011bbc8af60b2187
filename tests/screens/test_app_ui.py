"""The real Kivy app under Xvfb, driven by simulated touches."""

from __future__ import annotations

import pytest

from kiosk.resting_collector import BACKSTOP, REST_AFTER_S
from tests.screens.conftest import RunScript

pytestmark = pytest.mark.ui


def test_the_first_frame_is_drawn_without_the_libraries_of_later_screens(run_in_app: RunScript) -> None:
    results = run_in_app("libraries_at_first_frame")
    assert results["at_first_frame"] == []
    assert results["test_page_printed"] is True
    assert results["reportlab_after_test_page"] is True


def test_the_pinyin_lexicon_is_loaded_in_the_background_after_the_first_frame(run_in_app: RunScript) -> None:
    results = run_in_app("warmed_up_after_start")
    assert results["loaded_at_first_frame"] is False
    assert results["loaded_after_warm_up"] is True


def test_a_full_garbage_collection_waits_until_the_screen_has_rested(run_in_app: RunScript) -> None:
    results = run_in_app("collects_at_rest")
    assert results["oldest_threshold"] == BACKSTOP
    assert results["screen"] == "home"
    assert results["rested_s"] >= REST_AFTER_S - 0.5  # the rest began at home's render, a frame or two before the clock started


def test_the_window_draws_without_multisampling_unless_the_display_settings_ask(run_in_app: RunScript) -> None:
    """Kivy's default of 2 samples doubled the swap of every frame under llvmpipe; a GPU kiosk may ask for 4."""
    assert run_in_app("framebuffer_samples")["samples"] == 0
    assert run_in_app("framebuffer_samples", KIOSK_DISPLAY__ANTIALIASING_SAMPLES="4")["samples"] == 4


def test_touching_case_lookup_changes_the_machine_state_and_the_visible_screen(run_in_app: RunScript) -> None:
    results = run_in_app("touch_case_lookup")
    assert results["before"] == {"state": "home", "screen": "home"}
    assert results["after"] == {"state": "lookup_menu", "screen": "lookup_menu"}


def test_the_inactivity_warning_is_shown_extended_by_a_touch_and_then_the_visit_is_wiped(run_in_app: RunScript) -> None:
    results = run_in_app("inactivity_warning_then_wipe", KIOSK_TIMEOUTS__IDLE_TIMEOUT_S="6", KIOSK_TIMEOUTS__IDLE_WARNING_S="20")
    assert results["warning_shown_on"] == "lookup_menu"
    assert results["extended"] == 1
    assert results["after_timeout"] == {"screen": "attract", "journeys": {}}


def test_a_case_number_typed_on_the_pad_finds_the_case(run_in_app: RunScript) -> None:
    results = run_in_app("type_a_case_number")
    assert results["typed"] == "（2026）京0191民初1024号"
    assert results["case"] == "（2026）京0191民初1024号"


def test_a_lookup_can_be_done_with_the_keypad_alone_and_every_prompt_is_spoken_in_order(run_in_app: RunScript) -> None:
    """No touch: headphones start voice mode, arrows and Enter reach every control, the ID card identifies."""
    from kiosk.i18n import Translator

    results = run_in_app("keypad_only_lookup")
    spoken = "\n".join(results["spoken"])
    tr = Translator()
    prompts = ["title.home", "title.lookup", "lookup.title.card", "lookup.title.cases", "lookup.title.case",
               "lookup.title.documents", "title.printing", "title.rating"]
    position = 0
    for key in prompts:  # each prompt is spoken after the one before
        found = spoken.find(tr.text(key, "zh_CN"), position)
        assert found >= 0, f"{key} not spoken after position {position}"
        position = found
    assert results["routes"] == ["headphones"]
    assert results["printed"] == 1
