"""Admin-editable email templates: load, check, render, preview, hot reload.

Layout on disk (``root`` is usually ``templates/``; ``templates/README.md`` is
the admins' guide)::

    templates/default/common/     layouts shared by every language (base.txt, base.html)
    templates/default/<lang>/     every kind in en, es, fr, de (staff kinds: en only)
    templates/<store>/<lang>/     optional per-store overrides of any file
    templates/<store>/common/     optional per-store layouts for every language
    templates/<store>/settings.yaml   optional: ``languages: [en]``

A name is looked up in ``<store>/<lang>``, ``<store>/common``,
``default/<lang>``, ``default/common``, in that order. Files:

``voice.txt``
    the store's voice (greeting, sign-off, signature, closing note, legal
    line, accent colour) as ``{% set %}`` variables; both layouts import it,
    so a store changes its signature in this one file.
``base.txt`` / ``base.html``, ``staff_base.*``
    the layouts every kind extends.
``<kind>.txt`` / ``<kind>.html``
    one kind's plain-text and HTML part. The text part defines
    ``{% block subject %}``; both define ``{% block body %}``.
``ack_<category>.txt`` / ``.html`` (optional)
    replaces ``ack`` for one category. The default ``ack`` instead varies by
    ``category``, ``urgent``, ``missing`` and ``extended_for_language`` inside.
``_<name>.txt`` / ``.html``
    partials included or imported by other files.

Language: a customer-facing kind is rendered in the reader's language when
the store answers in it (``settings.yaml``; default: all of :data:`LANGUAGES`)
and a checked version exists; otherwise in English. Staff-facing kinds are
English. ``Rendered.language`` says which language was used.

Safety contract:

* Undefined variables raise (``StrictUndefined``, reported at the line that
  produced the undefined value); templates run in Jinja's immutable sandbox,
  so an edited template cannot reach Python internals.
* Context values are data: nothing in the context is ever compiled as a
  template. HTML files autoescape; text output has control characters other
  than newline and tab removed; the subject is collapsed onto one line.
* Every template is rendered with the sample cases of
  :mod:`mailbot.outbound.template_context` before it is used. A store's kind
  whose new version fails keeps its last good version: a snapshot of every
  file it was rendered from, so a later broken ``base.txt`` cannot leak in.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import sys
import textwrap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jinja2
import jinja2.nodes
import yaml
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup, escape

from mailbot import errors
from mailbot.outbound.template_context import (
    CATEGORIES,
    FALLBACK_LANGUAGE,
    LANGUAGES,
    SAMPLE_NOW,
    Audience,
    Kind,
    required_names,
    sample_cases,
    sample_context,
)

__all__ = [
    "Audience",
    "Kind",
    "Rendered",
    "TemplateContextError",
    "TemplateError",
    "TemplateProblem",
    "TemplateSet",
    "check_templates",
    "preview",
]

log = logging.getLogger("mailbot.templates")

DEFAULT = "default"
#: Language-independent layouts and partials, e.g. ``default/common/base.html``.
COMMON_DIR = "common"
_SUFFIXES = (".txt", ".html")
_LAYOUT_FILES = frozenset({"voice.txt", "base.txt", "base.html", "staff_base.txt", "staff_base.html"})
#: Text lines longer than this are wrapped, for terminal mail clients.
TEXT_WIDTH = 76


# --------------------------------------------------------------------------
# Records and errors
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TemplateProblem:
    """One thing wrong with a template; ``str()`` is ``file:line: message``."""

    path: str
    line: int
    message: str
    store: str = DEFAULT
    kind: str | None = None
    language: str | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class TemplateError(errors.TemplateError):
    """The templates cannot be used; ``problems`` lists why."""

    def __init__(self, problems: Sequence[TemplateProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems) or "template error")


class TemplateContextError(errors.TemplateError, ValueError):
    """The caller passed a context that lacks documented variables (a code bug)."""


@dataclass(frozen=True, slots=True)
class Rendered:
    """One rendered email, ready for MIME composition.

    ``subject`` never contains CR, LF or other control characters.
    ``template_files`` lists the files the parts were rendered from.
    """

    subject: str
    text: str
    html: str
    template_files: tuple[str, ...]
    language: str


# --------------------------------------------------------------------------
# Filters: formatting helpers available to every template
# --------------------------------------------------------------------------

_WEEKDAYS: Mapping[str, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
}
_MONTHS: Mapping[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"),
}
_DATE_FORMATS: Mapping[str, str] = {
    "en": "{weekday} {day} {month}",
    "es": "{weekday} {day} de {month}",
    "fr": "{weekday} {day} {month}",
    "de": "{weekday}, {day}. {month}",
}


def format_local(when: datetime, timezone: str, language: str, style: str = "datetime") -> str:
    """Format an aware datetime in ``timezone`` for a reader of ``language``.

    ``style``: ``datetime`` -> "Tuesday 24 November, 17:00 EST";
    ``date`` -> "Tuesday 24 November"; ``time`` -> "17:00 EST".
    Naive datetimes are refused: a deadline without a zone is a bug upstream.
    """
    if not isinstance(when, datetime):
        raise TypeError(f"localtime expects a datetime, got {type(when).__name__}")
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError("localtime expects an aware datetime")
    try:
        local = when.astimezone(ZoneInfo(timezone))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown timezone {timezone!r}") from exc
    lang = language if language in _WEEKDAYS else FALLBACK_LANGUAGE
    date = _DATE_FORMATS[lang].format(
        weekday=_WEEKDAYS[lang][local.weekday()], day=local.day, month=_MONTHS[lang][local.month - 1]
    )
    time = f"{local:%H:%M} {local.tzname()}"
    if style == "date":
        return date
    if style == "time":
        return time
    if style != "datetime":
        raise ValueError(f"unknown localtime style {style!r}")
    return f"{date}, {time}"


@jinja2.pass_context
def _localtime_filter(ctx: jinja2.runtime.Context, when: datetime, style: str = "datetime") -> str:
    return format_local(when, str(ctx["timezone"]), str(ctx["language"]), style)


_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|aw|wg|tr|rv|sv|vs)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)


def strip_reply_prefix(subject: str) -> str:
    """``"RE: Fwd: Hello"`` -> ``"Hello"`` so replies do not pile up prefixes."""
    return _REPLY_PREFIX.sub("", str(subject))


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def oneline(value: object) -> str:
    """Collapse any whitespace or control characters to single spaces."""
    text = _CONTROL.sub(" ", str(value))
    return " ".join(text.split())


def _nl2br(value: object) -> Markup:
    """Escape ``value`` and turn its newlines into ``<br>``."""
    lines = str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return Markup("<br>\n").join(escape(line) for line in lines)


def _quote(value: object) -> str:
    """Prefix every line with ``> `` (plain-text quoting)."""
    return "\n".join("> " + line if line else ">" for line in str(value).splitlines())


def _finalize(value: object) -> object:
    """Applied to every ``{{ }}``: strip control characters from data.

    Markup (output of the templates themselves) is trusted and left alone;
    everything else loses CR and other control characters except LF and tab,
    so customer text cannot smuggle a bare CR into a body.
    """
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return _TEXT_CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# --------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Source:
    text: str
    path: str  # as reported in problems: root / relative path
    unreadable: tuple[int, str] | None = None  # (line, why) when the file cannot be used


class _SnapshotLoader(jinja2.BaseLoader):
    """Serves templates from an in-memory snapshot of the search chain.

    A snapshot never changes, so a template compiled from it keeps rendering
    the files as they were when it passed the check.
    """

    def __init__(self, sources: Mapping[str, _Source]) -> None:
        self.sources = dict(sources)

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        src = self.sources.get(template)
        if src is None:
            raise jinja2.TemplateNotFound(template)
        if src.unreadable is not None:
            line, why = src.unreadable
            raise jinja2.TemplateSyntaxError(why, line, template, src.path)
        return src.text, src.path, lambda: True

    def list_templates(self) -> list[str]:
        return sorted(self.sources)


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates shared by every environment of this process.

    All environments are configured identically and Jinja keys a bucket by
    template name, file name and a checksum of the source, so a default file
    compiled for one store is reused by the others and by reloads.
    """

    def __init__(self) -> None:
        self._data: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._data.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._data[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = _MemoryBytecodeCache()


class _OriginUndefinedError(jinja2.UndefinedError):
    """An undefined value was used; ``origin`` is (file, line) where it arose."""

    def __init__(self, message: str | None, origin: tuple[str, int] | None) -> None:
        super().__init__(message)
        self.origin = origin


def _template_origin() -> tuple[str, int] | None:
    """(template file, template line) of the innermost template frame running."""
    frame = sys._getframe(2)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None and template.filename:
            return template.filename, template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back  # type: ignore[assignment]
    return None


class _Undefined(jinja2.StrictUndefined):
    """StrictUndefined that remembers where it was created.

    ``{% set sign_off = store.nmae %}`` in voice.txt only fails where
    ``sign_off`` is printed, in base.txt; the admin needs to hear about
    voice.txt, so the error carries the line that produced the value.
    """

    __slots__ = ("_origin",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._origin = _template_origin()

    def _fail(self, *args: Any, **kwargs: Any) -> Any:
        try:
            jinja2.StrictUndefined._fail_with_undefined_error(self, *args, **kwargs)
        except jinja2.UndefinedError as exc:
            raise _OriginUndefinedError(exc.message, self._origin) from None


# Every operation StrictUndefined refuses goes through _fail instead.
for _name in dir(jinja2.StrictUndefined):
    if getattr(jinja2.StrictUndefined, _name) is jinja2.StrictUndefined._fail_with_undefined_error:
        setattr(_Undefined, _name, _Undefined._fail)
_Undefined._fail_with_undefined_error = _Undefined._fail  # type: ignore[method-assign, assignment]


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith(".html")


def _make_env(sources: Mapping[str, _Source]) -> jinja2.Environment:
    env = ImmutableSandboxedEnvironment(
        loader=_SnapshotLoader(sources),
        undefined=_Undefined,
        autoescape=_autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
        auto_reload=False,
        bytecode_cache=_BYTECODE,
    )
    env.filters["localtime"] = _localtime_filter
    env.filters["strip_re"] = strip_reply_prefix
    env.filters["oneline"] = oneline
    env.filters["nl2br"] = _nl2br
    env.filters["quote"] = _quote
    return env


_PARSE_ENV = _make_env({})


def _read_dir(root: Path, rel: Path) -> dict[str, _Source]:
    out: dict[str, _Source] = {}
    directory = root / rel
    if not directory.is_dir():
        return out
    for path in sorted(directory.iterdir()):
        if not (path.is_file() and path.suffix in _SUFFIXES):
            continue
        shown = str(root / rel / path.name)
        try:
            data = path.read_bytes()
        except OSError:
            continue  # deleted while we looked: the next scan sees it gone
        try:
            out[path.name] = _Source(data.decode("utf-8"), shown)
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            out[path.name] = _Source("", shown, (line, f"not valid UTF-8 (byte {exc.start}); save the file as UTF-8"))
    return out


@dataclass(frozen=True, slots=True)
class _Settings:
    languages: tuple[str, ...] | None  # None: every language of the default set


def _read_settings(root: Path, store: str) -> tuple[_Settings, list[TemplateProblem]]:
    path = root / store / "settings.yaml"
    if not path.is_file():
        return _Settings(None), []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        return _Settings(None), [TemplateProblem(str(path), line, f"invalid YAML: {exc}", store)]
    if not isinstance(data, dict):
        return _Settings(None), [TemplateProblem(str(path), 1, "settings must be a mapping", store)]
    problems: list[TemplateProblem] = []
    langs = data.get("languages")
    languages: tuple[str, ...] | None = None
    if langs is not None:
        if not isinstance(langs, list) or not all(isinstance(x, str) for x in langs):
            problems.append(TemplateProblem(str(path), 1, "languages must be a list of language codes", store))
        else:
            languages = tuple(x.lower() for x in langs)
            for unknown in sorted(set(languages) - set(LANGUAGES)):
                problems.append(TemplateProblem(str(path), 1, f"unknown language {unknown!r} (known: {', '.join(LANGUAGES)})", store))
            if FALLBACK_LANGUAGE not in languages:
                problems.append(TemplateProblem(str(path), 1, f"languages must include {FALLBACK_LANGUAGE!r}", store))
    for key in data:
        if key != "languages":
            problems.append(TemplateProblem(str(path), 1, f"unknown setting {key!r}", store))
    return _Settings(languages), problems


# --------------------------------------------------------------------------
# Rendering one compiled chain
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Chain:
    """Everything one (store, language) renders from: a frozen snapshot."""

    root: Path
    store: str
    language: str
    sources: Mapping[str, _Source]
    own: frozenset[str]  # names the store's own directory provides
    env: jinja2.Environment
    _files: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)  # stem -> paths

    @classmethod
    def build(cls, root: Path, store: str, language: str) -> _Chain:
        # Later directories win: store/<lang> > store/common > default/<lang> > default/common
        sources = _read_dir(root, Path(DEFAULT) / COMMON_DIR)
        sources.update(_read_dir(root, Path(DEFAULT) / language))
        own: dict[str, _Source] = {}
        if store != DEFAULT:
            own = _read_dir(root, Path(store) / COMMON_DIR)
            own.update(_read_dir(root, Path(store) / language))
            sources.update(own)
        return cls(root, store, language, sources, frozenset(own), _make_env(sources))

    def has(self, name: str) -> bool:
        return name in self.sources

    def kind_names(self, kind: Kind, context: Mapping[str, object]) -> str:
        """The template stem for ``kind``: ``ack_<category>`` when that exists."""
        if kind is Kind.ACK:
            special = f"ack_{context.get('category')}"
            if self.has(special + ".txt"):
                return special
        return kind.value

    def render(self, stem: str, kind: Kind, context: Mapping[str, object]) -> Rendered:
        """Render ``stem``; raises jinja2 errors (translated by the caller)."""
        txt = self.env.get_template(stem + ".txt")
        html = self.env.get_template(stem + ".html")
        ctx = dict(context)
        ctx["language"] = self.language
        ctx["kind"] = kind.value
        if "subject" not in txt.blocks:
            raise _MissingSubject(self.sources[stem + ".txt"].path)
        # One render of the text part gives both the body and the context
        # the subject block needs (imports at the top of the kind's file).
        first = txt.new_context(ctx)
        try:
            text = "".join(txt.root_render_func(first))
            subject = oneline("".join(txt.blocks["subject"](first)))
        except Exception:
            self.env.handle_exception()  # re-raises with template file/line frames
        if not subject:
            raise _EmptySubject(self.sources[stem + ".txt"].path)
        ctx["email_subject"] = subject
        html_out = html.render(ctx)
        text = tidy_text(text)
        files = self._files.get(stem)
        if files is None:
            files = self._files[stem] = tuple(sorted({self.sources[n].path for n in _used_names(self, stem)}))
        return Rendered(subject, text, html_out, files, self.language)


class _MissingSubject(Exception):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


class _EmptySubject(_MissingSubject):
    pass


@dataclass(frozen=True, slots=True)
class _Outline:
    """What the checker needs to know about one template source."""

    references: tuple[str, ...]  # templates named by extends/include/import
    extends: bool
    blocks: frozenset[str]
    macros: bool


@functools.lru_cache(maxsize=4096)
def _outline(source: str) -> _Outline:
    """Parse ``source`` once (per process) and outline it; raises on syntax errors."""
    ast = _PARSE_ENV.parse(source)
    refs: list[str] = []
    for node in ast.find_all((jinja2.nodes.Extends, jinja2.nodes.Include, jinja2.nodes.Import, jinja2.nodes.FromImport)):
        target = getattr(node, "template", None)
        if isinstance(target, jinja2.nodes.Const) and isinstance(target.value, str):
            refs.append(target.value)
    return _Outline(
        tuple(refs),
        any(True for _ in ast.find_all(jinja2.nodes.Extends)),
        frozenset(b.name for b in ast.find_all(jinja2.nodes.Block)),
        any(True for _ in ast.find_all(jinja2.nodes.Macro)),
    )


def _used_names(chain: _Chain, stem: str, parts: Sequence[str] = (".txt", ".html")) -> Iterator[str]:
    """Names a kind's parts reference (extends/include/import), transitively."""
    seen: set[str] = set()
    todo = [stem + part for part in parts]
    while todo:
        name = todo.pop()
        if name in seen or name not in chain.sources:
            continue
        seen.add(name)
        yield name
        try:
            todo.extend(_outline(chain.sources[name].text).references)
        except jinja2.TemplateSyntaxError:
            continue


_BLANKS = re.compile(r"\n{3,}")
_MARKER = re.compile(r"((?:> ?)+|[-*] |\d+\. )")  # quote, bullet or number that wrapped lines keep


def tidy_text(text: str) -> str:
    """Normalise a rendered plain-text part for terminal mail clients.

    Trailing spaces go, runs of blank lines collapse to one, lines longer
    than TEXT_WIDTH are wrapped at spaces (quoted ``>`` lines keep their
    prefix; URLs and long words are never broken).
    """
    out: list[str] = []
    for line in text.split("\n"):
        # "-- " is the signature separator mail clients recognise: keep its space
        line = line if line == "-- " else line.rstrip()
        if len(line) <= TEXT_WIDTH:
            out.append(line)
            continue
        stripped = line.lstrip(" ")
        indent = line[: len(line) - len(stripped)]
        prefix = indent
        m = _MARKER.match(stripped)
        follow = indent
        if m:
            marker = m.group(1)
            prefix = indent + marker
            follow = indent + (marker if marker.startswith(">") else " " * len(marker))
            stripped = stripped[len(marker):]
        out.extend(wrap(stripped, TEXT_WIDTH, prefix, follow) or [prefix.rstrip()])
    return _BLANKS.sub("\n\n", "\n".join(out)).strip("\n") + "\n"


_PLAIN_SPACING = re.compile(r"[^\S ]|  ")  # any whitespace but single spaces


def wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """``textwrap.wrap`` at spaces, never breaking words or hyphens: the same lines, several times faster.

    Text with single spaces between words (what templates render) is cut
    with ``rfind``; anything else goes to textwrap itself.
    """
    if _PLAIN_SPACING.search(text) or text.startswith(" ") or text.endswith(" "):
        return textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=rest,
                             break_long_words=False, break_on_hyphens=False)
    lines: list[str] = []
    indent, pos, end = first, 0, len(text)
    while pos < end:
        room = width - len(indent)
        if end - pos <= room:
            lines.append(indent + text[pos:])
            break
        cut = text.rfind(" ", pos, pos + room + 1) if room >= 0 else -1
        if cut == -1:  # a word longer than the line stands alone, unbroken
            cut = text.find(" ", pos)
            if cut == -1:
                lines.append(indent + text[pos:])
                break
        lines.append(indent + text[pos:cut])
        pos, indent = cut + 1, rest
    return lines


# --------------------------------------------------------------------------
# Error translation
# --------------------------------------------------------------------------


def _problem_from_exception(
    exc: BaseException, chain: _Chain, stem: str, kind: Kind | None, case: str | None
) -> TemplateProblem:
    """Turn a Jinja (or filter) exception into ``file:line: message``.

    Syntax errors carry their own file and line. Runtime errors (undefined
    variables, bad filter arguments) are located from the traceback: Jinja
    rewrites it so template frames carry the template's path and line.
    """
    suffix = f" (case: {case})" if case else ""
    known_paths = {src.path for src in chain.sources.values()}
    if isinstance(exc, jinja2.TemplateSyntaxError):
        syntax_path = exc.filename or chain.sources.get(exc.name or "", _Source("", stem)).path
        return TemplateProblem(
            syntax_path, exc.lineno or 1, f"syntax error: {exc.message}", chain.store, kind and kind.value, chain.language
        )
    if isinstance(exc, _EmptySubject):
        return TemplateProblem(exc.path, 1, "subject renders empty" + suffix, chain.store, kind and kind.value, chain.language)
    if isinstance(exc, _MissingSubject):
        return TemplateProblem(
            exc.path, 1, "subject missing: define {% block subject %}", chain.store, kind and kind.value, chain.language
        )
    located, line = _locate(exc.__traceback__, known_paths)
    where = located or chain.sources.get(stem + ".txt", _Source("", stem + ".txt")).path
    if isinstance(exc, jinja2.TemplateNotFound):
        return TemplateProblem(
            where, line, f"template not found: {exc.name}" + suffix, chain.store, kind and kind.value, chain.language
        )
    if isinstance(exc, _OriginUndefinedError) and exc.origin is not None and exc.origin[0] in known_paths:
        if exc.origin != (where, line):
            suffix = f" (used at {Path(where).name}:{line}){suffix}"
        where, line = exc.origin
        message = f"undefined variable: {exc.message}"
    elif isinstance(exc, jinja2.UndefinedError):
        message = f"undefined variable: {exc.message}"
    elif isinstance(exc, jinja2.exceptions.SecurityError):
        message = f"not allowed in templates: {exc}"
    else:
        message = f"{type(exc).__name__}: {exc}"
    return TemplateProblem(where, line, message + suffix, chain.store, kind and kind.value, chain.language)


def _locate(tb: TracebackType | None, known_paths: set[str]) -> tuple[str | None, int]:
    found: tuple[str | None, int] = (None, 1)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename in known_paths:
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


# --------------------------------------------------------------------------
# The template set
# --------------------------------------------------------------------------


def _languages_for(kind: Kind) -> tuple[str, ...]:
    return LANGUAGES if kind.customer_facing else (FALLBACK_LANGUAGE,)


class TemplateSet:
    """Every store's templates, checked and ready to render.

    Construction loads and checks everything. A broken default set raises
    :class:`TemplateError` (mailbot must not start without it); a broken
    store override is reported in ``problems`` and that store/kind falls back
    to the default set until it is fixed.
    """

    def __init__(
        self, root: Path, store_ids: Sequence[str], *, now: datetime = SAMPLE_NOW, checked_file: Path | None = None
    ) -> None:
        self.root = Path(root)
        self.store_ids = tuple(store_ids)
        self._now = now
        # Fingerprints of template versions that passed the check, kept across
        # restarts in ``checked_file`` (a cache: losing it only costs time).
        self._checked_file = checked_file
        self._passed = _read_passed(checked_file)
        self._passed_changed = False
        self._settings: dict[str, _Settings] = {}
        # (store, kind, language) -> chain rendering it
        self._entries: dict[tuple[str, Kind, str], _Chain] = {}
        self._mtimes: dict[str, tuple[int, int]] = self._scan()
        self._outstanding: set[TemplateProblem] = set()
        self._render_problems: list[TemplateProblem] = []
        # (store, kind, language) -> (signature of the files checked, problems found)
        self._verdicts: dict[tuple[str, Kind, str], tuple[tuple[tuple[str, str, str], ...], list[TemplateProblem]]] = {}

        problems = self._load_store(DEFAULT, initial=True)
        if any((DEFAULT, kind, FALLBACK_LANGUAGE) not in self._entries for kind in Kind):
            # Without a working English default set some email could not be
            # sent at all: refuse to start.
            raise TemplateError(problems)
        # A broken or missing translation only makes that language fall
        # back to English; it is reported, not fatal.
        for store in self.store_ids:
            problems.extend(self._load_store(store, initial=True))
        self.problems: tuple[TemplateProblem, ...] = tuple(problems)
        self._outstanding = set(problems)
        self._save_passed()

    # -- public -----------------------------------------------------------

    def render(self, store_id: str, kind: Kind, language: str, context: Mapping[str, object]) -> Rendered:
        """Render ``kind`` for ``store_id`` in ``language`` (or the fallback).

        Raises :class:`TemplateContextError` when ``context`` lacks a
        documented variable. If the store's checked template still fails on
        this particular context, the default set's version is used and the
        failure is reported by the next :meth:`reload_if_changed`; only if
        that fails too does this raise :class:`TemplateError`.
        """
        kind = Kind(kind)
        missing = [name for name in required_names(kind) if name not in context]
        if missing:
            raise TemplateContextError(f"context for {kind.value} lacks: {', '.join(missing)}")
        lang = self.resolve_language(store_id, kind, language)
        store = store_id if store_id in self.store_ids else DEFAULT
        attempts: list[_Chain] = []
        for key in ((store, kind, lang), (DEFAULT, kind, lang), (DEFAULT, kind, FALLBACK_LANGUAGE)):
            chain = self._entries.get(key)
            if chain is not None and all(chain is not seen for seen in attempts):
                attempts.append(chain)
        problems: list[TemplateProblem] = []
        for chain in attempts:
            stem = chain.kind_names(kind, context)
            try:
                rendered = chain.render(stem, kind, context)
            except Exception as exc:  # any template failure: try the next version
                problem = _problem_from_exception(exc, chain, stem, kind, None)
                log.error("template failed at render time: %s", problem)
                problems.append(problem)
                continue
            self._render_problems.extend(problems)
            return rendered
        self._render_problems.extend(problems)
        raise TemplateError(problems)

    def resolve_language(self, store_id: str, kind: Kind, language: str) -> str:
        """The language ``kind`` will be rendered in for a ``language`` reader."""
        if not Kind(kind).customer_facing:
            return FALLBACK_LANGUAGE
        lang = (language or "").strip().lower().replace("_", "-").split("-")[0]
        settings = self._settings.get(store_id, _Settings(None))
        allowed = settings.languages if settings.languages is not None else LANGUAGES
        store = store_id if store_id in self.store_ids else DEFAULT
        if lang in allowed and (store, Kind(kind), lang) in self._entries:
            return lang
        return FALLBACK_LANGUAGE

    def reload_if_changed(self) -> list[TemplateProblem]:
        """Pick up edited template files; return problems not reported before.

        Cheap when nothing changed (one stat per file). A store/kind/language
        whose new version fails the check keeps its last good version. A
        problem is returned once, until it is fixed and comes back.
        """
        new: list[TemplateProblem] = []
        if self._render_problems:
            new.extend(p for p in self._render_problems if p not in self._outstanding)
            self._outstanding.update(self._render_problems)
            self._render_problems = []
        mtimes = self._scan()
        if mtimes == self._mtimes:
            return new
        changed = {p for p in set(mtimes) | set(self._mtimes) if mtimes.get(p) != self._mtimes.get(p)}
        self._mtimes = mtimes
        stores = {Path(p).relative_to(self.root).parts[0] for p in changed}
        if DEFAULT in stores:
            stores = {DEFAULT, *self.store_ids}
        problems: list[TemplateProblem] = []
        for store in sorted(stores, key=lambda s: (s != DEFAULT, s)):
            if store == DEFAULT or store in self.store_ids:
                problems.extend(self._load_store(store, initial=False))
        current = set(problems)
        new.extend(p for p in problems if p not in self._outstanding)
        # Problems of reloaded stores that are gone are forgotten, so a
        # reintroduced error is reported again.
        self._outstanding = {p for p in self._outstanding if p.store not in stores} | current
        for p in new:
            log.error("template problem: %s", p)
        self._save_passed()
        return new

    # -- internals --------------------------------------------------------

    def _save_passed(self) -> None:
        if self._checked_file is None or not self._passed_changed:
            return
        tmp = self._checked_file.with_name(self._checked_file.name + ".tmp")
        try:
            self._checked_file.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps({"code": _CODE_VERSION, "passed": sorted(self._passed)}), encoding="utf-8")
            os.replace(tmp, self._checked_file)
            self._passed_changed = False
        except OSError as exc:
            log.warning("cannot keep template check results in %s: %s", self._checked_file, exc)

    def _scan(self) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        if not self.root.is_dir():
            return out
        for store_dir in self.root.iterdir():
            if not store_dir.is_dir():
                continue
            for path in store_dir.rglob("*"):
                if path.is_file():
                    st = path.stat()
                    out[str(path)] = (st.st_mtime_ns, st.st_size)
        return out

    def _load_store(self, store: str, *, initial: bool) -> list[TemplateProblem]:
        """(Re)build ``store``'s chains and point each kind at a good version.

        A kind whose new version passes the check uses it; one that fails
        keeps the version it used before, or (first load of a store) the
        default set's. The default set is loaded before any store.
        """
        settings, problems = _read_settings(self.root, store)
        if not problems or store not in self._settings:
            self._settings[store] = settings
        problems.extend(_check_files(self.root, store))
        for language in LANGUAGES:
            chain = _Chain.build(self.root, store, language)
            for kind in Kind:
                if language not in _languages_for(kind):
                    continue
                key = (store, kind, language)
                default_key = (DEFAULT, kind, language)
                if store != DEFAULT and not chain.own:
                    # Nothing store-specific in this language: whatever the
                    # default set currently renders (its last good version).
                    if default_key in self._entries:
                        self._entries[key] = self._entries[default_key]
                    continue
                # Re-render only what an edit can have changed: a kind whose
                # files are byte-identical keeps its verdict.
                signature = _signature(chain, kind)
                cached = self._verdicts.get(key)
                fingerprint = _fingerprint(key, signature, self._now)
                if cached is not None and cached[0] == signature:
                    found = cached[1]
                elif fingerprint in self._passed:
                    found = []  # this very version passed the check in an earlier run
                    self._verdicts[key] = (signature, found)
                else:
                    found = check_chain(chain, kind, self._now)
                    self._verdicts[key] = (signature, found)
                    if not found:
                        self._passed.add(fingerprint)
                        self._passed_changed = True
                if not found:
                    self._entries[key] = chain
                    continue
                problems.extend(found)
                if key in self._entries:
                    continue  # keep the last good version
                if store != DEFAULT and default_key in self._entries:
                    self._entries[key] = self._entries[default_key]
                # else no entry: this language falls back to English
        return _dedupe(problems)


def _code_version() -> str:
    """The checker's own code: a verdict from other code proves nothing."""
    here = Path(__file__).resolve()
    digest = hashlib.sha256()
    for path in (here, here.with_name("template_context.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


_CODE_VERSION = _code_version()


def _fingerprint(key: tuple[str, Kind, str], signature: tuple[tuple[str, str, str], ...], now: datetime) -> str:
    data = json.dumps([_CODE_VERSION, key[0], key[1].value, key[2], now.isoformat(), signature])
    return hashlib.sha256(data.encode()).hexdigest()[:32]


def _read_passed(path: Path | None) -> set[str]:
    if path is None:
        return set()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(item) for item in data["passed"]} if data.get("code") == _CODE_VERSION else set()
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return set()  # missing or unreadable: check everything again


def _signature(chain: _Chain, kind: Kind) -> tuple[tuple[str, str, str], ...]:
    """Every file ``kind`` renders from in ``chain``: (name, path, text)."""
    stems = [kind.value]
    if kind is Kind.ACK:
        stems += sorted(s for s in _ACK_STEMS if chain.has(s + ".txt") or chain.has(s + ".html"))
    names: set[str] = set()
    for stem in stems:
        names.update(_used_names(chain, stem))
        names.update((stem + ".txt", stem + ".html"))
    return tuple(
        (name, chain.sources[name].path, chain.sources[name].text) if name in chain.sources else (name, "", "")
        for name in sorted(names)
    )


def _dedupe(problems: Iterable[TemplateProblem]) -> list[TemplateProblem]:
    seen: set[TemplateProblem] = set()
    out: list[TemplateProblem] = []
    for p in problems:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out


# --------------------------------------------------------------------------
# Checking
# --------------------------------------------------------------------------

_KIND_STEMS = {k.value for k in Kind}
_ACK_STEMS = {f"ack_{c}" for c in CATEGORIES}


def _check_files(root: Path, store: str) -> list[TemplateProblem]:
    """Problems visible from the file list alone (typos, missing parts)."""
    problems: list[TemplateProblem] = []
    store_dir = root / store
    if not store_dir.is_dir():
        if store == DEFAULT:
            problems.append(TemplateProblem(str(store_dir), 1, "default template directory missing", store))
        return problems
    for path in sorted(store_dir.iterdir()):
        shown = str(root / store / path.name)
        if path.is_dir():
            if path.name not in LANGUAGES and path.name != COMMON_DIR:
                problems.append(TemplateProblem(shown, 1, f"unknown language directory (expected one of {', '.join(LANGUAGES)})", store))
            continue
        if path.name not in {"settings.yaml", "README.md"}:
            problems.append(TemplateProblem(shown, 1, "unexpected file: templates live in <store>/<lang>/", store))
    for lang in (COMMON_DIR, *LANGUAGES):
        lang_dir = store_dir / lang
        if not lang_dir.is_dir():
            continue
        for path in sorted(lang_dir.iterdir()):
            rel = str(root / store / lang / path.name)
            stem, suffix = path.stem, path.suffix
            if suffix not in _SUFFIXES or path.name.startswith("."):
                if not path.name.startswith(".") and not path.name.endswith("~"):
                    problems.append(TemplateProblem(rel, 1, "unexpected file (templates end in .txt or .html)", store, language=lang))
                continue
            if path.name in _LAYOUT_FILES or path.name.startswith("_"):
                continue  # layouts and partials (``_*.txt``) may be included freely
            if lang == COMMON_DIR:
                problems.append(TemplateProblem(rel, 1, f"{COMMON_DIR}/ holds layouts and _partials only; kinds are written per language", store, language=lang))
                continue
            if stem not in _KIND_STEMS and stem not in _ACK_STEMS:
                problems.append(TemplateProblem(rel, 1, f"unknown kind {stem!r}: this file is never used", store, language=lang))
                continue
            kind = Kind.ACK if stem in _ACK_STEMS else Kind(stem)
            if lang not in _languages_for(kind):
                problems.append(TemplateProblem(rel, 1, f"{kind.value} is staff-facing and rendered in English only: this file is never used", store, kind.value, lang))
            other = ".html" if suffix == ".txt" else ".txt"
            if not (lang_dir / (stem + other)).is_file() and stem in _ACK_STEMS:
                problems.append(TemplateProblem(rel, 1, f"{stem}{suffix} has no {stem}{other} next to it", store, kind.value, lang))
            elif not (lang_dir / (stem + other)).is_file():
                problems.append(
                    TemplateProblem(
                        rel, 1,
                        f"{stem}{suffix} is overridden but {stem}{other} is not: the two parts will say different things",
                        store, kind.value, lang,
                    )
                )
    return problems


def check_chain(chain: _Chain, kind: Kind, now: datetime = SAMPLE_NOW) -> list[TemplateProblem]:
    """Render ``kind`` in ``chain`` with every sample case; list what fails."""
    problems: list[TemplateProblem] = []
    stems = [kind.value]
    if kind is Kind.ACK:
        stems += sorted(s for s in _ACK_STEMS if chain.has(s + ".txt"))
    for stem in stems:
        for part in (stem + ".txt", stem + ".html"):
            if not chain.has(part):
                where = str(chain.root / chain.store / chain.language / part)
                what = "missing language" if chain.language != FALLBACK_LANGUAGE else "missing kind"
                problems.append(TemplateProblem(where, 1, f"{what}: {kind.value} has no {part} in {chain.language}", chain.store, kind.value, chain.language))
        if problems:
            continue
        problems.extend(_check_structure(chain, stem, kind))
        if problems:
            continue
        for label, ctx in sample_cases(kind, chain.store, now=now):
            if stem != kind.value:
                ctx = dict(ctx, category=stem.removeprefix("ack_"))
            try:
                rendered = chain.render(stem, kind, ctx)
            except Exception as exc:  # report every failure as a problem
                problems.append(_problem_from_exception(exc, chain, stem, kind, label))
                break  # one failing case per stem is enough to fix it
            problems.extend(_check_output(chain, stem, kind, rendered, ctx, label))
    return _dedupe(problems)


def _check_structure(chain: _Chain, stem: str, kind: Kind) -> list[TemplateProblem]:
    problems: list[TemplateProblem] = []
    for part in (stem + ".txt", stem + ".html"):
        src = chain.sources[part]
        try:
            if src.unreadable is not None:
                raise jinja2.TemplateSyntaxError(src.unreadable[1], src.unreadable[0])
            outline = _outline(src.text)
        except jinja2.TemplateSyntaxError:
            try:
                chain.env.get_template(part)  # the same error, with this file's name
            except jinja2.TemplateSyntaxError as exc:
                problems.append(_problem_from_exception(exc, chain, stem, kind, None))
            continue
        if not outline.extends:
            problems.append(TemplateProblem(src.path, 1, "does not {% extends %} a base layout", chain.store, kind.value, chain.language))
        if part.endswith(".txt") and "subject" not in outline.blocks:
            problems.append(TemplateProblem(src.path, 1, "subject missing: define {% block subject %}", chain.store, kind.value, chain.language))
    # A macro returns markup marked safe when an HTML template calls it, but
    # a .txt file's macro never escaped its arguments: customer text would
    # reach the HTML part unescaped.
    for name in _used_names(chain, stem, (".html",)):
        src = chain.sources[name]
        if name.endswith(".txt") and src.unreadable is None:
            try:
                unsafe = _outline(src.text).macros
            except jinja2.TemplateSyntaxError:
                continue
            if unsafe:
                problems.append(TemplateProblem(
                    src.path, 1, "defines a macro and is used by an HTML part, where its output would not be escaped; "
                    "use {% set %} values or a .html partial", chain.store, kind.value, chain.language))
    # layouts reachable from this kind must compile too (reported once per file)
    for name in _used_names(chain, stem):
        try:
            chain.env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            problems.append(_problem_from_exception(exc, chain, stem, kind, None))
        except jinja2.TemplateNotFound as exc:
            problems.append(_problem_from_exception(exc, chain, stem, kind, None))
    return _dedupe(problems)


def _check_output(
    chain: _Chain, stem: str, kind: Kind, rendered: Rendered, ctx: Mapping[str, object], label: str
) -> list[TemplateProblem]:
    """Sanity checks on a successful render: what a customer must always get."""
    problems: list[TemplateProblem] = []
    txt_path = chain.sources[stem + ".txt"].path
    if kind is not Kind.TEMPLATE_ERROR and str(ctx["case_ref"]) not in rendered.subject:
        problems.append(TemplateProblem(txt_path, 1, f"subject does not contain the case reference (case: {label})", chain.store, kind.value, chain.language))
    if not rendered.text.strip():
        problems.append(TemplateProblem(txt_path, 1, f"text part renders empty (case: {label})", chain.store, kind.value, chain.language))
    if "<script" in rendered.html.lower():
        html_path = chain.sources[stem + ".html"].path
        problems.append(TemplateProblem(html_path, 1, f"HTML part contains a <script> element (case: {label})", chain.store, kind.value, chain.language))
    return problems


def check_templates(root: Path, store_ids: Sequence[str], only_store: str | None = None) -> list[TemplateProblem]:
    """Render every kind for every store and language with the sample cases.

    Returns every problem (empty list: all good). ``only_store`` limits the
    store overrides checked; the default set is always checked, since every
    store renders from it.
    """
    root = Path(root)
    stores = [DEFAULT] + [s for s in store_ids if only_store is None or s == only_store]
    problems: list[TemplateProblem] = []
    for store in stores:
        _, settings_problems = _read_settings(root, store)
        problems.extend(settings_problems)
        problems.extend(_check_files(root, store))
        for language in LANGUAGES:
            chain = _Chain.build(root, store, language)
            if store != DEFAULT and not chain.own:
                continue  # renders exactly the default set, checked above
            for kind in Kind:
                if language in _languages_for(kind):
                    problems.extend(check_chain(chain, kind))
    if only_store is None and root.is_dir():
        for d in sorted(root.iterdir()):
            if d.is_dir() and d.name != DEFAULT and d.name not in store_ids and not d.name.startswith("."):
                problems.append(TemplateProblem(str(d), 1, "no store with this id in the configuration: these templates are never used", d.name))
    return _dedupe(problems)


# --------------------------------------------------------------------------
# Preview
# --------------------------------------------------------------------------


def preview(
    root: Path,
    store: str,
    kind: Kind | str,
    lang: str = FALLBACK_LANGUAGE,
    out_dir: Path | None = None,
    *,
    context: Mapping[str, object] | None = None,
    now: datetime = SAMPLE_NOW,
) -> list[Path]:
    """Render one kind with sample values; write it as ``.eml`` and ``.html``.

    Writes ``<store>-<kind>-<language>.eml`` (the message as mailbot would
    send it, built by :func:`mailbot.outbound.compose.compose`) and
    ``.html`` (the HTML part alone, for a browser) into ``out_dir`` (default:
    the current directory) and returns both paths. ``context`` overrides
    sample values. Language resolution is the daemon's (a store answering
    only in English previews English). Unlike :class:`TemplateSet` this
    renders the files as they are on disk now, even if they fail the check,
    so an admin sees exactly what they wrote; a template that does not render
    raises :class:`TemplateError` with ``file:line: message``.
    """
    root = Path(root)
    try:
        kind = Kind(kind)
    except ValueError:
        known = ", ".join(k.value for k in Kind)
        raise TemplateError([TemplateProblem(str(root), 1, f"unknown kind {kind!r} (kinds: {known})", store)]) from None
    settings, _ = _read_settings(root, store)
    allowed = settings.languages if settings.languages is not None else LANGUAGES
    requested = (lang or FALLBACK_LANGUAGE).strip().lower().replace("_", "-").split("-")[0]
    language = requested if kind.customer_facing and requested in allowed else FALLBACK_LANGUAGE
    chain = _Chain.build(root, store, language)
    if not chain.has(kind.value + ".txt"):
        chain = _Chain.build(root, store, FALLBACK_LANGUAGE)
    ctx = sample_context(kind, store, now=now)
    if kind is Kind.ACK and chain.language != requested:
        # A reader of a language the store does not answer in: show the
        # extended-time note the daemon adds for such customers.
        ctx["extended_for_language"] = True
    if context:
        ctx.update(context)
    stem = chain.kind_names(kind, ctx)
    try:
        rendered = chain.render(stem, kind, ctx)
    except Exception as exc:  # every template failure is reported the same way
        raise TemplateError([_problem_from_exception(exc, chain, stem, kind, "preview")]) from exc
    out = Path(out_dir) if out_dir is not None else Path(".")
    out.mkdir(parents=True, exist_ok=True)
    name = f"{store}-{kind.value}-{rendered.language}"
    eml_path = out / f"{name}.eml"
    html_path = out / f"{name}.html"
    eml_path.write_bytes(_preview_message(rendered, ctx, kind, now))
    html_path.write_text(rendered.html, encoding="utf-8")
    return [eml_path, html_path]


def _preview_message(rendered: Rendered, ctx: Mapping[str, Any], kind: Kind, now: datetime) -> bytes:
    from mailbot.outbound.compose import Envelope, compose

    store = ctx["store"]
    to = ctx["customer"]["email"] if "customer" in ctx else store["email"]
    domain = str(store["email"]).rpartition("@")[2] or "example.com"
    envelope = Envelope(
        message_id=f"preview.{kind.value}.{rendered.language}@{domain}",
        from_name=str(store["name"]),
        from_address=str(store["email"]),
        to=(str(to),),
        date=now,
        case_ref=str(ctx.get("case_ref", "")),
    )
    return compose(envelope, rendered.subject, rendered.text, rendered.html)
