"""Frames the app draws without need: each is a full repaint, which software rendering feels."""

from __future__ import annotations

import pytest

from tests.screens.conftest import RunScript

pytestmark = pytest.mark.ui


def test_a_screen_change_leaves_only_the_new_screen_before_the_next_frame(run_in_app: RunScript) -> None:
    """Kivy's NoTransition kept the old screen for one frame: two repaints per change, the first of both screens."""
    results = run_in_app("tests.screens.frame_scripts:screen_change")
    assert results["children"] == ["home"]
    assert results["entered"] == ["home"]
    assert results["transition_active"] is False


def test_a_scroll_view_whose_content_fits_does_not_fade_a_bar_it_does_not_draw(run_in_app: RunScript) -> None:
    results = run_in_app("tests.screens.frame_scripts:bar_fade")
    assert results["bars_drawn"]
    assert not any(results["bars_drawn"])
    assert results["bar_colour_changes"] == 0
