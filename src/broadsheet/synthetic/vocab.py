"""Word lists for the synthetic pages, written for this project (no copied articles).

Sentences are assembled from slots (connector, subject, verb, object, complement) so that a
handful of phrases per language yields tens of thousands of different sentences: an extractor
cannot memorise them, and no copyrighted text ends up in the test pages. Each slot is one string
with ``|`` between the phrases to keep the tables compact.
"""

from __future__ import annotations

Vocab = dict[str, list[str]]

_RAW: dict[str, dict[str, str]] = {
    "en": {
        "connector": "However,|Meanwhile,|In the end,|According to officials,|Last week,|For now,|"
        "As expected,|Despite the rain,|Earlier this year,|In a statement,|By contrast,",
        "subject": "the city council|the regional water board|a group of local farmers|the new harbour "
        "authority|residents of the old quarter|the transport minister|the hospital trust|a "
        "well-known architect|the chamber of commerce|volunteers from the library|the school "
        "governors|the long-serving mayor|an independent committee|the football club",
        "verb": "approved|postponed|criticised|announced|rejected|presented|defended|welcomed|"
        "questioned|reviewed|expanded|funded|delayed|promised",
        "object": "a plan to rebuild the northern bridge|the budget for the coming year|a "
        "long-term strategy for public housing|the proposal to close the night market|new "
        "cycling lanes along the river|a programme of repairs to the town hall|the decision to "
        "raise parking charges|an agreement with neighbouring districts|the so-called green "
        "corridor|plans for a part-time clinic|the restoration of the railway station|a survey "
        "of flooding risks",
        "complement": "after months of negotiation|at a crowded meeting on Tuesday|despite "
        "strong opposition|in front of the press|before the summer holidays|with a narrow "
        "majority|following a public consultation|for the third time this decade|without "
        "further explanation|under considerable pressure",
        "first": "Jane|Thomas|Margaret|David|Helen|Robert|Alice|George|Laura|Samuel|Emily|Peter",
        "last": "Doe|Whitfield|Harrington|Blake|Morrison|Caldwell|Fletcher|Langley|Pritchard|Osborne",
        "byline": "By {name}|By {name}, Staff Writer|{name}|By {name} and {name2}",
        "section": "Local News|Politics|Business|Sport|Culture|Science|Education|Health|Weather|"
        "Opinion|World|Environment",
        "jump_to": "Continued on page {n}|See {word}, page {n}|Turn to page {n}",
        "jump_from": "Continued from page {n}|From page {n}",
        "briefs": "In Brief|News in Brief|Briefly",
        "masthead": "The Morning Ledger|The Valley Courier|Northport Herald|The Evening Standard Post",
        "tagline": "Independent since 1871|News for the whole county|Honest reporting, every day",
        "months": "January|February|March|April|May|June|July|August|September|October|November|December",
        "days": "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday",
        "caption": "{Subject} {verb} {object}.|A view of the site {complement}.|{Name} speaks to "
        "reporters {complement}.",
        "ad": "GRAND OPENING|HALF PRICE SALE|NEW SEASON|FREE DELIVERY|BOOK NOW|LAST CHANCE",
        "ad_small": "Call us today|Visit our showroom|Open seven days a week|Terms apply",
        "index": "Inside|Today's paper",
        "page_word": "Page",
        "price": "Price",
    },
    "es": {
        "connector": "Sin embargo,|Mientras tanto,|Al final,|Según fuentes oficiales,|La semana "
        "pasada,|Por ahora,|Como se esperaba,|En un comunicado,|Por el contrario,",
        "subject": "el ayuntamiento|la junta regional del agua|un grupo de agricultores|la nueva "
        "autoridad portuaria|los vecinos del barrio antiguo|el ministro de transportes|la "
        "dirección del hospital|una conocida arquitecta|la cámara de comercio|los voluntarios de "
        "la biblioteca|el alcalde|una comisión independiente",
        "verb": "aprobó|aplazó|criticó|anunció|rechazó|presentó|defendió|celebró|cuestionó|revisó|"
        "amplió|financió|prometió",
        "object": "un plan para reconstruir el puente norte|el presupuesto del próximo año|una "
        "estrategia a largo plazo para la vivienda|la propuesta de cerrar el mercado nocturno|"
        "nuevos carriles para bicicletas junto al río|un programa de reparaciones del edificio "
        "municipal|la subida de las tarifas de aparcamiento|un acuerdo político-económico con los "
        "distritos vecinos|la restauración de la estación de ferrocarril",
        "complement": "tras meses de negociaciones|en una reunión multitudinaria el martes|pese a "
        "la fuerte oposición|ante la prensa|antes de las vacaciones de verano|por una estrecha "
        "mayoría|después de una consulta pública|sin más explicaciones",
        "first": "Ana|Carlos|Lucía|Javier|Marta|Pablo|Elena|Diego|Carmen|Andrés",
        "last": "Ruiz|García|Fernández|Moreno|Navarro|Castillo|Ortega|Delgado|Romero|Vázquez",
        "byline": "por {name}|Por {name}|{name}|Por {name} y {name2}",
        "section": "Local|Política|Economía|Deportes|Cultura|Ciencia|Educación|Salud|Opinión|Internacional",
        "jump_to": "Continúa en la página {n}|Sigue en la página {n}",
        "jump_from": "Viene de la página {n}|Continuación de la página {n}",
        "briefs": "Breves|En breve",
        "masthead": "El Heraldo del Sur|Diario de la Costa|La Voz del Valle",
        "tagline": "Fundado en 1902|El diario de la comarca",
        "months": "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre",
        "days": "lunes|martes|miércoles|jueves|viernes|sábado|domingo",
        "caption": "{Subject} {verb} {object}.|Vista del lugar {complement}.|{Name} habla con "
        "los periodistas {complement}.",
        "ad": "GRAN APERTURA|REBAJAS|NUEVA TEMPORADA|ENVÍO GRATIS|RESERVE YA",
        "ad_small": "Llame hoy mismo|Visite nuestra tienda|Abierto todos los días",
        "index": "En este número|Hoy",
        "page_word": "Página",
        "price": "Precio",
    },
    "it": {
        "connector": "Tuttavia,|Nel frattempo,|Alla fine,|Secondo fonti ufficiali,|La settimana "
        "scorsa,|Per ora,|Come previsto,|In una nota,|Al contrario,",
        "subject": "il consiglio comunale|il consorzio idrico regionale|un gruppo di agricoltori|"
        "la nuova autorità portuale|gli abitanti del centro storico|il ministro dei trasporti|"
        "la direzione dell'ospedale|una nota architetta|la camera di commercio|i volontari della "
        "biblioteca|il sindaco|una commissione indipendente",
        "verb": "ha approvato|ha rinviato|ha criticato|ha annunciato|ha respinto|ha presentato|"
        "ha difeso|ha accolto|ha messo in discussione|ha finanziato|ha promesso",
        "object": "un piano per ricostruire il ponte nord|il bilancio del prossimo anno|una "
        "strategia a lungo termine per la casa|la proposta di chiudere il mercato notturno|"
        "nuove piste ciclabili lungo il fiume|un programma di restauro del municipio|l'aumento "
        "delle tariffe dei parcheggi|un accordo con i comuni vicini|il recupero della stazione",
        "complement": "dopo mesi di trattative|in un'affollata riunione di martedì|nonostante "
        "la forte opposizione|davanti alla stampa|prima delle vacanze estive|con una maggioranza "
        "risicata|dopo una consultazione pubblica|senza ulteriori spiegazioni",
        "first": "Mario|Giulia|Luca|Francesca|Marco|Chiara|Paolo|Elena|Giorgio|Sara",
        "last": "Rossi|Bianchi|Esposito|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo",
        "byline": "di {name}|Di {name}|{name}|di {name} e {name2}",
        "section": "Cronaca|Politica|Economia|Sport|Cultura|Scienza|Scuola|Salute|Commenti|Esteri",
        "jump_to": "Segue a pagina {n}|Continua a pagina {n}",
        "jump_from": "Segue da pagina {n}|Dalla prima pagina",
        "briefs": "In breve|Notizie in breve",
        "masthead": "Il Corriere della Valle|La Gazzetta del Porto|Il Nuovo Giornale",
        "tagline": "Quotidiano indipendente|Dal 1898",
        "months": "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre",
        "days": "lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica",
        "caption": "{Subject} {verb} {object}.|Una veduta del luogo {complement}.|{Name} parla "
        "con i giornalisti {complement}.",
        "ad": "GRANDE APERTURA|SALDI|NUOVA STAGIONE|CONSEGNA GRATUITA|PRENOTA ORA",
        "ad_small": "Chiamaci oggi|Vieni a trovarci|Aperto tutti i giorni",
        "index": "In questo numero|Oggi",
        "page_word": "Pagina",
        "price": "Prezzo",
    },
    "fr": {
        "connector": "Cependant,|Pendant ce temps,|Finalement,|Selon des sources officielles,|La "
        "semaine dernière,|Pour l'instant,|Comme prévu,|Dans un communiqué,|À l'inverse,",
        "subject": "le conseil municipal|l'agence régionale de l'eau|un groupe d'agriculteurs|la "
        "nouvelle autorité portuaire|les habitants du vieux quartier|le ministre des transports|"
        "la direction de l'hôpital|une architecte réputée|la chambre de commerce|les bénévoles "
        "de la bibliothèque|le maire|une commission indépendante",
        "verb": "a approuvé|a reporté|a critiqué|a annoncé|a rejeté|a présenté|a défendu|a salué|"
        "a remis en question|a financé|a promis",
        "object": "un projet de reconstruction du pont nord|le budget de l'année prochaine|une "
        "stratégie à long terme pour le logement|la fermeture du marché de nuit|de nouvelles "
        "pistes cyclables le long du fleuve|un programme de rénovation de l'hôtel de ville|la "
        "hausse des tarifs de stationnement|un accord franco-allemand sur les transports|la "
        "restauration de la gare",
        "complement": "après des mois de négociations|lors d'une réunion animée mardi|malgré "
        "une forte opposition|devant la presse|avant les vacances d'été|à une courte majorité|"
        "après une consultation publique|sans autre explication",
        "first": "Marie|Jean|Claire|Pierre|Sophie|Louis|Camille|Antoine|Julie|Nicolas",
        "last": "Dupont|Martin|Bernard|Lefèvre|Moreau|Laurent|Girard|Rousseau|Fontaine|Mercier",
        "byline": "par {name}|Par {name}|{name}|Par {name} et {name2}",
        "section": "Région|Politique|Économie|Sports|Culture|Sciences|Éducation|Santé|Opinions|Monde",
        "jump_to": "Suite page {n}|Lire la suite page {n}",
        "jump_from": "Suite de la page {n}|Suite de la une",
        "briefs": "En bref|Brèves",
        "masthead": "Le Courrier du Matin|La Gazette de l'Ouest|L'Écho des Vallées",
        "tagline": "Quotidien régional depuis 1889|L'information de proximité",
        "months": "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
        "days": "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
        "caption": "{Subject} {verb} {object}.|Une vue du site {complement}.|{Name} répond aux "
        "journalistes {complement}.",
        "ad": "GRANDE OUVERTURE|SOLDES|NOUVELLE COLLECTION|LIVRAISON GRATUITE|RÉSERVEZ",
        "ad_small": "Appelez-nous|Visitez notre magasin|Ouvert tous les jours",
        "index": "Dans ce numéro|Aujourd'hui",
        "page_word": "Page",
        "price": "Prix",
    },
    "de": {
        "connector": "Allerdings|Inzwischen|Am Ende|Nach Angaben der Behörden|Vergangene Woche|"
        "Vorerst|Wie erwartet|In einer Mitteilung|Dagegen",
        "subject": "der Stadtrat|der regionale Wasserverband|eine Gruppe von Landwirten|die neue "
        "Hafenbehörde|die Bewohner der Altstadt|der Verkehrsminister|die Krankenhausleitung|eine "
        "bekannte Architektin|die Handelskammer|die Ehrenamtlichen der "
        "Stadtbibliothek|der Bürgermeister|eine unabhängige Kommission",
        "verb": "beschloss|verschob|kritisierte|verkündete|lehnte ab|stellte vor|verteidigte|"
        "begrüßte|hinterfragte|finanzierte|versprach",
        "object": "einen Plan zum Wiederaufbau der Nordbrücke|den Haushalt für das kommende Jahr|"
        "eine langfristige Wohnungsbaustrategie|die Schließung des Nachtmarktes|neue Radwege "
        "entlang des Flusses|ein Sanierungsprogramm für das Rathaus|die Erhöhung der "
        "Parkgebühren|eine Vereinbarung mit den Nachbargemeinden|die Renovierung des "
        "Hauptbahnhofs|eine Untersuchung der Hochwasserrisiken",
        "complement": "nach monatelangen Verhandlungen|in einer vollen Sitzung am Dienstag|trotz "
        "heftigen Widerstands|vor der Presse|vor den Sommerferien|mit knapper Mehrheit|nach "
        "einer Bürgerbefragung|ohne weitere Erklärung",
        "first": "Anna|Klaus|Sabine|Michael|Julia|Stefan|Katrin|Thomas|Petra|Jürgen",
        "last": "Müller|Schmidt|Schneider|Fischer|Weber|Wagner|Becker|Hoffmann|Schäfer|Krüger",
        "byline": "Von {name}|von {name}|{name}|Von {name} und {name2}",
        "section": "Lokales|Politik|Wirtschaft|Sport|Kultur|Wissenschaft|Bildung|Gesundheit|Meinung|Welt",
        "jump_to": "Fortsetzung auf Seite {n}|Weiter auf Seite {n}",
        "jump_from": "Fortsetzung von Seite {n}",
        "briefs": "Kurz notiert|In Kürze",
        "masthead": "Der Morgenkurier|Allgemeine Talzeitung|Norddeutsche Rundschau",
        "tagline": "Unabhängige Tageszeitung|Seit 1849",
        "months": "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember",
        "days": "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag",
        "caption": "{Subject} {verb} {object}.|Blick auf das Gelände {complement}.|{Name} im "
        "Gespräch mit Journalisten {complement}.",
        "ad": "NEUERÖFFNUNG|SCHLUSSVERKAUF|NEUE KOLLEKTION|GRATIS LIEFERUNG|JETZT BUCHEN",
        "ad_small": "Rufen Sie uns an|Besuchen Sie uns|Täglich geöffnet",
        "index": "In dieser Ausgabe|Heute",
        "page_word": "Seite",
        "price": "Preis",
    },
    "pt": {
        "connector": "No entanto,|Enquanto isso,|No final,|Segundo fontes oficiais,|Na semana "
        "passada,|Por enquanto,|Como esperado,|Em comunicado,|Pelo contrário,",
        "subject": "a câmara municipal|a agência regional da água|um grupo de agricultores|a nova "
        "autoridade portuária|os moradores do bairro antigo|o ministro dos transportes|a direção "
        "do hospital|uma arquiteta conhecida|a associação comercial|os voluntários da "
        "biblioteca|o prefeito|uma comissão independente",
        "verb": "aprovou|adiou|criticou|anunciou|rejeitou|apresentou|defendeu|saudou|questionou|financiou|prometeu",
        "object": "um plano para reconstruir a ponte norte|o orçamento do próximo ano|uma "
        "estratégia de longo prazo para a habitação|o fechamento da feira noturna|novas "
        "ciclovias ao longo do rio|um programa de reformas da prefeitura|o aumento das tarifas "
        "de estacionamento|um acordo com os municípios vizinhos|a restauração da estação "
        "ferroviária|o manejo da vegetação em Costazul",
        "complement": "após meses de negociação|numa reunião lotada na terça-feira|apesar da "
        "forte oposição|diante da imprensa|antes das férias de verão|por uma maioria "
        "apertada|depois de uma consulta pública|sem mais explicações",
        "first": "Ana|João|Beatriz|Pedro|Mariana|Rafael|Luísa|Tiago|Helena|Gustavo",
        "last": "Silva|Santos|Oliveira|Souza|Pereira|Costa|Rodrigues|Almeida|Carvalho|Ribeiro",
        "byline": "por {name}|Por {name}|{name}|Por {name} e {name2}",
        "section": "Cidade|Política|Economia|Esportes|Cultura|Ciência|Educação|Saúde|Opinião|Mundo",
        "jump_to": "Continua na página {n}|Segue na página {n}",
        "jump_from": "Continuação da página {n}|Vem da página {n}",
        "briefs": "Em resumo|Notas",
        "masthead": "Jornal da Manhã|O Correio do Litoral|Folha do Vale",
        "tagline": "Desde 1911|O jornal da região",
        "months": "janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro",
        "days": "segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|sábado|domingo",
        "caption": "{Subject} {verb} {object}.|Vista do local {complement}.|{Name} fala com a imprensa {complement}.",
        "ad": "GRANDE INAUGURAÇÃO|LIQUIDAÇÃO|NOVA COLEÇÃO|ENTREGA GRÁTIS|RESERVE JÁ",
        "ad_small": "Ligue hoje|Visite a nossa loja|Aberto todos os dias",
        "index": "Nesta edição|Hoje",
        "page_word": "Página",
        "price": "Preço",
    },
    "ar": {
        "connector": "ومع ذلك،|وفي الأثناء،|وفي النهاية،|وحسب مصادر رسمية،|وفي الأسبوع الماضي،|"
        "وكما كان متوقعا،|وفي بيان رسمي،",
        "subject": "المجلس البلدي|الوكالة الجهوية للمياه|مجموعة من الفلاحين|سلطة الميناء الجديدة|"
        "سكان الحي القديم|وزير النقل|إدارة المستشفى|مهندسة معروفة|غرفة التجارة|متطوعو المكتبة|"
        "رئيس البلدية|لجنة مستقلة",
        "verb": "وافق على|أجل|انتقد|أعلن|رفض|قدم|دافع عن|ناقش|راجع|مول|اقترح",
        "object": "خطة لإعادة بناء الجسر الشمالي|ميزانية السنة المقبلة|استراتيجية طويلة المدى "
        "للسكن|مقترح إغلاق السوق الليلي|مسارات جديدة للدراجات على ضفة النهر|برنامج ترميم مقر "
        "البلدية|رفع رسوم مواقف السيارات|اتفاقا مع البلديات المجاورة|ترميم محطة القطار",
        "complement": "بعد أشهر من المفاوضات|في اجتماع مزدحم يوم الثلاثاء|رغم المعارضة الشديدة|"
        "أمام الصحافة|قبل العطلة الصيفية|بأغلبية ضئيلة|بعد استشارة عامة|دون مزيد من التوضيح",
        "first": "أحمد|فاطمة|يوسف|مريم|خالد|سارة|عمر|ليلى|كريم|نور",
        "last": "بن علي|العمري|الحسيني|منصور|السعدي|الخطيب|حداد|النجار",
        "byline": "بقلم {name}|{name}|كتب {name}",
        "section": "محليات|سياسة|اقتصاد|رياضة|ثقافة|علوم|تعليم|صحة|رأي|دوليات",
        "jump_to": "التتمة في الصفحة {n}|تابع في الصفحة {n}",
        "jump_from": "تتمة من الصفحة {n}|تابع من الصفحة {n}",
        "briefs": "باختصار|أخبار قصيرة",
        "masthead": "صوت المدينة|الفجر الجديد|أخبار الساحل",
        "tagline": "جريدة يومية مستقلة|تأسست سنة 1962",
        "months": "يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر",
        "days": "الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد",
        "caption": "{Subject} {verb} {object}.|منظر عام للموقع {complement}.|{Name} يتحدث إلى الصحافة {complement}.",
        "ad": "افتتاح كبير|تخفيضات|تشكيلة جديدة|توصيل مجاني|احجز الآن",
        "ad_small": "اتصل بنا اليوم|زوروا معرضنا|مفتوح كل أيام الأسبوع",
        "index": "في هذا العدد|اليوم",
        "page_word": "الصفحة",
        "price": "الثمن",
    },
    "ur": {
        # Mostly written with Arabic heh (ه) where Urdu uses heh goal; see vocab() for why.
        "connector": "تاهم|اس دوران|آخر میں|سرکاری ذرائع کے مطابق|پچھلے ماه|جیسا که توقع تهی",
        "subject": "شهر کی کونسل|پانی کا علاقائی ادارا|کسانوں کا ایک گروپ|بندرگاه کی نئی انتظامیه|"
        "پرانے محلے کے لوگ|وزیر ٹرانسپورٹ|ہسپتال کی انتظامیه|ایک مشهور معمار|تجارتی انجمن|"
        "لائبریری کے رضاکار|میئر",
        "verb": "نے منظور کیا|نے ملتوی کیا|نے تنقید کی|نے اعلان کیا|نے مسترد کیا|نے پیش کیا|نے "
        "خیر مقدم کیا|نے جائزه لیا",
        "object": "شمالی پل کی تعمیر نو کا منصوبه|اگلے سال کا بجٹ|رهائش کے لیے طویل مدتی حکمت "
        "عملی|رات کا بازار بند کرنے کی تجویز|دریا کے ساتھ سائیکل کے نئے راستے|ریلوے اسٹیشن کی "
        "مرمت|پارکنگ فیس میں اضافه",
        "complement": "کئی ماه کی بات چیت کے بعد|منگل کو ایک بڑے اجلاس میں|شدید مخالفت کے "
        "باوجود|صحافیوں کے سامنے|گرمیوں کی چھٹیوں سے پهلے|معمولی اکثریت سے",
        "first": "احمد|فاطمه|علی|عائشه|عمران|زینب|بلال|سعدیه",
        "last": "خان|قریشی|ملک|چوهدری|شیخ|بٹ|مرزا",
        "byline": "تحریر {name}|{name}|رپورٹ {name}",
        "section": "مقامی|سیاست|معیشت|کھیل|ثقافت|سائنس|تعلیم|صحت|رائے|دنیا",
        "jump_to": "بقیه صفحه {n} پر|باقی صفحه {n} پر",
        "jump_from": "صفحه {n} سے آگے",
        "briefs": "مختصر خبریں|خبریں مختصر",
        "masthead": "روزنامه صبح نو|شهر کی آواز|نیا دور",
        "tagline": "آزاد روزنامه|سن 1947 سے",
        "months": "جنوری|فروری|مارچ|اپریل|مئی|جون|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر",
        "days": "پیر|منگل|بدھ|جمعرات|جمعه|هفته|اتوار",
        "caption": "{Subject} {verb} {object}.|موقع کا ایک منظر {complement}.|{Name} صحافیوں سے "
        "بات کر رهے تهے {complement}.",
        "ad": "شاندار افتتاح|سیل|نیا مال|مفت ڈیلیوری|ابھی بک کریں",
        "ad_small": "آج هی فون کریں|همارے شو روم آئیں|هر روز کھلا",
        "index": "اس شمارے میں|آج",
        "page_word": "صفحه",
        "price": "قیمت",
    },
}

LANGUAGES = tuple(_RAW)
RTL_LANGUAGES = frozenset({"ar", "ur"})


def vocab(language: str) -> Vocab:
    """The phrase tables of ``language``; unknown languages fall back to English."""
    raw = _RAW.get(language, _RAW["en"])
    out = {key: [p.strip() for p in value.split("|") if p.strip()] for key, value in raw.items()}
    if language == "ur":
        # DejaVu Sans has no yeh barree and no joined heh goal: substitute the nearest letters
        # it can draw, so the page shows real glyphs and the text layer matches the ground truth.
        out = {k: [p.replace("ے", "ی").replace("ہ", "ه") for p in v] for k, v in out.items()}
    return out
