"""Context: what kind of mail this is, before its category is chosen. Pure.

Each predicate here reads the whole text and answers yes or no; the
classifier (classify.py) turns a yes into a ``context:...`` reason and sets
some categories or rules aside for that message:

* :func:`it_support_context`: an IT help-desk request, where "account",
  "password", "defective" and "available" are about a program or a server;
* :func:`it_operations_context`: running IT systems (outages, installs,
  errors), where only the buying rules still name a product question;
* :func:`platform_account_context`: an account at another firm's platform or
  of the sender's own organisation, not the customer's account with the shop;
* :func:`deciding_to_buy`: the sender has bought nothing yet;
* :func:`declines_return`: the customer does not want to send the item back;
* :func:`own_invoicing_context`: the sender's own invoicing program and their
  customers' invoices, not a bill from the firm written to.

Text and patterns are folded as in :mod:`.rules`. Most word lists are per
language, and a language we have no list for is matched against all of
them; the platform and organisation accounts are one list for every
language (product names and "admin account" travel across languages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .rules import fold

# -- An IT help-desk request ----------------------------------------------------
#
# The vocabulary of IT support (software, servers, networks, licences) and of
# buying from a shop. A message with several words of the first and none of
# the second is an IT help-desk request: there "account", "password",
# "defective" and "available" are about a program or a server, not about a
# customer account, a damaged parcel or stock. classify.py sets those words
# aside in such a message. English loanwords common in IT ("software",
# "cloud", "backup") are listed in every language.

_IT_LOANWORDS = r"software|firmware|firewall|vpn|cloud|backup|plugin|plug-in|api|antivirus|malware|router"
_IT_TERMS: dict[str, str] = {
    "en": r"servers?|network|networks|database|install(?:ation|ing|ed)?|configur\w+|integrations?|deploy\w*|drivers?"
    r"|operating system|infrastructure|sync(?:hroni[sz]\w*)?|latency|downtime|outage|connectivity|licen[cs]es?"
    r"|version \d|debug\w*|crash(?:es|ed|ing)?|bugs?|it (?:department|team|services?|support|consulting|infrastructure)"
    r"|cyber\w*|encryption|migration|upgrade|files?|data",
    "es": r"servidor(?:es)?|archivos?|ficheros?|datos|red(?:es)?|enrutador\w*|cortafuegos|bases? de datos|nube|instal(?:ar|aci[óo]n|ado|ada)"
    r"|configur\w+|integraci[óo]n|implementaci[óo]n|despliegue|controlador(?:es)?|drivers?|sistema operativo"
    r"|infraestructura|complementos?|extensi[óo]n(?:es)?|copias? de seguridad|sincroniz\w+|latencia|conectividad"
    r"|licencias?|versi[óo]n \d|depur\w+|inform[áa]tic\w+|ciberseguridad|migraci[óo]n"
    r"|(?:servicios|departamento|equipo|consultor[íi]a|infraestructura|soporte|soluciones|sistemas|recursos|proyectos"
    r"|entorno|gesti[óo]n) de ti",
    "fr": r"logiciels?|fichiers?|donn[ée]es|serveurs?|r[ée]seaux?|routeur\w*|pare-feu|bases? de donn[ée]es|install\w+|configur\w+"
    r"|int[ée]gration|d[ée]ploiement|pilotes?|syst[èe]me d'exploitation|infrastructure|extensions?|sauvegardes?"
    r"|synchronis\w+|latence|connectivit[ée]|licences?|version \d|d[ée]bog\w*|informatiques?|cybers[ée]curit[ée]"
    r"|migration",
    "de": r"\w*software\w*|\w*server\w*|datei\w*|daten|netzwerk\w*|datenbank\w*|install\w+|konfigur\w+|integration\w*"
    r"|bereitstellung\w*|treiber\w*|betriebssystem\w*|infrastruktur\w*|erweiterung\w*|datensicherung\w*"
    r"|synchronis\w+|latenz|konnektivit[äa]t|lizenz\w*|version \d|debug\w*|absturz|abst[üu]rz\w*|it-\w+"
    r"|migration\w*",
    "it": r"server|file|dati|rete|reti|database|install\w+|configur\w+|integrazione|implementazione|driver|sistema operativo"
    r"|infrastruttura|estension[ei]|sincronizz\w+|latenza|connettivit[àa]|licenz[ae]|versione \d|debug\w*"
    r"|informatic\w+|sicurezza informatica|migrazione",
    "pt": r"servidor(?:es)?|arquivos?|dados|redes?|roteador\w*|bancos? de dados|nuvem|instal(?:ar|a[çc][ãa]o|ado|ada)|configura\w+"
    r"|integra[çc][ãa]o|implanta[çc][ãa]o|drivers?|sistema operacional|infraestrutura|extens(?:[ãa]o|[õo]es)"
    r"|c[óo]pias? de seguran[çc]a|sincroniza\w+|lat[êe]ncia|conectividade|licen[çc]as?|vers[ãa]o \d|depura\w+"
    r"|inform[áa]tic\w+|ciberseguran[çc]a|migra[çc][ãa]o"
    r"|(?:servi[çc]os|departamento|equipe|equipa|consultoria|suporte|infraestrutura|solu[çc][õo]es|sistemas|recursos"
    r"|projetos|ambiente|gest[ãa]o) de ti",
}
_PURCHASE_TERMS: dict[str, str] = {
    # Bare "delivery" words are left out: IT writes of delivering services too.
    "en": r"my order|order number|(?:i|we) (?:have )?(?:bought|purchased|ordered)|your (?:shop|store|website)"
    r"|online (?:shop|store)|parcel|shipping|shipped|courier",
    "es": r"mi pedido|n[úu]mero de pedido|compr[ée]|adquir[íi]|su tienda|tienda (?:en l[íi]nea|online)"
    r"|repartidor",
    "fr": r"ma commande|num[ée]ro de commande|(?:j'ai|nous avons) (?:achet[ée]|command[ée])|votre (?:boutique|magasin|site)"
    r"|boutique en ligne|colis|livreur|transporteur",
    "de": r"meine bestellung|bestellnummer|gekauft|bestellt|erworben|ihr(?:em|en)? (?:shop|online-?shop|gesch[äa]ft)"
    r"|paketdienst|zusteller",
    "it": r"il mio ordine|numero d'ordine|(?:ho|abbiamo) (?:acquistato|comprato|ordinato)|vostro negozio"
    r"|negozio online|pacco|corriere",
    "pt": r"meu pedido|minha encomenda|n[úu]mero do pedido|comprei|adquiri|(?:sua|vossa) loja|loja (?:online|virtual)"
    r"|encomenda|transportadora",
}


@dataclass(frozen=True, slots=True)
class _Terms:
    """One word-list pattern per language, and one of every list for a language we have none for."""

    by_language: dict[str, re.Pattern[str]]
    every: re.Pattern[str]

    @classmethod
    def of(cls, terms: dict[str, str], shared: str = "") -> _Terms:
        prefix = f"{shared}|" if shared else ""
        return cls(
            {lang: re.compile(fold(rf"\b(?:{prefix}{words})\b")) for lang, words in terms.items()},
            re.compile(fold(rf"\b(?:{prefix}{'|'.join(terms.values())})\b")),
        )

    def pattern(self, language: str) -> re.Pattern[str]:
        return self.by_language.get(language, self.every)


_IT = _Terms.of(_IT_TERMS, shared=_IT_LOANWORDS)
_PURCHASE = _Terms.of(_PURCHASE_TERMS)


def _speaks_of_purchase(lowered: str, language: str) -> bool:
    """``lowered`` (folded) speaks of something bought or ordered ("my order", "your store")."""
    return _PURCHASE.pattern(language).search(lowered) is not None


# Distinct IT words (by their first six letters, so "server" and "servers"
# are one) that make a message IT support.
IT_TERMS_NEEDED = 2


def it_support_context(text: str, language: str = "") -> bool:
    """True when ``text`` reads as an IT help-desk request and not as shop mail.

    That is: at least :data:`IT_TERMS_NEEDED` distinct IT words and no word of
    a purchase or a delivery. Only ``language``'s lists are used when we have
    them; otherwise all of them.
    """
    lowered = fold(text)
    seen: set[str] = set()
    for match in _IT.pattern(language).finditer(lowered):
        seen.add(match.group(0)[:6])
        if len(seen) >= IT_TERMS_NEEDED:
            return not _speaks_of_purchase(lowered, language)
    return False


# -- IT operations: no product question unless the sender asks to buy ----------
#
# Outages, servers, networks, VPNs, firewalls, installations, updates and
# patches, licence keys and activation, error messages, crashes and bugs: a
# message that speaks of these is about running systems, even when it asks
# whether a service is "available again", names a price or says it bought
# the software. Unlike :func:`it_support_context`, a purchase word does not
# lift this: "I bought the licence and the installation crashes" is not a
# question before buying. Only the rules in :data:`.rules.BUYING_RULES` (how to buy,
# a quote, renewing or adding licences, the price of your services) still
# name a product question there (classify.py).

_IT_OPERATIONS: dict[str, str] = {
    "en": r"servers?|network|networks|vpn|outages?|downtime|firewall|install(?:ation|ing|ed)?|updates?|updating|patch(?:es|ed|ing)?"
    r"|licen[cs]e keys?|activation (?:keys?|codes?)|activat(?:e|ed|ing|ion)|error (?:messages?|codes?)|errors?|crash(?:es|ed|ing)?"
    r"|bugs?|reboot\w*|restart\w*|not responding|unreachable|database|backups?|deployment|malware|ransomware|incident"
    r"|configur\w+|misconfigur\w+|router|connectivity|disconnect\w*|latency|maintenance|migration|troubleshoot\w*|freez\w*|sync(?:hroni[sz]\w*)?"
    r"|connection (?:problems?|issues?|errors?|drops?)|access (?:rights|permissions)|permissions",
    "es": r"servidor(?:es)?|red(?:es)?|vpn|ca[íi]das?|interrupci[óo]n(?:es)?|tiempo de inactividad|cortafuegos|firewall"
    r"|instal(?:ar|aci[óo]n|ado|ada)|actualizaci[óo]n(?:es)?|actualizar|parches?|clave de (?:licencia|producto|activaci[óo]n)"
    r"|activaci[óo]n|activar|mensajes? de error|c[óo]digos? de error|errore?s?|fallos?|fallas?|se bloquea|bloqueos?|se cuelga"
    r"|bugs?|reinici\w*|no responde|bases? de datos|copias? de seguridad|backups?|malware|incidencias?|incidentes?"
    r"|configur\w+|despliegues?|enrutador\w*|router|conectividad|desconexi[óo]n\w*|latencia|lentitud|mantenimiento|migraci[óo]n"
    r"|soluci[óo]n de problemas|se congela|congelamientos?|sincroniz\w+"
    r"|problemas? de conexi[óo]n|permisos(?: de acceso)?",
    "fr": r"serveurs?|r[ée]seaux?|vpn|pannes?|interruptions? de service|indisponibilit[ée]|temps d'arr[êe]t|pare-feu|firewall"
    r"|install(?:er|ation|[ée]e?s?)|mises? à jour|mettre à jour|correctifs?|patchs?|cl[ée]s? (?:de licence|d'activation|de produit)"
    r"|activation|activer|messages? d'erreur|codes? d'erreur|erreurs?|plantages?|plante|plant[ée]|crash|bugs?|bogues?"
    r"|red[ée]marr\w*|ne r[ée]pond plus|bases? de donn[ée]es|sauvegardes?|malware|logiciel malveillant|incidents?"
    r"|configur\w+|d[ée]ploiements?|routeurs?|connectivit[ée]|d[ée]connexions?|latence|lenteurs?|maintenance|migration"
    r"|d[ée]pannage|fig[ée]e?|synchronis\w+"
    r"|probl[èe]mes? de connexion|autorisations? d'acc[èe]s|droits d'acc[èe]s",
    "de": r"\w*server\w*|\w*netzwerk\w*|vpn\w*|\w*ausfall\w*|\w*ausf[äa]lle\w*|ausgefallen|\w*st[öo]rung\w*|ausfallzeit\w*"
    r"|firewall\w*|installation\w*|install\w+|updates?|aktualisierung\w*|aktualisier\w+|patch\w*|lizenzschl[üu]ssel\w*"
    r"|produktschl[üu]ssel\w*|aktivierung\w*|aktivier\w+|fehlermeldung\w*|fehlercode\w*|fehler|absturz|abst[üu]rz\w*|st[üu]rzt"
    r"|bugs?|neustart\w*|neu starten|nicht erreichbar|reagiert nicht|datenbank\w*|backups?|datensicherung\w*|schadsoftware|malware"
    r"|vorfall|vorf[äa]lle|konfigur\w+|\w*bereitstellung\w*|router\w*|konnektivit[äa]t|verbindungs(?:probleme?|abbr[üu]che?|abbruch)\w*"
    r"|latenz|wartung\w*|migration\w*|fehlersuche|fehlerbehebung|friert|eingefroren|synchronis\w+"
    r"|zugriffsrecht\w*|berechtigung\w*",
    "it": r"server|rete|reti|vpn|interruzion[ei]|disservizi?o?|guast[oi]|tempo di inattivit[àa]|firewall|install(?:are|azione|at[oaie])"
    r"|aggiornament[oi]|aggiornare|patch|chiave di (?:licenza|attivazione|prodotto)|attivazione|attivare|messaggi?o? di errore"
    r"|codice di errore|errore|errori|crash|si blocca|arresto anomalo|bug|riavvi\w*|non risponde|database|backup|malware|incidente"
    r"|configur\w+|implementazione|router|connettivit[àa]|disconnession[ei]|latenza|lentezza|manutenzione|migrazione"
    r"|risoluzione dei problemi|sincronizz\w+|problemi di connessione|permessi(?: di accesso)?",
    "pt": r"servidor(?:es)?|redes?|vpn|interrup[çc](?:[ãa]o|[õo]es)|queda|quedas|indisponibilidade|tempo de inatividade|firewall"
    r"|instal(?:ar|a[çc][ãa]o|ado|ada)|atualiza[çc](?:[ãa]o|[õo]es)|atualizar|patch|patches|corre[çc][ãa]o"
    r"|chave de (?:licen[çc]a|ativa[çc][ãa]o|produto)|ativa[çc][ãa]o|ativar|mensage(?:m|ns) de erro|c[óo]digos? de erro|erros?"
    r"|falhas?|travamentos?|travando|trava|bugs?|reinici\w*|n[ãa]o responde|bancos? de dados|backups?|malware|incidentes?"
    r"|configura\w+|implanta[çc][ãa]o|roteador\w*|router|conectividade|desconex(?:[ãa]o|[õo]es)|lat[êe]ncia|lentid[ãa]o|manuten[çc][ãa]o"
    r"|migra[çc][ãa]o|solu[çc][ãa]o de problemas|congela\w*|sincroniza\w+|problemas? de conex[ãa]o|permiss(?:[ãa]o|[õo]es)",
}
_IT_OPERATIONS_WORDS = _Terms.of(_IT_OPERATIONS)
# Distinct IT operations words (first six letters) that make a message one.
IT_OPERATIONS_TERMS_NEEDED = 2


def it_operations_context(text: str, language: str = "") -> bool:
    """True when ``text`` speaks of running IT systems (outages, installs, errors...).

    At least :data:`IT_OPERATIONS_TERMS_NEEDED` distinct words of
    ``language``'s list (all lists for a language we have none for).
    Purchase words do not matter here; see the comment above.
    """
    lowered = fold(text)
    seen: set[str] = set()
    for match in _IT_OPERATIONS_WORDS.pattern(language).finditer(lowered):
        seen.add(match.group(0)[:6])
        if len(seen) >= IT_OPERATIONS_TERMS_NEEDED:
            return True
    return False


# -- Accounts at other platforms -------------------------------------------------
#
# The account category is the customer's account with the shop. Signing in to
# Microsoft 365 or Outlook, a Google or Apple account, AWS or Jira is another
# firm's account: the shop's account procedure does not apply. Only the
# platform's own account counts ("Office 365-Konto", "compte Google", "acceso
# a Outlook", "password for Jira"), not an address at a mail provider or a
# social login. A mail that also speaks of the customer account with the shop
# or of a purchase (:data:`_PURCHASE_TERMS`: "your store", "my order") keeps
# the category: "I sign in to your shop with my Google account".

_PLATFORMS = (
    r"microsoft|office ?365|microsoft ?365|entra(?: id)?|azure ad|active directory|outlook|onedrive|sharepoint|azure|aws|amazon web services"
    r"|google|google workspace|g suite|apple id|icloud|adobe|creative cloud|salesforce|slack|zoom|jira"
    r"|confluence|atlassian|dropbox|github|gitlab|hubspot|zendesk|skype|webex|docusign|quickbooks"
    r"|windows|intranet|erp|sap|vpn"
)
_ACCOUNT_WORDS = (
    r"konto|kontos|account|accounts|compte|cuenta|conta|passwort|kennwort|password|contrase[ñn]a|mot de passe|senha"
    r"|login|anmeldung|zugang|zugriff|acceso|acesso|acc[èe]s|credenciales|credenciais|identifiants|zugangsdaten"
    r"|anmeldedaten|sign-?in|log-?in|sesi[óo]n|connecter|connexion|anmelden|einloggen|acessar|entrar"
)
# The accounts of the sender's own organisation: an employee's, an administrator's.
# A shop's customer has neither with the shop.
_ORGANISATION_ACCOUNTS = (
    r"(?:admin(?:istrator)?|employee|staff|service) accounts?|accounts? of (?:our|an?) (?:employees?|staff|colleagues?)"
    r"|(?:mitarbeiter|administrator|admin|dienst|service|ad|dom[äa]nen)-?kont(?:o|en|os)\b|kont(?:o|en) von (?:\w+ )?(?:mitarbeiter\w*|kolleg\w*|administrator\w*)"
    r"|comptes? (?:d'|de l')?(?:administrat\w+|admin)\b|comptes? (?:d'un|de nos|de mes) (?:collaborateur|employ[ée]|salari[ée])s?"
    r"|cuentas? (?:de )?(?:administrador\w*|admin)\b|cuentas? (?:de un|de nuestros|de mis) (?:emplead|trabajador|colaborador)\w*"
    r"|contas? (?:de )?(?:administrador\w*|admin)\b|painel administrativo|contas? (?:de um|dos|de nossos) (?:funcion[áa]rio|colaborador)\w*"
    r"|account (?:di )?(?:amministrat\w+|admin)\b|account (?:di un|dei) (?:dipendent|collaborator)\w*"
    # Someone who speaks for "our users" or a new colleague administers them.
    r"|our (?:users|employees|staff)|(?:unsere[rn]?|mehrere unserer) (?:nutzer|benutzer|mitarbeiter|kolleg|leute|user|anwender)\w*|(?:neue[nr]? )kollegin\b"
    r"|nos (?:utilisateurs|collaborateurs|salari[ée]s)|nuestros (?:usuarios|empleados|trabajadores)"
    r"|nossos (?:usu[áa]rios|funcion[áa]rios|colaboradores)|i nostri (?:utenti|dipendenti|collaboratori)"
    # Mailboxes and the organisation's own accounts ("one of our e-mail accounts").
    r"|(?:e-?mail|mail)-?(?:konten|postf[äa]cher)|postf[äa]cher|(?:eine?|einer) (?:unserer )?mitarbeiter(?:in|innen)?\b|unsere[rn]? konten"
    r"|(?:our|company|staff) (?:e-?mail accounts|mailboxes)|(?:one|some) of our accounts"
    r"|(?:conta|cuenta|konto|compte|account) [\w.<>-]+@|cuenta de nuestr[oa] (?!tienda)\w+|conta d[oa] nosso \w+|compte de notre (?!boutique)\w+|kont(?:o|en) (?:unseres|unserer|eines|einer) (?!kunden)\w+"
    r"|comptes (?:de )?(?:messagerie|e-?mail)|bo[îi]tes (?:mail|aux lettres)|nos comptes|(?:un|des) comptes? utilisateurs? (?:inconnus?|suspects?|cr[ée][ée]s?)"
    r"|cuentas de (?:correo|e-?mail)|buzones|nuestras cuentas"
    r"|contas de (?:e-?mail|correio)|caixas (?:de (?:e-?mail|correio)|postais)|nossas contas"
)
_PLATFORM_ACCOUNT_RE = re.compile(
    fold(
        rf"\b(?:{_PLATFORMS})(?:[ -][\w-]+)?[ -](?:{_ACCOUNT_WORDS})\b"
        rf"|\b(?:{_ACCOUNT_WORDS})\b (?:[\w-]+ ){{0,5}}(?:{_PLATFORMS})\b"
        rf"|\b(?:{_ORGANISATION_ACCOUNTS})"
    )
)
# The customer's account with the shop, named as such.
_SHOP_ACCOUNT_RE = re.compile(
    fold(
        r"\b(?:kundenkonto\w*|kundenlogin|compte client|espace client|cuenta de cliente|cuenta en (?:su|la) tienda"
        r"|conta de cliente|conta (?:da|na) loja|customer account|account (?:with|on|at) your|(?:conta|cuenta|compte|konto|account) (?:no|na|do|da|en la|en el|en su|sur le|sur la|sur votre|auf der|auf ihrer|in ihrem|on the|on your|in the) (?:site|web|website|webseite|loja|tienda|boutique|shop|app|application)"
        r"|your (?:shop|store|site|website|app)|ihr(?:em|er|en)? (?:shop|online-?shop|app|website|webseite)"
        r"|su (?:tienda|web|sitio|app)|votre (?:boutique|site|application)|sua loja|seu site|vosso site"
        r"|(?:negozio|vostro sito))\b"
    )
)


def platform_account_context(text: str, language: str = "") -> bool:
    """True when ``text`` is about an account at another firm's platform, or one of the
    sender's own organisation (an employee's, an administrator's), and not the shop's."""
    lowered = fold(text)
    if _PLATFORM_ACCOUNT_RE.search(lowered) is None:
        return False
    return _SHOP_ACCOUNT_RE.search(lowered) is None and not _speaks_of_purchase(lowered, language)


# -- Deciding whether to buy ------------------------------------------------------
#
# "We are considering buying ...", "before ordering", "a possible purchase":
# the sender has bought nothing yet. Prices, conditions and "do you offer"
# are not enough: a customer asks what a return costs too.

_DECIDING_TO_BUY: dict[str, str] = {
    "en": r"consider(?:ing)? (?:buying|purchasing|ordering|getting)|thinking (?:about |of )?(?:buying|purchasing|ordering|getting)"
    r"|before (?:buying|purchasing|ordering|(?:i|we) (?:buy|order|purchase)|placing an order|making a purchase)"
    r"|(?:possible|potential|planned|future) (?:purchase|acquisition)|plan(?:ning)? to (?:buy|purchase|order)"
    r"|(?:moving forward|go ahead) with (?:this|the) purchase|decid\w+ whether to (?:buy|order|purchase)"
    r"|looking at (?:ordering|buying|getting|purchasing)|before we (?:can )?(?:move forward|decide|commit|sign)"
    r"|(?:would|'d) like to (?:order|buy|purchase) (?:a|an|the|some|two|three|\d+) ",
    "de": r"(?:[üu]berlege|[üu]berlegen|plane|planen|erw[äa]ge|erw[äa]gen)\w*,? (?:\w+ ){0,5}zu (?:kaufen|bestellen|erwerben)"
    r"|vor dem kauf|bevor (?:ich|wir) (?:\w+ ){0,4}(?:kaufe|kaufen|bestelle|bestellen)|(?:m[öo]glichen|geplanten|eventuellen) kauf"
    r"|kauf in betracht|schwanke (?:noch )?zwischen|(?:ersetzen|abl[öo]sen) (?:\w+ ){0,2}(?:unsere[nm]?|meine[nm]?) (?:alte[nm]?|bisherige[nm]?|aktuelle[nm]?)"
    r"|als ersatz f[üu]r (?:unsere[nm]?|meine[nm]?) (?:alte[nm]?|bisherige[nm]?)"
    r"|(?:unsere|meine) (?:alten|bisherigen) (?:[\w-]+ ){1,3}(?:ersetzen|abl[öo]sen|austauschen)",
    "es": r"(?:pensando en|considerando|planeando|evaluando) (?:comprar|adquirir|encargar|la compra)"
    r"|antes de (?:comprar|la compra|adquirir|hacer el pedido|realizar la compra)|posible compra"
    r"|(?:compra|adquisici[óo]n) (?:prevista|futura)|l[oa]s? (?:ten[ée]is|tienen) (?:\w+ )?en stock|l[oa]s? comprar[íi]a(?:mos)?|antes de decidir(?:nos)?(?! si (?:l[oa]s? )?devolv)"
    r"|(?:reemplazo|sustituci[óo]n|renovaci[óo]n) de (?:su|nuestr[oa]s?|mis?) (?:\w+ ){0,2}(?:actual(?:es)?|viej[oa]s?|antigu[oa]s?)"
    r"|dudo entre|(?:reemplazar|sustituir|renovar) (?:\w+ ){0,2}(?:mi|mis|nuestr[oa]s?) (?:\w+ )?(?:viej[oa]s?|antigu[oa]s?|actual(?:es)?)",
    "fr": r"envisage(?:ons|ns)? (?:d'acheter|l'achat|de commander)|(?:pensons|pense|r[ée]fl[ée]chissons|r[ée]fl[ée]chis) à (?:acheter|commander|l'achat)"
    r"|avant (?:d'acheter|l'achat|de commander|de passer (?:la |une |ma |notre )?commande)|achat (?:potentiel|[ée]ventuel|possible|pr[ée]vu)"
    r"|(?:j'|nous )h[ée]sit(?:e|ons) entre|(?:nous |j')?(?:[ée]valuons|comparons|magasinons) (?:actuellement |en ce moment )?(?:plusieurs|diff[ée]rente?s|quelques|des|un|une) (?:\w+ ){0,2}(?:outils?|solutions?|logiciels?|offres|prestataires|fournisseurs|plateformes?)"
    r"|(?:revenir|retour|de retour) en stock|plut[ôo]t que d'acheter"
    r"|remplacer (?:mon|ma|mes|notre|nos) (?:vieux|vieil|vieille|vieilles|ancien\w*|actuel\w*)|en remplacement (?:de|d'|des) (?:nos |notre |mes |mon |ma )?(?:vieux|vieil|vieilles|anciens?|anciennes?)",
    "it": r"(?:pensando di|valutando (?:di )?|considerando (?:di )?)(?:acquistare|comprare|ordinare|l'acquisto)"
    r"|prima di (?:acquistare|comprare|ordinare|l'acquisto)|possibile acquisto",
    "pt": r"(?:pensando em|considerando|planejando|avaliando) (?:comprar|adquirir|encomendar|a compra)"
    r"|antes de (?:comprar|adquirir|fazer o pedido|efetuar a compra|fechar (?:o pedido|a compra))|poss[íi]vel compra|compra (?:prevista|futura)"
    r"|(?:estou|estamos) (?:avaliando|a avaliar) (?:\w+ ){0,6}(?:de voc[êe]s|da vossa empresa|da sua empresa)"
    r"|(?:substituir|trocar|renovar) (?:\w+ ){0,2}(?:meu|minha|meus|minhas|nosso|nossa|nossos|nossas) (?:\w+ )?(?:velh[oa]s?|antig[oa]s?|atua(?:l|is))",
}
_DECIDING = _Terms.of(_DECIDING_TO_BUY)


def deciding_to_buy(text: str, language: str = "") -> bool:
    """True when ``text`` says the sender is deciding whether to buy and speaks of nothing bought."""
    lowered = fold(text)
    if _DECIDING.pattern(language).search(lowered) is None:
        return False
    return not _speaks_of_purchase(lowered, language)


# -- A return the customer does not want ----------------------------------------
#
# "Zurückschicken möchte ich es nicht", "no quiero devolverlo", "je ne veux
# pas le renvoyer": the customer wants the device to work, not a return. The
# return words in such a message are what they rule out (classify.py).

_DECLINED_RETURN: dict[str, str] = {
    "en": r"(?:do not|don't|dont|would rather not) (?:want|wish|intend|plan) to (?:return|send (?:it|them) back|exchange|swap)"
    r"|(?:not|no) (?:looking|trying|planning) to (?:return|exchange|swap)|(?:a|the) return is not (?:an option|what i want)",
    "de": r"(?:zur[üu]ckschicken|zur[üu]cksenden|zur[üu]ckgeben|umtauschen|tauschen|retournieren|einschicken)"
    r" (?:m[öo]chte|will|werde|wollen|m[öo]chten) (?:ich|wir) (?:es |ihn |sie |das (?:ger[äa]t )?)?(?:eigentlich |wirklich |lieber |auf keinen fall )?(?:nicht|ungern)"
    r"|(?:m[öo]chte|will|m[öo]chten|wollen) (?:ich |wir )?(?:es |ihn |sie |das ger[äa]t )?(?:nicht|ungern) (?:zur[üu]ckschicken|zur[üu]cksenden|zur[üu]ckgeben|umtauschen|tauschen|retournieren|einschicken)",
    "es": r"no (?:quiero|queremos|deseo|deseamos|me interesa|pretendo) (?:devolver|cambiar|descambiar|enviar)(?:lo|la|los|las)?\b(?! (?:por|a) )",
    "fr": r"(?:ne|n') ?(?:veux|voulons|souhaite|souhaitons|compte|comptons) pas (?:le |la |les |l')?(?:renvoyer|retourner|[ée]changer|rendre|remplacer)"
    r"|(?:ne|n') ?(?:veux|voulons|souhaite|souhaitons) pas (?:d'[ée]change|de retour|de remplacement)",
    "it": r"non (?:voglio|vogliamo|desidero|intendo) (?:restituir|render|cambiar|rispedir)\w*",
    "pt": r"n[ãa]o (?:quero|queremos|desejo|pretendo|pretendemos) (?:trocar|devolver|devolv[êe]-l[oa]|substituir)",
}
_DECLINED = _Terms.of(_DECLINED_RETURN)


def declines_return(text: str, language: str = "") -> bool:
    """True when the sender says they do not want to return or exchange the item."""
    return _DECLINED.pattern(language).search(fold(text)) is not None


# -- The sender's own invoicing -----------------------------------------------------
#
# A bookkeeping program's invoicing module that numbers invoices twice, a
# dunning run to be set up for "our customers": the invoices, reminders and
# cancellations in such a message are the sender's own business with their
# customers, not a bill from the firm they write to (classify.py rules out
# payment, order_change and refund there). It takes the program named and
# either running systems (an update, an error) or the sender's customers.

_INVOICING_SOFTWARE: dict[str, str] = {
    "en": r"(?:invoicing|billing|accounting|bookkeeping) (?:module|software|program|system|tool)",
    "de": r"rechnungsmodul\w*|lohnmodul\w*|lohnabrechnungs(?:software|programm|modul)\w*|(?:ihrem|unserem|im) erp|erp-system\w*|fakturierungs\w*|buchhaltungs(?:software|programm|system)\w*|rechnungs(?:programm|software|stellungssoftware)\w*|warenwirtschaft\w*",
    "es": r"(?:m[óo]dulo|software|programa|sistema|aplicaci[óo]n) de (?:facturaci[óo]n|contabilidad)",
    "fr": r"(?:module|logiciel|programme|outil) de (?:facturation|comptabilit[ée])",
    "it": r"(?:modulo|software|programma|gestionale) di (?:fatturazione|contabilit[àa])",
    "pt": r"(?:m[óo]dulo|software|programa|sistema) de (?:fatura[çc][ãa]o|faturamento|contabilidade|emiss[ãa]o de notas)",
}
_OWN_CUSTOMERS: dict[str, str] = {
    "en": r"our (?:customers|clients)|(?:customer|outgoing) invoices|dunning (?:run|levels?)|invoice numbering",
    "de": r"unsere[rn]? kunden|ausgangsrechnung\w*|kundenrechnung\w*|mahnlauf\w*|mahnstufe\w*|rechnungsnummernkreis\w*",
    "es": r"nuestros clientes|clientes distintos|facturas (?:a|de) (?:nuestros )?clientes|facturas emitidas|numeraci[óo]n de (?:las|nuestras) facturas",
    "fr": r"nos clients|factures clients?|relances automatiques|num[ée]rotation (?:de nos|des) factures",
    "it": r"nostri clienti|fatture (?:ai|dei) clienti|fatture emesse",
    "pt": r"nossos clientes|notas (?:fiscais )?emitidas|faturas (?:dos|aos) clientes|numera[çc][ãa]o d[ae]s (?:notas|faturas)",
}
_INVOICING = _Terms.of(_INVOICING_SOFTWARE)
_OWN_CUSTOMER_WORDS = _Terms.of(_OWN_CUSTOMERS)


def own_invoicing_context(text: str, language: str = "") -> bool:
    """True when ``text`` is about the sender's own invoicing program and their customers' invoices."""
    lowered = fold(text)
    if _INVOICING.pattern(language).search(lowered) is None:
        return False
    return _OWN_CUSTOMER_WORDS.pattern(language).search(lowered) is not None or it_operations_context(text, language)
