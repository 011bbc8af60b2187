"""The simulated document camera: every scenario through the real page pipeline."""

from __future__ import annotations

import numpy as np
import pytest

from drivers.base import DeviceError, DeviceEvent, DeviceKind, Health, StatusChanged
from drivers.camera.opencv_camera import ABSENT, SELF_TEST_PASSED
from drivers.camera.pages import BLANK, BLURRED, NO_PAGE_FOUND, CaptureRejected, process_capture
from drivers.camera.simulated import SimulatedDocumentCamera
from drivers.registry import driver_class


def test_registered_and_simulated() -> None:
    assert driver_class(DeviceKind.CAMERA, "simulated") is SimulatedDocumentCamera
    assert SimulatedDocumentCamera().simulated


def test_document_scenario_gives_a_usable_page() -> None:
    camera = SimulatedDocumentCamera(scenario="document", seed=3)
    frame = camera.capture()
    assert frame.shape == (960, 1280, 3)
    assert process_capture(frame).image.ndim == 2
    assert camera.last_corners is not None and camera.last_corners.shape == (4, 2)


@pytest.mark.parametrize(("scenario", "reason"), [("blank", BLANK), ("blurred", BLURRED), ("no_page", NO_PAGE_FOUND)])
def test_unusable_scenarios_are_refused(scenario: str, reason: str) -> None:
    with pytest.raises(CaptureRejected) as refused:
        process_capture(SimulatedDocumentCamera(scenario=scenario, seed=4).capture())
    assert refused.value.message_key == reason


def test_multi_page_turns_pages() -> None:
    camera = SimulatedDocumentCamera(scenario="multi_page", seed=5)
    first, second = camera.capture(), camera.capture()
    assert not np.array_equal(first, second)
    assert process_capture(first).image.shape == process_capture(second).image.shape


def test_unplugged_is_absent_and_recovers() -> None:
    camera = SimulatedDocumentCamera(scenario="unplugged")
    events: list[DeviceEvent] = []
    camera.open(events.append)
    assert camera.status().health == Health.ABSENT
    assert not camera.self_test().passed
    with pytest.raises(DeviceError) as error:
        camera.capture()
    assert error.value.message_key == ABSENT
    camera.set_scenario("document")
    assert camera.status().health == Health.OK
    assert camera.self_test().message_key == SELF_TEST_PASSED
    assert [e.status.health for e in events if isinstance(e, StatusChanged)] == [Health.ABSENT, Health.OK]


def test_unknown_scenario_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown camera scenario"):
        SimulatedDocumentCamera(scenario="on_fire")
