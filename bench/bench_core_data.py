"""Inputs for bench/bench_core.py: customer mail and a pre-filled state directory.

Deterministic for a given seed. Nothing here talks to a server.

* `customer_message` -- one realistic customer email (en/es/fr/de; orders,
  returns, damage with a photo, refunds, complaints, product questions; some
  with an HTML alternative or a quoted earlier exchange), a few hundred bytes
  to a few KB, CRLF line endings, ready for SMTP.
* `populate_state` -- N historical cases spread over the stores, written as
  the state store's own shard files (same layout and codec as
  ``mailbot.state.tinystore``; going through ``save_case`` would fsync a
  shard per case and take many minutes for 100,000). Most are closed; the
  recent ones are open with their past timers already fired, as a running
  daemon would have left them, so nothing fires during the benchmark.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import random
import types
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from pathlib import Path

from mailbot.config import Config, StoreConfig
from mailbot.models import (
    Address,
    Case,
    CaseEvent,
    CaseMessage,
    CaseStatus,
    Category,
    OutboundRecord,
    OutboxState,
    StatusEntry,
)
from mailbot.promises import StorePromises
from mailbot.state.codec import to_doc
from mailbot.state.tinystore import CASES_PER_SHARD, TinyStateStore
from mailbot.worker import StoreWorker

FIRST_NAMES = ["Ann", "Ben", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas",
               "Kim", "Lucia", "Marc", "Nora", "Omar", "Paula", "Quentin", "Rosa", "Sven", "Tara"]
LAST_NAMES = ["Martin", "Garcia", "Schmidt", "Dubois", "Rossi", "Novak", "Jensen", "Silva", "Weber", "Moreau"]

# (category hint, language, subject, body); {order} and {item} are filled in.
_MAILS: list[tuple[str, str, str, str]] = [
    ("order_status", "en", "Where is my order #{order}?",
     "Hello,\n\nI ordered the {item} on {day} (order #{order}) and it still has not arrived. The tracking page "
     "has not changed for four days. Could you tell me where it is and when I can expect it?\n\nThank you,\n{name}"),
    ("order_status", "en", "Order {order} not received",
     "Hi there,\n\nMy order {order} was supposed to arrive last week. I have checked with my neighbours and the "
     "post office, nothing. Please let me know what is going on.\n\nRegards,\n{name}"),
    ("shipping_issue", "en", "Tracking number does not work",
     "Hello,\n\nThe tracking number you sent for order #{order} says 'label created' since {day}. Has the parcel "
     "actually left your warehouse? I need the {item} before the weekend.\n\n{name}"),
    ("return_exchange", "en", "Return request for order #{order}",
     "Hello,\n\nI would like to return the {item} from order #{order}. It does not fit and I have not worn it; "
     "the tags are still attached. How do I send it back, and do you provide a return label?\n\nBest,\n{name}"),
    ("refund", "en", "Refund still not received",
     "Dear support,\n\nI returned the {item} (order {order}) two weeks ago and your warehouse confirmed receipt "
     "on {day}, but I have not received my refund yet. When will it be processed?\n\nKind regards,\n{name}"),
    ("damaged_wrong_item", "en", "Item arrived damaged",
     "Hi,\n\nThe {item} I received today (order #{order}) is broken: the box was crushed and the item is "
     "cracked on one side. I have attached a photo. I would like a replacement please.\n\n{name}"),
    ("damaged_wrong_item", "en", "Wrong item in my parcel",
     "Hello,\n\nI ordered a {item} but the parcel contained something completely different. Order number "
     "{order}. Please tell me how to get the right one.\n\nThanks,\n{name}"),
    ("complaint", "en", "Very disappointed with your service",
     "Hello,\n\nThis is the third time I write about order #{order}. Nobody has answered, the {item} never "
     "arrived and I was charged twice. I expect a proper answer this time or I will open a dispute with my "
     "bank.\n\n{name}"),
    ("product_question", "en", "Question about the {item}",
     "Hi,\n\nBefore I order: is the {item} available in a larger size, and what is it made of? I have a "
     "nickel allergy. Also, do you ship to Norway?\n\nThanks a lot,\n{name}"),
    ("order_change", "en", "Change delivery address for order {order}",
     "Hello,\n\nI just placed order {order} and noticed the delivery address is my old one. Could you change "
     "it to: 14 Rue des Lilas, 69003 Lyon, France? The order has not shipped yet I think.\n\nThank you,\n{name}"),
    ("payment", "en", "Payment declined but money taken",
     "Hi,\n\nMy card payment for the {item} was declined at checkout, but the amount was taken from my "
     "account anyway. Can you check whether an order exists and refund the charge if not?\n\n{name}"),
    ("account", "en", "Cannot log in to my account",
     "Hello,\n\nI cannot log in to my account; the password reset email never arrives. My account email is "
     "this one. Could you help?\n\nBest regards,\n{name}"),
    ("order_status", "es", "¿Dónde está mi pedido {order}?",
     "Hola,\n\nHice el pedido {order} el {day} y todavía no ha llegado. El seguimiento no se actualiza desde "
     "hace varios días. ¿Podrían decirme cuándo llegará?\n\nGracias,\n{name}"),
    ("return_exchange", "es", "Devolución del pedido {order}",
     "Buenos días,\n\nQuiero devolver el {item} del pedido {order} porque no es de mi talla. ¿Cómo puedo "
     "hacer la devolución? ¿Me enviarán una etiqueta?\n\nUn saludo,\n{name}"),
    ("damaged_wrong_item", "fr", "Article reçu endommagé",
     "Bonjour,\n\nLe {item} de ma commande {order} est arrivé cassé. Le colis était abîmé. Je joins une "
     "photo. Pouvez-vous m'envoyer un remplacement ?\n\nCordialement,\n{name}"),
    ("refund", "fr", "Remboursement commande {order}",
     "Bonjour,\n\nJ'ai renvoyé le {item} il y a deux semaines et je n'ai toujours pas été remboursé. "
     "Pourriez-vous vérifier où en est mon remboursement ?\n\nMerci,\n{name}"),
    ("order_status", "de", "Wo bleibt meine Bestellung {order}?",
     "Hallo,\n\nich habe am {day} die Bestellung {order} aufgegeben ({item}), aber sie ist noch nicht "
     "angekommen. Die Sendungsverfolgung zeigt seit Tagen nichts Neues. Wann kommt das Paket?\n\n"
     "Viele Grüße\n{name}"),
    ("complaint", "de", "Beschwerde",
     "Guten Tag,\n\nich bin sehr unzufrieden. Meine Bestellung {order} ist unvollständig angekommen und auf "
     "meine letzte E-Mail hat niemand geantwortet. Ich erwarte eine Lösung.\n\nMit freundlichen Grüßen\n{name}"),
    ("feedback", "en", "Thank you!",
     "Hi,\n\nJust wanted to say the {item} arrived today and it is lovely. Great packaging too. I will "
     "order again.\n\n{name}"),
]
_ITEMS = ["silver necklace", "linen shirt", "face serum", "leather wallet", "ceramic vase", "running shoes",
          "wool scarf", "phone case", "gold earrings", "travel mug", "desk lamp", "yoga mat"]
_DAYS = ["Monday", "Tuesday", "the 3rd", "March 14", "last Friday", "the 21st"]
_SIGNATURES = [
    "", "\n\n--\nSent from my phone", "\n\n--\n{name}\n+44 20 7946 0958",
    "\n\n________________________________\nThis email and any attachments are confidential and intended solely "
    "for the addressee. If you have received it in error please notify the sender and delete it.",
]


def customer_message(rng: random.Random, sender: str, name: str, to: str, message_id: str, when: datetime) -> bytes:
    """One customer email from ``sender`` to ``to``, as SMTP-ready bytes."""
    _, _, subject, body = rng.choice(_MAILS)
    fill = {
        "order": str(rng.randint(10000, 99999)),
        "item": rng.choice(_ITEMS),
        "day": rng.choice(_DAYS),
        "name": name,
    }
    text = body.format(**fill) + rng.choice(_SIGNATURES).format(**fill)
    if rng.random() < 0.25:
        # A quoted earlier exchange below the new text, as mail clients add it.
        quoted = "\n".join(f"> {line}" for line in body.format(**fill).splitlines())
        text += f"\n\nOn {rng.choice(_DAYS)}, {name} <{sender}> wrote:\n{quoted}\n"
    msg = EmailMessage()
    msg["From"] = f"{name} <{sender}>"
    msg["To"] = to
    msg["Subject"] = subject.format(**fill)
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<{message_id}>"
    msg["MIME-Version"] = "1.0"
    msg.set_content(text)
    if rng.random() < 0.3:
        paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n\n"))
        msg.add_alternative(f"<html><body>{paragraphs}</body></html>", subtype="html")
    if "photo" in text or "photo" in body or rng.random() < 0.03:
        # A small "photo": a couple of KB of base64, like a thumbnail a phone attaches.
        blob = rng.randbytes(rng.randint(1200, 2500))
        msg.add_attachment(blob, maintype="image", subtype="jpeg", filename="IMG_2231.jpg")
    return msg.as_bytes(policy=SMTP)


# -- a state directory with history ----------------------------------------


def _fingerprint(store: StoreConfig) -> str:
    # The worker's own fingerprint, so that the daemon does not replan every case at start.
    return StoreWorker.policy_fingerprint(types.SimpleNamespace(store=store))  # type: ignore[arg-type]


def _history_case(
    rng: random.Random, store: StoreConfig, promises: StorePromises, number: int, opened: datetime,
    customer: Address, now: datetime,
) -> Case:
    ref = f"{store.prefix}-{number:06d}"
    category = rng.choice([c for c in Category if c not in (Category.MERCHANT, Category.DISPUTE)])
    language = rng.choices(["en", "es", "fr", "de"], weights=[70, 12, 10, 8])[0]
    first = CaseMessage(f"{rng.getrandbits(64):016x}.{number}@customers.example", "customer", opened,
                        customer.email, "INBOX", number)
    ack_at = opened + timedelta(seconds=rng.uniform(1, 90))
    ack = OutboundRecord(
        message_id=f"{ref}.{rng.getrandbits(40):010x}@{store.domain}", kind="ack", to=(customer.email,),
        state=OutboxState.SENT, created_at=ack_at, attempts=1, sent_at=ack_at, filed=True,
    )
    messages = [first]
    events = [CaseEvent(opened, "opened", "new_customer_mail"), CaseEvent(ack_at, "ack_sent", "ack")]
    history = [StatusEntry(opened, CaseStatus.NEW), StatusEntry(ack_at, CaseStatus.ACKNOWLEDGED)]
    status = CaseStatus.ACKNOWLEDGED
    resolved_at = None
    age = now - opened
    staff = store.staff[number % len(store.staff)] if store.staff else store.address
    reply_at = opened + timedelta(hours=rng.uniform(1, 40))
    if age > timedelta(days=14) or (reply_at < now and rng.random() < 0.6):
        messages.append(CaseMessage(f"{rng.getrandbits(64):016x}@{store.domain}", "staff", reply_at, staff, "Sent", number))
        events.append(CaseEvent(reply_at, "staff_message", "staff_reply"))
        if rng.random() < 0.4:
            again = reply_at + timedelta(hours=rng.uniform(2, 30))
            if again < now:
                messages.append(CaseMessage(f"{rng.getrandbits(64):016x}.r@customers.example", "customer", again,
                                            customer.email, "INBOX", number))
                events.append(CaseEvent(again, "customer_message", "reply"))
                reply_at = again + timedelta(hours=rng.uniform(1, 20))
                messages.append(CaseMessage(f"{rng.getrandbits(64):016x}.s@{store.domain}", "staff", reply_at,
                                            staff, "Sent", number))
                events.append(CaseEvent(reply_at, "staff_message", "staff_reply"))
        done_at = reply_at + timedelta(hours=rng.uniform(1, 48))
        if age > timedelta(days=14):
            resolved_at = done_at
            history.append(StatusEntry(done_at, CaseStatus.RESOLVED))
            closed_at = done_at + timedelta(days=7)
            history.append(StatusEntry(closed_at, CaseStatus.CLOSED))
            events += [CaseEvent(done_at, "status:resolved", f"#resolved by {staff}"),
                       CaseEvent(closed_at, "status:closed", "auto_close")]
            status = CaseStatus.CLOSED
        elif done_at < now and rng.random() < 0.5:
            resolved_at = done_at
            history.append(StatusEntry(done_at, CaseStatus.RESOLVED))
            events.append(CaseEvent(done_at, "status:resolved", f"#resolved by {staff}"))
            status = CaseStatus.RESOLVED
    case = Case(
        ref=ref, number=number, store_id=store.id, customer=customer,
        subject=rng.choice(_MAILS)[2].format(order=rng.randint(10000, 99999), item=rng.choice(_ITEMS)),
        status=status, opened_at=opened, updated_at=max(e.at for e in events), messages=tuple(messages),
        category=category, urgent=rng.random() < 0.1, language=language,
        order_id=str(rng.randint(10000, 99999)) if rng.random() < 0.7 else None,
        reasons=("new_customer_mail", f"category:{category.value}"), outbox=(ack,), events=tuple(events),
        owner=staff if category is Category.COMPLAINT else "", resolved_at=resolved_at,
        status_history=tuple(history),
    )
    if status is CaseStatus.CLOSED:
        return case  # nothing runs on a closed case: no need to ask the policy
    # Whatever came due in the past was acted on by the daemon that lived through it.
    for _ in range(20):
        owed = promises.next_firing(case)
        if owed is None or owed > now + timedelta(hours=1):
            break
        fired = {d.key for d in promises.due(case, now + timedelta(hours=1))}
        if not fired:
            break
        case = dataclasses.replace(case, fired=(*case.fired, *sorted(fired)))
    else:
        case = dataclasses.replace(case, status=CaseStatus.CLOSED)
    return dataclasses.replace(case, next_timer_at=promises.next_firing(case))


def populate_state(state_dir: Path, config: Config, total: int, now: datetime, seed: int = 7) -> dict[str, int]:
    """Write ``total`` historical cases, spread evenly over the stores, into ``state_dir``.

    Cases span the retention period (closed ones older than that would be purged); customers come back now and then (the
    pool is smaller than the number of cases). Returns cases per store.
    """
    rng = random.Random(seed)
    stores = list(config.stores)
    per_store = {s.id: total // len(stores) + (1 if i < total % len(stores) else 0) for i, s in enumerate(stores)}
    state_dir.mkdir(parents=True, exist_ok=True)
    # The policy fingerprint first, through the store itself (while it holds no
    # case, opening it is free), so the daemon does not replan every case at start.
    meta = TinyStateStore(state_dir)
    for store in stores:
        meta.save_meta(store.id, "policy", _fingerprint(store))
    for store_index, store in enumerate(stores):
        promises = StorePromises.from_config(store)
        count = per_store[store.id]
        # History within the store's retention period, as a daemon that purges every hour leaves it.
        keep = store.retention_days - 30 if store.retention_days is not None else 730
        span = timedelta(days=keep).total_seconds()
        offsets = sorted((rng.uniform(0, span) for _ in range(count)), reverse=True)
        pool = max(1, int(count * 0.75))
        shards: dict[int, dict[str, object]] = {}
        for number, offset in enumerate(offsets, start=1):
            who = rng.randrange(pool)
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            customer = Address(name, f"h{store_index}x{who}@customers.example")
            case = _history_case(rng, store, promises, number, now - timedelta(seconds=offset), customer, now)
            shards.setdefault(number // CASES_PER_SHARD, {})[str(number)] = to_doc(case)
        folder = state_dir / store.id / "cases"
        folder.mkdir(parents=True, exist_ok=True)
        for index, docs in shards.items():
            (folder / f"{index:06d}.json").write_text(json.dumps({"cases": docs}, separators=(",", ":")))
    return per_store

