"""The kiosk's typed configuration: one TOML file, overridable by ``KIOSK_*`` environment variables.

Every field carries its unit in its name and a description, so the file documents itself and the
maintenance settings screen can be generated from it. A bad value stops the start with a message
naming the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from kiosk.staff.settings import AuditSettings, StaffSettings

APP_NAME = "courtkiosk"
CONFIG_FILE_NAME = "kiosk.toml"
ENV_PREFIX = "KIOSK_"
SIMULATED_DRIVER = "simulated"

Language = Literal["zh_CN", "en", "ko"]
#: The device roles a kiosk may have.
DEVICE_ROLES = ("id_reader", "scanner", "camera", "receipt_printer", "a4_printer", "speech", "headphones")
#: Marks a field the maintenance settings screen lets an administrator change.
STAFF_EDITABLE = {"staff_editable": True}
#: Device roles the kiosk cannot serve without unless a court's configuration says otherwise.
REQUIRED_BY_DEFAULT = frozenset({"receipt_printer"})


class ConfigError(ValueError):
    """The configuration cannot be used; the message names the offending field."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DisplaySettings(_Section):
    """The panel the kiosk draws on; sizes in millimetres are converted with it."""

    panel_diagonal_in: float = Field(21.5, gt=5, lt=100, description="visible diagonal of the panel, inches")
    width_px: int = Field(1080, ge=320, description="panel width in pixels (portrait: the short side)")
    height_px: int = Field(1920, ge=320, description="panel height in pixels")
    fullscreen: bool = Field(False, description="borderless fullscreen kiosk window")
    antialiasing_samples: int = Field(
        0, ge=0, le=16,
        description="samples per pixel smoothing shape edges; 0 for software rendering, where they slow every frame")


class TimeoutSettings(_Section):
    """Inactivity limits: every visitor state warns, then wipes the visit."""

    idle_timeout_s: float = Field(90, gt=5, description="seconds without a touch before the warning",
                                  json_schema_extra=STAFF_EDITABLE)
    idle_warning_s: float = Field(20, ge=20, description="countdown shown and spoken before the wipe",
                                  json_schema_extra=STAFF_EDITABLE)
    max_idle_extensions: int = Field(10, ge=10, description="times a visitor may ask for more time")
    assisted_factor: float = Field(2.0, ge=1, description="limits are multiplied by this in voice or large-text mode",
                                   json_schema_extra=STAFF_EDITABLE)
    state_idle_timeout_s: dict[str, float] = Field(
        default_factory=dict, description="per-state idle limits overriding idle_timeout_s, seconds"
    )


class DeviceSettings(_Section):
    """One device role: which driver, whether the kiosk can serve without it, and driver options."""

    driver: str = Field(SIMULATED_DRIVER, description="driver name from the registry")
    required: bool | None = Field(None, description="when not working, the kiosk goes out of service; unset = the role's default")
    options: dict[str, Any] = Field(default_factory=dict, description="keyword options of the driver")


class DevicesSettings(_Section):
    """Device roles; receipt and A4 printing may be two printers."""

    id_reader: DeviceSettings = DeviceSettings()
    scanner: DeviceSettings = DeviceSettings()
    camera: DeviceSettings = DeviceSettings()
    receipt_printer: DeviceSettings = DeviceSettings()
    a4_printer: DeviceSettings = DeviceSettings()
    speech: DeviceSettings = DeviceSettings()
    headphones: DeviceSettings = DeviceSettings()
    health_poll_interval_s: float = Field(5, gt=0, description="how often device health is polled",
                                          json_schema_extra=STAFF_EDITABLE)

    @model_validator(mode="after")
    def _role_defaults(self) -> DevicesSettings:
        # A kiosk without receipts cannot give a visitor proof of anything: required unless said otherwise.
        for role in DEVICE_ROLES:
            device: DeviceSettings = getattr(self, role)
            if device.required is None:
                device.required = role in REQUIRED_BY_DEFAULT
        return self


class CourtSettings(_Section):
    """Which court system the kiosk talks to."""

    gateway: Literal["demo", "http"] = Field("demo", description="embedded demo court or the court's HTTP API")
    base_url: str = Field("", description="court API base URL (gateway = http)")
    token: str = Field("", description="kiosk bearer token for the court API", json_schema_extra={"secret": True})
    ca_bundle: str = Field("", description="CA bundle file for TLS verification; empty = system store")
    connect_timeout_s: float = Field(3.05, gt=0, description="TCP connect timeout")
    read_timeout_s: float = Field(10, gt=0, description="read timeout of one court call")
    this_court_code: str = Field("", description="court code of the court hosting the kiosk; empty = demo default")
    outbox_key: str = Field(
        "", description="AES-256 key of the outbox (urlsafe base64); empty = OS keyring, or a key file outside production",
        json_schema_extra={"secret": True},
    )
    heartbeat_interval_s: float = Field(300, gt=0, description="how often the kiosk reports its health to the court")

    @model_validator(mode="after")
    def _http_needs_url(self) -> CourtSettings:
        if self.gateway == "http" and not self.base_url:
            raise ValueError("base_url is required when gateway = 'http'")
        return self


class LanguageSettings(_Section):
    """Display and speech languages; zh_CN is the source language."""

    default: Language = Field("zh_CN", description="language every visit starts in")
    available: list[Language] = Field(["zh_CN", "en", "ko"], min_length=1, description="languages offered")


class Settings(BaseSettings):
    """Everything a court configures on one kiosk."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_nested_delimiter="__", extra="forbid", validate_default=True
    )

    production: bool = Field(False, description="a production kiosk refuses simulated devices")
    kiosk_id: str = Field("kiosk-dev", min_length=1, description="this terminal's name at the court")
    data_dir: Path | None = Field(None, description="where the kiosk keeps its databases; default: platform data dir")
    display: DisplaySettings = DisplaySettings()
    timeouts: TimeoutSettings = TimeoutSettings()
    devices: DevicesSettings = DevicesSettings()
    court: CourtSettings = CourtSettings()
    languages: LanguageSettings = LanguageSettings()
    staff: StaffSettings = StaffSettings()
    audit: AuditSettings = AuditSettings()
    _config_file: Path | None = PrivateAttr(None)

    @model_validator(mode="after")
    def _production_refuses_simulation(self) -> Settings:
        if self.production:
            simulated = [role for role, dev in self.device_roles().items() if dev.driver == SIMULATED_DRIVER]
            if simulated:
                raise ValueError(f"simulated devices are not allowed in production: {', '.join(simulated)}")
        if self.languages.default not in self.languages.available:
            raise ValueError("languages.default must be one of languages.available")
        return self

    @property
    def config_file(self) -> Path:
        """The TOML file these settings came from, where the maintenance screen writes staff edits."""
        return self._config_file or default_config_path()

    def device_roles(self) -> dict[str, DeviceSettings]:
        """Role name → its device settings."""
        return {name: getattr(self.devices, name) for name in DEVICE_ROLES}

    def resolved_data_dir(self) -> Path:
        """The data directory, created on first use."""
        path = self.data_dir or Path(platformdirs.user_data_dir(APP_NAME))
        path.mkdir(parents=True, exist_ok=True)
        return path

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Environment beats the file; the file path arrives through init kwargs (see load_settings).
        return env_settings, init_settings


def default_config_path() -> Path:
    """The platform's configuration file location (``~/.config/courtkiosk/kiosk.toml`` on Linux)."""
    return Path(platformdirs.user_config_dir(APP_NAME)) / CONFIG_FILE_NAME


def load_settings(path: Path | None = None) -> Settings:
    """Read the TOML file (``path``, else the platform default if it exists) and ``KIOSK_*`` overrides.

    Raises :class:`ConfigError` naming each bad field.
    """
    file = path if path is not None else default_config_path()
    if path is not None and not file.is_file():
        raise ConfigError(f"configuration file not found: {file}")
    file_values: dict[str, Any] = {}
    if file.is_file():
        try:
            file_values = TomlConfigSettingsSource(Settings, toml_file=file)()
        except ValueError as exc:  # tomllib.TOMLDecodeError is a ValueError
            raise ConfigError(f"{file}: not valid TOML: {exc}") from exc
    try:
        settings = Settings(**file_values)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'settings'}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"invalid configuration ({file}): {problems}") from exc
    settings._config_file = file  # noqa: SLF001 - set once, by the only reader of files
    return settings
