"""court-sim's own rules: the kiosk credential, the contract version, the body digest, the fleet view."""

from __future__ import annotations

import pytest
import requests

from kiosk.court import contract as c
from kiosk.court import errors
from kiosk.court.errors import CourtRejected, CourtUnavailable
from kiosk.court.heartbeat import HeartbeatReporter
from kiosk.court.http_client import HttpCourtGateway, HttpOptions
from tests.kiosk.court.courtsim import CourtSim


def test_a_wrong_token_is_refused(court_sim: CourtSim) -> None:
    with pytest.raises(CourtRejected) as failure:
        HttpCourtGateway(court_sim.url, HttpOptions(token="wrong", retries=0)).info()
    assert failure.value.message_key == errors.UNAUTHORIZED


def test_another_major_contract_version_is_refused(court_sim: CourtSim) -> None:
    response = requests.get(f"{court_sim.url}/v1/info", timeout=5, headers={
        "Authorization": f"Bearer {court_sim.token}", "X-Court-Contract": "2.0"})
    assert response.status_code == 400
    assert c.CourtError.model_validate_json(response.content).message_key == errors.INCOMPATIBLE_CONTRACT


def test_a_body_that_does_not_match_its_digest_is_refused_as_retryable(court_sim: CourtSim) -> None:
    body = c.PartyLookup(id_number="110105198503122317").model_dump_json().encode()
    response = requests.post(f"{court_sim.url}/v1/cases/by-party", data=body.replace(b"2317", b"2318"), timeout=5,
                             headers={"Authorization": f"Bearer {court_sim.token}", "Content-Type": "application/json",
                                      "Content-Digest": "sha-256=:AAAA:"})
    error = c.CourtError.model_validate_json(response.content)
    assert (response.status_code, error.message_key, error.retryable) == (400, errors.CORRUPT_REQUEST, True)
    assert "Content-Digest" in response.headers


def test_validation_errors_never_echo_the_personal_data_sent(court_sim: CourtSim) -> None:
    response = requests.post(f"{court_sim.url}/v1/cases/by-party", json={"id_number": "张明华1101051985"},
                             headers={"Authorization": f"Bearer {court_sim.token}"}, timeout=5)
    assert response.status_code == 422
    assert "张明华" not in response.text and "1101051985" not in response.text


def test_heartbeats_reach_the_fleet_view(court_sim: CourtSim) -> None:
    gateway = HttpCourtGateway(court_sim.url, HttpOptions(token=court_sim.token))
    reporter = HeartbeatReporter(gateway, "hall-kiosk-7", "0.1.0", lambda: {"printer": "needs_staff"})
    assert reporter.beat()
    fleet = requests.get(f"{court_sim.url}/v1/kiosks", timeout=5,
                         headers={"Authorization": f"Bearer {court_sim.token}"}).json()
    [mine] = [k for k in fleet if k["heartbeat"]["kiosk_id"] == "hall-kiosk-7"]
    assert mine["heartbeat"]["devices"] == {"printer": "needs_staff"}


def test_a_failed_heartbeat_is_reported_not_raised() -> None:
    class Down(HttpCourtGateway):
        def heartbeat(self, beat: c.Heartbeat) -> c.Ack:
            raise CourtUnavailable()

    reporter = HeartbeatReporter(Down("http://127.0.0.1:9"), "k", "0.1.0", dict)
    assert reporter.beat() is False
