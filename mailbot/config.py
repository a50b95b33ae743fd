"""stores.yaml -> frozen, validated configuration.

``load_config`` either returns a :class:`Config` or raises :class:`ConfigError`
whose ``problems`` list *every* problem, each prefixed with its path in the
file (``stores[2].imap.port: must be an integer``). Secrets may be written as
``${ENV_VAR}``; they are substituted before validation, and a missing variable
is a problem like any other.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import ConfigError
from .policy.schema import StorePolicy

_ENV_RE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_HOURS_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _check_email(value: str) -> str:
    if not _EMAIL_RE.match(value):
        raise ValueError(f"not an email address: {value!r}")
    return value.lower()


class ServerConfig(_Frozen):
    host: str
    port: int = Field(gt=0, lt=65536)
    security: Literal["ssl", "starttls", "none"] = "ssl"
    username: str | None = None
    password: str | None = None
    verify: bool = True  # verify the server certificate (ssl/starttls)
    ca_file: Path | None = None  # trust this CA instead of the system store
    timeout: float = Field(default=30.0, gt=0)


FolderMeaning = Literal["resolved", "escalated", "pending", "urgent", "complex"]


_DEFAULT_FOLDERS: dict[str, FolderMeaning] = {"Resolved": "resolved", "Escalated": "escalated"}


class ImapConfig(ServerConfig):
    mailbox: str = "INBOX"
    sent_folder: str = "Sent"
    # Staff move or copy a customer's message into these folders to change its case.
    folders: dict[str, FolderMeaning] = Field(default_factory=lambda: dict(_DEFAULT_FOLDERS))
    secondary_poll: float = Field(default=30.0, gt=0)  # how often the Sent and status folders are looked at
    idle: bool = True  # use IDLE when the server offers it
    idle_renew: float = Field(default=25 * 60, gt=0)  # re-issue IDLE before servers drop it (RFC 2177: 29 min)
    poll_interval: float = Field(default=60.0, gt=0)  # when IDLE is off or not offered
    fetch_batch: int = Field(default=100, gt=0, le=200)  # messages per UID FETCH while streaming a backlog (aioimaplib recurses per line)


class SmtpConfig(ServerConfig):
    # Mails in flight at once, each on a connection of its own: a store's
    # sending is bound by round trips, not bandwidth. Providers cap
    # concurrent connections per account (commonly 10 or more).
    connections: int = Field(default=3, ge=1, le=10)


class WorkingHours(_Frozen):
    days: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri")
    hours: tuple[str, ...] = ("09:00-17:00",)  # several timeframes per day allowed

    @field_validator("days")
    @classmethod
    def _days(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [d for d in value if d.lower() not in WEEKDAYS]
        if bad:
            raise ValueError(f"unknown weekday(s) {bad}; use {', '.join(WEEKDAYS)}")
        return tuple(d.lower() for d in value)

    @field_validator("hours")
    @classmethod
    def _hours(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for item in value:
            match = _HOURS_RE.match(item)
            if not match or item[:5] >= item[6:]:
                raise ValueError(f"{item!r} is not a time range like 09:00-17:00")
        return value


class Holidays(_Frozen):
    country: str | None = "US"
    subdivision: str | None = None
    closed_dates: tuple[str, ...] = ()  # extra ISO dates the store is closed


class UnderstandingConfig(_Frozen):
    order_patterns: tuple[str, ...] = ()
    keywords: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    categories: tuple[str, ...] = ()

    @field_validator("order_patterns")
    @classmethod
    def _patterns(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from exc
        return value


class Handling(_Frozen):
    """What a new case gets beyond the plain acknowledgement, by category."""

    # category -> template kind sent instead of the plain ack (e.g. complaint: complaint_receipt)
    ack_kind: dict[str, str] = Field(default_factory=dict)
    assign_owner: tuple[str, ...] = ()  # categories that get a named owner when opened (round robin over staff)
    rma_categories: tuple[str, ...] = ()  # categories that get a return authorisation number
    rma_prefix: str = "RMA"
    ask_order_number: tuple[str, ...] = ()  # categories whose ack asks for the order number when none was given
    ask_photos: tuple[str, ...] = ()  # categories whose ack asks for photos when nothing is attached
    ask_evidence: tuple[str, ...] = ()  # categories whose ack asks for transaction details and screenshots
    queues: dict[str, tuple[str, ...]] = Field(default_factory=dict)  # queue -> categories (first match wins)
    return_address: str = ""
    return_processing_days: int | None = None  # quoted in return instructions
    refund_days: int | None = None


class StaffCommands(_Frozen):
    checks: tuple[Literal["sent_folder", "auth_results"], ...] = ("sent_folder",)
    authserv_id: str | None = None  # the store's own server, as it writes Authentication-Results


class StoreConfig(_Frozen):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str
    prefix: str = Field(pattern=r"^[A-Z]{2,6}$")  # case references: PREFIX-000123
    address: str
    website: str = ""
    admin: str | None = None  # receives template errors and other admin notices
    staff: tuple[str, ...] = ()
    escalation: dict[str, str] = Field(default_factory=dict)  # role -> address, e.g. senior, manager
    timezone: str
    working_hours: WorkingHours = WorkingHours()
    holidays: Holidays = Holidays()
    imap: ImapConfig
    smtp: SmtpConfig
    ack_limit_per_hour: int = Field(default=3, ge=0)  # acknowledgements per sender per hour
    # Personal data is kept only to resolve the inquiry: a closed case is
    # forgotten (document and rendered mail) this many days after it closed.
    retention_days: int | None = Field(default=365, gt=0)
    language: str = "en"
    staff_names: dict[str, str] = Field(default_factory=dict)  # address -> name shown to customers
    understanding: UnderstandingConfig = UnderstandingConfig()
    handling: Handling = Handling()
    staff_commands: StaffCommands = StaffCommands()
    # The store's promises as timers (mailbot.policy.schema). Its calendar is
    # built from timezone, working_hours and holidays above; omit the block to
    # use the shipped default policy of a known store.
    policy: StorePolicy

    @model_validator(mode="before")
    @classmethod
    def _policy_with_calendar(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        policy = data.get("policy")
        if policy is None:
            from .policy.defaults import STORES, default_policy_data

            policy = default_policy_data(data["id"]) if data.get("id") in STORES else {}
            policy.pop("calendar", None)
        if not isinstance(policy, dict):
            return data
        if "calendar" in policy:
            raise ValueError("policy.calendar: set the calendar with the store's timezone, working_hours and holidays keys")
        hours = data.get("working_hours") or {}
        holidays = data.get("holidays") or {}
        calendar: dict[str, Any] = {"timezone": data.get("timezone", "UTC")}
        if isinstance(hours, dict):
            calendar.update({k2: hours[k1] for k1, k2 in (("days", "working_days"), ("hours", "office_hours")) if k1 in hours})
        if isinstance(holidays, dict):
            country = holidays.get("country", "US")
            calendar["holidays"] = {"country": country, "subdivision": holidays.get("subdivision")} if country else None
            calendar["closed_dates"] = holidays.get("closed_dates", [])
        return {**data, "policy": {**policy, "calendar": calendar}}

    def staff_name(self, address: str) -> str:
        return self.staff_names.get(address) or address.partition("@")[0].split("-")[0].replace(".", " ").title()

    @field_validator("address")
    @classmethod
    def _address(cls, value: str) -> str:
        return _check_email(value)

    @field_validator("admin")
    @classmethod
    def _admin(cls, value: str | None) -> str | None:
        return None if value is None else _check_email(value)

    @field_validator("staff")
    @classmethod
    def _staff(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(_check_email(v) for v in value)

    @field_validator("escalation")
    @classmethod
    def _escalation(cls, value: dict[str, str]) -> dict[str, str]:
        return {role: _check_email(addr) for role, addr in value.items()}

    @field_validator("timezone")
    @classmethod
    def _tz(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown timezone {value!r}") from exc
        return value

    @property
    def domain(self) -> str:
        return self.address.rpartition("@")[2]

    @property
    def own_addresses(self) -> frozenset[str]:
        """The store's own address and its staff: never acknowledged."""
        return frozenset({self.address, *self.staff, *(self.escalation.values())} | ({self.admin} if self.admin else set()))

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class Config(_Frozen):
    stores: tuple[StoreConfig, ...]
    templates_dir: Path = Path("templates")
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    @model_validator(mode="after")
    def _unique(self) -> Config:
        problems = []
        for attr in ("id", "prefix", "address"):
            seen: dict[str, int] = {}
            for index, store in enumerate(self.stores):
                value = getattr(store, attr)
                if value in seen:
                    problems.append(f"stores[{index}].{attr}: duplicate of stores[{seen[value]}].{attr} ({value})")
                seen[value] = index
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def store(self, store_id: str) -> StoreConfig:
        for store in self.stores:
            if store.id == store_id:
                return store
        raise KeyError(store_id)


_FRIENDLY = {
    "int_parsing": "must be an integer",
    "int_type": "must be an integer",
    "float_parsing": "must be a number",
    "bool_parsing": "must be true or false",
    "missing": "is required",
    "extra_forbidden": "unknown key",
    "string_type": "must be a string",
}


# The policy's calendar is built from the store's own keys: report problems there.
_CALENDAR_KEYS = (
    (".policy.calendar.timezone", ".timezone"),
    (".policy.calendar.working_days", ".working_hours.days"),
    (".policy.calendar.office_hours", ".working_hours.hours"),
    (".policy.calendar.closed_dates", ".holidays.closed_dates"),
    (".policy.calendar.holidays", ".holidays"),
    (".policy.calendar", ".working_hours/holidays"),
)


def _format_loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    for inner, outer in _CALENDAR_KEYS:
        if inner in out:
            return out.replace(inner, outer, 1)
    return out or "(top level)"


def _expand_env(node: Any, path: str, problems: list[str] | None) -> Any:
    """Substitute ``${VAR}``; a missing variable is a problem (or, with ``problems=None``, empty)."""
    if isinstance(node, dict):
        return {k: _expand_env(v, f"{path}.{k}" if path else str(k), problems) for k, v in node.items()}
    if isinstance(node, list):
        return [_expand_env(v, f"{path}[{i}]", problems) for i, v in enumerate(node)]
    if isinstance(node, str):

        def sub(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in os.environ:
                if problems is not None:
                    problems.append(f"{path}: environment variable {name} is not set")
                return ""
            return os.environ[name]

        return _ENV_RE.sub(sub, node)
    return node


def parse_config(raw: Any, base_dir: Path | None = None, *, secrets: bool = True) -> Config:
    """Validate an already-loaded YAML document.

    ``secrets=False`` is for commands that never log in (templates, classify):
    unset ``${VAR}`` secrets are then not a problem.
    """
    problems: list[str] = []
    if not isinstance(raw, dict):
        raise ConfigError(["(top level): must be a mapping with a 'stores' list"])
    expanded = _expand_env(raw, "", problems if secrets else None)
    try:
        config = Config.model_validate(expanded)
    except ValidationError as exc:
        for error in exc.errors():
            loc = _format_loc(tuple(error["loc"]))
            message = _FRIENDLY.get(error["type"], error["msg"].removeprefix("Value error, "))
            if error["type"] == "literal_error":
                message = f"must be one of {error['ctx']['expected']}"
            problems.append(f"{loc}: {message}" if not message.startswith("stores[") else message)
        raise ConfigError(sorted(set(problems), key=problems.index)) from exc
    if problems:
        raise ConfigError(problems)
    if base_dir is not None and not config.templates_dir.is_absolute():
        config = config.model_copy(update={"templates_dir": base_dir / config.templates_dir})
    return config


def load_config(path: Path, *, secrets: bool = True) -> Config:
    """Read and validate ``path``; relative paths in it are relative to the project root."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError([f"{path}: cannot read: {exc.strerror}"]) from exc
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise ConfigError([f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}"]) from exc
    root = path.resolve().parent.parent if path.resolve().parent.name == "config" else path.resolve().parent
    return parse_config(raw, base_dir=root, secrets=secrets)
