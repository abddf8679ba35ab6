"""Italian seed of the embedded sample (written for this project). Format: see en.py."""

_MATH_EXTRA = [
  "Mostrami tutti i passaggi, per favore.", "Sto ripassando per una verifica di domani.",
  "Puoi spiegare anche perché il metodo funziona?", "Ricontrolla bene i calcoli, per favore.",
  "È un esercizio del libro di mia figlia e io non mi ricordo più niente.",
  "Il mio risultato era sbagliato e non capisco perché.",
]

_EXPLAIN_ANSWER = {
  "intro": [
    "Bella domanda! Ecco una spiegazione chiara su «{subject}».",
    "L'argomento «{subject}» sembra complicato, ma l'idea di base è piuttosto semplice.",
    "Vediamolo passo dopo passo.",
  ],
  "points": [
    "L'idea di base", "Come funziona", "Un esempio quotidiano", "Perché è importante", "Un errore comune",
    "In sintesi",
  ],
  "body": [
    "In fondo si tratta di capire come una causa porti a un effetto prevedibile.",
    "Pensa a qualcosa che fai ogni giorno: ogni passaggio dipende da quello precedente.",
    "Quello che conta è il meccanismo, non il vocabolario tecnico.",
    "Una volta riconosciuto lo schema, lo si ritrova un po' ovunque.",
    "Un errore frequente è credere che tutto avvenga in un colpo solo.",
    "Piccoli cambiamenti all'inizio possono avere grandi conseguenze nel tempo.",
    "Ci sono eccezioni, ma si capiscono meglio quando la regola generale è chiara.",
    "Si può immaginarlo come un sistema con ingressi, un processo e dei risultati.",
    "Una volta capito questo, gli argomenti collegati diventano molto più facili.",
    "Nella pratica, questo principio compare più spesso di quanto si pensi.",
    "Gli esperti usano termini precisi, ma prima di tutto serve l'intuizione.",
  ],
  "outro": [
    "Spero che ti sia utile! Chiedi pure se qualcosa non è chiaro.",
    "In breve: prima capisci il meccanismo, poi i dettagli vengono da sé.",
  ],
}

_TRACE = {
  "open": [
    "Ok, quindi devo {task}. Vediamo come impostarlo.", "Bene, il compito è {task}. Lo divido in parti.",
    "Mmm, mi si chiede di {task}. Cosa so già a riguardo?",
    "Ok, l'utente vuole che io lo aiuti a {task}. Da dove comincio?",
  ],
  "connect": [
    "Mmm,", "Aspetta,", "In realtà,", "D'altra parte,", "Ah, giusto,", "Quindi,", "Beh,", "Inoltre,",
    "Vediamo.", "Comunque,", "Forse", "Mmm, in realtà,",
  ],
  "clause": [
    "dovrei partire dalle basi prima di entrare nei dettagli.",
    "non devo complicare le cose più del necessario.",
    "devo controllare che questa parte sia davvero corretta.", "un esempio concreto sarebbe utile qui.",
    "l'utente probabilmente vuole qualcosa di pratico, non solo teoria.",
    "non devo tralasciare niente di importante, ma nemmeno divagare.",
    "c'è una sfumatura qui che sfugge facilmente.", "sarebbe meglio organizzarlo in poche sezioni chiare.",
    "un piccolo riassunto alla fine potrebbe aiutare.",
    "l'ordine conta: prima le cose semplici, poi quelle difficili.", "quell'esempio forse non è il migliore.",
    "vale la pena citare un errore molto comune.", "il tono deve restare amichevole e chiaro.",
    "devo concentrarmi su quello che è stato chiesto davvero.",
    "un paragone con la vita di tutti i giorni lo renderebbe più chiaro.",
    "questo l'ho già detto, non serve ripeterlo.",
  ],
  "sentence": [
    "Procediamo passo dopo passo.", "Finora ha senso.", "Mi sto perdendo qualcosa di ovvio?",
    "Bene, questa parte regge.", "Lo dico in modo più semplice.", "Forse ci sto pensando troppo.",
    "Torno alla domanda iniziale.", "Sì, è coerente con quello che ho detto prima.",
    "Mi segno velocemente la struttura.",
  ],
  "doubt": [
    "Aspetta, è davvero così? Ci ripenso.", "Mmm, non ne sono sicuro.", "Aspetta, l'ho detto al contrario?",
    "No, non è proprio così.",
  ],
  "drafting": ["Forse qualcosa come: «{s}»", "E questa frase: «{s}» Suona bene.", "Potrei scrivere: «{s}»"],
  "verify": ["Ricontrollo:", "Per sicurezza:", "Rifaccio il calcolo:"],
  "close": [
    "Ok, credo di avere tutto. Scrivo la risposta.", "Bene, questo dovrebbe bastare. Passo alla risposta.",
    "Perfetto, adesso scrivo la risposta con cura.",
  ],
  "loop": [
    "Aspetta, ricontrollo di nuovo.", "Mmm, e se avessi sbagliato all'inizio?",
    "Rifaccio tutto dall'inizio, per sicurezza.", "No, aspetta. Ci ripenso.",
    "L'ho già controllato, ma ancora una volta per essere sicuro.",
  ],
  "short": ["Ok, {task}. È semplice, rispondo in breve.", "Mi chiedono di {task}. Nessun problema."],
}

_MATH = {
  "step": ["Quindi {f}.", "Questo dà {f}.", "Calcolo: {f}.", "Poi {f}.", "Dopodiché {f}."],
  "check": ["Verifica: con {result} tutto torna.", "Controllo il risultato {result} a ritroso: giusto."],
  "intro": ["Ecco lo svolgimento:", "Passo dopo passo:", "Soluzione:"],
  "final": "**Risposta:** {result}",
}

_LOGIC = {
  "list_sep": ", ",
  "ordinal": ["primo", "secondo", "terzo", "quarto", "quinto"],
  "order_clue": {
    "before": ["{a} ha tagliato il traguardo prima di {b}.", "{b} è arrivato da qualche parte dietro a {a}."],
    "right_before": ["{a} è arrivato subito prima di {b}.", "{b} ha finito immediatamente dopo {a}."],
    "not_next": ["{a} e {b} non sono arrivati uno dopo l'altro."],
    "not_pos": ["{a} non si è classificato al {b} posto."],
    "pos": ["{a} si è classificato al {b} posto."],
  },
  "clue_step": ["Indizio {i}: «{clue}» Questo esclude diversi ordini.", "Adesso l'indizio {i}: «{clue}»"],
  "order_found": ["Quindi resta una sola possibilità: {order}.", "Mettendo tutto insieme, viene: {order}."],
  "order_intro": ["Applicando gli indizi uno alla volta, resta un solo ordine possibile:"],
  "diffs": ["Le differenze tra i numeri sono {d}.", "Guardiamo i salti: {d}."],
  "seq_found": ["Quindi il numero successivo è {next}.", "Con la stessa regola, viene {next}."],
  "seq_answer": ["Il numero successivo della sequenza {seq} è **{next}**."],
}

_EXTRACTION = {
  "labels": {"positive": "positivo", "negative": "negativo", "mixed": "misto"},
  "pos": [
    "Il {product} è arrivato con due giorni di anticipo e funziona benissimo.",
    "Sinceramente è il miglior {product} che abbia mai avuto.",
    "L'installazione ha richiesto appena cinque minuti.", "Sembra robusto e ben rifinito.",
    "Il servizio clienti mi ha risposto entro un'ora.", "Tutta la famiglia lo usa ogni giorno.",
    "Il rapporto qualità-prezzo è ottimo.", "Lo ricomprerei senza pensarci due volte.",
  ],
  "neg": [
    "Il {product} ha smesso di funzionare dopo una settimana.", "I pulsanti sembrano fragilissimi.",
    "La consegna ha richiesto quasi un mese.", "È molto più rumoroso di quanto mi aspettassi.",
    "L'assistenza non ha mai risposto alle mie email.", "Le istruzioni sono confuse e incomplete.",
    "A questo prezzo mi aspettavo una qualità ben diversa.", "Sto ancora aspettando il rimborso.",
  ],
  "judge": ["Il cliente scrive: «{s}»", "Frase successiva: «{s}»"],
  "decide": ["Nel complesso il tono è {result}.", "Quindi l'etichetta dovrebbe essere {result}."],
  "label_answer": ["**{result}**", "Sentimento: {result}"],
  "domains": ["esempio.it", "example.org", "mail.example.net"],
  "email_users": ["contatti", "ufficio"],
  "months": [
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
    "novembre", "dicembre",
  ],
  "date_fmt": "{d} {mn} {y}",
  "entity_lines": [
    "Per favore, invia il modulo firmato a {who} ({email}) entro il {date}.",
    "{who} ({email}) ha confermato il workshop del {date}.",
    "Puoi scrivere a {who} all'indirizzo {email}; la scadenza è il {date}.",
  ],
  "entity_filler": [
    "Fammi sapere se cambia qualcosa.", "La sala al secondo piano è prenotata.", "Il pranzo è compreso.",
    "L'ordine del giorno è allegato a questo messaggio.",
  ],
  "found": ["Trovo {who}, con l'indirizzo {email} e la data {date}."],
}

_CODE = {
  "tasks": {
    "palindrome": "controlli se una stringa è palindroma, ignorando maiuscole e minuscole",
    "word_freq": "conti quante volte compare ogni parola in un testo",
    "flatten": "appiattisca una lista annidata di qualsiasi profondità",
    "binary_search": "esegua una ricerca binaria in una lista ordinata",
    "is_prime": "controlli se un numero è primo",
    "fibonacci": "restituisca i primi n numeri di Fibonacci senza ricorsione",
    "dedupe": "rimuova i duplicati da una lista mantenendo l'ordine",
    "roman": "converta i numeri romani in interi",
    "anagrams": "raggruppi le parole che sono anagrammi tra loro",
    "snake_case": "converta i nomi in camelCase in snake_case",
    "leap_year": "stabilisca se un anno è bisestile",
    "rotate_matrix": "ruoti di 90 gradi una matrice quadrata",
  },
  "units": {"default": "funzione"},
  "steps": [
    "Mi serve una funzione {fname} che {desc}.",
    "I casi limite contano: input vuoto, un solo elemento, valori strani.",
    "In {plang} un semplice ciclo è probabilmente la soluzione più chiara, ma guardo anche le funzioni già pronte.",
    "Cosa dovrebbe restituire la funzione se l'input non è valido?",
    "Un breve commento renderebbe più chiara l'intenzione.",
  ],
  "draft": ["Comincio con qualcosa come `{line}`."],
  "verify": ["Provo a mano un piccolo esempio per verificare.", "Anche con un input vuoto funziona."],
  "intro": ["Ecco un'implementazione in {plang}:", "Ecco come si potrebbe scrivere in {plang}:"],
  "how": ["**Come funziona:**", "**Note:**"],
  "notes": [
    "I casi limite come un input vuoto vengono gestiti senza errori.",
    "`{fname}` non ha effetti collaterali ed è facile da testare.",
    "Il codice è volutamente semplice per essere leggibile.", "Non serve nessuna libreria esterna.",
    "Conviene aggiungere qualche test unitario sui casi limite.",
  ],
}

_EXPLANATION_CONCEPT = {
  "name": "concept",
  "weight": 2,
  "frames": [
    ["Mi spieghi {subject} in modo che lo capisca anche {audience}?", "spiegare {subject} a {audience}"],
    ["Non ho mai capito bene {subject}. Come funziona esattamente?", "spiegare come funziona {subject}"],
    [
      "Che cos'è esattamente {subject}, e perché è importante nella vita di tutti i giorni?",
      "spiegare che cos'è {subject} e perché conta",
    ],
    [
      "Spiegami {subject} con parole semplici, magari con un paragone preso dalla vita quotidiana.",
      "spiegare {subject} in modo semplice con un paragone",
    ],
  ],
  "slots": {
    "subject": [
      "la fotosintesi", "l'interesse composto", "l'effetto serra", "l'inflazione", "il sistema immunitario",
      "la legge della domanda e dell'offerta", "la tettonica delle placche", "il ciclo dell'acqua",
      "la selezione naturale", "la separazione dei poteri", "l'entropia", "l'apprendimento automatico",
      "l'effetto placebo", "la blockchain", "la teoria della relatività", "la ricorsione", "le maree",
      "la crittografia su internet", "i buchi neri", "la resistenza agli antibiotici",
    ],
    "audience": [
      "un bambino di dieci anni", "mia nonna", "un principiante assoluto", "qualcuno che odia la matematica",
      "una classe delle medie", "il mio capo",
    ],
  },
  "extra": ["Senza paroloni, per favore.", "Un esempio sarebbe perfetto.", "Puoi dilungarti quanto vuoi."],
  "trace": [
    "Il cuore di «{subject}» è più semplice di quanto sembri.",
    "Per {audience} devo evitare i termini tecnici.", "Un paragone con la vita quotidiana potrebbe aiutare.",
    "Prima cos'è, poi come funziona, infine perché è importante.",
  ],
  "answer": _EXPLAIN_ANSWER,
  "answer_frac": 0.3,
}

_EXPLANATION_SCIENCE_QA = {
  "name": "science_qa",
  "frames": [
    ["Perché {phenomenon}? Vorrei capire il meccanismo vero e proprio.", "spiegare perché {phenomenon}"],
    [
      "Mio figlio mi ha chiesto perché {phenomenon} e non ho saputo rispondere. Qual è la spiegazione scientifica?",
      "spiegare scientificamente perché {phenomenon}",
    ],
  ],
  "slots": {
    "phenomenon": [
      "il cielo è azzurro", "il ghiaccio galleggia sull'acqua", "la cipolla ci fa piangere",
      "ci viene la pelle d'oca", "le foglie cambiano colore in autunno", "il mare è salato",
      "il pane diventa raffermo", "sbadigliamo", "la luna ha le fasi", "le stelle scintillano",
      "il sale scioglie il ghiaccio sulle strade", "esistono le stagioni",
    ],
    "subject": ["questo fenomeno"],
  },
  "trace": [
    "La spiegazione popolare è solo una parte della verità.", "Dovrei descrivere il meccanismo fisico.",
    "Un piccolo esperimento da fare a casa sarebbe un bel complemento.",
  ],
  "answer": _EXPLAIN_ANSWER,
}

_WRITING_POEM = {
  "name": "poem",
  "frames": [
    ["Scrivimi una {form} su {poem_subject}.", "scrivere una {form} su {poem_subject}"],
    [
      "Mi serve una {form} per {occasion}. Il tema deve essere {poem_subject}.",
      "scrivere una {form} per {occasion}",
    ],
  ],
  "slots": {
    "form": ["poesia breve", "poesia in rima", "poesia in quattro strofe", "filastrocca"],
    "poem_subject": [
      "un faro all'alba", "la prima neve", "la cucina di mia nonna", "un bosco dopo la pioggia",
      "l'ultimo giorno d'estate", "una stazione abbandonata", "gli uccelli migratori", "il mare di notte",
    ],
    "occasion": [
      "il compleanno di mia madre", "un matrimonio", "una festa di pensionamento",
      "il giornalino della scuola",
    ],
  },
  "trace": [
    "Le immagini devono reggere la poesia, non le rime.", "Un primo verso forte e un finale che lo richiami.",
  ],
  "styles": ["poem"],
  "answer": {
    "title": ["Luce del mattino", "Ciò che la marea custodisce", "Ore quiete", "Dopo la pioggia", "Ritorno"],
    "lines": [
      "La luce arriva piano, grigia e poi dorata,", "e tutto ciò che tocca si fa quieto.",
      "Una finestra trattiene un po' di notte,", "il bollitore canta e il giorno si sveglia.",
      "Tengo vicino a me le cose semplici,", "i rami spogli, il cielo che trema.",
      "La strada sale oltre le colline,", "la sera sa di pioggia e di farina.",
      "Portavamo canzoni tra le mani,", "come acqua versata sulla sabbia.",
      "E se l'inverno arriva troppo presto,", "la luna presterà il suo argento alle barche.",
    ],
  },
}

_WRITING_LETTER = {
  "name": "letter",
  "frames": [
    ["Scrivi una {letter_kind} a {recipient} per {purpose}.", "scrivere una {letter_kind} a {recipient}"],
    ["Aiutami a scrivere una mail a {recipient}: vorrei {purpose}.", "scrivere una mail a {recipient}"],
  ],
  "slots": {
    "letter_kind": ["lettera cortese", "lettera breve", "lettera formale"],
    "recipient": [
      "il mio padrone di casa", "la maestra di mio figlio", "il comune", "il mio vicino", "la mia banca",
      "il mio team",
    ],
    "purpose": [
      "chiedere di riparare il riscaldamento", "lamentarmi del rumore notturno",
      "ringraziare per il sostegno", "chiedere un appuntamento la settimana prossima", "contestare una mora",
    ],
    "recipient_name": [
      "Gentile signora Rossi", "Gentile signor Bianchi", "Gentile dottoressa Ferrari", "Cari colleghi",
    ],
  },
  "trace": ["Il tono conta quanto il contenuto.", "La richiesta deve essere chiara nelle prime due frasi."],
  "styles": ["letter"],
  "answer": {
    "greeting": ["{recipient_name},", "Buongiorno, {recipient_name},"],
    "body": [
      "spero che stia bene.", "Le scrivo riguardo a una questione per me importante.",
      "Le sarei grato se potessimo fissare un incontro nei prossimi giorni.",
      "In allegato trova i documenti necessari.", "La ringrazio per la pazienza e la comprensione.",
      "Resto a disposizione per qualsiasi informazione aggiuntiva.",
      "Sono certo che un breve colloquio basterà a risolvere la questione.",
    ],
    "outro": ["La ringrazio in anticipo.", "In attesa di un suo riscontro."],
    "signoff": ["Cordiali saluti,\n{name}", "Distinti saluti,\n{name}"],
  },
}

_WRITING_STORY = {
  "name": "story",
  "frames": [
    ["Scrivi un racconto breve su {premise}.", "scrivere un racconto breve su {premise}"],
    [
      "Raccontami una storia {genre} della buonanotte su {premise}, di circa {words} parole.",
      "raccontare una storia della buonanotte su {premise}",
    ],
  ],
  "slots": {
    "premise": [
      "un robot che impara a coltivare l'orto", "un drago che soffre di vertigini", "una biblioteca segreta",
      "un paese dove non smette mai di nevicare", "una gatta che gestisce una libreria",
      "una viaggiatrice del tempo bloccata nel 1987",
    ],
    "genre": ["divertente", "avventurosa", "tranquilla", "magica"],
    "words": ["300", "500", "800"],
  },
  "trace": [
    "Un personaggio, un desiderio, un ostacolo.",
    "La prima frase deve portare subito il lettore nell'azione.",
  ],
  "styles": ["prose"],
  "answer": {
    "intro": ["**La macchina silenziosa**", "**L'ultimo treno**", "**Lanterne di carta**"],
    "body": [
      "Nessuno a {city} si aspettava niente di strano quella mattina.",
      "{name} aveva sempre creduto che le piccole scelte contassero più di quelle grandi.",
      "«Sei sicuro?» chiese {name}, anche se la risposta era ovvia.",
      "Per un lungo momento non si mosse nulla, tranne l'orologio alla parete.",
      "La porta cigolò e comparve una figura che nessuno conosceva.",
      "Anni dopo, a {city} si discuteva ancora su cosa fosse successo davvero.",
      "Sul tavolo c'era un biglietto scritto con una grafia accurata e inclinata.",
      "E per la prima volta da settimane, {name} dormì senza sognare.",
    ],
    "outro": ["*Fine.*", "E quello era solo l'inizio."],
  },
  "answer_frac": 0.45,
}

_SUMMARY_ARTICLE = {
  "name": "article",
  "gen": "summary.article",
  "frames": [
    ["Riassumi il testo seguente in tre punti:\n\n{passage}", "riassumere un testo in tre punti"],
    [
      "Non ho tempo di leggere tutto. Qual è l'idea principale di questo testo?\n\n{passage}",
      "cogliere l'idea principale di un testo",
    ],
    [
      "Puoi fare un breve riassunto di questo articolo per il mio team?\n\n{passage}",
      "riassumere un articolo per un team",
    ],
  ],
  "slots": {"n1": ["12", "18", "25", "40"], "n2": ["3", "8", "14", "27"]},
  "themes": [
    {
      "title": "le piste ciclabili di {city}",
      "text": [
        "Martedì il consiglio comunale di {city} ha approvato una rete di piste ciclabili protette.",
        "Il piano prevede {n1} chilometri di nuove piste nei prossimi tre anni.",
        "I sostenitori si aspettano più sicurezza per bambini e anziani.",
        "Alcuni commercianti temono che la perdita di parcheggi danneggi gli affari.",
        "Il costo è di circa {n2} milioni di euro, in parte finanziati dalla regione.",
        "I lavori del primo tratto inizieranno in primavera.",
        "In una città vicina, un progetto simile ha ridotto nettamente gli incidenti.",
        "I critici sostengono che i soldi andrebbero spesi per sistemare le strade.",
        "Il consiglio promette di rivedere il piano dopo un anno.",
        "Ogni mese si terrà un incontro pubblico per raccogliere le opinioni.",
      ],
      "summary": [
        "{city} realizzerà in tre anni una rete di piste ciclabili protette.",
        "I sostenitori si aspettano più sicurezza, i commercianti temono per i parcheggi.",
        "I lavori partono in primavera e dopo un anno si farà un bilancio.",
      ],
    },
    {
      "title": "uno studio su schermi e sonno",
      "text": [
        "Un nuovo studio su diverse centinaia di adolescenti collega l'uso notturno degli schermi a un sonno più breve.",
        "Chi usava il telefono a letto dormiva in media {n1} minuti in meno.",
        "I ricercatori hanno misurato il sonno per sei settimane con dei braccialetti.",
        "L'effetto era più forte nelle sere prima di andare a scuola.",
        "La luce intensa può ritardare il rilascio della melatonina, l'ormone del sonno.",
        "Tuttavia lo studio non dimostra un rapporto di causa ed effetto.",
        "Gli adolescenti che leggevano un libro di carta si addormentavano prima.",
        "Gli autori consigliano di lasciare il telefono fuori dalla camera di notte.",
        "Alcuni esperti ritengono che stress e compiti pesino altrettanto.",
        "Uno studio successivo verificherà se un coprifuoco digitale migliora i voti.",
      ],
      "summary": [
        "Secondo uno studio, gli adolescenti che usano schermi la sera dormono meno.",
        "Il legame è chiaro, ma la causa non è dimostrata.",
        "Si consiglia di tenere il telefono fuori dalla camera.",
      ],
    },
  ],
  "trace": [
    "L'idea principale deve venire per prima.", "Posso tralasciare i numeri secondari.",
    "Resto neutrale, senza aggiungere opinioni.",
  ],
  "styles": ["summary"],
  "answer": {
    "intro": ["Ecco il riassunto:", "**Riassunto:**", "I punti chiave:"],
    "outro": ["Dimmi se lo vuoi più lungo."],
  },
}

_IDEATION_BRAINSTORM = {
  "name": "brainstorm",
  "shuffle_points": True,
  "frames": [
    ["Dammi {n} idee per {goal}.", "trovare idee per {goal}"],
    [
      "Non mi viene in mente più niente. Mi aiuti a trovare qualche spunto per {goal}? {constraint}",
      "trovare spunti per {goal}",
    ],
    ["Quali approcci creativi ti vengono in mente per {goal}?", "proporre approcci creativi per {goal}"],
  ],
  "slots": {
    "n": ["cinque", "dieci", "alcune", "sette"],
    "goal": [
      "la festa di compleanno di un bambino di sette anni", "il nome di un bar",
      "un'attività di gruppo per chi lavora da remoto", "ridurre la plastica in casa",
      "un progetto per la fiera della scienza", "un podcast sulla storia locale", "un fine settimana piovoso",
      "far sembrare più grande un appartamento piccolo",
    ],
    "constraint": ["Il budget è limitato.", "Deve svolgersi al chiuso.", "Abbiamo solo una settimana.", ""],
  },
  "trace": ["Mescolo idee sicure con qualcuna più audace.", "Ogni idea ha bisogno di una breve motivazione."],
  "styles": ["list"],
  "answer": {
    "intro": ["Ecco qualche idea:", "Certo! Alcune proposte, dalla più semplice alla più ambiziosa:"],
    "points": [
      "Un tema", "Puntare sul locale", "Il classico economico", "Coinvolgere tutti", "Un elemento sorpresa",
      "Versione digitale",
    ],
    "body": [
      "È facile da organizzare e funziona con gruppi di ogni dimensione.",
      "Costa quasi niente e resta impresso.", "Inizia in piccolo, guarda cosa funziona e poi allarga.",
      "Un tema chiaro semplifica l'organizzazione.",
      "I partner locali aiutano volentieri in cambio di visibilità.",
      "Qualche foto dopo l'evento ne prolunga l'effetto.",
    ],
    "outro": ["Scegline due o tre e provale!", "Vuoi che ne sviluppi una?"],
  },
}

_ADVICE_PERSONAL = {
  "name": "personal",
  "frames": [
    ["{situation} Cosa dovrei fare?", "dare un consiglio su questa situazione: {situation}"],
    [
      "Avrei bisogno di un consiglio. {situation} Tu come la gestiresti?",
      "consigliare su una situazione personale",
    ],
    ["{situation} Come posso parlarne senza peggiorare le cose?", "suggerire come affrontare l'argomento"],
  ],
  "slots": {
    "situation": [
      "La mia migliore amica disdice sempre i nostri impegni all'ultimo momento.",
      "Mi sento esaurito al lavoro, ma non posso licenziarmi.", "Il mio coinquilino non pulisce mai niente.",
      "Vorrei chiedere un aumento, ma ho paura della risposta.",
      "I miei genitori non approvano la carriera che ho scelto.",
      "Rimando sempre tutto, anche le cose che mi piacciono.",
      "Mi sono trasferito in un'altra città e non ho ancora amici.",
      "Un collega presenta le mie idee come sue durante le riunioni.",
      "Ho due offerte di lavoro e non riesco a scegliere.",
      "Devo fare un discorso al matrimonio di mia sorella e sono agitatissimo.",
    ],
  },
  "extra": ["Va avanti così da mesi.", "Non voglio rovinare il nostro rapporto.", "Sii sincero con me."],
  "trace": [
    "La persona sembra sotto pressione, quindi un tono di sostegno, non una predica.",
    "Dei passi concreti aiutano più di un conforto generico.",
  ],
  "answer": {
    "intro": [
      "Sembra davvero pesante, ed è bene che tu ci stia riflettendo con calma.",
      "Prima di tutto: quello che provi è del tutto comprensibile.",
    ],
    "points": [
      "Chiarire la situazione", "Una conversazione sincera", "Mettere dei limiti", "Prenderti cura di te",
      "Valutare le opzioni",
    ],
    "body": [
      "Prova a riassumere la situazione in una frase; aiuta a capire cosa conta davvero.",
      "Una conversazione tranquilla a quattr'occhi funziona meglio delle allusioni.",
      "Parla di come ti senti invece di accusare.",
      "Hai il diritto di mettere dei limiti, anche con le persone care.",
      "Scrivi le tue opzioni e quanto ti costerebbe ciascuna.",
      "Piccoli passi costanti valgono più dei grandi propositi.",
      "Parlare con qualcuno di fiducia può darti un altro punto di vista.",
    ],
    "outro": ["Ce la farai. Un passo alla volta.", "Qualunque cosa decida, sii gentile con te stesso."],
  },
}

_ANALYSIS_COMPARE = {
  "name": "compare",
  "frames": [
    ["Confronta {a_b} per {purpose}.", "confrontare {a_b} per {purpose}"],
    ["Quali sono i pro e i contro di {a_b}? Devo decidere a breve.", "valutare pro e contro di {a_b}"],
    ["{a_b}: cosa conviene di più a {purpose}, e perché?", "decidere cosa conviene di più a {purpose}"],
  ],
  "slots": {
    "a_b": [
      "affittare o comprare casa", "Python o JavaScript", "auto elettrica o ibrida",
      "treno o aereo in Europa", "lavoro da remoto o in ufficio", "libro di carta o e-reader",
      "fondi indicizzati o singole azioni", "città o campagna",
    ],
    "purpose": ["una giovane famiglia", "una piccola impresa", "un principiante", "chi ha un budget ridotto"],
  },
  "trace": [
    "Devo confrontare le due opzioni con gli stessi criteri.",
    "Costi, comodità ed effetti a lungo termine sono l'essenziale.",
  ],
  "styles": ["sections", "list"],
  "answer": {
    "intro": ["Entrambe le opzioni hanno punti di forza reali; dipende dalle tue priorità."],
    "points": ["Costi", "Comodità", "Flessibilità", "Lungo periodo", "Conclusione"],
    "body": [
      "La prima opzione costa di più all'inizio, ma meno nel tempo.",
      "La seconda è più flessibile, cosa importante se i tuoi piani possono cambiare.",
      "I costi nascosti si sottovalutano facilmente.",
      "Per un principiante la semplicità conta spesso più delle prestazioni.",
      "Nessuna delle due è una scelta sbagliata; danno semplicemente priorità a cose diverse.",
    ],
    "outro": ["In sintesi: scegli in base al budget e a quanto a lungo vuoi impegnarti."],
  },
}

_ROLEPLAY_CHARACTER = {
  "name": "character",
  "frames": [
    ["Sei {character}. {scene} Resta nel personaggio.", "restare nel ruolo di {character}"],
    [
      "Facciamo un gioco di ruolo. Tu sei {character} e io ti chiedo: {question}",
      "rispondere come {character}",
    ],
  ],
  "slots": {
    "character": [
      "un fabbro medievale", "un capitano pirata brontolone",
      "un'intelligenza artificiale di una stazione spaziale molto gentile", "un vecchio bibliotecario",
      "una chiromante del luna park", "una guardia notturna in una città antica",
    ],
    "scene": [
      "Fuori infuria una tempesta.", "Entra uno sconosciuto con una mappa strana.", "È giorno di mercato.",
    ],
    "question": [
      "Qual è la parte più difficile del tuo mestiere?", "Qual è la cosa più strana che tu abbia mai visto?",
    ],
  },
  "trace": [
    "Il personaggio ha bisogno di una voce propria.", "Qualche azione tra asterischi crea atmosfera.",
  ],
  "styles": ["prose"],
  "answer": {
    "intro": [
      "*alza lentamente lo sguardo* Guarda un po'. Non aspettavo visite stasera.",
      "*si pulisce le mani sul grembiule* Ah, entra, entra.",
    ],
    "body": [
      "La maggior parte dei giorni è più tranquilla di quanto raccontino le storie.",
      "*si sporge in avanti* Ma ogni tanto succede qualcosa a cui nessuno crederebbe.",
      "Faccio questo lavoro da più tempo di quanto tu sia al mondo, ci scommetto.",
      "Il segreto è la pazienza. Pazienza e una bella tazza di qualcosa di caldo.",
      "*ride piano* Tranquillo, non mordo.",
    ],
    "outro": ["*inarca un sopracciglio* Allora, cosa sarà?", "Adesso tocca a te. Qual è la tua storia?"],
  },
}

_MATH_SPEED = {
  "name": "speed",
  "gen": "math.speed",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    ["{name} percorre {d} km in {t} ore. Qual è stata la velocità media?", "calcolare una velocità media"],
    [
      "Un treno percorre {d} chilometri in {t} ore a ritmo costante. A che velocità viaggia in km/h?",
      "trovare la velocità del treno",
    ],
  ],
  "trace": ["La velocità media è la distanza divisa per il tempo."],
}

_MATH_PERCENT = {
  "name": "percent",
  "gen": "math.percent",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "Una {item} costa {p} euro ed è scontata del {r} %. Qual è il prezzo finale?",
      "calcolare un prezzo scontato",
    ],
    [
      "{name} vuole comprare un articolo da {p} euro e oggi c'è uno sconto del {r} per cento. Quanto pagherà {name}?",
      "calcolare il prezzo dopo lo sconto",
    ],
  ],
  "trace": ["Lo sconto è una percentuale del prezzo iniziale."],
}

_MATH_LINEAR = {
  "name": "linear",
  "gen": "math.linear",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    ["Risolvi l'equazione seguente e spiega ogni passaggio: {eq}", "risolvere un'equazione di primo grado"],
    [
      "Sono bloccato su questo esercizio dei compiti: {eq}. Come ricavo la x?",
      "aiutare a ricavare x da un'equazione",
    ],
  ],
  "trace": ["Devo isolare la x: prima porto la costante dall'altra parte."],
}

_MATH_RECTANGLE = {
  "name": "rectangle",
  "gen": "math.rectangle",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "Un giardino rettangolare è largo {w} m e lungo {h} m. Quanta recinzione serve, e qual è la sua area?",
      "calcolare perimetro e area di un giardino",
    ],
    [
      "Il mio soggiorno misura {w} per {h} metri. Qual è il perimetro, e quanti metri quadrati di pavimento mi servono?",
      "calcolare perimetro e superficie di una stanza",
    ],
  ],
  "trace": ["Il perimetro è il doppio della somma dei lati; l'area è lunghezza per larghezza."],
}

_MATH_AVERAGE = {
  "name": "average",
  "gen": "math.average",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "In questo quadrimestre {name} ha preso questi voti: {scores}. Qual è la media?",
      "calcolare la media dei voti",
    ],
    ["Calcola la media di questi {n} valori del nostro sondaggio: {scores}.", "calcolare una media"],
  ],
  "trace": ["La media è la somma divisa per il numero di valori."],
}

_MATH_COMBINATION = {
  "name": "combination",
  "gen": "math.combination",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "In quanti modi si può formare un comitato di {k} persone scegliendole tra {n}?",
      "contare le scelte possibili",
    ],
    [
      "Un allenatore sceglie {k} giocatori tra {n} per un torneo. Quante selezioni diverse ci sono se l'ordine non conta?",
      "contare selezioni senza ordine",
    ],
  ],
  "trace": ["L'ordine non conta, quindi è una combinazione."],
}

_CODE_TASK = {
  "name": "task",
  "gen": "code.task",
  "frames": [
    ["Scrivi una funzione in {plang} che {desc}.", "scrivere una funzione in {plang} che {desc}"],
    [
      "Mi aiuti a scrivere una funzione {plang} che {desc}? {code_ctx}",
      "scrivere una funzione {plang} che {desc}",
    ],
    [
      "{code_ctx} Come scriveresti in {plang} una funzione che {desc}? Con una breve spiegazione, per favore.",
      "scrivere in {plang} una funzione che {desc}",
    ],
  ],
  "slots": {
    "code_ctx": [
      "Sto creando un piccolo strumento per il mio negozio.", "È per esercitarmi prima di un colloquio.",
      "Fa parte di uno script di pulizia dei dati.", "La mia versione è lenta e disordinata.",
    ],
  },
  "extra": ["Con un esempio d'uso, per favore.", "Meglio leggibile che furbo.", "Senza librerie esterne."],
}

_LOGIC_ORDER = {
  "name": "order",
  "gen": "logic.order",
  "frames": [
    [
      "{names} hanno fatto una gara di corsa. Trova l'ordine di arrivo con questi indizi:\n{clues}",
      "trovare l'ordine di arrivo",
    ],
    [
      "Indovinello: {n} amici ({names}) hanno corso senza arrivi a pari merito. Ecco cosa sappiamo:\n{clues}\nChi è arrivato in quale posizione?",
      "risolvere un indovinello sull'ordine di arrivo",
    ],
  ],
}

_LOGIC_SEQUENCE = {
  "name": "sequence",
  "gen": "logic.sequence",
  "frames": [
    [
      "Quale numero viene dopo in questa sequenza: {seq}, ...? Spiega lo schema.",
      "trovare il numero successivo di una sequenza",
    ],
    [
      "Ho trovato questa sequenza in un libro di enigmi: {seq}. Qual è il termine successivo, e perché?",
      "trovare il termine successivo",
    ],
  ],
}

_EXTRACTION_SENTIMENT = {
  "name": "sentiment",
  "gen": "extraction.sentiment",
  "frames": [
    [
      "Il tono di questa recensione è positivo, negativo o misto? Rispondi con una sola parola.\n\nRecensione: {review}",
      "classificare il tono di una recensione",
    ],
    [
      "Classifica questa opinione su un prodotto come positiva, negativa o mista:\n\n«{review}»",
      "classificare un'opinione",
    ],
  ],
}

_EXTRACTION_ENTITIES = {
  "name": "entities",
  "gen": "extraction.entities",
  "frames": [
    [
      "Estrai tutti i nomi, gli indirizzi email e le date dal messaggio seguente e restituiscili in JSON (chiavi name, email, date).\n\n{text}",
      "estrarre nomi, email e date in JSON",
    ],
  ],
}

_OTHER_MISC = {
  "name": "misc",
  "shuffle_points": True,
  "frames": [
    ["Raccontami {n_facts} curiosità sui {animal}.", "raccontare curiosità sui {animal}"],
    ["Suggeriscimi qualche nome per il mio nuovo {pet}. {pet_detail}", "suggerire nomi per un {pet}"],
    ["Da dove viene il modo di dire «{idiom}»?", "spiegare l'origine di un modo di dire"],
  ],
  "slots": {
    "n_facts": ["tre", "cinque", "alcune"],
    "animal": ["polpi", "pinguini", "corvi", "delfini", "gufi"],
    "pet": ["gattino", "porcellino d'India", "coniglio", "pesciolino"],
    "pet_detail": ["È molto timido.", "Qualcosa di buffo, se possibile.", ""],
    "idiom": [
      "in bocca al lupo", "avere le mani in pasta", "costare un occhio della testa",
      "prendere due piccioni con una fava",
    ],
  },
  "trace": [
    "È una richiesta leggera, la risposta può essere divertente.", "Ma i fatti devono essere corretti.",
  ],
  "styles": ["list", "prose"],
  "answer": {
    "intro": ["Con piacere! Eccone alcuni:", "Certo, eccoli!"],
    "points": ["Un classico", "Una sorpresa", "Uno divertente", "Il mio preferito"],
    "body": [
      "Questo sorprende quasi tutti.", "È semplice e resta in mente.", "C'è una bella storia dietro.",
      "Strappa sempre un sorriso.",
    ],
    "outro": ["Buon divertimento!", "Dimmi se ne vuoi altri."],
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
    "open": ["Ciao!", "Buongiorno!", "Buonasera.", "Una domanda veloce:", "Ciao, ho bisogno di aiuto."],
    "close": ["Grazie in anticipo!", "Grazie mille!", "Grazie per l'aiuto.", "Aspetto la tua risposta."],
  },
  "context": [
    "Te lo chiedo perché la settimana prossima devo fare una presentazione.",
    "Il mio capo ne ha parlato in riunione e io non ci ho capito niente.",
    "Ho letto diversi articoli, ma si contraddicono a vicenda.",
    "È per un progetto che porto avanti nel tempo libero.",
    "Sono un principiante, quindi non dare per scontato che sappia molto.",
    "I miei figli me lo chiedono di continuo e voglio spiegarlo bene.",
    "Sto preparando degli appunti per un gruppo di studio.",
    "Lavoro nelle vendite e non sono affatto un esperto.", "Ho solo un'ora per capire l'argomento.",
    "Sono appena andato in pensione e finalmente ho tempo per imparare cose nuove.",
    "Ne abbiamo discusso ieri sera con degli amici senza venirne a capo.",
    "Sto scrivendo un articolo per il giornalino del quartiere.",
    "Sono bloccato su questo problema da troppo tempo.",
    "Vorrei capirlo abbastanza bene da spiegarlo agli altri.", "Sto preparando un esame all'università.",
    "Ho ascoltato un podcast su questo mentre andavo al lavoro.",
    "Con i numeri me la cavo, con il gergo tecnico molto meno.",
    "Sono un'insegnante e cerco materiale per le mie lezioni.",
    "È tardi e sono stanco, quindi spiegamelo con calma.", "Mia moglie dice che mi complico sempre la vita.",
  ],
  "near_append": ["grazie", "perfavore", "adesso", "subito", "ancora"],
  "synonyms": [
    ["spiegare", "descrivere"], ["breve", "corto"], ["aiuto", "supporto"], ["scrivere", "redigere"],
    ["buono", "ottimo"], ["importante", "fondamentale"], ["semplice", "facile"],
  ],
  "slots": {
    "name": [
      "Giulia", "Marco", "Francesca", "Luca", "Chiara", "Matteo", "Alessia", "Davide", "Sara", "Lorenzo",
      "Elisa", "Riccardo", "Martina", "Stefano", "Giorgia", "Tommaso",
    ],
    "city": [
      "Bologna", "Torino", "Firenze", "Napoli", "Verona", "Palermo", "Padova", "Trieste", "Bari", "Lugano",
    ],
    "product": [
      "frullatore", "tostapane", "ventilatore", "robot aspirapolvere", "bollitore", "monitor", "tablet",
    ],
    "item": ["giacca", "lampada", "caffettiera", "borsa", "sedia da ufficio"],
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
