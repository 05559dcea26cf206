"""Phrase tables for what daily pages add: bylines with a place, author bios, photo credits,
run-in labels, editorial-looking adverts and the imprint box. Written for this project.

Kept apart from :mod:`broadsheet.synthetic.vocab` so that the phrase lists older seeds draw
from never change (the same seed must keep giving the same page). Left-to-right languages only;
``{name}``, ``{NAME}`` (in capitals), ``{city}``, ``{field}``, ``{n}`` are filled in by
:class:`broadsheet.synthetic.daily_text.DailyText`.
"""

from __future__ import annotations

from broadsheet.synthetic.vocab import Vocab

_RAW: dict[str, dict[str, str]] = {
    "en": {
        "city": "Northport|Millbrook|Ashford|Kingsbridge|Westfield|Harlow Bay|Elmstead",
        "byline": "{name} | {city}|By {name} in {city}|{name}, {city}|By {NAME}|{NAME}|"
        "By {name}, Political Correspondent|{name}",
        "bio": "{name} is a professor of {field} at the University of {city}.|{name} is a "
        "freelance writer based in {city}.|{name} teaches {field} in {city} and writes a monthly "
        "column for this paper.",
        "field": "economics|urban planning|modern history|public health|law",
        "credit": "Photo: {name}|PHOTO: {NAME}|{name} / Staff photographer|Picture: {name}",
        "label": "Background.|Methods:|What happens next:|Why it matters.|The numbers:|Reactions:",
        "opinion": "Opinion|Comment|Analysis|Viewpoint|Letter from {city}",
        "ad_label": "ADVERTISEMENT|Advertisement|Sponsored content|PROMOTION",
        "ad_head": "A new home for your savings|Spring courses at the harbour academy|Family "
        "dentistry, now open in {city}|Discover the coast by train|Hearing tests free this month",
        "ad_body": "Our team has served the region for more than thirty years.|Book a free first "
        "consultation at a time that suits you.|All courses are taught by qualified instructors "
        "in small groups.|Parking is available behind the building.|Ask about our special rates "
        "for students and pensioners.|We are open late on Thursdays and on Saturday mornings.",
        "ad_price": "From £{n}|Only £{n} a month|£{n} per person",
        "tld": "co.uk",
        "publisher": "{city} Media Ltd|The {city} Press Company|Valley Newspapers Group",
        "street": "{n} Harbour Street, {city}|{n} Market Square, {city}|Unit {n}, Mill Lane, {city}",
        "imprint": "Publisher|Editor|Address|Telephone|Email|Printed by|Advertising",
        "printer": "{city} Print Works|Regional Presses Ltd",
    },
    "es": {
        "city": "Villanueva|San Roque|Puerto Alto|Valdemar|Santa Clara|Los Llanos",
        "byline": "{name} | {city}|Por {name} en {city}|{name}, {city}|Por {NAME}|{NAME}|{name}",
        "bio": "{name} es profesora de {field} en la Universidad de {city}.|{name} es periodista "
        "independiente y vive en {city}.",
        "field": "economía|urbanismo|historia contemporánea|salud pública|derecho",
        "credit": "Foto: {name}|FOTO: {NAME}|{name} / EFE|Imagen: {name}",
        "label": "Antecedentes.|Método:|Lo que viene:|Por qué importa.|Las cifras:|Reacciones:",
        "opinion": "Opinión|Tribuna|Análisis|Carta desde {city}",
        "ad_label": "PUBLICIDAD|Publicidad|Contenido patrocinado",
        "ad_head": "Un nuevo hogar para sus ahorros|Cursos de primavera en la academia del "
        "puerto|Clínica dental familiar, ahora en {city}|Descubra la costa en tren",
        "ad_body": "Nuestro equipo atiende a la región desde hace más de treinta años.|Pida una "
        "primera consulta gratuita cuando le venga bien.|Todos los cursos los imparten "
        "profesores titulados en grupos reducidos.|Hay aparcamiento detrás del edificio.|"
        "Pregunte por nuestras tarifas para estudiantes y jubilados.",
        "ad_price": "Desde {n} €|Solo {n} € al mes|{n} € por persona",
        "tld": "es",
        "publisher": "Ediciones {city} S.A.|Grupo Editorial del Sur",
        "street": "Calle Mayor {n}, {city}|Plaza de España {n}, {city}|Avenida del Puerto {n}, {city}",
        "imprint": "Editora|Director|Dirección|Teléfono|Correo|Imprime|Publicidad",
        "printer": "Imprenta {city}|Artes Gráficas del Sur",
    },
    "it": {
        "city": "Valbruna|Porto Santo|San Vito|Castelnuovo|Montealto|Lido Verde",
        "byline": "{name} | {city}|di {name} da {city}|{name}, {city}|di {NAME}|{NAME}|{name}",
        "bio": "{name} è docente di {field} all'Università di {city}.|{name} è giornalista freelance e vive a {city}.",
        "field": "economia|urbanistica|storia contemporanea|sanità pubblica|diritto",
        "credit": "Foto: {name}|FOTO {NAME}|{name} / Ansa|Foto di {name}",
        "label": "Il contesto.|Metodo:|I prossimi passi:|Perché conta.|I numeri:|Le reazioni:",
        "opinion": "Il commento|L'analisi|Opinioni|Lettera da {city}",
        "ad_label": "PUBBLICITÀ|Pubblicità|Informazione pubblicitaria",
        "ad_head": "Una nuova casa per i vostri risparmi|Corsi di primavera all'accademia del "
        "porto|Studio dentistico, ora anche a {city}|Scoprite la costa in treno",
        "ad_body": "Il nostro staff serve la zona da più di trent'anni.|Prenotate una prima "
        "visita gratuita quando volete.|Tutti i corsi sono tenuti da insegnanti qualificati in "
        "piccoli gruppi.|Parcheggio disponibile dietro l'edificio.|Chiedete delle tariffe per "
        "studenti e pensionati.",
        "ad_price": "Da {n} €|Solo {n} € al mese|{n} € a persona",
        "tld": "it",
        "publisher": "Editrice {city} S.r.l.|Gruppo Editoriale del Porto",
        "street": "Via Roma {n}, {city}|Piazza Garibaldi {n}, {city}|Corso Italia {n}, {city}",
        "imprint": "Editore|Direttore responsabile|Sede|Telefono|Email|Stampa|Pubblicità",
        "printer": "Tipografia {city}|Arti Grafiche del Porto",
    },
    "fr": {
        "city": "Villeneuve|Saint-Aubin|Port-Joli|Montclair|Beauval|Les Ormes",
        "byline": "{name} | {city}|Par {name}, à {city}|{name}, {city}|Par {NAME}|{NAME}|{name}",
        "bio": "{name} est professeure de {field} à l'université de {city}.|{name} est "
        "journaliste indépendant et vit à {city}.",
        "field": "économie|urbanisme|histoire contemporaine|santé publique|droit",
        "credit": "Photo : {name}|PHOTO {NAME}|{name} / AFP|Photo {name}",
        "label": "Le contexte.|Méthode :|Et maintenant ?|Pourquoi c'est important.|Les chiffres :",
        "opinion": "Opinion|Tribune|Analyse|Lettre de {city}",
        "ad_label": "PUBLICITÉ|Publicité|Publireportage",
        "ad_head": "Un nouveau foyer pour votre épargne|Cours de printemps à l'académie du port|"
        "Cabinet dentaire familial, désormais à {city}|Découvrez la côte en train",
        "ad_body": "Notre équipe sert la région depuis plus de trente ans.|Réservez une première "
        "consultation gratuite quand vous le souhaitez.|Tous les cours sont assurés par des "
        "enseignants diplômés en petits groupes.|Parking disponible derrière le bâtiment.|"
        "Demandez nos tarifs pour les étudiants et les retraités.",
        "ad_price": "À partir de {n} €|Seulement {n} € par mois|{n} € par personne",
        "tld": "fr",
        "publisher": "Éditions de {city} SA|Groupe de presse de l'Ouest",
        "street": "{n} rue de la Gare, {city}|{n} place du Marché, {city}|{n} avenue du Port, {city}",
        "imprint": "Éditeur|Directeur de la publication|Siège|Téléphone|Courriel|Impression|Publicité",
        "printer": "Imprimerie de {city}|Presses de l'Ouest",
    },
    "de": {
        "city": "Neustadt|Bergheim|Seedorf|Altenau|Rosenfeld|Hafenstedt",
        "byline": "{name} | {city}|Von {name}, {city}|{name}, {city}|Von {NAME}|{NAME}|{name}",
        "bio": "{name} ist Professorin für {field} an der Universität {city}.|{name} arbeitet "
        "als freier Journalist in {city}.",
        "field": "Volkswirtschaft|Stadtplanung|Zeitgeschichte|Gesundheitswesen|Recht",
        "credit": "Foto: {name}|FOTO: {NAME}|{name} / dpa|Bild: {name}",
        "label": "Hintergrund.|Methode:|Wie es weitergeht:|Warum das wichtig ist.|Die Zahlen:",
        "opinion": "Meinung|Kommentar|Analyse|Brief aus {city}",
        "ad_label": "ANZEIGE|Anzeige|Sonderveröffentlichung",
        "ad_head": "Ein neues Zuhause für Ihr Erspartes|Frühjahrskurse an der Hafenakademie|"
        "Familienzahnarzt, jetzt auch in {city}|Entdecken Sie die Küste mit der Bahn",
        "ad_body": "Unser Team ist seit mehr als dreißig Jahren für die Region da.|Vereinbaren Sie "
        "ein kostenloses Erstgespräch.|Alle Kurse leiten ausgebildete Lehrkräfte in kleinen "
        "Gruppen.|Parkplätze gibt es hinter dem Gebäude.|Fragen Sie nach unseren Tarifen für "
        "Studierende und Rentner.",
        "ad_price": "Ab {n} €|Nur {n} € im Monat|{n} € pro Person",
        "tld": "de",
        "publisher": "{city}er Verlagshaus GmbH|Zeitungsgruppe Nord",
        "street": "Hauptstraße {n}, {city}|Marktplatz {n}, {city}|Hafenweg {n}, {city}",
        "imprint": "Verlag|Chefredaktion|Anschrift|Telefon|E-Mail|Druck|Anzeigen",
        "printer": "Druckerei {city}|Nordpresse Druck GmbH",
    },
    "pt": {
        "city": "Vila Nova|São Miguel|Porto Alegre do Sul|Campo Belo|Santa Luzia|Rio Claro",
        "byline": "{name} | {city}|Por {name}, de {city}|{name}, {city}|Por {NAME}|{NAME}|{name}",
        "bio": "{name} é professora de {field} na Universidade de {city}.|{name} é jornalista "
        "independente e vive em {city}.",
        "field": "economia|urbanismo|história contemporânea|saúde pública|direito",
        "credit": "Foto: {name}|FOTO: {NAME}|{name} / Agência|Foto de {name}",
        "label": "Contexto.|Método:|Próximos passos:|Por que importa.|Os números:|Reações:",
        "opinion": "Opinião|Artigo|Análise|Carta de {city}",
        "ad_label": "PUBLICIDADE|Publicidade|Conteúdo patrocinado",
        "ad_head": "Um novo lar para as suas poupanças|Cursos de primavera na academia do porto|"
        "Clínica dentária familiar, agora em {city}|Descubra o litoral de comboio",
        "ad_body": "A nossa equipa serve a região há mais de trinta anos.|Marque uma primeira "
        "consulta gratuita quando lhe for conveniente.|Todos os cursos são dados por "
        "professores qualificados em grupos pequenos.|Há estacionamento atrás do edifício.|"
        "Pergunte pelas tarifas para estudantes e reformados.",
        "ad_price": "A partir de {n} €|Apenas {n} € por mês|{n} € por pessoa",
        "tld": "pt",
        "publisher": "Editora {city} Lda.|Grupo de Comunicação do Litoral",
        "street": "Rua das Flores, {n}, {city}|Praça da República, {n}, {city}|Avenida do Mar, {n}, {city}",
        "imprint": "Editora|Diretor|Morada|Telefone|Email|Impressão|Publicidade",
        "printer": "Gráfica {city}|Tipografia do Litoral",
    },
}

DAILY_LANGUAGES = frozenset(_RAW)


def daily_vocab(language: str) -> Vocab:
    """The daily phrase tables of ``language`` (a left-to-right one; others fall back to English)."""
    raw = _RAW.get(language, _RAW["en"])
    return {key: [p.strip() for p in value.split("|") if p.strip()] for key, value in raw.items()}
