"""The part of a reply the customer just wrote: quotes and signatures removed.

The approach follows Discourse's email_reply_trimmer: every line gets a type,
then the types decide where the new text ends. Line types:

``e`` empty, ``d`` delimiter (``--``, ``____``), ``s`` mobile/client signature
("Sent from my iPhone"), ``h`` first line of an embedded mail (a quote header
such as "On ... wrote:", an Outlook ``From:/Sent:`` block, "-----Original
Message-----"), ``q`` quoted (``>``), ``t`` text.

Pure and linear in the input: only the first :data:`MAX_SCAN` characters are
looked at, so a 10 MB body costs the same as a 200 kB one.
"""

from __future__ import annotations

import re

MAX_SCAN = 100_000

def _lower_compile(pattern: str) -> re.Pattern[str]:
    """Compile for lower-cased input: much faster than re.IGNORECASE in Python's engine."""
    return re.compile(pattern.lower())


# Verbs that end a quote header line, in the languages our clients write in and
# the ones their mail programs are set to.
_WROTE = (
    r"wrote|writes|said|schrieb|schreef|a\s+[ée]crit|escribi[óo]|escreveu|ha\s+scritto|scrisse"
    r"|skrev|kirjoitti|napisa[łl](?:\(a\)|a)?|пишет|написал(?:\(а\)|а)?|напис(?:ав|ала)"
    r"|пише|写道|寫道|geschreven|kirjutas|írta|yazdı"
)
_WROTE_RE = _lower_compile(rf"(?:^|[\s\"'>)])(?:{_WROTE})(?=$|[\s:,.\-])")
# A header ends with a colon (or the "----" some webmailers put there), or with
# the verb itself in clients that leave the colon out.
_HEADER_END_RE = _lower_compile(rf"(?::|-{{2,}}|(?:{_WROTE}))\s*$")
_HEADER_START_RE = _lower_compile(
    r"^\s*(?:-+\s*)?(?:on|am|le|el|il|em|op|w\s+dniu|dnia|den|p[åa]|il\s+giorno|в|el\s+d[ií]a)\s"
    r"|^\s*\d{1,4}[-/. ]",
)
# Gmail in some locales writes "2016-10-24 15:36 GMT+02:00 Name <addr>:".
_DATE_HEADER_RE = _lower_compile(
    r"^\s*(?:\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})\b.{0,200}"
    r"(?:<[^<>\s]+@[^<>\s]+>\s*:?|\d{1,2}:\d{2}.{0,20}(?:gmt|utc)[^\n]{0,80})\s*$",
)
# A quote header names a date or an address; requiring one of these keeps
# "Here is what the courier wrote:" in the customer's text.
_TIME_RE = re.compile(r"\b\d{1,2}:\d{2}\b")
_ADDRESS_RE = re.compile(r"<[^<>\s]+@[^<>\s]+>")
_HEADERISH_RE = _lower_compile(
    r"@|\d{1,2}:\d{2}|\b\d{4}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"
    r"|^\s*(?:-+\s*)?(?:on|am|le|el|il|em|op|w\s+dniu|dnia|den|p[åa]|il\s+giorno|в|el\s+d[ií]a)\s",
)
_FIELD_NAMES_FROM = (
    r"from|de|von|da|van|fr[åa]n|fra|od|от|l[äa]hett[äa]j[äa]|发件人|寄件者|feladó|kimden"
)
_FIELD_NAMES_OTHER = (
    r"sent|date|envoy[ée](?:\s+le)?|gesendet|datum|inviato|data|enviado|enviada|fecha|verzonden"
    r"|skickat|sendt|wys[łl]ano|отправлено|дата|l[äa]hetetty|发送时间|發送時間|subject|objet|betreff"
    r"|oggetto|asunto|assunto|onderwerp|[äa]mne|emne|temat|тема|aihe|主题|主旨|to|[àa]|an|a|para|aan"
    r"|till|til|do|кому|vastaanottaja|收件人|cc|kopie"
)
_FROM_FIELD_RE = re.compile(rf"^\s*[*_]?\s*(?:{_FIELD_NAMES_FROM})\s*[*_]?\s*:\s*\S", re.I)
_OTHER_FIELD_RE = re.compile(rf"^\s*[*_]?\s*(?:{_FIELD_NAMES_OTHER})\s*[*_]?\s*:", re.I)
_SEPARATOR_RE = re.compile(
    r"^\s*[-=_*\s]*\s*(?:original message|ursprüngliche nachricht|urspr[üu]ngliche nachricht"
    r"|message d'origine|mensaje original|messaggio originale|mensagem original|oorspronkelijk bericht"
    r"|originalmeddelande|oprindelig meddelelse|opprinnelig melding|wiadomość oryginalna"
    r"|forwarded message|weitergeleitete nachricht|message transf[ée]r[ée]|mensaje reenviado"
    r"|messaggio inoltrato|mensagem encaminhada|doorgestuurd bericht|reply message|original)"
    r"\s*[-=_*\s]*$",
    re.I,
)
_FORWARD_INTRO_RE = re.compile(
    r"^\s*(?:begin forwarded message|anfang der weitergeleiteten nachricht|d[ée]but du message r[ée]exp[ée]di[ée]"
    r"|inicio del mensaje reenviado|inizio messaggio inoltrato|in[íi]cio da mensagem reencaminhada"
    r"|mensagem encaminhada)\s*:?\s*$",
    re.I,
)
_UNDERSCORE_RULE_RE = re.compile(r"^\s*_{8,}\s*$")
_DELIMITER_RE = re.compile(r"^\s*(?:--|-- |[-_*#~=+]{2,}|ᐧ)\s*$")
_SIGNATURE_RE = re.compile(
    r"^\s*[(<]*\s*(?:"
    r"sent (?:from|via|with|using|on) (?:my|mobile|a (?:phone|mobile)|yahoo|mail\b|\[mail\]|outlook|windows|samsung"
    r"|mailbox|airmail|iphone|ipad|ipod|android|blackberry|gmail|proton|aol|spark|superhuman|bluemail|zoho"
    r"|the .{0,20}app).{0,80}"
    r"|get outlook for .{0,80}"
    r"|from my (?:iphone|ipad|android|mobile|phone|samsung|galaxy).{0,60}"
    r"|sent by (?:galaxy|my .{0,30}|.{0,20}(?:mobile|phone|mail))"
    r"|.{0,30}\bfrom (?:my )?mobile"
    r"|envoy[ée] (?:de|depuis) (?:mon|ma|un) .{0,60}"
    r"|von meinem .{0,60}gesendet.{0,40}"
    r"|diese nachricht wurde von meinem .{0,100}"
    r"|gesendet (?:von|mit) .{0,60}"
    r"|enviado (?:desde|do|de) (?:mi|meu|o meu|un|um) .{0,60}"
    r"|inviato da .{0,60}"
    r"|verzonden (?:met|vanaf|van) .{0,60}"
    r"|skickat fr[åa]n .{0,60}|sendt fra min .{0,60}"
    r"|wys[łl]ane z .{0,60}"
    r"|отправлено с .{0,60}"
    r"|從我的 .{0,30}傳送|发自我的.{0,30}"
    r")\s*[)>]*\s*$",
    re.I,
)
_QUOTE_RE = re.compile(r"^\s*>")
_FENCE_RE = re.compile(r"^\s*```")
_LINE_ENDINGS_RE = re.compile(r"\r\n?")


_ANY_FIELD_RE = re.compile(rf"^\s*[*_]?\s*((?:{_FIELD_NAMES_FROM})|(?:{_FIELD_NAMES_OTHER}))\s*[*_]?\s*:", re.I)
_FROM_NAME_RE = re.compile(rf"^(?:{_FIELD_NAMES_FROM})$", re.I)


def _is_from_block(lines: list[str], i: int) -> bool:
    """An Outlook/webmail header block starting at ``i``.

    Three or more "Field:" lines (From, Sent, To, Subject... in a dozen
    languages) within eight lines, one of them a From field. The From line may
    come anywhere in the block (Hotmail puts Date first) and its value may be
    on the next line (Outlook 2003 rendered from HTML).
    """
    first = _ANY_FIELD_RE.match(lines[i])
    if not first:
        return False
    names = set()
    has_from = False
    for line in lines[i : i + 9]:
        found = _ANY_FIELD_RE.match(line)
        if found:
            name = found.group(1).lower()
            names.add(name)
            has_from = has_from or bool(_FROM_NAME_RE.match(name))
    return has_from and len(names) >= 3


def _is_wrote_header(lines: list[str], i: int) -> int:
    """Number of lines (1-5) the "On ... wrote:" header at ``i`` spans, else 0.

    Clients wrap long headers, sometimes with blank lines inside
    ("On Thu, 31 Mar 2016 at 11:16 Some One\n\n<\nmailto:...>\n> wrote:").
    """
    line = lines[i].lstrip("> ").strip().lower()
    if not line or len(line) > 300:
        return 0
    if _DATE_HEADER_RE.match(line):
        return 1
    # Only a line that starts like a header, or names the verb itself, may
    # begin one; otherwise a sentence with an "@" in it would swallow the
    # real header two lines further down.
    may_span = bool(_HEADER_START_RE.match(line) or _WROTE_RE.search(line))
    joined = line
    blanks = 0
    for span in range(1, 6):
        tail = joined[-120:]
        if _WROTE_RE.search(tail) and _HEADER_END_RE.search(joined) and _HEADERISH_RE.search(joined):
            return span
        # "Thu, 26 Jun 2014 14:00:51 +0400 от Alexander <a@example.com>:" in a
        # language we have no verb for: a time, an address and a final colon.
        if joined.endswith(":") and _TIME_RE.search(joined) and _ADDRESS_RE.search(joined):
            return span
        if not may_span or i + span >= len(lines):
            break
        nxt = lines[i + span].lstrip("> ").strip().lower()
        if not nxt:
            blanks += 1
            if blanks > 1 or not _HEADER_START_RE.match(line):
                break
            continue
        joined = f"{joined} {nxt}"
        if len(joined) > 400:
            break
    return 0


def _colon_near(lines: list[str], reach: int = 5) -> list[bool]:
    """For each line: does it or one of the next ``reach`` lines hold a colon?

    Every header we recognise ends in a colon within a few lines (or is a
    separator/date line, checked separately), so lines far from any colon
    skip the expensive header tests. Computed in one backward pass.
    """
    out = [False] * len(lines)
    last = -(10**9)
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if ":" in line or "：" in line or "--" in line:
            last = i
        out[i] = last - i <= reach
    return out


_CHEAP_START = frozenset("-_=*#~+ᐧ0123456789")
_WROTE_LOWER_RE = re.compile(rf"(?:{_WROTE})".lower())


def _verb_near(lines: list[str], reach: int = 5) -> list[bool]:
    """For each line: does it or one of the next ``reach`` lines name a quote verb?"""
    out = [False] * len(lines)
    last = -(10**9)
    for i in range(len(lines) - 1, -1, -1):
        if _WROTE_LOWER_RE.search(lines[i].lower()):
            last = i
        out[i] = last - i <= reach
    return out


def _classify(lines: list[str]) -> list[str]:
    types: list[str] = []
    in_fence = False
    near = _colon_near(lines)
    verbs = _verb_near(lines)
    for i, line in enumerate(lines):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
            types.append("t")
            continue
        if in_fence:
            types.append("t")
            continue
        stripped = line.strip()
        if not stripped:
            types.append("e")
            continue
        first = stripped[0]
        candidate = near[i] or first in _CHEAP_START
        # "On ... wrote:" needs the verb close by; date-style headers start with a digit.
        wrote_candidate = candidate and (verbs[i] or first.isdigit())
        dashes = "-" in line or "_" in line or "=" in line or "*" in line
        if first == ">":
            # A quoted quote header still marks where the history starts.
            header = wrote_candidate and bool(_is_wrote_header(lines, i)) and not _has_text_before(types)
            types.append("h" if header else "q")
        elif candidate and (
            (dashes and _SEPARATOR_RE.match(line))
            or (":" in line and _FORWARD_INTRO_RE.match(line))
            or (":" in line[:40] and _is_from_block(lines, i) and not (types and types[-1] == "h"))
            or (first == "_" and _UNDERSCORE_RULE_RE.match(line) and any(_FROM_FIELD_RE.match(n) for n in lines[i + 1 : i + 4]))
            or (wrote_candidate and _is_wrote_header(lines, i))
        ):
            types.append("h")
        elif stripped[0] in _CHEAP_START and _DELIMITER_RE.match(line):
            types.append("d")
        else:
            types.append("t")
    return types


def _only_short_lines_after(lines: list[str], i: int) -> bool:
    """A signature closes a message: what follows it is a few short lines."""
    rest = [line for line in lines[i + 1 : i + 60] if line.strip()]
    return len(rest) <= 40 and all(len(line) < 120 for line in rest)


def _has_text_before(types: list[str]) -> bool:
    return "t" in types


def _skip_history(lines: list[str], types: list[str], start: int) -> int:
    """Index of the first line after the header at ``start`` and its quote."""
    j = start + 1
    span = _is_wrote_header(lines, start) if lines[start].strip()[:1] != ">" else 0
    if span:
        # "On ... wrote:" spans a known number of lines.
        j = start + span
    else:
        # A block header (From:/Sent:/Subject:, "-----Original Message-----")
        # runs to its first blank line.
        while j < len(types) and types[j] != "e":
            j += 1
    while j < len(types) and types[j] in ("q", "e", "h"):
        j += 1
    return j


def _trim(lines: list[str], types: list[str]) -> list[str]:
    # 1. History embedded below the reply: cut at the first header that has
    #    customer text above it.
    first_h = next((i for i, kind in enumerate(types) if kind == "h"), -1)
    if first_h >= 0:
        if "t" in types[:first_h]:
            lines, types = lines[:first_h], types[:first_h]
        else:
            # The header is on top (bottom-posting, or a forward with a note
            # below): skip the header and the quoted block, keep what follows.
            j = _skip_history(lines, types, first_h)
            rest_types = types[j:]
            if "t" in rest_types:
                return _trim(lines[j:], rest_types)
            lines, types = lines[:first_h], types[:first_h]
    # 2. A signature delimiter or client signature ends the reply, when there is
    #    text above it (a message that is only "--" keeps its text). Client
    #    signatures are judged only now, on what is left of the reply, because
    #    "what follows is short" is the test that keeps them apart from text.
    types = [
        "s" if kind == "t" and len(lines[i].strip()) < 120 and _SIGNATURE_RE.match(lines[i].strip())
        and _only_short_lines_after(lines, i) else kind
        for i, kind in enumerate(types)
    ]
    for i, kind in enumerate(types):
        if kind in ("d", "s") and "t" in types[:i]:
            lines, types = lines[:i], types[:i]
            break
    # 3. Quotes trailing the reply are history; quotes between text lines are
    #    an inline answer and stay.
    if "t" in types:
        end = len(types)
        while end > 0 and types[end - 1] in ("q", "e"):
            end -= 1
        lines = lines[:end]
    return lines


def strip_quotes(text: str) -> str:
    """Return the newly written part of a reply body.

    Removes quoted history (``>`` blocks, "On ... wrote:" headers in a dozen
    languages, Outlook header blocks, forwarded-message separators) and trailing
    signatures (``--`` delimiters, "Sent from my iPhone" and its translations).
    Inline answers between quotes are kept. A body that is nothing but a quote
    is returned as it is (stripped): there is nothing better to show. Leading
    and trailing blank lines are removed; inner formatting is preserved.
    """
    if not text:
        return ""
    body = _LINE_ENDINGS_RE.sub("\n", text[:MAX_SCAN])
    lines = body.split("\n")
    types = _classify(lines)
    kept = _trim(lines, types)
    result = "\n".join(kept).strip("\n")
    if not result.strip():
        # Nothing but history. A bare quote with no header is returned as it
        # is (it may be all there is); a chain of quoted mails is nothing new.
        return "" if "h" in types else body.strip()
    return result.strip()
