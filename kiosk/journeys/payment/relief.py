"""Applying for deferral, reduction or waiver of fees (缓减免) with proof from the document camera.

The proof pages are judged as they are captured (a blank or blurred page is refused with what to do),
bound into one PDF in the visit's directory, and sent inside the application through the durable
outbox: the visitor's reference is valid as soon as the outbox holds it, whatever the network does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, get_args

from drivers.base import DeviceError
from drivers.camera.rejections import BLANK, BLURRED, NO_PAGE_FOUND
from kiosk.court import contract as c
from kiosk.court.contract.filings import FeeRelief
from kiosk.court.outbox import Queued
from kiosk.journeys.base import JourneyEffects

if TYPE_CHECKING:
    import numpy as np

REASON_FIELD = "payment.relief_reason"
CAMERA_ROLE = "camera"
RELIEF_KINDS: tuple[str, ...] = tuple(kind for kind in get_args(FeeRelief) if kind != "none")
#: Pages of proof one application carries (the court's limit on its size is far above this).
MAX_PROOF_PAGES = 10
MAX_REASON_CHARS = 2000
CAMERA_UNAVAILABLE = "payment.error.camera_unavailable"
#: What the visitor is told when a capture is not a usable page.
CAPTURE_PROBLEMS = {NO_PAGE_FOUND: "payment.error.capture_no_page", BLANK: "payment.error.capture_blank",
                    BLURRED: "payment.error.capture_blurred"}


class ReliefEffects(JourneyEffects):
    """Guards and entry actions of the fee-relief steps (mixed into the payment journey's listener)."""

    # --- guards -----------------------------------------------------------------------------------

    def payment_applicant_known(self) -> bool:
        """The visitor's ID card was read in this journey: they are the applicant."""
        return "applicant" in self.data

    def payment_relief_chosen(self, kind: str = "") -> bool:
        """Deferral, reduction or waiver was touched."""
        if kind not in RELIEF_KINDS:
            return False
        self.data["relief_kind"] = kind
        return True

    def payment_reason_ok(self) -> bool:
        """The reason is given (the court needs one) and of a length it accepts."""
        reason = self.field_value(REASON_FIELD)
        if not reason:
            return self.refuse(REASON_FIELD, "payment.error.reason_empty")
        if len(reason) > MAX_REASON_CHARS:
            return self.refuse(REASON_FIELD, "payment.error.reason_long")
        return self.accept(REASON_FIELD)

    def payment_room_for_page(self) -> bool:
        return len(self.data.get("pages", [])) < MAX_PROOF_PAGES

    def payment_page_removed(self) -> bool:
        """The last page is taken out (a visitor who put the wrong sheet down)."""
        pages: list[Any] = self.data.get("pages", [])
        if not pages:
            return False
        pages.pop()
        return True

    def payment_has_proof(self) -> bool:
        return bool(self.data.get("pages"))

    def payment_resumes_relief(self) -> bool:
        return self.data.get("resume") == "payment_relief_sending"

    # --- entry actions ------------------------------------------------------------------------

    def on_enter_payment_relief_card(self) -> None:
        self.data["card_for"] = "applicant"

    def on_enter_payment_capturing(self) -> None:
        """Take a picture of the page under the camera and keep it if it is a usable page."""
        self.data.pop("capture_error", None)
        camera = self.host.devices.driver(CAMERA_ROLE)

        def work() -> np.ndarray:
            from drivers.camera.pages import process_capture  # noqa: PLC0415 - OpenCV only when a page is captured

            if camera is None:
                raise DeviceError(CAMERA_UNAVAILABLE)
            try:
                return process_capture(camera.capture()).image  # type: ignore[attr-defined]
            except DeviceError as error:
                raise DeviceError(CAPTURE_PROBLEMS.get(error.message_key, CAMERA_UNAVAILABLE), error.detail) from error

        def keep(image: np.ndarray) -> None:
            self.data.setdefault("pages", []).append(image)

        self.host.run_task("payment.capture", work, "captured", "capture_failed", keep)

    def on_capture_failed(self) -> None:
        """Why the page was refused is shown beside the pages taken so far."""
        self.data["capture_error"] = self.data.pop("problem", "court.error.unknown")

    def on_enter_payment_relief_sending(self) -> None:
        """Bind the pages, build the application and commit it to the outbox."""
        self.data["resume"] = "payment_relief_sending"
        applicant = self.data["applicant"]
        pages = list(self.data["pages"])
        temp_dir = self.host.visit.temp_dir
        outbox = self.host.services.outbox
        fields = {"kind": self.data["relief_kind"], "case_number": self.data["case_number"],
                  "applicant_name": applicant["name"], "applicant_id_number": applicant["id_number"],
                  "reason": self.field_value(REASON_FIELD)}
        kiosk_id = self.host.settings.kiosk_id

        def work() -> Queued:
            from kiosk.documents.scan_pdf import assemble_pdf  # noqa: PLC0415 - numpy, PIL and reportlab only to send

            proof = assemble_pdf(pages, temp_dir, name="fee-relief-proof.pdf", title="缓减免证明材料")
            application = c.FeeReliefApplication.new(kiosk_id, proof_pages=[proof.path.read_bytes()], **fields)
            return outbox.submit(application)

        def done(queued: Queued) -> None:
            self.data["relief_reference"] = queued.reference
            self.data["relief_pages"] = len(self.data.pop("pages", []))

        self.host.run_task("payment.relief", work, "relief_sent", "failed", done)
