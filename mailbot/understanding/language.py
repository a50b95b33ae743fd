"""Which language a customer wrote in (ISO 639-1), from short texts.

Two kinds of evidence, both written by hand for this module (no corpus data):

* the script: Cyrillic, Greek, Arabic, Hebrew, Han, kana and Hangul settle the
  language family at once;
* for Latin-script text, function words and the commonest customer-service
  words of each language, weighted by how exclusive a word is (a word listed
  for two languages counts half for each), plus letters and punctuation that
  only some languages use (``ß``, ``ñ``, ``¿``, ``ç``, ``ã``...).

Function words are what tells languages apart in a two-line message
("Wo ist meine Bestellung?"); they are also what a trigram model trained on a
few pages would mostly learn. Pure; looks at most :data:`MAX_CHARS` characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping

MAX_CHARS = 1_000
DEFAULT = "en"

_WORDS: dict[str, str] = {
    "en": """
        request issue issues urgent problem problems support assistance inquiry help question software update required error service services with regarding about your our their please could would
        the a an and or but of to in on at for with from by about as is are was were be been being am
        i you he she it we they me my your his her its our their this that these those there here
        what where when why how who which do does did done have has had not no yes can could would
        should will shall may might must please thanks thank hello hi dear regards sincerely
        order orders my item items received receive package parcel delivery shipping shipped refund
        return account password payment card help need want still yet just if so than then also
        get got any some all one two one's it's i'm i've don't didn't can't won't haven't hasn't
        isn't wasn't doesn't would like know since ago week weeks day days today tomorrow yesterday
        soon asap email mail sent send number cancel change address wrong damaged broken
        arrived never issue problem store buy bought purchase
    """,
    "es": """
        solicitud consulta problema problemas urgente asistencia soporte ayuda error licencia conectividad mejoras servicio servicios sobre con espero mensaje bien encuentre gracias requerida requerido técnico técnica impresora cliente atención saludos cordiales informe cambio falla fallo costo costos empresa equipo
        el la los las un una unos unas y o pero de del al en con sin por para sobre como es son
        era fue ser estar está están estoy esta este esto estos estas ese esa eso yo tú usted
        él ella nosotros ellos mi mis su sus nuestro nuestra qué que dónde donde cuándo cuando
        cómo como quién cuál porque por qué sí no hola gracias buenos buenas días tardes
        saludos atentamente estimado estimados estimada favor necesito quiero quisiera puedo
        puede pueden tengo tiene tienen hay he ha han hice hizo todavía aún ya muy más menos
        también pedido pedidos compra paquete envío entrega recibido recibí llegado llegó
        devolución reembolso cuenta contraseña pago tarjeta ayuda ayudar problema producto
        dañado roto cambiar cancelar dirección correo número hace semana semanas mañana hoy
        ayer le les lo se me te nos muchas mucho pedí compré desde hasta cuanto cuánto
        dos veces vez mismo misma cobraron cargo cargos factura tarjeta precio precios
        talla existencias disponible cotización presupuesto suscripción
    """,
    "fr": """
        demande demandes problème problèmes urgente urgent assistance soutien aide erreur licence service services avec concernant sur panne mise jour achat transfert consultation informatique technique imprimante client cordialement bonjour équipe merci veuillez
        le la les un une des et ou mais de du au aux en dans avec sans pour par sur comme est
        sont était été être je tu il elle nous vous ils elles me te se mon ma mes ton ta tes son
        sa ses notre nos votre vos leur leurs ce cette ces cet qui que quoi où quand comment
        pourquoi oui non bonjour bonsoir merci madame monsieur cordialement salutations
        s'il plaît svp j'ai n'ai pas ne plus toujours encore déjà très aussi ai avez avons
        ont fait faire peux pouvez voudrais veux besoin commande commandes colis livraison
        reçu reçue arrivé arrivée remboursement retour compte mot passe paiement carte aide
        problème produit endommagé cassé changer annuler adresse courriel numéro depuis
        semaine semaines jours aujourd'hui demain hier y à ça c'est qu'il d'un d'une l'
        facture facturation prélèvement débité disponible taille prix tarif tarifs devis abonnement
    """,
    "de": """
        anfrage anfragen problem probleme dringend dringende dringendes hilfe unterstützung fehler lizenz dienst dienste mit bezüglich über zur zum beim vom erforderlich benötigt ausfall störung aktualisierung beratung kauf rechnung einrichtung kundenservice bitte freundliche grüße vielen team
        der die das den dem des ein eine einen einem einer und oder aber von zu in im am an auf
        für mit aus bei nach über wie ist sind war waren sein bin bist ich du er sie es wir ihr
        mich mir dich dir uns euch mein meine meinen meinem meiner dein ihre ihren unser unsere
        ihr ihre dieser diese dieses was wo wann warum wie wer welche ja nein nicht kein keine
        hallo guten tag danke bitte sehr geehrte geehrter grüße grüßen freundlichen mfg
        habe hast hat haben hatte kann können könnte möchte will würde muss noch schon immer
        auch nur bestellung bestellungen paket lieferung versand erhalten bekommen angekommen
        rückerstattung rücksendung konto passwort zahlung karte hilfe problem produkt
        beschädigt kaputt ändern stornieren adresse nummer seit woche wochen tage heute morgen
        gestern dass wurde wurden leider vielen dank bestellt
        abbuchung abgebucht verfügbar erhältlich lieferbar größe preis preise lager abonnement
    """,
    "it": """
        richiesta problema problemi urgente assistenza supporto aiuto errore licenza servizio servizi con riguardo sulla sul della delle guasto aggiornamento acquisto tecnico tecnica stampante cliente cordiali saluti grazie gentile squadra
        il lo la i gli le un uno una e o ma di del della dei delle da dal in nel nella con su
        per tra fra come è sono era erano essere io tu lui lei noi voi loro mi ti ci vi si mio
        mia miei mie tuo tua suo sua nostro nostra vostro questo questa questi quello quella che
        chi cosa dove quando perché come sì no ciao buongiorno buonasera grazie salve
        cordiali saluti gentile gentili distinti ho hai ha abbiamo avete hanno fatto posso può
        potete vorrei voglio bisogno ancora già molto più anche non ordine ordini pacco
        consegna spedizione ricevuto arrivato rimborso reso account password pagamento carta
        aiuto problema prodotto danneggiato rotto cambiare annullare indirizzo numero
        settimana settimane giorni oggi domani ieri dov'è c'è l'ordine un'altra
        fattura addebito addebitato disponibile taglia prezzo magazzino preventivo abbonamento
    """,
    "pt": """
        solicitação pedido problema problemas urgente assistência suporte ajuda erro licença serviço serviços com sobre espero mensagem bem encontre obrigado obrigada relatório falha rede empresarial impressora cliente atenciosamente prezado equipe consultoria conectividade frequentes durante uso
        o a os as um uma uns umas e ou mas de do da dos das no na nos nas em com sem por para
        pelo pela sobre como é são era foi ser estar está estão estou este esta isto esse essa
        isso eu você vocês ele ela nós eles elas me te se meu minha meus minhas seu sua seus
        suas nosso nossa que quê onde quando porque por quê sim não olá oi obrigado obrigada
        bom dia boa tarde atenciosamente cumprimentos prezado prezados prezada favor
        preciso quero gostaria posso pode podem tenho tem têm há fiz fez ainda já muito mais
        menos também pedido pedidos encomenda compra pacote envio entrega recebi recebido
        chegou devolução reembolso conta senha pagamento cartão ajuda problema produto
        danificado quebrado mudar alterar cancelar endereço número semana semanas hoje amanhã
        ontem lhe vocês desde até quanto comprei
        disponível disponíveis tamanho estoque preço preços orçamento fatura cobrança cobraram
        assinatura novamente artigo duas vezes mesmo mesma
    """,
    "nl": """
        de het een en of maar van voor met op aan in uit bij naar over als is zijn was waren
        ik jij je hij zij wij we jullie mij mijn uw jouw ons onze dit dat deze die wat waar
        wanneer waarom hoe wie ja nee niet geen hallo goedendag dank bedankt alstublieft
        graag groeten vriendelijke met heb hebt heeft hebben kan kunnen wil zou moet nog al
        ook bestelling pakket levering ontvangen terugbetaling retour account wachtwoord
        betaling hulp probleem beschadigd kapot wijzigen annuleren adres nummer week dagen
        vandaag morgen gisteren
    """,
}

# Letters and marks that only some of the languages use, with their weight.
_CHARS: dict[str, tuple[tuple[str, float], ...]] = {
    "es": (("ñ", 2.0), ("¿", 3.0), ("¡", 3.0), ("ó", 0.3), ("í", 0.3), ("á", 0.3), ("ú", 0.3)),
    "pt": (("ã", 2.5), ("õ", 2.5), ("ç", 0.8), ("ê", 0.5), ("ô", 0.4), ("á", 0.3), ("é", 0.2)),
    "fr": (("è", 0.8), ("ê", 0.5), ("à", 0.5), ("ù", 1.0), ("ç", 0.6), ("œ", 2.0), ("î", 0.8), ("û", 0.8), ("ë", 0.5), ("é", 0.3)),
    "de": (("ß", 3.0), ("ä", 1.5), ("ö", 1.0), ("ü", 1.0)),
    "it": (("ò", 1.0), ("ì", 1.0), ("à", 0.3), ("è", 0.3), ("ù", 0.3)),
    "nl": (("ij", 0.3),),
}

# Any letter outside Latin script (Greek onwards); its absence settles "Latin".
_NON_LATIN_RE = re.compile(r"[\u0370-\u1fff\u3040-\ud7af]")
# Word endings typical of one language, for words the lists above do not
# know (compounds, technical nouns in subject lines). Longest match wins.
_SUFFIXES: dict[str, tuple[str, ...]] = {
    "en": ("ing", "ness", "ship", "ould", "ght", "ity", "tion", "tions", "ment", "ments", "ive", "ous", "ance", "ence", "ure", "sion", "sions", "ions", "ers", "ed", "ly"),
    "es": ("ción", "ciones", "idad", "ado", "ada", "ados", "adas", "iento", "ería", "encia", "ores"),
    "fr": ("tion", "tions", "ment", "eau", "eaux", "eux", "euse", "ité", "ée", "ées", "ique", "aire"),
    "de": ("ung", "ungen", "keit", "heit", "lich", "isch", "schaft", "chen", "ierung", "problem", "anfrage", "dienst", "ausfall"),
    "it": ("zione", "zioni", "ità", "mente", "etto", "etta", "ione", "aggio", "ato", "ata"),
    "pt": ("ção", "ções", "dade", "agem", "ado", "ada", "ão", "ões", "eiro", "eira", "ência"),
}
_SUFFIX_WEIGHT = 0.6
_SUFFIX_LANGS: dict[str, tuple[str, ...]] = {
    suffix: tuple(lang for lang, ends in _SUFFIXES.items() if suffix in ends)
    for suffix in {x for ends in _SUFFIXES.values() for x in ends}
}
_SUFFIX_LENGTHS = tuple(sorted({len(x) for x in _SUFFIX_LANGS}, reverse=True))


def _suffix_languages(token: str) -> tuple[str, ...]:
    for length in _SUFFIX_LENGTHS:
        if length < len(token):
            found = _SUFFIX_LANGS.get(token[-length:])
            if found:
                return found
    return ()


_TOKEN_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)


def _build_weights() -> dict[str, dict[str, float]]:
    owners: dict[str, set[str]] = defaultdict(set)
    for lang, words in _WORDS.items():
        for word in words.split():
            owners[word].add(lang)
    weights: dict[str, dict[str, float]] = {}
    for word, langs in owners.items():
        weights[word] = {lang: 1.0 / len(langs) for lang in langs}
    return weights


_WEIGHTS: Mapping[str, Mapping[str, float]] = _build_weights()
_RANK: Mapping[str, int] = {lang: rank for rank, lang in enumerate(_WORDS)}


def _script_language(text: str) -> str | None:
    """A language decided by the writing system alone, if there is one."""
    if text.isascii() or not _NON_LATIN_RE.search(text):
        return None
    counts: dict[str, int] = defaultdict(int)
    letters = 0
    for ch in text:
        if not ch.isalpha():
            continue
        letters += 1
        code = ord(ch)
        if code < 0x250:
            counts["latin"] += 1
        elif 0x400 <= code < 0x530:
            counts["cyrillic"] += 1
        elif 0x370 <= code < 0x400:
            counts["el"] += 1
        elif 0x590 <= code < 0x600:
            counts["he"] += 1
        elif 0x600 <= code < 0x700:
            counts["ar"] += 1
        elif 0x3040 <= code < 0x3100:
            counts["kana"] += 1
        elif 0xAC00 <= code < 0xD7B0 or 0x1100 <= code < 0x1200:
            counts["ko"] += 1
        elif 0x4E00 <= code < 0xA000 or 0x3400 <= code < 0x4DC0:
            counts["han"] += 1
        elif 0x0E00 <= code < 0x0E80:
            counts["th"] += 1
    if not letters:
        return None
    top, top_count = max(counts.items(), key=lambda item: item[1], default=("latin", 0))
    if top == "latin" or top_count < letters * 0.3:
        return None
    if top == "cyrillic":
        # Ukrainian has letters Russian does not.
        return "uk" if any(ch in text for ch in "іїєґІЇЄҐ") else "ru"
    if top in ("han", "kana"):
        return "ja" if counts["kana"] else "zh"
    return top


def language_scores(text: str) -> dict[str, float]:
    """Evidence per Latin-script language (exposed for tests and the bench)."""
    sample = text[:MAX_CHARS].lower()
    scores: dict[str, float] = defaultdict(float)
    for token in _TOKEN_RE.findall(sample):
        found = _WEIGHTS.get(token)
        if found is None and "'" in token:
            found = _WEIGHTS.get(token.split("'", 1)[0] + "'")
        if found:
            for lang, weight in found.items():
                scores[lang] += weight
        elif len(token) >= 5:
            langs = _suffix_languages(token)
            for lang in langs:
                scores[lang] += _SUFFIX_WEIGHT / len(langs)
    for lang, marks in _CHARS.items():
        for mark, weight in marks:
            hits = sample.count(mark)
            if hits:
                # Diminishing: one "ß" is telling, the tenth adds little.
                scores[lang] += weight * min(hits, 3)
    return dict(scores)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``; ``"en"`` when there is no evidence at all.

    Tells en, es, fr, de, it, pt and nl apart on a line or two, and names
    ru/uk/el/he/ar/ja/zh/ko/th by script. Never raises.
    """
    try:
        return detect_language_with_reason(text)[0]
    except Exception:  # pragma: no cover - defensive: language never blocks a message
        return DEFAULT


def detect_language_with_reason(text: str) -> tuple[str, str]:
    """Like :func:`detect_language`, plus the rule that decided it."""
    sample = unicodedata.normalize("NFC", text[:MAX_CHARS])
    by_script = _script_language(sample)
    if by_script is not None:
        return by_script, f"language:script={by_script}"
    scores = language_scores(sample)
    if not scores:
        return DEFAULT, "language:default"
    # Equal evidence goes to the language listed first in _WORDS (English
    # first), never to whichever the dict happened to hold first: that order
    # came from sets and changed with the interpreter's hash seed.
    best = max(scores.items(), key=lambda item: (item[1], -_RANK.get(item[0], len(_RANK))))
    if best[1] < 0.5:
        return DEFAULT, "language:default"
    return best[0], f"language:words={best[0]}:{best[1]:.1f}"
