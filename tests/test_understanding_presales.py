"""Pre-sales mail to firms that sell services and software, in de/es/fr/it/pt.

The policy: someone who has not bought yet and asks what a piece of work
would cost, whether the firm offers a service, for a demonstration or a trial,
what a plan includes, which plan would fit, or what "your" product works
with, is asking a product_question, even when the mail is full of servers,
clouds and migrations. The same words in a support request ("could you offer
us some troubleshooting steps", "the free trial I cancelled was charged")
are not, and billing mail about invoices stays payment.

The mails were written for these tests; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from mailbot.models import Category
from mailbot.understanding import understand

from .test_understanding import message

PQ = Category.PRODUCT_QUESTION

PRESALES = [
    # What the work would roughly cost.
    ('de', 'Guten Tag,\nwir möchten unsere Lagerverwaltung digitalisieren und suchen Unterstützung. Über eine grobe Preisindikation für das Projekt würden wir uns freuen.\nMit freundlichen Grüßen'),
    ('de', 'Hallo,\nunser Exchange-Server soll nächstes Jahr abgelöst werden. Wäre ein Erstgespräch möglich, um Aufwand und Kosten der Migration abzuschätzen?\nGruß'),
    ('es', 'Buenos días:\nQueremos renovar la red de nuestras tres oficinas y cambiar los servidores. ¿Nos podrían dar un presupuesto orientativo?\nSaludos'),
    ('es', 'Hola, ¿cuánto cobran por llevar las redes sociales de una tienda pequeña?'),
    ('fr', "Bonjour,\nnous préparons la migration de notre salle serveur vers le cloud. Pourriez-vous nous donner un ordre de grandeur du coût de l'accompagnement ?\nCordialement"),
    ('fr', "Bonjour, nous aimerions un budget prévisionnel pour la refonte de notre site vitrine."),
    ('it', 'Buongiorno, ci servirebbe un preventivo di massima per la migrazione dei nostri server nel cloud.'),
    ('pt', 'Bom dia,\nqueremos migrar os servidores da empresa para a nuvem. Vocês poderiam enviar uma estimativa de custos para o projeto?\nAtenciosamente'),
    ('pt', 'Olá, quanto vocês cobram pela gestão de anúncios no Google?'),
    # Whether the firm offers a service; presenting its offers.
    ('de', 'Bieten Sie auch die Wartung von Netzwerkdruckern an, und zu welchen Bedingungen?'),
    ('es', '¿Trabajan con venta al por mayor para tiendas físicas?'),
    ('es', 'Hola:\nSomos una cadena de panaderías. ¿Podrían desarrollar una aplicación de pedidos para nuestros clientes?\nGracias'),
    ('fr', "Bonjour,\nnous envisageons de confier l'infogérance de notre parc informatique à un prestataire. Seriez-vous disponibles pour nous présenter vos offres ?\nCordialement"),
    ('fr', "Votre agence propose-t-elle aussi la création de boutiques en ligne ?"),
    ('pt', 'Olá, vocês poderiam preparar uma proposta para a implantação do ERP em duas filiais?'),
    ('it', 'Buongiorno, potreste proporci un progetto per il nuovo sito del nostro hotel?'),
    # A demonstration or a trial, asked for before buying.
    ('de', 'Wir würden gern eine Demo Ihrer Buchhaltungssoftware vereinbaren, bevor wir uns entscheiden.'),
    ('es', 'Nos gustaría agendar una demostración de la plataforma con nuestro equipo.'),
    ('es', '¿Hay alguna versión de prueba del programa de facturación?'),
    ('fr', "Proposez-vous une période d'essai pour votre logiciel de planning ?"),
    ('pt', 'Existe uma versão de teste do sistema de notas fiscais antes de assinar?'),
    ('pt', 'Gostaríamos de agendar uma demonstração da plataforma de BI com a nossa equipe de dados.'),
    # What a plan includes, which plan would fit, minimum terms.
    ('de', 'Was genau ist im Starter-Paket enthalten, und gibt es eine Mindestlaufzeit?'),
    ('de', 'Wir denken über ein Upgrade auf Professional nach. Ist im Professional-Tarif der API-Zugang enthalten?'),
    ('es', '¿Qué incluyen sus planes de mantenimiento web? ¿Tienen permanencia?'),
    ('fr', "Que comprend l'offre Business, et quelle est la durée d'engagement ?"),
    ('pt', 'O que está incluído no plano anual? Existe fidelidade?'),
    ('it', 'Cosa include il piano Premium? Quale piano ci servirebbe per venti utenti?'),
    # What "your" product works with, asked while choosing.
    ('de', 'Läuft Ihre Zeiterfassung auch unter macOS?'),
    ('de', 'Wir evaluieren gerade mehrere Ticketsysteme. Lässt sich Ihr System mit Jira verbinden, sodass Tickets automatisch als Vorgänge angelegt werden?'),
    ('es', '¿Su servicio de almacenamiento es totalmente compatible con la API de S3?'),
    ('fr', "Votre application de rendez-vous peut-elle se synchroniser avec Google Agenda ?"),
    ('fr', "Votre offre d'hébergement dispose-t-elle d'une certification HDS ? Merci de nous indiquer les tarifs."),
    ('pt', 'A plataforma de vocês se integra ao Mercado Livre?'),
    # Comparing two offerings, asked as a question.
    ('de', 'Was ist eigentlich der Unterschied zwischen Managed Server M und L? Ist bei beiden ein Backup inklusive?'),
    ('fr', "Quelle est la différence entre votre hébergement mutualisé Pro et le VPS Starter pour une boutique WooCommerce ?"),
    ('es', '¿Qué diferencia hay entre el plan Básico y el Profesional de su software de nóminas?'),
    ('pt', 'Qual a diferença entre o plano Essencial e o Avançado do sistema de vocês?'),
    # Colloquial ballparks, "do you also take on", "do you do".
    ('de', 'Übernehmen Sie auch die laufende Betreuung von Google-Ads-Kampagnen? Eine grobe Hausnummer würde mir reichen.'),
    ('pt', 'Vocês fazem teste de invasão em aplicativo mobile? Queria ter uma ideia de valor.'),
    ('es', 'Hola, ¿ofrecéis cursos de ciberseguridad para empleados sin perfil técnico? Nos vendría bien una idea del precio.'),
    ('fr', "Organisez-vous des sessions de formation pour cinq personnes ? Merci de m'indiquer le programme et le coût."),
    ('pt', 'Usamos o sistema de vocês no plano Business. Pode me mandar uma proposta para mais oito licenças?'),
    # Shop questions before buying.
    ('de', 'Gibt es den Wanderschuh „Alpin Trail“ auch in Größe 46? Im Shop sehe ich nur 45.'),
    ('de', 'Passen die Schienen Ihres Holzeisenbahn-Sets auch zu unseren vorhandenen Schienen? Dann würde ich das Erweiterungsset gleich mitbestellen.'),
    ('es', '¿Cuánto tarda un envío a Tenerife? Antes de hacer el pedido quiero saber si hay que pagar algo en la aduana.'),
    ('fr', "Votre sérum à l'acide salicylique m'intéresse. Pourriez-vous me conseiller une routine ? Je passerai commande ensuite."),
    ('de', 'Ist Ihre Gesichtscreme parfümfrei? Ich möchte sie testen, bevor ich die große Tube kaufe.'),
    ('fr', 'Quels sont vos délais de livraison pour six imprimantes laser ?'),
    ('pt', 'A calça reta tem tamanho 46? Queria comprar, mas não aparece no site.'),
]


NOT_PRESALES = [
    # Support requests that borrow the words.
    ('de', Category.OTHER, 'Unser Drucker verliert ständig die WLAN-Verbindung. Könnten Sie uns bitte einige Schritte zur Fehlersuche anbieten?'),
    ('es', Category.OTHER, 'La extensión falla desde la última actualización. ¿Podrían ofrecer información sobre problemas conocidos con esta versión?'),
    ('fr', Category.OTHER, "Votre service de messagerie est-il en panne ? Nous ne pouvons plus envoyer d'e-mails depuis ce matin."),
    ('de', Category.OTHER, 'Warum läuft Ihre Software seit dem Update nicht mehr unter Windows 11?'),
    ('fr', Category.OTHER, "Bonjour, merci pour le premier échange de ce matin. Le serveur de fichiers est de nouveau accessible."),
    # A trial already used, then a charge: billing.
    ('es', Category.PAYMENT, 'Me di de alta en la prueba gratuita de su servicio y la cancelé antes de que terminara. Aun así he visto un cargo de 9,99 € en mi cuenta. ¿Podrían anular el cobro?'),
    # Invoices: cancelled and reissued, or never received; not an order change or a lost parcel.
    ('de', Category.PAYMENT, 'Auf der Rechnung für die Jahreslizenz steht deutsche Umsatzsteuer, obwohl wir Reverse-Charge angegeben haben. Bitte stornieren Sie die Rechnung und stellen Sie eine neue aus.'),
    ('fr', Category.PAYMENT, "J'ai passé commande d'un ordinateur le 2 avril et je n'ai toujours pas reçu la facture. J'en ai besoin pour me faire rembourser par mon employeur."),
    ('pt', Category.PAYMENT, 'Fiz uma encomenda no dia 8 e ainda não recebi a fatura com o meu NIF. Podem enviá-la para este e-mail?'),
    ('pt', Category.PAYMENT, 'Recebi hoje uma cobrança de R$ 478,80 da renovação anual e não lembro de ter autorizado. Podem explicar?'),
    # Replacing a system is no return; a return slip missing from the parcel is no missing item.
    ('pt', PQ, 'Estamos avaliando a troca do nosso sistema de gestão e gostaríamos de receber uma proposta comercial do ERP de vocês.'),
    ('de', Category.RETURN_EXCHANGE, 'Retourenschein fehlt im Paket\nIch möchte zwei Artikel zurückschicken, im Paket lag aber kein Rücksendeschein. Können Sie mir ein Retourenlabel schicken?'),
    ('es', Category.RETURN_EXCHANGE, 'Me gustaría cambiar la chaqueta negra que pedí por la misma en azul marino, talla M.'),
    # Accounts of the sender's own organisation are not an account with the shop.
    ('de', Category.OTHER, 'Über das Konto eines Mitarbeiters wurden Phishing-Mails verschickt. Bitte helfen Sie uns, die Anmeldeprotokolle auszuwerten.'),
    ('fr', Category.OTHER, "Nous avons relevé des connexions inconnues avec un compte administrateur de notre instance. Pouvez-vous nous fournir les journaux d'accès ?"),
    ('de', Category.OTHER, 'Mehrere unserer Nutzer bekommen nach „Passwort vergessen“ in Ihrem Portal keine E-Mail. Hängt der Mailversand?'),
    # Comparisons of a refund and a voucher, or an offer of tracking, keep their category.
    ('fr', Category.REFUND, "Quelles sont les différences entre un avoir et un remboursement ? Je veux être remboursé de la commande annulée."),
    ('pt', Category.ORDER_STATUS, 'Vocês oferecem rastreamento? Não recebi o código de rastreio do meu pedido.'),
    # Billing words in German and Spanish mail: a faulty invoice, bank details, a migration that stopped.
    ('de', Category.PAYMENT, 'In der Rechnung RE-2024-0815 sind 35 statt 28 Lizenzen berechnet. Die Rechnung ist fehlerhaft, bitte senden Sie eine korrigierte Fassung.'),
    ('es', Category.PAYMENT, 'Para abonar la factura de abril necesitamos que nos confirmen el IBAN y el titular de la cuenta.'),
    ('es', Category.OTHER, 'La migración de nuestros tickets a su plataforma lleva detenida desde el viernes y el contador no avanza. ¿Pueden revisar el proceso?'),
    ('fr', PQ, "Nous étudions le remplacement de notre logiciel de gestion. Pourriez-vous nous indiquer vos tarifs pour quinze utilisateurs ?"),
    # The shop's own account is still account.
    ('fr', Category.ACCOUNT, "Impossible de me connecter à mon espace client : mon mot de passe est refusé."),
]


# Pre-sales said in other words: mail addressed to the sales team, looking
# for or evaluating a product, a contract to be extended, "whether you
# offer", trying before buying, an offer or a price list asked for, which of
# two to take, prices for students or non-profits, licence models, what
# every edition includes, trade-ins.
PRESALES_IN_OTHER_WORDS = [
    ('de', 'Hallo Vertriebsteam,\nkönnen Sie uns sagen, ob die Zeiterfassung auch mit Schichtplänen umgehen kann?\nGruß'),
    ('de', 'Guten Tag,\nwir evaluieren derzeit verschiedene Ticketsysteme für unseren Kundendienst mit zwölf Plätzen. Wie sieht das bei Ihnen aus?\nViele Grüße'),
    ('de', 'Hallo,\nich suche ein Notebook für Videoschnitt, höchstens 1.500 Euro. Können Sie eins vorschlagen?'),
    ('de', 'Sehr geehrte Damen und Herren,\nunser Wartungsvertrag soll auf die neue Filiale in Kassel erweitert werden. Bitte senden Sie uns ein Angebot.\nFreundliche Grüße'),
    ('de', 'Hallo,\nwelche Schulungen Sie für Administratoren anbieten, würde uns interessieren, und mit welchen Kosten wir pro Teilnehmer rechnen müssen.'),
    ('de', 'Kann ich die Projektsoftware 14 Tage kostenlos testen, bevor wir Lizenzen bestellen?'),
    ('de', 'Wir sind ein Sportverein und möchten zwei Lizenzen für die Mitgliederverwaltung anschaffen. Gibt es einen Vereinsrabatt?'),
    ('de', 'Reicht das Basispaket für drei Standorte oder brauchen wir Business? Wie wäre das preislich?'),
    ('de', 'Bietet ihr für das Monitoring-Tool Floating-Lizenzen bzw. Concurrent-Lizenzen an?'),
    ('es', 'Estimado equipo comercial:\nsomos una gestoría con ocho empleados. ¿Qué condiciones tendrían para el programa de contabilidad?\nSaludos'),
    ('es', 'Buenas, estamos valorando contratar un servicio de copias de seguridad externo para nuestras oficinas. ¿Nos podéis presupuestar 2 TB?'),
    ('es', 'Hola, busco un portátil ligero para la universidad. ¿Cuál me recomiendan entre el ASUS Zenbook y el Lenovo Yoga? ¿Tienen descuentos para estudiantes?'),
    ('es', 'Buenos días:\nnos gustaría que el contrato de mantenimiento incluyera también la nueva nave. ¿Podría prepararnos una oferta?'),
    ('es', '¿Tenéis stock del monitor Dell U2724D? Si lo pido hoy, ¿cuándo llegaría a Sevilla?'),
    ('es', 'Nos gustaría probar la herramienta de firma electrónica con dos departamentos. ¿Hay un piloto de 30 días?'),
    ('fr', "Bonjour le service commercial,\nquelles sont vos conditions pour 40 postes en infogérance ?\nCordialement"),
    ('fr', "Bonjour,\nnous hésitons entre votre formule Standard et la formule Premium. Quel budget faut-il prévoir pour 25 utilisateurs ?\nMerci"),
    ('fr', "Est-ce que vous vendez encore des licences perpétuelles pour le logiciel de comptabilité ?"),
    ('fr', "Bonjour, je cherche une imprimante laser couleur pour un cabinet de trois personnes. Laquelle vous conseillez ?"),
    ('fr', "Bonjour,\nserait-il possible d'étendre votre contrat de maintenance à notre second site ? Merci de nous faire une proposition.\nCordialement"),
    ('fr', "Avant de signer, j'aimerais savoir si vous proposez un hébergement des données en France."),
    ('pt', 'Olá equipe comercial, qual é o modelo de cobrança do monitoramento 24x7: por servidor ou por volume de dados?'),
    ('pt', 'Bom dia, queremos contratar um serviço de backup em nuvem para 15 computadores. Podem nos enviar uma proposta?'),
    ('pt', 'Vcs vendem licença do Office com nota fiscal para empresa?'),
    ('pt', 'Estamos avaliando o CRM de vocês para a nossa equipe de vendas. Tem período de teste grátis?'),
    ('pt', 'Boas, vocês fazem retoma de portáteis antigos na compra de um novo?'),
    ('pt', 'Faz mais sentido licenciar o plano Pro para todos ou só para os gestores? Qual dos dois recomendam?'),
    # A buyer's budget, switching to a higher tariff, adding to the contract, "quanto fica".
    ('de', 'Wir überlegen, auf den Business-Tarif Ihres Backup-Dienstes zu wechseln. Klappt die Wiederherstellung einzelner Postfächer dort?'),
    ('de', 'Könnt ihr uns ein Angebot für die Vernetzung des neuen Büros machen? Budget liegt bei ca. 8.000 Euro.'),
    ('es', 'Mi hija necesita un portátil para diseño. Tenemos un presupuesto de unos 1.000 €. ¿Qué modelo tiene mejor pantalla?'),
    ('es', 'Estamos comparando CRMs para la inmobiliaria. ¿El suyo envía recordatorios por SMS?'),
    ('fr', "Avant de comparer vos offres d'hébergement, pouvez-vous confirmer que les sauvegardes sont quotidiennes ?"),
    ('pt', 'Estamos a ponderar mudar de fornecedor de alojamento. O vosso plano inclui certificados SSL?'),
    ('pt', 'Usamos o CRM de vocês com 10 usuários. Quanto fica cada usuário adicional no plano Growth?'),
    ('pt', 'Vamos comprar dois servidores novos e gostaríamos de os incluir no contrato de monitorização que já temos.'),
    # Another colour, memory size or edition; delivery to a place; free shipping.
    ('de', 'Habt ihr die Bose QuietComfort Ultra auch in Weiß? Im Shop sehe ich nur Schwarz.'),
    ('de', 'Verkauft ihr das Surface Pro noch mit 16 GB RAM?'),
    ('es', '¿La sudadera con capucha la tenéis en azul marino o solo en gris?'),
    ('es', 'Hola, ¿enviáis a Canarias? ¿Cuánto tarda?'),
    ('es', '¿A partir de qué importe sale gratis el envío?'),
    ('fr', "Est-ce que la coque existe aussi en bleu ?"),
    ('fr', "Bonjour, vous livrez en Suisse ?"),
    ('pt', 'Esse teclado tem na cor branca?'),
    # In stock, asked by someone who would pay customs only once they buy.
    ('es', 'Buenas, ¿la impresora láser la tenéis en stock? Vivo en Tenerife y querría saber si pagaría aduana.'),
    # Replacing one's old equipment or system is buying new, not sending back.
    ('de', 'Wir möchten unsere alten Kopierer im Büro ersetzen. Welche Multifunktionsgeräte können Sie für 20 Arbeitsplätze empfehlen?'),
    ('es', 'Queremos sustituir nuestras antiguas centralitas por telefonía en la nube. ¿Nos preparáis un presupuesto?'),
    ('fr', "J'hésite entre la Surface Laptop et le MacBook Air pour remplacer mon vieux portable. Lequel me conseillez-vous ?"),
    ('pt', 'Queremos substituir os nossos computadores antigos. Podem indicar um modelo para escritório?'),
    # Looking for a system (verb last), a trade-in, the free trial, moving up a plan, "quanto sai".
    ('de', 'Hallo, weil wir eine neue Zeiterfassungssoftware suchen, hätten wir gern eine kurze Vorführung.'),
    ('fr', "Vous reprenez les anciens ordinateurs portables à l'achat d'un neuf ?"),
    ('fr', "Pour l'essai gratuit, faut-il donner un numéro de carte ?"),
    ('fr', "Est-il possible de passer trois de nos licences au forfait Entreprise, et à quel prix ?"),
    ('pt', 'Tô pensando em comprar esse monitor, ele serve pra jogar?'),
    ('pt', 'Quanto sai o plano de 2 TB para a equipe toda?'),
]


# What the sender has already bought, the sender's own invoices, and an
# exchange nobody wants.
NOT_PRESALES_EITHER = [
    # A customer who does not want to send the item back wants it to work.
    ('de', Category.OTHER, 'Mein Tablet von Ihnen verliert ständig das WLAN. Zurückschicken möchte ich es eigentlich nicht, gibt es ein Update dafür?'),
    ('es', Category.OTHER, 'El portátil que compré se apaga solo cuando juego. No quiero devolverlo, ¿hay alguna actualización de BIOS?'),
    ('fr', Category.OTHER, "Mon téléphone acheté chez vous redémarre tout seul. Je ne veux pas le renvoyer, avez-vous une solution ?"),
    ('pt', Category.OTHER, 'O notebook que comprei aquece muito. Não quero trocar, só resolver. Tem alguma configuração?'),
    # The sender's own invoicing program: their invoices are their customers' business.
    ('es', Category.OTHER, 'El módulo de facturación de nuestro ERP duplica la numeración de las facturas a nuestros clientes desde la última actualización.'),
    ('fr', Category.OTHER, "Dans votre logiciel de facturation, comment paramétrer les relances automatiques pour nos clients ?"),
    ('de', Category.OTHER, 'Seit dem Update erzeugt das Rechnungsmodul Ausgangsrechnungen mit falscher Mehrwertsteuer, wir mussten zwölf stornieren.'),
    # The vendor's own bill is still payment.
    ('de', Category.PAYMENT, 'Wir hatten jährliche Zahlweise vereinbart, werden aber monatlich zum vollen Preis belastet.'),
    ('de', Category.OTHER, 'Seit dem Update wird der Datenbankserver dauerhaft stark belastet und reagiert langsam.'),
    ('es', Category.PAYMENT, 'Necesito un duplicado de las facturas de enero a marzo para la auditoría.'),
    ('pt', Category.PAYMENT, 'A fatura de outubro do link dedicado veio com R$ 4.100,00, acima do contratado. Podem enviar a fatura corrigida?'),
    ('fr', Category.PAYMENT, "Nous avons reçu une facture complémentaire pour des heures de support dont nous n'avions pas été informés."),
    # Troubleshooting, an upgrade already made, and a technician swapping a disk are no purchase or exchange.
    ('es', Category.OTHER, 'Renovamos la licencia hace una semana pero el programa dice que ha caducado. ¿Qué más podemos probar?'),
    ('pt', Category.OTHER, 'Fizemos o upgrade do plano para Enterprise e agora o login via SAML mostra audience mismatch.'),
    ('pt', Category.OTHER, 'O NAS do contrato de manutenção avisou que o disco 3 falhou. Podem trocar o disco e acompanhar a reconstrução?'),
    # Mailboxes and accounts of the sender's organisation; a processing agreement under GDPR.
    ('pt', Category.OTHER, 'Uma das nossas contas de e-mail está enviando spam e acho que a senha vazou. Podem bloquear os envios?'),
    ('es', Category.OTHER, 'Nuestro DPO pide el contrato de encargado del tratamiento (art. 28 RGPD) del servicio de hosting.'),
    # A timeout is no stock question; a server changed by the technician is no exchange.
    ('es', Category.OTHER, "El ERP va lentísimo por las mañanas y a veces sale 'Tiempo de espera agotado'."),
    ('pt', Category.OTHER, 'Depois da troca do servidor pelo vosso técnico, o programa dá erro de ligação ao SQL Server.'),
    # The ERP producing the sender's own invoices.
    ('de', Category.OTHER, 'Seit gestern bricht in Ihrem ERP der Sammellauf für Ausgangsrechnungen nach 40 Belegen ab.'),
    # The sender's own sales team, their logs, their test environment, a fix
    # proposed, settings recommended: support in pre-sales words.
    ('es', Category.OTHER, 'Nuestro equipo de ventas no puede acceder al CRM desde ayer por la tarde.'),
    ('es', Category.OTHER, 'Estamos analizando sus registros y vemos errores de conexión cada noche.'),
    ('es', Category.OTHER, 'Nuestro entorno de pruebas da error 500 desde el viernes.'),
    ('fr', Category.OTHER, "Nous cherchons une solution pour notre problème de VPN depuis lundi."),
    ('fr', Category.OTHER, "Est-ce que vous proposez une solution à ce problème d'impression ?"),
    ('de', Category.OTHER, 'Können Sie uns sagen, ob Sie das Update heute Nacht durchführen?'),
    ('de', Category.OTHER, 'Der Fehler tritt in allen Versionen auf, die wir getestet haben.'),
    ('de', Category.OTHER, 'Welche Einstellungen empfehlen Sie für den Exchange-Connector?'),
    ('pt', Category.OTHER, 'Qual configuração vocês recomendam para o roteador da filial?'),
    # A plan already moved to, a talk with a technician, the organisation's
    # own domain account: support.
    ('fr', Category.OTHER, "Depuis que nous sommes passés à la formule Pro, l'export PDF ne fonctionne plus."),
    ('fr', Category.OTHER, "Pouvons-nous échanger avec un technicien ? Le serveur de fichiers ne répond plus depuis ce matin."),
    ('fr', Category.OTHER, "Pouvons-nous prévoir une réunion d'échange cette semaine sur les coupures du VPN ?"),
    ('de', Category.OTHER, 'Nach drei Fehlversuchen ist mein AD-Konto gesperrt. Bitte entsperren.'),
    # Invoices asked for again, one without the tax number: billing.
    ('es', Category.PAYMENT, '¿Me podéis reenviar las facturas de abril y mayo?'),
    ('pt', Category.PAYMENT, 'A fatura saiu sem o meu NIF. Podem emitir uma nova fatura?'),
    ('pt', Category.PAYMENT, 'Fui cobrado duas vezes pela mesma encomenda. Podem devolver o valor cobrado a mais?'),
    # A password or an address to change is no exchange.
    ('es', Category.ORDER_CHANGE, 'Acabo de hacer el pedido y me equivoqué en la dirección de entrega. ¿Pueden cambiarla antes del envío?'),
]


@pytest.mark.parametrize(("language", "text"), PRESALES + PRESALES_IN_OTHER_WORDS)
def test_a_question_before_buying_a_service_or_software_is_a_product_question(language: str, text: str) -> None:
    result = understand(message(text))
    assert result.language == language
    assert result.category is PQ, result.reasons


@pytest.mark.parametrize(("language", "category", "text"), NOT_PRESALES + NOT_PRESALES_EITHER)
def test_the_same_words_in_support_or_billing_mail_keep_their_own_category(
    language: str, category: Category, text: str
) -> None:
    result = understand(message(text))
    assert result.language == language
    assert result.category is category, result.reasons
