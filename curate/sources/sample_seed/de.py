"""German seed of the embedded sample (written for this project). Format: see en.py."""

_MATH_EXTRA = [
  "Bitte zeig mir den Rechenweg.", "Ich übe gerade für eine Klassenarbeit.",
  "Kannst du auch erklären, warum das so funktioniert?", "Bitte rechne sorgfältig nach.",
  "Das ist eine Aufgabe aus dem Mathebuch meiner Tochter.", "Meine Lösung war leider falsch.",
]

_EXPLAIN_ANSWER = {
  "intro": [
    "Gute Frage! Hier ist eine verständliche Erklärung zum Thema „{subject}“.",
    "Das Thema „{subject}“ klingt kompliziert, aber die Grundidee ist eigentlich einfach.",
    "Lass uns das Schritt für Schritt durchgehen.",
  ],
  "points": [
    "Die Grundidee", "Wie es funktioniert", "Ein Beispiel aus dem Alltag", "Warum das wichtig ist",
    "Ein häufiges Missverständnis", "Zusammenfassung",
  ],
  "body": [
    "Im Kern geht es darum, wie eine Ursache zu einer vorhersehbaren Wirkung führt.",
    "Stell dir etwas vor, das du jeden Tag machst: Jeder Schritt baut auf dem vorherigen auf.",
    "Wichtig ist vor allem der Mechanismus, nicht die Fachbegriffe.",
    "Wenn man das Muster einmal erkannt hat, sieht man es plötzlich überall.",
    "Ein häufiger Fehler ist die Annahme, dass alles auf einmal passiert.",
    "Kleine Veränderungen am Anfang können mit der Zeit große Folgen haben.",
    "Es gibt Ausnahmen, aber die versteht man leichter, wenn die Regel klar ist.",
    "Man kann es sich als System mit Eingaben, einem Prozess und Ergebnissen vorstellen.",
    "Wer das verstanden hat, lernt verwandte Themen später viel leichter.",
    "In der Praxis begegnet man diesem Prinzip häufiger, als man denkt.",
    "Fachleute beschreiben es mit präzisen Begriffen, aber die Intuition ist zuerst wichtiger.",
  ],
  "outro": [
    "Ich hoffe, das hilft! Frag gern nach, wenn ein Teil unklar ist.",
    "Kurz gesagt: Erst den Mechanismus verstehen, dann kommen die Details von selbst.",
  ],
}

_ADVICE_ANSWER = {
  "intro": [
    "Das klingt wirklich belastend, und es ist gut, dass du darüber nachdenkst.",
    "Zuerst einmal: Deine Gefühle sind völlig nachvollziehbar.",
  ],
  "points": [
    "Die Lage klären", "Ein offenes Gespräch", "Grenzen setzen", "Auf dich selbst achten", "Optionen abwägen",
    "Der nächste Schritt",
  ],
  "body": [
    "Versuche, die Situation in einem Satz zu beschreiben; das macht oft klar, worum es eigentlich geht.",
    "Ein ruhiges Gespräch unter vier Augen wirkt meist besser als Andeutungen.",
    "Sprich in Ich-Botschaften und beschreibe, wie es dir damit geht.",
    "Es ist in Ordnung, Grenzen zu setzen, auch bei Menschen, die man mag.",
    "Schreib deine Möglichkeiten auf und überlege, was jede davon kostet.",
    "Kleine, regelmäßige Schritte bringen mehr als große Vorsätze.",
    "Gib der Veränderung ein paar Wochen Zeit, bevor du urteilst.",
    "Ein Gespräch mit einer Vertrauensperson kann neue Blickwinkel öffnen.",
    "Wenn es dir den Schlaf raubt, hol dir ruhig professionelle Unterstützung.",
  ],
  "outro": [
    "Du schaffst das. Ein Schritt nach dem anderen.",
    "Was auch immer du entscheidest, sei nachsichtig mit dir.",
  ],
}

_TRACE = {
  "open": [
    "Okay, ich soll also {task}. Lass mich überlegen, wie ich das angehe.",
    "Gut, die Aufgabe ist: {task}. Ich zerlege das erst einmal in Teile.",
    "Hmm, ich muss {task}. Was weiß ich eigentlich darüber?",
    "Okay, die Aufgabe lautet: {task}. Wo fange ich am besten an?",
  ],
  "connect": [
    "Hmm, vielleicht", "Moment, eigentlich", "Eigentlich", "Andererseits", "Ach ja, außerdem", "Also",
    "Außerdem", "Okay, dann", "Gut, jetzt", "Oder vielleicht", "Wahrscheinlich", "Trotzdem",
    "Hmm, wahrscheinlich",
  ],
  "clause": [
    "sollte ich mit den Grundlagen anfangen, bevor ich ins Detail gehe.",
    "darf ich das nicht zu kompliziert machen.", "muss ich prüfen, ob dieser Teil wirklich stimmt.",
    "wäre ein konkretes Beispiel hier hilfreich.",
    "will der Nutzer wahrscheinlich etwas Praktisches und keine Theorie.",
    "sollte ich nichts Wichtiges weglassen, aber auch nicht abschweifen.",
    "gibt es hier einen feinen Punkt, den man leicht übersieht.",
    "wäre eine klare Gliederung in ein paar Abschnitte sinnvoll.",
    "könnte eine kurze Zusammenfassung am Ende helfen.",
    "ist die Reihenfolge wichtig: erst das Einfache, dann das Schwierige.",
    "passt dieses Beispiel vielleicht doch nicht so gut.",
    "sollte ich ein häufiges Missverständnis erwähnen.", "muss der Ton freundlich und klar bleiben.",
    "sollte ich bei dem bleiben, was tatsächlich gefragt wurde.",
    "wäre ein Vergleich aus dem Alltag nützlich.",
    "habe ich das schon erwähnt, also muss ich es nicht wiederholen.",
  ],
  "sentence": [
    "Ich gehe das Schritt für Schritt durch.", "Bis hierhin ergibt das Sinn.",
    "Habe ich etwas Offensichtliches übersehen?", "Gut, dieser Teil steht.",
    "Ich formuliere das noch einmal einfacher.", "Vielleicht denke ich zu viel nach.",
    "Zurück zur eigentlichen Frage.", "Ja, das passt zu dem, was ich vorhin gesagt habe.",
    "Ich notiere mir kurz die Struktur.",
  ],
  "doubt": [
    "Moment, stimmt das überhaupt? Ich denke noch einmal nach.", "Hmm, da bin ich mir nicht sicher.",
    "Warte, habe ich das verdreht?", "Nein, das ist nicht ganz richtig.",
  ],
  "drafting": [
    "Vielleicht so etwas wie: „{s}“", "Wie wäre es mit diesem Satz: „{s}“ Klingt gut.",
    "Ich könnte schreiben: „{s}“",
  ],
  "verify": ["Ich prüfe das noch einmal:", "Sicherheitshalber:", "Noch einmal nachgerechnet:"],
  "close": [
    "Okay, ich glaube, ich habe alles. Jetzt schreibe ich die Antwort.",
    "Gut, das sollte reichen. Zeit für die eigentliche Antwort.",
    "Alles klar, jetzt formuliere ich die Antwort sauber aus.",
  ],
  "loop": [
    "Moment, ich prüfe das noch einmal.", "Hmm, aber was, wenn der erste Teil falsch war?",
    "Ich gehe es lieber noch einmal von vorne durch.", "Nein, warte. Ich überlege neu.",
    "Das habe ich schon geprüft, aber sicher ist sicher.",
  ],
  "short": [
    "Okay, {task}. Das ist einfach, ich antworte kurz.", "Der Nutzer möchte, dass ich {task}. Kein Problem.",
  ],
}

_MATH = {
  "step": ["Also {f}.", "Das ergibt {f}.", "Ich rechne: {f}.", "Dann {f}.", "Weiter: {f}."],
  "check": [
    "Probe: Mit {result} passt alles zusammen.", "Ich prüfe das Ergebnis {result} rückwärts – stimmt.",
  ],
  "intro": ["Hier ist der Lösungsweg:", "Schritt für Schritt:", "Lösung:"],
  "final": "**Antwort:** {result}",
}

_LOGIC = {
  "list_sep": ", ",
  "ordinal": ["1", "2", "3", "4", "5"],
  "order_clue": {
    "before": ["{a} kam vor {b} ins Ziel.", "{b} lief irgendwo hinter {a} ein."],
    "right_before": ["{a} kam direkt vor {b} ins Ziel.", "{b} erreichte das Ziel unmittelbar nach {a}."],
    "not_next": ["{a} und {b} kamen nicht direkt nacheinander ins Ziel."],
    "not_pos": ["{a} landete nicht auf Platz {b}."],
    "pos": ["{a} belegte Platz {b}.", "{a} kam auf Platz {b}."],
  },
  "clue_step": ["Hinweis {i}: „{clue}“ Das schließt einige Reihenfolgen aus.", "Jetzt Hinweis {i}: „{clue}“"],
  "order_found": ["Also bleibt nur eine Möglichkeit: {order}.", "Alles zusammen ergibt: {order}."],
  "order_intro": ["Wenn man die Hinweise nacheinander anwendet, bleibt genau eine Reihenfolge:"],
  "diffs": ["Die Differenzen zwischen den Zahlen sind {d}.", "Schauen wir auf die Abstände: {d}."],
  "seq_found": ["Also ist die nächste Zahl {next}.", "Nach derselben Regel kommt als Nächstes {next}."],
  "seq_answer": ["Die nächste Zahl der Folge {seq} ist **{next}**."],
}

_EXTRACTION = {
  "labels": {"positive": "positiv", "negative": "negativ", "mixed": "gemischt"},
  "pos": [
    "Der {product} kam zwei Tage früher an und funktioniert einwandfrei.",
    "Ehrlich gesagt ist das der beste {product}, den ich je hatte.",
    "Die Einrichtung dauerte nur fünf Minuten.", "Er wirkt stabil und hochwertig verarbeitet.",
    "Der Kundenservice hat sofort geantwortet.", "Die ganze Familie benutzt ihn täglich.",
    "Das Preis-Leistungs-Verhältnis ist super.", "Ich würde ihn jederzeit wieder kaufen.",
  ],
  "neg": [
    "Der {product} ist nach einer Woche kaputtgegangen.", "Die Knöpfe fühlen sich billig an.",
    "Die Lieferung hat fast einen Monat gedauert.", "Er ist viel lauter als erwartet.",
    "Der Support hat nie auf meine E-Mails geantwortet.", "Die Anleitung ist verwirrend und unvollständig.",
    "Für diesen Preis hatte ich deutlich mehr erwartet.", "Ich warte immer noch auf meine Rückerstattung.",
  ],
  "judge": ["Der Kunde schreibt: „{s}“", "Nächster Satz: „{s}“"],
  "decide": ["Insgesamt ist die Stimmung {result}.", "Das Label sollte also {result} sein."],
  "label_answer": ["**{result}**", "Stimmung: {result}"],
  "domains": ["beispiel.de", "example.org", "mail.example.net"],
  "email_users": ["info", "buero"],
  "months": [
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
    "Dezember",
  ],
  "date_fmt": "{d}. {mn} {y}",
  "entity_lines": [
    "Bitte schicke das unterschriebene Formular bis zum {date} an {who} ({email}).",
    "{who} ({email}) hat den Workshop am {date} bestätigt.",
    "Du erreichst {who} unter {email}; die Frist endet am {date}.",
  ],
  "entity_filler": [
    "Gib Bescheid, falls sich etwas ändert.", "Der Raum im zweiten Stock ist reserviert.",
    "Für Mittagessen ist gesorgt.", "Die Tagesordnung hängt an dieser Nachricht.",
  ],
  "found": ["Ich finde {who}, mit der Adresse {email} und dem Datum {date}."],
}

_CODE = {
  "tasks": {
    "palindrome": "prüft, ob ein String ein Palindrom ist, ohne Groß- und Kleinschreibung zu beachten",
    "word_freq": "zählt, wie oft jedes Wort in einem Text vorkommt",
    "flatten": "eine beliebig verschachtelte Liste flach macht",
    "binary_search": "in einer sortierten Liste binär sucht",
    "is_prime": "prüft, ob eine Zahl eine Primzahl ist",
    "fibonacci": "die ersten n Fibonacci-Zahlen ohne Rekursion liefert",
    "dedupe": "Duplikate aus einer Liste entfernt und dabei die Reihenfolge behält",
    "roman": "römische Zahlen in ganze Zahlen umwandelt",
    "brackets": "prüft, ob die Klammern in einem Ausdruck korrekt geschlossen sind",
    "debounce": "eine andere Funktion entprellt",
    "capitalize": "in einem Satz jedes Wort mit einem Großbuchstaben beginnen lässt",
    "leap_year": "entscheidet, ob ein Jahr ein Schaltjahr ist",
    "reverse_runes": "einen Unicode-String korrekt umdreht",
    "kadane": "die größte Summe eines zusammenhängenden Teilarrays findet",
  },
  "units": {"default": "Funktion"},
  "steps": [
    "Ich brauche eine Funktion {fname}, die {desc}.",
    "Randfälle sind wichtig: leere Eingabe, ein einzelnes Element, ungewöhnliche Werte.",
    "In {plang} ist eine einfache Schleife wohl am saubersten, aber ich schaue mir auch die eingebauten Funktionen an.",
    "Was soll die Funktion bei ungültiger Eingabe zurückgeben?",
    "Ein kurzer Kommentar würde die Absicht klarer machen.",
  ],
  "draft": ["Ich fange mit etwas wie `{line}` an."],
  "verify": [
    "Ich gehe ein kleines Beispiel von Hand durch, um sicherzugehen.",
    "Mit einer leeren Eingabe klappt es auch.",
  ],
  "intro": ["Hier ist eine Umsetzung in {plang}:", "So könnte man das in {plang} schreiben:"],
  "how": ["**So funktioniert es:**", "**Hinweise:**"],
  "notes": [
    "Randfälle wie eine leere Eingabe werden ohne Fehler behandelt.",
    "`{fname}` hat keine Nebenwirkungen und lässt sich leicht testen.",
    "Der Code ist bewusst einfach gehalten, damit er gut lesbar bleibt.",
    "Es werden keine externen Bibliotheken benötigt.", "Ein paar Unit-Tests mit Grenzfällen wären sinnvoll.",
  ],
}

_EXPLANATION_CONCEPT = {
  "name": "concept",
  "weight": 2,
  "frames": [
    [
      "Kannst du mir {subject} so erklären, dass es auch {audience} versteht?",
      "{subject} für {audience} erklären",
    ],
    [
      "Ich habe {subject} nie richtig verstanden. Wie funktioniert das eigentlich genau?",
      "erklären, wie {subject} funktioniert",
    ],
    [
      "Was genau ist {subject}, und warum ist das im Alltag wichtig?",
      "erklären, was {subject} ist und warum es wichtig ist",
    ],
    [
      "Erkläre mir bitte {subject} in einfachen Worten, am besten mit einem Vergleich aus dem Alltag.",
      "{subject} einfach und mit einem Vergleich erklären",
    ],
  ],
  "slots": {
    "subject": [
      "die Photosynthese", "der Zinseszins", "der Treibhauseffekt", "die Inflation", "das Immunsystem",
      "Angebot und Nachfrage", "die Plattentektonik", "der Wasserkreislauf", "die Evolution",
      "die Gewaltenteilung", "die Entropie", "das maschinelle Lernen", "der Placebo-Effekt", "die Blockchain",
      "die Relativitätstheorie", "die Rekursion", "Ebbe und Flut", "die Verschlüsselung im Internet",
      "das Schwarze Loch", "die Antibiotikaresistenz",
    ],
    "audience": [
      "ein zehnjähriges Kind", "meine Oma", "ein absoluter Anfänger", "jemand ohne Mathekenntnisse",
      "eine Schulklasse", "mein Chef",
    ],
  },
  "extra": ["Bitte ohne Fachchinesisch.", "Ein Beispiel wäre super.", "Es darf ruhig ausführlich sein."],
  "trace": [
    "Der Kern von „{subject}“ ist einfacher, als es klingt.",
    "Für {audience} sollte ich Fachbegriffe vermeiden.", "Ein Vergleich aus dem Alltag könnte helfen.",
    "Zuerst was es ist, dann wie es funktioniert, dann warum es wichtig ist.",
  ],
  "answer": _EXPLAIN_ANSWER,
  "answer_frac": 0.3,
}

_EXPLANATION_SCIENCE_QA = {
  "name": "science_qa",
  "frames": [
    [
      "Kannst du mir erklären, warum {phenomenon}? Mich interessiert der eigentliche Mechanismus.",
      "erklären, warum {phenomenon}",
    ],
    [
      "Mein Sohn hat mich gefragt, warum {phenomenon}, und ich wusste keine Antwort. Wie ist das wissenschaftlich zu erklären?",
      "wissenschaftlich erklären, warum {phenomenon}",
    ],
  ],
  "slots": {
    "phenomenon": [
      "der Himmel blau ist", "Eis auf dem Wasser schwimmt", "Zwiebeln uns zum Weinen bringen",
      "wir Gänsehaut bekommen", "sich die Blätter im Herbst verfärben", "das Meer salzig ist",
      "Brot altbacken wird", "wir gähnen", "der Mond Phasen hat", "Sterne funkeln",
      "Salz das Eis auf der Straße schmilzt", "es Jahreszeiten gibt",
    ],
    "subject": ["dieses Phänomen"],
  },
  "trace": [
    "Die populäre Erklärung ist nur ein Teil der Wahrheit.",
    "Ich sollte den physikalischen Mechanismus nennen.",
    "Ein kleines Experiment für zu Hause wäre eine schöne Ergänzung.",
  ],
  "answer": _EXPLAIN_ANSWER,
}

_WRITING_POEM = {
  "name": "poem",
  "frames": [
    ["Schreib mir ein {form} über {poem_subject}.", "ein {form} über {poem_subject} schreiben"],
    [
      "Ich brauche ein {form} für {occasion}. Das Thema soll {poem_subject} sein.",
      "ein {form} für {occasion} schreiben",
    ],
  ],
  "slots": {
    "form": ["kurzes Gedicht", "Sonett", "gereimtes Gedicht", "Gedicht in vier Strophen"],
    "poem_subject": [
      "einen Leuchtturm im Morgengrauen", "den ersten Schnee", "die Küche meiner Großmutter",
      "einen Wald nach dem Regen", "den letzten Sommertag", "eine verlassene Bahnstation",
      "Zugvögel im Herbst", "das Meer bei Nacht",
    ],
    "occasion": [
      "den Geburtstag meiner Mutter", "eine Hochzeit", "eine Abschiedsfeier", "unsere Vereinszeitung",
    ],
  },
  "trace": [
    "Die Bilder sollen die Arbeit machen, nicht die Reime.",
    "Ein starker erster Vers und ein Schluss, der ihn aufgreift.",
  ],
  "styles": ["poem"],
  "answer": {
    "title": ["Morgenlicht", "Was die Flut behält", "Stille Stunden", "Nach dem Regen", "Heimweg"],
    "lines": [
      "Das Licht kommt langsam, grau, dann gold,", "und alles wird ein wenig hold.",
      "Ein Fenster hält die letzte Nacht,", "der Kessel summt, der Tag erwacht.",
      "Ich halte fest, was bleiben will,", "die Zweige, und der Himmel still.",
      "Die Straße läuft den Hügel hoch,", "der Abend riecht nach Regen noch.",
      "Wir trugen Lieder in der Hand,", "wie Wasser, das im Sand verschwand.",
      "Und kommt der Winter viel zu bald,", "wird auch das Silber niemals alt.",
    ],
  },
}

_WRITING_LETTER = {
  "name": "letter",
  "frames": [
    [
      "Schreib einen {letter_kind} an {recipient}, in dem ich {purpose}.",
      "einen {letter_kind} an {recipient} schreiben",
    ],
    [
      "Hilf mir bitte, eine E-Mail an {recipient} zu formulieren: Ich möchte {purpose_inf}.",
      "eine E-Mail an {recipient} formulieren",
    ],
  ],
  "slots": {
    "letter_kind": ["höflichen Brief", "kurzen Brief", "formellen Brief"],
    "recipient": [
      "meinen Vermieter", "die Lehrerin meines Sohnes", "die Stadtverwaltung", "meinen Nachbarn",
      "meine Bank", "mein Team",
    ],
    "purpose": [
      "um eine Reparatur der Heizung bitte", "mich über den nächtlichen Lärm beschwere",
      "mich für die Unterstützung bedanke", "um einen Termin nächste Woche bitte",
    ],
    "purpose_inf": [
      "einen Termin verschieben", "mich für eine Verspätung entschuldigen", "eine Mahngebühr anfechten",
      "zu einem Sommerfest einladen",
    ],
    "recipient_name": ["Frau Becker", "Herr Schmidt", "Frau Dr. Wagner", "liebes Team"],
  },
  "trace": [
    "Der Ton ist genauso wichtig wie der Inhalt.", "Das Anliegen muss in den ersten zwei Sätzen klar sein.",
  ],
  "styles": ["letter"],
  "answer": {
    "greeting": ["Sehr geehrte/r {recipient_name},", "Hallo {recipient_name},"],
    "body": [
      "ich hoffe, es geht Ihnen gut.", "Ich schreibe Ihnen wegen einer Angelegenheit, die mir wichtig ist.",
      "Ich wäre Ihnen dankbar, wenn wir in den nächsten Tagen einen Termin finden könnten.",
      "Die relevanten Unterlagen finden Sie im Anhang.", "Vielen Dank für Ihre Geduld und Ihr Verständnis.",
      "Bitte lassen Sie mich wissen, ob Sie weitere Informationen benötigen.",
      "Ich bin sicher, dass sich das in einem kurzen Gespräch klären lässt.",
    ],
    "outro": ["Vielen Dank im Voraus.", "Ich freue mich auf Ihre Rückmeldung."],
    "signoff": ["Mit freundlichen Grüßen\n{name}", "Viele Grüße\n{name}"],
  },
}

_WRITING_STORY = {
  "name": "story",
  "frames": [
    ["Schreib eine kurze Geschichte über {premise}.", "eine kurze Geschichte über {premise} schreiben"],
    [
      "Erzähl mir eine {genre} Gutenachtgeschichte über {premise}, ungefähr {words} Wörter lang.",
      "eine Gutenachtgeschichte über {premise} erzählen",
    ],
  ],
  "slots": {
    "premise": [
      "einen Roboter, der gärtnern lernt", "einen Drachen mit Höhenangst", "eine geheime Bibliothek",
      "ein Dorf, in dem es nie aufhört zu schneien", "eine Katze, die eine Buchhandlung führt",
      "eine Zeitreisende im Jahr 1987",
    ],
    "genre": ["lustige", "spannende", "ruhige", "märchenhafte"],
    "words": ["300", "500", "800"],
  },
  "trace": ["Eine Figur, ein Wunsch, ein Hindernis.", "Der erste Satz soll direkt ins Geschehen führen."],
  "styles": ["prose"],
  "answer": {
    "intro": ["**Die stille Maschine**", "**Der letzte Zug**", "**Papierlaternen**"],
    "body": [
      "Niemand in {city} rechnete an diesem Morgen mit etwas Ungewöhnlichem.",
      "{name} hatte immer geglaubt, dass kleine Entscheidungen wichtiger sind als große.",
      "„Bist du sicher?“, fragte {name}, obwohl die Antwort längst klar war.",
      "Eine lange Weile bewegte sich nichts außer der Uhr an der Wand.",
      "Die Tür knarrte, und eine Gestalt erschien, die niemand kannte.",
      "Jahre später stritten die Leute in {city} noch immer darüber, was wirklich geschehen war.",
      "Auf dem Tisch lag ein Zettel in sorgfältiger, schräger Handschrift.",
      "Und zum ersten Mal seit Wochen schlief {name} ohne zu träumen.",
    ],
    "outro": ["*Ende.*", "Und das war erst der Anfang."],
  },
  "answer_frac": 0.45,
}

_SUMMARY_ARTICLE = {
  "name": "article",
  "gen": "summary.article",
  "frames": [
    [
      "Fasse den folgenden Text in drei Stichpunkten zusammen:\n\n{passage}",
      "einen Text in Stichpunkten zusammenfassen",
    ],
    [
      "Ich habe keine Zeit, das alles zu lesen. Worum geht es hier im Kern?\n\n{passage}",
      "den Kern eines Textes herausarbeiten",
    ],
    [
      "Kannst du mir eine kurze Zusammenfassung dieses Artikels für mein Team schreiben?\n\n{passage}",
      "einen Artikel kurz zusammenfassen",
    ],
  ],
  "slots": {"n1": ["12", "18", "25", "40"], "n2": ["3", "8", "14", "27"]},
  "themes": [
    {
      "title": "Radwege in {city}",
      "text": [
        "Der Stadtrat von {city} hat am Dienstag ein Netz geschützter Radwege beschlossen.",
        "Der Plan sieht {n1} Kilometer neue Radwege in den nächsten drei Jahren vor.",
        "Befürworter erwarten mehr Sicherheit für Kinder und ältere Menschen.",
        "Einige Geschäftsleute befürchten, dass wegfallende Parkplätze ihnen schaden.",
        "Die Kosten liegen bei rund {n2} Millionen Euro, teilweise gefördert vom Land.",
        "Die Bauarbeiten für den ersten Abschnitt beginnen im Frühjahr.",
        "In einer Nachbarstadt sanken nach einem ähnlichen Projekt die Unfallzahlen deutlich.",
        "Kritiker meinen, das Geld sollte besser in die Sanierung von Straßen fließen.",
        "Der Stadtrat will den Plan nach einem Jahr überprüfen.",
        "Jeden Monat soll es eine öffentliche Sitzung für Rückmeldungen geben.",
      ],
      "summary": [
        "{city} baut in drei Jahren ein Netz geschützter Radwege.",
        "Befürworter erwarten mehr Sicherheit, Händler sorgen sich um Parkplätze.",
        "Der Bau beginnt im Frühjahr, nach einem Jahr wird Bilanz gezogen.",
      ],
    },
    {
      "title": "eine Studie über Bildschirme und Schlaf",
      "text": [
        "Eine neue Studie mit mehreren hundert Jugendlichen verbindet nächtliche Bildschirmnutzung mit kürzerem Schlaf.",
        "Wer im Bett das Handy nutzte, schlief im Schnitt {n1} Minuten weniger.",
        "Die Forschenden maßen den Schlaf sechs Wochen lang mit Armbändern.",
        "Der Effekt war an Schultagen am stärksten.",
        "Helles Licht kann die Ausschüttung des Schlafhormons Melatonin verzögern.",
        "Einen direkten Ursache-Wirkungs-Zusammenhang konnte die Studie aber nicht belegen.",
        "Jugendliche, die vor dem Schlafen ein Buch lasen, schliefen schneller ein.",
        "Die Autoren empfehlen, Handys nachts aus dem Schlafzimmer zu verbannen.",
        "Manche Fachleute halten Stress und Hausaufgaben für ebenso wichtig.",
        "Eine Folgestudie soll klären, ob eine Bildschirmpause die Noten verbessert.",
      ],
      "summary": [
        "Jugendliche, die abends Bildschirme nutzen, schlafen laut einer Studie weniger.",
        "Der Zusammenhang ist deutlich, die Ursache aber nicht bewiesen.",
        "Empfohlen wird, das Handy nachts aus dem Schlafzimmer zu verbannen.",
      ],
    },
  ],
  "trace": [
    "Die Hauptaussage muss zuerst kommen.", "Genaue Zahlen kann ich weglassen, wenn sie nicht zentral sind.",
    "Ich bleibe neutral und füge keine Meinung hinzu.",
  ],
  "styles": ["summary"],
  "answer": {
    "intro": ["Hier ist die Zusammenfassung:", "**Zusammenfassung:**", "Die wichtigsten Punkte:"],
    "outro": ["Sag Bescheid, wenn du es ausführlicher brauchst."],
  },
}

_IDEATION_BRAINSTORM = {
  "name": "brainstorm",
  "shuffle_points": True,
  "frames": [
    ["Gib mir {n} Ideen für {goal}.", "Ideen für {goal} sammeln"],
    [
      "Mir fällt nichts mehr ein. Kannst du mit mir Ideen für {goal} sammeln? {constraint}",
      "Ideen für {goal} sammeln",
    ],
    ["Was wären kreative Ansätze für {goal}?", "kreative Ansätze für {goal} vorschlagen"],
  ],
  "slots": {
    "n": ["fünf", "zehn", "ein paar", "sieben"],
    "goal": [
      "einen Kindergeburtstag", "Namen für ein Café", "ein Teamevent für Leute im Homeoffice",
      "weniger Plastikmüll im Haushalt", "ein Projekt für die Schulmesse",
      "einen Podcast über Lokalgeschichte", "ein verregnetes Wochenende",
      "eine kleine Wohnung, die größer wirken soll",
    ],
    "constraint": [
      "Das Budget ist knapp.", "Es muss drinnen funktionieren.", "Wir haben nur eine Woche Zeit.", "",
    ],
  },
  "trace": ["Ich mische sichere Ideen mit ein paar mutigen.", "Jede Idee braucht eine kurze Begründung."],
  "styles": ["list"],
  "answer": {
    "intro": ["Hier sind ein paar Ideen:", "Gern! Hier einige Vorschläge, von einfach bis ambitioniert:"],
    "points": [
      "Ein Motto", "Lokal denken", "Der günstige Klassiker", "Mitmachen lassen", "Ein Überraschungsmoment",
      "Digital gedacht",
    ],
    "body": [
      "Das ist leicht umzusetzen und passt für jede Gruppengröße.",
      "Es kostet fast nichts und bleibt im Gedächtnis.",
      "Klein anfangen, schauen, was ankommt, und dann ausbauen.", "Ein klares Thema erleichtert die Planung.",
      "Lokale Partner helfen oft gern, wenn sie dafür sichtbar werden.",
      "Fotos hinterher verlängern die Wirkung.",
    ],
    "outro": ["Such dir zwei oder drei aus und probier sie aus!", "Soll ich eine davon genauer ausarbeiten?"],
  },
}

_ADVICE_PERSONAL = {
  "name": "personal",
  "frames": [
    ["{situation} Was soll ich tun?", "einen Rat zu dieser Situation geben: {situation}"],
    [
      "Ich bräuchte mal einen Rat. {situation} Wie würdest du damit umgehen?",
      "Rat zu einer persönlichen Situation geben",
    ],
    [
      "{situation} Wie kann ich das ansprechen, ohne alles schlimmer zu machen?",
      "einen Weg vorschlagen, das Thema anzusprechen",
    ],
  ],
  "slots": {
    "situation": [
      "Meine beste Freundin sagt ständig kurzfristig Verabredungen ab.",
      "Ich fühle mich im Job ausgebrannt, kann aber nicht einfach kündigen.",
      "Mein Mitbewohner räumt nie hinter sich auf.",
      "Ich möchte nach einer Gehaltserhöhung fragen, habe aber Angst vor der Antwort.",
      "Meine Eltern sind mit meiner Berufswahl nicht einverstanden.",
      "Ich schiebe alles vor mir her, sogar Dinge, die mir Spaß machen.",
      "Ich bin in eine neue Stadt gezogen und habe noch keine Freunde gefunden.",
      "Ein Kollege gibt meine Ideen in Meetings als seine eigenen aus.",
      "Ich habe zwei Jobangebote und kann mich nicht entscheiden.",
      "Ich bin nervös wegen meiner Rede auf der Hochzeit meiner Schwester.",
    ],
  },
  "extra": [
    "Das geht schon seit Monaten so.", "Ich will die Beziehung nicht kaputt machen.", "Sei ruhig ehrlich.",
  ],
  "trace": [
    "Die Person klingt gestresst, also unterstützend statt belehrend.",
    "Konkrete Schritte helfen mehr als allgemeiner Trost.",
  ],
  "answer": _ADVICE_ANSWER,
}

_ANALYSIS_COMPARE = {
  "name": "compare",
  "frames": [
    ["Vergleiche {a_b} für {purpose}.", "{a_b} für {purpose} vergleichen"],
    [
      "Was sind die Vor- und Nachteile von {a_b}? Ich muss mich bald entscheiden.",
      "Vor- und Nachteile von {a_b} abwägen",
    ],
    ["{a_b}: Was ist besser für {purpose}, und warum?", "entscheiden, was für {purpose} besser ist"],
  ],
  "slots": {
    "a_b": [
      "Mieten oder Kaufen einer Wohnung", "Python oder JavaScript", "Elektroauto oder Hybrid",
      "Bahn oder Flugzeug innerhalb Europas", "Homeoffice oder Büro", "Papierbuch oder E-Reader",
      "ETF oder Einzelaktien", "Stadt oder Land",
    ],
    "purpose": ["eine junge Familie", "ein kleines Unternehmen", "Anfänger", "Leute mit kleinem Budget"],
  },
  "trace": [
    "Beide Optionen nach denselben Kriterien vergleichen.",
    "Kosten, Bequemlichkeit und langfristige Folgen sind zentral.",
  ],
  "styles": ["sections", "list"],
  "answer": {
    "intro": ["Beide Optionen haben echte Stärken; die Wahl hängt von deinen Prioritäten ab."],
    "points": ["Kosten", "Bequemlichkeit", "Flexibilität", "Langfristige Perspektive", "Fazit"],
    "body": [
      "Die erste Option kostet anfangs mehr, auf Dauer aber weniger.",
      "Die zweite Option ist flexibler, was wichtig ist, wenn sich Pläne ändern.",
      "Versteckte Kosten werden leicht unterschätzt.",
      "Für Anfänger zählt Einfachheit oft mehr als Leistung.",
      "Keine der beiden ist eine schlechte Wahl; sie setzen nur andere Schwerpunkte.",
    ],
    "outro": ["Fazit: Entscheide nach Budget und danach, wie lange du dich festlegen willst."],
  },
}

_ROLEPLAY_CHARACTER = {
  "name": "character",
  "frames": [
    ["Du bist {character}. {scene} Bleib in deiner Rolle.", "in der Rolle von {character} bleiben"],
    [
      "Lass uns ein Rollenspiel machen. Du bist {character}, und ich frage dich: {question}",
      "als {character} antworten",
    ],
  ],
  "slots": {
    "character": [
      "ein mittelalterlicher Schmied", "ein mürrischer Piratenkapitän", "eine freundliche Raumstations-KI",
      "ein alter Bibliothekar", "eine Wahrsagerin auf dem Jahrmarkt", "ein Nachtwächter in einer alten Stadt",
    ],
    "scene": [
      "Draußen tobt ein Sturm.", "Ein Fremder kommt mit einer seltsamen Karte herein.", "Es ist Markttag.",
    ],
    "question": [
      "Was ist das Schwerste an deiner Arbeit?", "Was war das Seltsamste, das du je gesehen hast?",
    ],
  },
  "trace": [
    "Die Figur braucht eine eigene Stimme.", "Ein paar Handlungen in Sternchen sorgen für Atmosphäre.",
  ],
  "styles": ["prose"],
  "answer": {
    "intro": [
      "*blickt langsam auf* Na so was. Mit Besuch hatte ich heute nicht gerechnet.",
      "*wischt sich die Hände an der Schürze ab* Ah, komm rein, komm rein.",
    ],
    "body": [
      "Die meisten Tage sind ruhiger, als die Geschichten behaupten.",
      "*beugt sich vor* Aber hin und wieder passiert etwas, das mir keiner glaubt.",
      "Ich mache das schon länger, als du auf der Welt bist, wette ich.",
      "Der Trick ist Geduld. Geduld und eine heiße Tasse Tee.", "*lacht leise* Keine Sorge, ich beiße nicht.",
    ],
    "outro": [
      "*hebt eine Augenbraue* Also, was darf es sein?", "Jetzt bist du dran. Was ist deine Geschichte?",
    ],
  },
}

_MATH_SPEED = {
  "name": "speed",
  "gen": "math.speed",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "{name} fährt {d} km in {t} Stunden. Wie hoch war die Durchschnittsgeschwindigkeit?",
      "die Durchschnittsgeschwindigkeit berechnen",
    ],
    [
      "Ein Zug legt {d} Kilometer in {t} Stunden zurück. Wie schnell fährt er im Durchschnitt in km/h?",
      "die Geschwindigkeit des Zuges bestimmen",
    ],
  ],
  "trace": ["Durchschnittsgeschwindigkeit ist Strecke geteilt durch Zeit."],
}

_MATH_PERCENT = {
  "name": "percent",
  "gen": "math.percent",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "Eine {item} kostet {p} Euro und ist um {r} % reduziert. Wie viel kostet sie jetzt?",
      "einen reduzierten Preis berechnen",
    ],
    [
      "{name} möchte etwas für {p} Euro kaufen, heute gibt es {r} Prozent Rabatt. Wie viel muss {name} bezahlen?",
      "den Preis nach Rabatt ausrechnen",
    ],
  ],
  "trace": ["Der Rabatt ist ein Prozentsatz des ursprünglichen Preises."],
}

_MATH_LINEAR = {
  "name": "linear",
  "gen": "math.linear",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    ["Löse die Gleichung nach x auf und erkläre jeden Schritt: {eq}", "eine lineare Gleichung lösen"],
    [
      "Ich hänge bei dieser Hausaufgabe fest: {eq}. Wie bekomme ich x heraus?",
      "bei einer Gleichung aus den Hausaufgaben helfen",
    ],
  ],
  "trace": ["Ich muss x isolieren: erst die Konstante auf die andere Seite bringen."],
}

_MATH_RECTANGLE = {
  "name": "rectangle",
  "gen": "math.rectangle",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "Ein rechteckiger Garten ist {w} m breit und {h} m lang. Wie lang muss der Zaun sein, und wie groß ist die Fläche?",
      "Umfang und Fläche eines Gartens berechnen",
    ],
    [
      "Mein Wohnzimmer misst {w} mal {h} Meter. Wie groß ist der Umfang, und wie viele Quadratmeter Boden brauche ich?",
      "Umfang und Fläche eines Zimmers berechnen",
    ],
  ],
  "trace": ["Der Umfang ist zweimal Länge plus Breite, die Fläche Länge mal Breite."],
}

_MATH_AVERAGE = {
  "name": "average",
  "gen": "math.average",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "{name} hat in diesem Halbjahr folgende Punktzahlen bekommen: {scores}. Wie hoch ist der Durchschnitt?",
      "den Durchschnitt von Punktzahlen berechnen",
    ],
    ["Berechne den Mittelwert dieser {n} Werte aus unserer Umfrage: {scores}.", "den Mittelwert berechnen"],
  ],
  "trace": ["Mittelwert ist die Summe geteilt durch die Anzahl."],
}

_MATH_COMBINATION = {
  "name": "combination",
  "gen": "math.combination",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "Auf wie viele Arten kann man aus {n} Personen einen Ausschuss mit {k} Mitgliedern bilden?",
      "Auswahlmöglichkeiten zählen",
    ],
    [
      "Ein Trainer wählt {k} von {n} Spielern für ein Turnier aus. Wie viele verschiedene Auswahlen gibt es, wenn die Reihenfolge egal ist?",
      "ungeordnete Auswahlen zählen",
    ],
  ],
  "trace": ["Die Reihenfolge spielt keine Rolle, also ist es eine Kombination."],
}

_CODE_TASK = {
  "name": "task",
  "gen": "code.task",
  "frames": [
    ["Schreibe eine {plang}-Funktion, die {desc}.", "eine {plang}-Funktion schreiben, die {desc}"],
    [
      "Kannst du mir helfen, in {plang} eine Funktion zu schreiben, die {desc}? {code_ctx}",
      "eine Funktion in {plang} schreiben, die {desc}",
    ],
    [
      "{code_ctx} Wie würde man in {plang} eine Funktion umsetzen, die {desc}? Bitte mit kurzer Erklärung.",
      "eine {plang}-Funktion umsetzen, die {desc}",
    ],
  ],
  "slots": {
    "code_ctx": [
      "Ich baue gerade ein kleines Tool für meinen Laden.", "Das ist Übung für ein Vorstellungsgespräch.",
      "Es ist Teil eines Skripts zur Datenbereinigung.",
      "Meine eigene Version ist langsam und unübersichtlich.",
    ],
  },
  "extra": [
    "Bitte mit einem Anwendungsbeispiel.", "Lieber lesbar als clever.", "Ohne externe Bibliotheken, bitte.",
  ],
}

_LOGIC_ORDER = {
  "name": "order",
  "gen": "logic.order",
  "frames": [
    [
      "{names} sind um die Wette gelaufen. Finde mit diesen Hinweisen die Reihenfolge im Ziel heraus:\n{clues}",
      "die Reihenfolge aus den Hinweisen ableiten",
    ],
    [
      "Logikrätsel: {n} Freunde ({names}) liefen ein Rennen ohne Gleichstand. Folgendes ist bekannt:\n{clues}\nWer kam auf welchen Platz?",
      "ein Logikrätsel zur Reihenfolge lösen",
    ],
  ],
}

_LOGIC_SEQUENCE = {
  "name": "sequence",
  "gen": "logic.sequence",
  "frames": [
    [
      "Welche Zahl kommt als Nächstes in dieser Folge: {seq}, ...? Erkläre das Muster.",
      "die nächste Zahl einer Folge finden",
    ],
    [
      "Ich habe dieses Muster in einem Rätselheft gefunden: {seq}. Wie lautet die nächste Zahl und warum?",
      "das nächste Glied einer Zahlenfolge bestimmen",
    ],
  ],
}

_EXTRACTION_SENTIMENT = {
  "name": "sentiment",
  "gen": "extraction.sentiment",
  "frames": [
    [
      "Ist die Stimmung dieser Kundenbewertung positiv, negativ oder gemischt? Antworte mit einem Wort.\n\nBewertung: {review}",
      "die Stimmung einer Bewertung einordnen",
    ],
    [
      "Ordne diese Produktbewertung als positiv, negativ oder gemischt ein:\n\n„{review}“",
      "eine Bewertung klassifizieren",
    ],
  ],
}

_EXTRACTION_ENTITIES = {
  "name": "entities",
  "gen": "extraction.entities",
  "frames": [
    [
      "Extrahiere alle Namen, E-Mail-Adressen und Daten aus der folgenden Nachricht und gib sie als JSON zurück (Schlüssel name, email, date).\n\n{text}",
      "Namen, E-Mails und Daten als JSON extrahieren",
    ],
  ],
}

_OTHER_MISC = {
  "name": "misc",
  "shuffle_points": True,
  "frames": [
    ["Erzähl mir {n_facts} interessante Fakten über {animal}.", "interessante Fakten über {animal} nennen"],
    ["Schlag mir ein paar Namen für mein neues {pet} vor. {pet_detail}", "Namen für ein {pet} vorschlagen"],
    ["Was ist die Herkunft der Redewendung „{idiom}“?", "die Herkunft einer Redewendung erklären"],
  ],
  "slots": {
    "n_facts": ["drei", "fünf", "ein paar"],
    "animal": ["Kraken", "Pinguine", "Honigbienen", "Krähen", "Elefanten"],
    "pet": ["Kätzchen", "Meerschweinchen", "Kaninchen", "Aquarium"],
    "pet_detail": ["Es ist sehr schüchtern.", "Gern etwas Lustiges.", ""],
    "idiom": [
      "die Katze im Sack kaufen", "Tomaten auf den Augen haben", "ins Fettnäpfchen treten",
      "den Nagel auf den Kopf treffen",
    ],
  },
  "trace": [
    "Das ist eine lockere Anfrage, die Antwort darf Spaß machen.", "Die Fakten sollten aber stimmen.",
  ],
  "styles": ["list", "prose"],
  "answer": {
    "intro": ["Gern! Hier sind einige:", "Klar, bitte schön:"],
    "points": ["Ein Klassiker", "Etwas Überraschendes", "Etwas Lustiges", "Mein Favorit"],
    "body": [
      "Das überrascht die meisten beim ersten Hören.", "Es ist einfach und bleibt im Kopf.",
      "Dahinter steckt eine schöne Geschichte.", "Das bringt die meisten zum Schmunzeln.",
    ],
    "outro": ["Viel Spaß damit!", "Sag Bescheid, wenn du mehr willst."],
  },
}

SEED = {
  "sep": " ",
  "decimal_comma": True,
  "char_scale": 1.1,
  "prompt": {
    "p_open": 0.15,
    "p_close": 0.2,
    "p_context": 0.2,
    "open": ["Hallo!", "Hallo zusammen!", "Guten Tag!", "Kurze Frage:", "Hi, ich brauche Hilfe."],
    "close": [
      "Vielen Dank im Voraus!", "Danke schön!", "Danke für deine Hilfe.", "Ich freue mich auf die Antwort.",
    ],
  },
  "context": [
    "Ich frage, weil ich nächste Woche einen Vortrag halten muss.",
    "Mein Chef hat das in einer Besprechung erwähnt, und ich war ratlos.",
    "Ich habe ein paar Artikel gelesen, aber sie widersprechen sich.",
    "Das ist für ein Projekt, an dem ich in meiner Freizeit arbeite.",
    "Ich bin Anfänger, also setz bitte nicht zu viel Vorwissen voraus.",
    "Meine Kinder fragen mich ständig danach, und ich will es richtig erklären.",
    "Ich bereite gerade Notizen für eine Lerngruppe vor.",
    "Ich arbeite im Vertrieb und bin kein Fachmann auf diesem Gebiet.",
    "Ich habe nur eine Stunde Zeit, um mich einzuarbeiten.",
    "Ich bin seit kurzem in Rente und habe endlich Zeit, Neues zu lernen.",
    "Wir haben letzte Woche im Verein darüber diskutiert.",
    "Ich schreibe gerade einen Beitrag für unsere Schülerzeitung.",
    "Ich sitze schon viel zu lange an diesem Problem.",
    "Ich möchte es gut genug verstehen, um es anderen zu erklären.",
    "Ich lerne gerade für eine Prüfung an der Volkshochschule.",
    "Meine Freundin meint, ich mache es mir zu kompliziert.",
    "Ich habe einen Podcast darüber auf dem Weg zur Arbeit gehört.",
    "Mit Zahlen komme ich gut klar, mit Fachbegriffen weniger.",
    "Es ist spät und mein Kopf ist müde, also bitte verständlich.",
    "Ich bin Lehrerin und suche Material für meinen Unterricht.",
  ],
  "near_append": ["bitte", "danke", "heute", "kurz", "nochmal"],
  "synonyms": [
    ["erklären", "erläutern"], ["kurz", "knapp"], ["Hilfe", "Unterstützung"], ["schreiben", "verfassen"],
    ["gut", "prima"], ["wichtig", "entscheidend"], ["einfach", "simpel"], ["bitte", "gern"],
  ],
  "slots": {
    "name": [
      "Anna", "Lukas", "Sophie", "Jonas", "Marie", "Felix", "Lea", "Paul", "Hannah", "Emil", "Greta",
      "Moritz", "Clara", "Jakob", "Frieda", "Leon",
    ],
    "city": ["Leipzig", "Freiburg", "Bremen", "Kassel", "Regensburg", "Münster", "Rostock", "Graz", "Basel"],
    "product": [
      "Mixer", "Wasserkocher", "Bürostuhl", "Staubsaugerroboter", "Rucksack", "Toaster", "E-Book-Reader",
      "Heizlüfter",
    ],
    "item": ["Jacke", "Lampe", "Kaffeemaschine", "Tischleuchte", "Winterjacke"],
  },
  "trace": _TRACE,
  "math": _MATH,
  "logic": _LOGIC,
  "extraction": _EXTRACTION,
  "code": _CODE,
  "topics": {
    "explanation": [_EXPLANATION_CONCEPT, _EXPLANATION_SCIENCE_QA],
    "writing": [_WRITING_POEM, _WRITING_LETTER, _WRITING_STORY],
    "summary": [_SUMMARY_ARTICLE],
    "ideation": [_IDEATION_BRAINSTORM],
    "advice": [_ADVICE_PERSONAL],
    "analysis": [_ANALYSIS_COMPARE],
    "roleplay": [_ROLEPLAY_CHARACTER],
    "math": [_MATH_SPEED, _MATH_PERCENT, _MATH_LINEAR, _MATH_RECTANGLE, _MATH_AVERAGE, _MATH_COMBINATION],
    "code": [_CODE_TASK],
    "logic": [_LOGIC_ORDER, _LOGIC_SEQUENCE],
    "extraction": [_EXTRACTION_SENTIMENT, _EXTRACTION_ENTITIES],
    "other": [_OTHER_MISC],
  },
}
