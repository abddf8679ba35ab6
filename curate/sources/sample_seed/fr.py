"""French seed of the embedded sample (written for this project). Format: see en.py."""

_MATH_EXTRA = [
  "Montre-moi toutes les étapes, s'il te plaît.", "Je révise pour un contrôle demain.",
  "Peux-tu aussi expliquer pourquoi la méthode fonctionne ?", "Vérifie bien les calculs, s'il te plaît.",
  "C'est un exercice du manuel de ma fille.", "Ma réponse était fausse et je ne comprends pas pourquoi.",
]

_EXPLAIN_ANSWER = {
  "intro": [
    "Bonne question ! Voici une explication claire sur « {subject} ».",
    "Le sujet « {subject} » paraît compliqué, mais l'idée de base est assez simple.",
    "Voyons cela étape par étape.",
  ],
  "points": [
    "L'idée de base", "Comment ça marche", "Un exemple de la vie quotidienne", "Pourquoi c'est important",
    "Une idée reçue", "En résumé",
  ],
  "body": [
    "Au fond, il s'agit de comprendre comment une cause entraîne un effet prévisible.",
    "Pense à quelque chose que tu fais tous les jours : chaque étape dépend de la précédente.",
    "Ce qui compte, c'est le mécanisme, pas le vocabulaire technique.",
    "Une fois qu'on a repéré le schéma, on le retrouve un peu partout.",
    "Une erreur fréquente consiste à croire que tout se passe d'un seul coup.",
    "De petits changements au départ peuvent avoir de grandes conséquences avec le temps.",
    "Il existe des exceptions, mais elles se comprennent mieux une fois la règle posée.",
    "On peut le voir comme un système avec des entrées, un processus et des résultats.",
    "Quand on a compris cela, les sujets voisins deviennent beaucoup plus faciles.",
    "Dans la pratique, on rencontre ce principe plus souvent qu'on ne le pense.",
    "Les spécialistes utilisent des termes précis, mais l'intuition vient d'abord.",
  ],
  "outro": [
    "J'espère que cela t'aide ! N'hésite pas à poser d'autres questions.",
    "En bref : comprends d'abord le mécanisme, les détails suivront.",
  ],
}

_TRACE = {
  "open": [
    "D'accord, donc je dois {task}. Voyons comment aborder ça.",
    "Bon, la tâche consiste à {task}. Je vais décomposer le problème.",
    "Hmm, il faut {task}. Qu'est-ce que je sais déjà là-dessus ?",
    "Ok, l'utilisateur me demande de {task}. Par où commencer ?",
  ],
  "connect": [
    "Hmm,", "Attends,", "En fait,", "D'un autre côté,", "Ah oui,", "Donc,", "Bon,", "Aussi,", "Voyons.",
    "Cela dit,", "Peut-être que", "Hmm, en fait,",
  ],
  "clause": [
    "je devrais commencer par les bases avant d'entrer dans les détails.",
    "il ne faut pas que je complique les choses inutilement.",
    "je dois vérifier que cette partie est vraiment correcte.", "un exemple concret serait utile ici.",
    "l'utilisateur veut sans doute quelque chose de pratique plutôt que théorique.",
    "je ne dois rien oublier d'important, mais sans m'éparpiller.",
    "il y a une nuance ici qu'on rate facilement.",
    "une structure en quelques parties claires serait plus lisible.",
    "un petit résumé à la fin pourrait aider.",
    "l'ordre compte : d'abord le simple, ensuite le plus difficile.",
    "cet exemple n'est peut-être pas le meilleur.",
    "il vaudrait la peine de mentionner une idée reçue courante.", "le ton doit rester simple et amical.",
    "je dois rester centré sur ce qui est vraiment demandé.",
    "une comparaison avec la vie quotidienne pourrait rendre ça plus clair.",
    "j'en ai déjà parlé, inutile de le répéter.",
  ],
  "sentence": [
    "Reprenons étape par étape.", "Jusqu'ici, ça tient la route.",
    "Est-ce que j'oublie quelque chose d'évident ?", "Bien, cette partie est solide.",
    "Je vais reformuler plus simplement.", "Je réfléchis peut-être trop.", "Revenons à la question posée.",
    "Oui, c'est cohérent avec ce que j'ai dit plus haut.", "Je note rapidement le plan.",
  ],
  "doubt": [
    "Attends, est-ce que c'est vraiment vrai ? Je réfléchis encore.", "Hmm, je n'en suis pas sûr.",
    "Attends, est-ce que j'ai inversé les choses ?", "Non, ce n'est pas tout à fait ça.",
  ],
  "drafting": [
    "Peut-être quelque chose comme : « {s} »", "Et cette phrase : « {s} » Ça sonne bien.",
    "Je pourrais écrire : « {s} »",
  ],
  "verify": ["Je vérifie encore une fois :", "Par sécurité :", "Je refais le calcul :"],
  "close": [
    "Bon, je crois que j'ai tout. Je rédige la réponse.",
    "D'accord, ça devrait suffire. Passons à la réponse.",
    "Parfait, je vais maintenant formuler la réponse proprement.",
  ],
  "loop": [
    "Attends, je revérifie.", "Hmm, et si je m'étais trompé au début ?",
    "Je reprends depuis le début, par prudence.", "Non, attends. Je reconsidère.",
    "J'ai déjà vérifié, mais encore une fois pour être sûr.",
  ],
  "short": [
    "D'accord, {task}. C'est simple, je réponds brièvement.", "On me demande de {task}. Pas de souci.",
  ],
}

_MATH = {
  "step": ["Donc {f}.", "Ce qui donne {f}.", "Je calcule : {f}.", "Ensuite {f}.", "Puis {f}."],
  "check": [
    "Vérification : avec {result}, tout concorde.", "Je vérifie le résultat {result} à l'envers : c'est bon.",
  ],
  "intro": ["Voici la résolution :", "Étape par étape :", "Solution :"],
  "final": "**Réponse :** {result}",
}

_LOGIC = {
  "list_sep": ", ",
  "ordinal": ["première", "deuxième", "troisième", "quatrième", "cinquième"],
  "order_clue": {
    "before": ["{a} a franchi la ligne avant {b}.", "{b} est arrivé quelque part derrière {a}."],
    "right_before": ["{a} est arrivé juste avant {b}.", "{b} a terminé immédiatement après {a}."],
    "not_next": ["{a} et {b} ne sont pas arrivés l'un après l'autre."],
    "not_pos": ["{a} n'a pas terminé à la {b} place."],
    "pos": ["{a} a terminé à la {b} place."],
  },
  "clue_step": [
    "Indice {i} : « {clue} » Cela élimine plusieurs ordres.", "Passons à l'indice {i} : « {clue} »",
  ],
  "order_found": [
    "Il ne reste donc qu'une possibilité : {order}.", "En combinant tout, on obtient : {order}.",
  ],
  "order_intro": ["En appliquant les indices un par un, il ne reste qu'un seul ordre possible :"],
  "diffs": ["Les écarts entre les nombres sont {d}.", "Regardons les différences : {d}."],
  "seq_found": ["Le nombre suivant est donc {next}.", "Avec la même règle, on obtient {next}."],
  "seq_answer": ["Le nombre suivant de la suite {seq} est **{next}**."],
}

_EXTRACTION = {
  "labels": {"positive": "positif", "negative": "négatif", "mixed": "mitigé"},
  "pos": [
    "Le {product} est arrivé deux jours en avance et fonctionne parfaitement.",
    "Honnêtement, c'est le meilleur {product} que j'aie jamais eu.",
    "L'installation a pris cinq minutes à peine.", "Il a l'air solide et bien fini.",
    "Le service client m'a répondu dans l'heure.", "Toute la famille l'utilise chaque jour.",
    "Excellent rapport qualité-prix.", "Je le rachèterais sans hésiter.",
  ],
  "neg": [
    "Le {product} est tombé en panne au bout d'une semaine.", "Les boutons font très bon marché.",
    "La livraison a pris presque un mois.", "Il est beaucoup plus bruyant que prévu.",
    "Le service client n'a jamais répondu à mes mails.", "La notice est confuse et incomplète.",
    "Pour ce prix, je m'attendais à bien mieux.", "J'attends toujours mon remboursement.",
  ],
  "judge": ["Le client écrit : « {s} »", "Phrase suivante : « {s} »"],
  "decide": ["Dans l'ensemble, le ton est {result}.", "L'étiquette doit donc être {result}."],
  "label_answer": ["**{result}**", "Sentiment : {result}"],
  "domains": ["exemple.fr", "example.org", "mail.example.net"],
  "email_users": ["contact", "bureau"],
  "months": [
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre",
  ],
  "date_fmt": "{d} {mn} {y}",
  "entity_lines": [
    "Merci d'envoyer le formulaire signé à {who} ({email}) avant le {date}.",
    "{who} ({email}) a confirmé l'atelier du {date}.",
    "Tu peux joindre {who} à l'adresse {email} ; la date limite est le {date}.",
  ],
  "entity_filler": [
    "Préviens-moi si quelque chose change.", "La salle du deuxième étage est réservée.",
    "Le déjeuner sera offert.", "L'ordre du jour est joint à ce message.",
  ],
  "found": ["Je trouve {who}, avec l'adresse {email} et la date {date}."],
}

_CODE = {
  "tasks": {
    "palindrome": "vérifie si une chaîne est un palindrome sans tenir compte des majuscules",
    "word_freq": "compte combien de fois chaque mot apparaît dans un texte",
    "flatten": "aplatit une liste imbriquée à n'importe quelle profondeur",
    "binary_search": "effectue une recherche dichotomique dans une liste triée",
    "is_prime": "vérifie si un nombre est premier",
    "fibonacci": "renvoie les n premiers nombres de Fibonacci sans récursion",
    "dedupe": "supprime les doublons d'une liste en gardant l'ordre",
    "roman": "convertit des chiffres romains en entiers",
    "caesar": "chiffre un texte avec le code de César",
    "group_by": "regroupe un tableau d'objets selon une clé",
    "leap_year": "détermine si une année est bissextile",
    "chunk": "découpe une liste en morceaux d'une taille donnée",
  },
  "units": {"default": "fonction"},
  "steps": [
    "Il me faut une fonction {fname} qui {desc}.",
    "Les cas limites comptent : entrée vide, un seul élément, valeurs inhabituelles.",
    "En {plang}, une simple boucle est sans doute le plus lisible, mais regardons aussi les fonctions intégrées.",
    "Que doit renvoyer la fonction si l'entrée est invalide ?",
    "Un court commentaire rendrait l'intention plus claire.",
  ],
  "draft": ["Je commence par quelque chose comme `{line}`."],
  "verify": [
    "Je déroule un petit exemple à la main pour vérifier.", "Avec une entrée vide, ça marche aussi.",
  ],
  "intro": ["Voici une implémentation en {plang} :", "Voici comment l'écrire en {plang} :"],
  "how": ["**Fonctionnement :**", "**Remarques :**"],
  "notes": [
    "Les cas limites comme une entrée vide sont gérés sans erreur.",
    "`{fname}` n'a pas d'effets de bord et se teste facilement.",
    "Le code reste volontairement simple pour être lisible.", "Aucune bibliothèque externe n'est nécessaire.",
    "Quelques tests unitaires sur les cas limites seraient utiles.",
  ],
}

_EXPLANATION_CONCEPT = {
  "name": "concept",
  "weight": 2,
  "frames": [
    [
      "Peux-tu m'expliquer {subject} de façon à ce que {audience} comprenne ?",
      "expliquer {subject} à {audience}",
    ],
    [
      "Je n'ai jamais vraiment compris {subject}. Comment est-ce que ça marche exactement ?",
      "expliquer le fonctionnement de {subject}",
    ],
    [
      "Qu'est-ce que {subject}, et pourquoi est-ce important dans la vie de tous les jours ?",
      "expliquer ce qu'est {subject} et pourquoi c'est important",
    ],
    [
      "Explique-moi {subject} avec des mots simples, idéalement avec une comparaison tirée du quotidien.",
      "expliquer {subject} simplement avec une comparaison",
    ],
  ],
  "slots": {
    "subject": [
      "la photosynthèse", "les intérêts composés", "l'effet de serre", "l'inflation",
      "le système immunitaire", "l'offre et la demande", "la tectonique des plaques", "le cycle de l'eau",
      "la sélection naturelle", "la séparation des pouvoirs", "l'entropie", "l'apprentissage automatique",
      "l'effet placebo", "la blockchain", "la relativité", "la récursivité", "les marées",
      "le chiffrement sur Internet", "les trous noirs", "la résistance aux antibiotiques",
    ],
    "audience": [
      "un enfant de dix ans", "ma grand-mère", "un grand débutant", "quelqu'un qui déteste les maths",
      "une classe de collège", "mon patron",
    ],
  },
  "extra": ["Sans jargon, s'il te plaît.", "Un exemple serait super.", "Tu peux être détaillé."],
  "trace": [
    "Le cœur du sujet « {subject} » est plus simple qu'il n'y paraît.",
    "Pour {audience}, il faut éviter le jargon.", "Une comparaison avec la vie quotidienne pourrait aider.",
    "D'abord ce que c'est, puis comment ça marche, puis pourquoi c'est important.",
  ],
  "answer": _EXPLAIN_ANSWER,
  "answer_frac": 0.3,
}

_EXPLANATION_SCIENCE_QA = {
  "name": "science_qa",
  "frames": [
    ["Pourquoi {phenomenon} ? J'aimerais comprendre le vrai mécanisme.", "expliquer pourquoi {phenomenon}"],
    [
      "Mon fils m'a demandé pourquoi {phenomenon} et je n'ai pas su répondre. Quelle est l'explication scientifique ?",
      "expliquer scientifiquement pourquoi {phenomenon}",
    ],
  ],
  "slots": {
    "phenomenon": [
      "le ciel est bleu", "la glace flotte sur l'eau", "les oignons nous font pleurer",
      "on a la chair de poule", "les feuilles changent de couleur en automne", "la mer est salée",
      "le pain rassit", "on bâille", "la lune a des phases", "les étoiles scintillent",
      "le sel fait fondre la glace sur les routes", "il y a des saisons",
    ],
    "subject": ["ce phénomène"],
  },
  "trace": [
    "L'explication populaire n'est qu'une partie de la vérité.", "Je devrais décrire le mécanisme physique.",
    "Une petite expérience à faire chez soi serait un bon complément.",
  ],
  "answer": _EXPLAIN_ANSWER,
}

_WRITING_POEM = {
  "name": "poem",
  "frames": [
    ["Écris-moi un {form} sur {poem_subject}.", "écrire un {form} sur {poem_subject}"],
    [
      "J'ai besoin d'un {form} pour {occasion}. Le thème doit être {poem_subject}.",
      "écrire un {form} pour {occasion}",
    ],
  ],
  "slots": {
    "form": ["court poème", "sonnet", "poème en rimes", "poème en quatre strophes"],
    "poem_subject": [
      "un phare à l'aube", "la première neige", "la cuisine de ma grand-mère", "une forêt après la pluie",
      "le dernier jour de l'été", "une gare abandonnée", "les oiseaux migrateurs", "la mer la nuit",
    ],
    "occasion": ["l'anniversaire de ma mère", "un mariage", "un pot de départ", "le journal de l'école"],
  },
  "trace": [
    "Les images doivent porter le poème, pas les rimes.",
    "Un premier vers fort et une fin qui lui fasse écho.",
  ],
  "styles": ["poem"],
  "answer": {
    "title": ["Lumière du matin", "Ce que garde la marée", "Heures calmes", "Après la pluie", "Retour"],
    "lines": [
      "La lumière arrive, grise puis dorée,", "et tout ce qu'elle touche semble apaisé.",
      "Une fenêtre garde un peu de nuit,", "la bouilloire chante, le jour s'enfuit.",
      "Je garde près de moi les choses simples,", "les branches nues, le ciel qui tremble.",
      "La route monte au-delà des collines,", "le soir sent la pluie et la farine.",
      "Nous portions des chansons dans nos mains,", "comme l'eau versée sur le sable fin.",
      "Et si l'hiver arrive trop tôt,", "la lune prêtera son argent aux bateaux.",
    ],
  },
}

_WRITING_LETTER = {
  "name": "letter",
  "frames": [
    ["Écris une {letter_kind} à {recipient} pour {purpose}.", "écrire une {letter_kind} à {recipient}"],
    ["Aide-moi à rédiger un mail à {recipient} : je voudrais {purpose}.", "rédiger un mail à {recipient}"],
  ],
  "slots": {
    "letter_kind": ["lettre polie", "courte lettre", "lettre formelle"],
    "recipient": [
      "mon propriétaire", "l'institutrice de mon fils", "la mairie", "mon voisin", "ma banque", "mon équipe",
    ],
    "purpose": [
      "demander la réparation du chauffage", "me plaindre du bruit la nuit", "remercier pour le soutien",
      "demander un rendez-vous la semaine prochaine", "contester des frais de retard",
    ],
    "recipient_name": ["Madame Martin", "Monsieur Bernard", "Madame Petit", "chère équipe"],
  },
  "trace": [
    "Le ton compte autant que le contenu.", "La demande doit être claire dès les deux premières phrases.",
  ],
  "styles": ["letter"],
  "answer": {
    "greeting": ["{recipient_name},", "Bonjour {recipient_name},"],
    "body": [
      "J'espère que vous allez bien.", "Je vous écris au sujet d'une question qui me tient à cœur.",
      "Je vous serais reconnaissant de bien vouloir me proposer un rendez-vous dans les prochains jours.",
      "Vous trouverez les documents utiles en pièce jointe.",
      "Je vous remercie pour votre patience et votre compréhension.",
      "N'hésitez pas à me contacter si vous avez besoin d'informations complémentaires.",
      "Je suis certain qu'un court échange permettra de régler la question.",
    ],
    "outro": ["Je vous remercie par avance.", "Dans l'attente de votre réponse."],
    "signoff": ["Bien cordialement,\n{name}", "Veuillez agréer mes salutations distinguées,\n{name}"],
  },
}

_WRITING_STORY = {
  "name": "story",
  "frames": [
    ["Écris une courte histoire sur {premise}.", "écrire une courte histoire sur {premise}"],
    [
      "Raconte-moi une histoire {genre} pour m'endormir, à propos de {premise}, d'environ {words} mots.",
      "raconter une histoire du soir sur {premise}",
    ],
  ],
  "slots": {
    "premise": [
      "un robot qui apprend à jardiner", "un dragon qui a le vertige", "une bibliothèque secrète",
      "un village où il neige sans arrêt", "un chat qui tient une librairie",
      "une voyageuse du temps coincée en 1987",
    ],
    "genre": ["drôle", "palpitante", "douce", "merveilleuse"],
    "words": ["300", "500", "800"],
  },
  "trace": [
    "Un personnage, un désir, un obstacle.", "La première phrase doit plonger directement dans l'action.",
  ],
  "styles": ["prose"],
  "answer": {
    "intro": ["**La machine silencieuse**", "**Le dernier train**", "**Lanternes de papier**"],
    "body": [
      "Personne à {city} ne s'attendait à quoi que ce soit d'inhabituel ce matin-là.",
      "{name} avait toujours cru que les petits choix comptaient plus que les grands.",
      "« Tu es sûr ? » demanda {name}, même si la réponse était évidente.",
      "Pendant un long moment, rien ne bougea, sauf l'horloge au mur.",
      "La porte grinça et une silhouette inconnue apparut.",
      "Des années plus tard, on se disputait encore à {city} sur ce qui s'était vraiment passé.",
      "Sur la table, il y avait un mot écrit d'une écriture soignée et penchée.",
      "Et pour la première fois depuis des semaines, {name} dormit sans rêver.",
    ],
    "outro": ["*Fin.*", "Et ce n'était que le début."],
  },
  "answer_frac": 0.45,
}

_SUMMARY_ARTICLE = {
  "name": "article",
  "gen": "summary.article",
  "frames": [
    ["Résume le texte suivant en trois points :\n\n{passage}", "résumer un texte en trois points"],
    [
      "Je n'ai pas le temps de tout lire. Quelle est l'idée principale de ce texte ?\n\n{passage}",
      "dégager l'idée principale d'un texte",
    ],
    [
      "Peux-tu faire un court résumé de cet article pour mon équipe ?\n\n{passage}",
      "résumer un article pour une équipe",
    ],
  ],
  "slots": {"n1": ["12", "18", "25", "40"], "n2": ["3", "8", "14", "27"]},
  "themes": [
    {
      "title": "les pistes cyclables à {city}",
      "text": [
        "Le conseil municipal de {city} a approuvé mardi un réseau de pistes cyclables protégées.",
        "Le projet prévoit {n1} kilomètres de nouvelles pistes sur trois ans.",
        "Ses partisans y voient plus de sécurité pour les enfants et les personnes âgées.",
        "Certains commerçants craignent que la perte de places de stationnement leur nuise.",
        "Le coût est estimé à environ {n2} millions d'euros, en partie financés par la région.",
        "Les travaux du premier tronçon commenceront au printemps.",
        "Dans une ville voisine, un projet similaire a nettement réduit les accidents.",
        "Les opposants estiment que l'argent devrait servir à réparer les routes.",
        "Le conseil promet de réévaluer le projet au bout d'un an.",
        "Une réunion publique sera organisée chaque mois pour recueillir les avis.",
      ],
      "summary": [
        "{city} va créer un réseau de pistes cyclables protégées sur trois ans.",
        "Les partisans attendent plus de sécurité, les commerçants s'inquiètent du stationnement.",
        "Les travaux commencent au printemps et un bilan sera fait après un an.",
      ],
    },
    {
      "title": "une étude sur les écrans et le sommeil",
      "text": [
        "Une nouvelle étude menée auprès de plusieurs centaines d'adolescents relie l'usage nocturne des écrans à un sommeil plus court.",
        "Ceux qui utilisaient leur téléphone au lit dormaient en moyenne {n1} minutes de moins.",
        "Les chercheurs ont mesuré le sommeil pendant six semaines grâce à des bracelets.",
        "L'effet était le plus marqué les soirs d'école.",
        "La lumière vive peut retarder la sécrétion de mélatonine, l'hormone du sommeil.",
        "L'étude ne prouve toutefois pas de lien de cause à effet.",
        "Les adolescents qui lisaient un livre papier s'endormaient plus vite.",
        "Les auteurs conseillent de laisser le téléphone hors de la chambre la nuit.",
        "Certains experts estiment que le stress et les devoirs comptent autant.",
        "Une étude de suivi testera l'effet d'un couvre-feu numérique sur les notes.",
      ],
      "summary": [
        "Selon une étude, les adolescents qui utilisent des écrans le soir dorment moins.",
        "Le lien est net, mais la cause n'est pas prouvée.",
        "Les chercheurs recommandent de sortir le téléphone de la chambre.",
      ],
    },
  ],
  "trace": [
    "L'idée principale doit venir en premier.", "Je peux laisser de côté les chiffres secondaires.",
    "Je reste neutre, sans ajouter d'opinion.",
  ],
  "styles": ["summary"],
  "answer": {
    "intro": ["Voici le résumé :", "**Résumé :**", "Les points essentiels :"],
    "outro": ["Dis-moi si tu veux une version plus longue."],
  },
}

_IDEATION_BRAINSTORM = {
  "name": "brainstorm",
  "shuffle_points": True,
  "frames": [
    ["Donne-moi {n} idées pour {goal}.", "trouver des idées pour {goal}"],
    [
      "Je suis à court d'idées. Tu peux m'aider à trouver des pistes pour {goal} ? {constraint}",
      "trouver des pistes pour {goal}",
    ],
    [
      "Quelles seraient des approches créatives pour {goal} ?",
      "proposer des approches créatives pour {goal}",
    ],
  ],
  "slots": {
    "n": ["cinq", "dix", "quelques", "sept"],
    "goal": [
      "l'anniversaire d'un enfant de sept ans", "le nom d'un café", "une activité d'équipe en télétravail",
      "réduire les déchets plastiques à la maison", "un projet pour la fête de la science",
      "un podcast sur l'histoire locale", "un week-end pluvieux",
      "agrandir visuellement un petit appartement",
    ],
    "constraint": ["Le budget est serré.", "Ça doit se faire à l'intérieur.", "On n'a qu'une semaine.", ""],
  },
  "trace": [
    "Je mélange des idées sûres et quelques idées plus audacieuses.",
    "Chaque idée a besoin d'une courte justification.",
  ],
  "styles": ["list"],
  "answer": {
    "intro": [
      "Voici quelques idées :",
      "Avec plaisir ! Quelques propositions, des plus simples aux plus ambitieuses :",
    ],
    "points": [
      "Un thème", "Miser sur le local", "Le classique pas cher", "Faire participer", "Un effet de surprise",
      "Une version numérique",
    ],
    "body": [
      "C'est facile à mettre en place et ça marche pour tous les groupes.",
      "Ça ne coûte presque rien et on s'en souvient.",
      "Commence petit, observe ce qui plaît, puis développe.", "Un thème clair simplifie l'organisation.",
      "Les partenaires locaux aident volontiers en échange de visibilité.",
      "Quelques photos après coup prolongent l'effet.",
    ],
    "outro": ["Choisis-en deux ou trois et essaie !", "Tu veux que je développe l'une d'elles ?"],
  },
}

_ADVICE_PERSONAL = {
  "name": "personal",
  "frames": [
    ["{situation} Qu'est-ce que je devrais faire ?", "donner un conseil sur cette situation : {situation}"],
    [
      "J'aurais besoin d'un conseil. {situation} Comment tu gérerais ça ?",
      "donner un conseil sur une situation personnelle",
    ],
    ["{situation} Comment en parler sans aggraver les choses ?", "proposer une façon d'aborder le sujet"],
  ],
  "slots": {
    "situation": [
      "Ma meilleure amie annule toujours nos sorties au dernier moment.",
      "Je me sens épuisé au travail mais je ne peux pas démissionner.",
      "Mon colocataire ne range jamais rien.",
      "Je voudrais demander une augmentation mais j'ai peur de la réponse.",
      "Mes parents n'approuvent pas mon choix de carrière.",
      "Je remets tout au lendemain, même ce que j'aime faire.",
      "J'ai déménagé dans une nouvelle ville et je n'ai pas encore d'amis.",
      "Un collègue s'attribue mes idées en réunion.",
      "J'ai deux offres d'emploi et je n'arrive pas à choisir.",
      "Je dois faire un discours au mariage de ma sœur et je suis très stressé.",
    ],
  },
  "extra": ["Ça dure depuis des mois.", "Je ne veux pas abîmer notre relation.", "Sois franc avec moi."],
  "trace": [
    "La personne a l'air stressée, donc un ton bienveillant, pas moralisateur.",
    "Des étapes concrètes aident plus qu'un réconfort général.",
  ],
  "answer": {
    "intro": [
      "Ça a l'air vraiment pesant, et c'est bien que tu y réfléchisses.",
      "D'abord, ce que tu ressens est tout à fait normal.",
    ],
    "points": [
      "Clarifier la situation", "Une discussion franche", "Poser des limites", "Prendre soin de toi",
      "Peser les options",
    ],
    "body": [
      "Essaie de résumer la situation en une phrase ; ça aide à voir ce qui compte.",
      "Une conversation calme en tête-à-tête marche mieux que les sous-entendus.",
      "Parle de ce que tu ressens plutôt que d'accuser.",
      "Tu as le droit de poser des limites, même avec des proches.",
      "Note tes options et ce que chacune te coûterait.",
      "De petits pas réguliers valent mieux que de grandes résolutions.",
      "Parler à quelqu'un de confiance peut t'apporter un autre regard.",
    ],
    "outro": [
      "Tu vas y arriver. Un pas après l'autre.", "Quoi que tu décides, sois indulgent avec toi-même.",
    ],
  },
}

_ANALYSIS_COMPARE = {
  "name": "compare",
  "frames": [
    ["Compare {a_b} pour {purpose}.", "comparer {a_b} pour {purpose}"],
    [
      "Quels sont les avantages et les inconvénients de {a_b} ? Je dois bientôt me décider.",
      "peser le pour et le contre de {a_b}",
    ],
    [
      "{a_b} : qu'est-ce qui est le mieux pour {purpose}, et pourquoi ?",
      "décider ce qui convient le mieux à {purpose}",
    ],
  ],
  "slots": {
    "a_b": [
      "louer ou acheter un logement", "Python ou JavaScript", "voiture électrique ou hybride",
      "train ou avion en Europe", "télétravail ou bureau", "livre papier ou liseuse",
      "ETF ou actions individuelles", "ville ou campagne",
    ],
    "purpose": ["une jeune famille", "une petite entreprise", "un débutant", "un petit budget"],
  },
  "trace": [
    "Comparer les deux options selon les mêmes critères.",
    "Coût, praticité et effets à long terme sont essentiels.",
  ],
  "styles": ["sections", "list"],
  "answer": {
    "intro": ["Les deux options ont de vrais atouts ; tout dépend de tes priorités."],
    "points": ["Coût", "Praticité", "Flexibilité", "Long terme", "Conclusion"],
    "body": [
      "La première option coûte plus cher au départ, mais moins sur la durée.",
      "La seconde est plus flexible, ce qui compte si tes projets peuvent changer.",
      "On sous-estime facilement les coûts cachés.",
      "Pour un débutant, la simplicité compte souvent plus que la performance.",
      "Aucune n'est un mauvais choix ; elles privilégient simplement des choses différentes.",
    ],
    "outro": ["En résumé : choisis selon ton budget et la durée de ton engagement."],
  },
}

_ROLEPLAY_CHARACTER = {
  "name": "character",
  "frames": [
    ["Tu es {character}. {scene} Reste dans ton personnage.", "rester dans le rôle de {character}"],
    [
      "Faisons un jeu de rôle. Tu es {character}, et je te demande : {question}",
      "répondre en tant que {character}",
    ],
  ],
  "slots": {
    "character": [
      "un forgeron du Moyen Âge", "un capitaine pirate grognon", "une IA de station spatiale très aimable",
      "un vieux bibliothécaire", "une voyante de fête foraine", "un gardien de nuit dans une vieille ville",
    ],
    "scene": [
      "Dehors, une tempête fait rage.", "Un inconnu entre avec une carte étrange.", "C'est jour de marché.",
    ],
    "question": [
      "Quelle est la partie la plus difficile de ton métier ?",
      "Quelle est la chose la plus étrange que tu aies vue ?",
    ],
  },
  "trace": [
    "Le personnage a besoin d'une voix bien à lui.",
    "Quelques actions entre astérisques ajoutent de l'ambiance.",
  ],
  "styles": ["prose"],
  "answer": {
    "intro": [
      "*lève lentement les yeux* Tiens donc. Je n'attendais personne ce soir.",
      "*s'essuie les mains sur son tablier* Ah, entre, entre.",
    ],
    "body": [
      "La plupart des jours sont plus calmes que ce que racontent les histoires.",
      "*se penche en avant* Mais de temps en temps, il se passe quelque chose que personne ne croirait.",
      "Je fais ce métier depuis plus longtemps que tu n'es né, je parie.",
      "Le secret, c'est la patience. La patience et une bonne tasse de thé.",
      "*rit doucement* N'aie pas peur, je ne mords pas.",
    ],
    "outro": [
      "*hausse un sourcil* Alors, qu'est-ce que ce sera ?", "À toi maintenant. Quelle est ton histoire ?",
    ],
  },
}

_MATH_SPEED = {
  "name": "speed",
  "gen": "math.speed",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    ["{name} parcourt {d} km en {t} heures. Quelle est sa vitesse moyenne ?", "calculer une vitesse moyenne"],
    [
      "Un train parcourt {d} kilomètres en {t} heures à vitesse constante. À quelle vitesse roule-t-il en km/h ?",
      "trouver la vitesse du train",
    ],
  ],
  "trace": ["La vitesse moyenne, c'est la distance divisée par le temps."],
}

_MATH_PERCENT = {
  "name": "percent",
  "gen": "math.percent",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "Une {item} coûte {p} euros et elle est soldée à {r} %. Quel est son nouveau prix ?",
      "calculer un prix soldé",
    ],
    [
      "{name} veut acheter un article à {p} euros avec une remise de {r} pour cent aujourd'hui. Combien va payer {name} ?",
      "calculer le prix après remise",
    ],
  ],
  "trace": ["La remise est un pourcentage du prix de départ."],
}

_MATH_LINEAR = {
  "name": "linear",
  "gen": "math.linear",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    ["Résous l'équation suivante et explique chaque étape : {eq}", "résoudre une équation du premier degré"],
    [
      "Je bloque sur cet exercice de mes devoirs : {eq}. Comment trouver x ?",
      "aider à résoudre une équation des devoirs",
    ],
  ],
  "trace": ["Il faut isoler x : d'abord passer la constante de l'autre côté."],
}

_MATH_RECTANGLE = {
  "name": "rectangle",
  "gen": "math.rectangle",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "Un jardin rectangulaire mesure {w} m de large et {h} m de long. Quelle longueur de clôture faut-il, et quelle est sa surface ?",
      "calculer le périmètre et l'aire d'un jardin",
    ],
    [
      "Mon salon mesure {w} mètres sur {h}. Quel est son périmètre et combien de mètres carrés de parquet me faut-il ?",
      "calculer le périmètre et la surface d'une pièce",
    ],
  ],
  "trace": ["Le périmètre vaut deux fois la somme des côtés, l'aire longueur fois largeur."],
}

_MATH_AVERAGE = {
  "name": "average",
  "gen": "math.average",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "Ce trimestre, {name} a obtenu les notes suivantes : {scores}. Quelle est sa moyenne ?",
      "calculer une moyenne de notes",
    ],
    ["Calcule la moyenne de ces {n} valeurs de notre sondage : {scores}.", "calculer une moyenne"],
  ],
  "trace": ["La moyenne, c'est la somme divisée par le nombre de valeurs."],
}

_MATH_COMBINATION = {
  "name": "combination",
  "gen": "math.combination",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "De combien de façons peut-on former un comité de {k} personnes parmi {n} ?",
      "compter les choix possibles",
    ],
    [
      "Un entraîneur choisit {k} joueurs parmi {n} pour un tournoi. Combien de sélections différentes sont possibles si l'ordre ne compte pas ?",
      "compter des sélections non ordonnées",
    ],
  ],
  "trace": ["L'ordre ne compte pas, c'est donc une combinaison."],
}

_CODE_TASK = {
  "name": "task",
  "gen": "code.task",
  "frames": [
    ["Écris une fonction {plang} qui {desc}.", "écrire une fonction {plang} qui {desc}"],
    [
      "Tu peux m'aider à écrire une fonction en {plang} qui {desc} ? {code_ctx}",
      "écrire une fonction en {plang} qui {desc}",
    ],
    [
      "{code_ctx} Comment écrirais-tu en {plang} une fonction qui {desc} ? Avec une courte explication, s'il te plaît.",
      "écrire en {plang} une fonction qui {desc}",
    ],
  ],
  "slots": {
    "code_ctx": [
      "Je développe un petit outil pour ma boutique.", "C'est pour m'entraîner avant un entretien.",
      "Ça fait partie d'un script de nettoyage de données.", "Ma propre version est lente et brouillonne.",
    ],
  },
  "extra": [
    "Avec un exemple d'utilisation, s'il te plaît.", "Plutôt lisible que astucieux.",
    "Sans bibliothèque externe.",
  ],
}

_LOGIC_ORDER = {
  "name": "order",
  "gen": "logic.order",
  "frames": [
    [
      "{names} ont fait une course. Retrouve l'ordre d'arrivée grâce à ces indices :\n{clues}",
      "retrouver l'ordre d'arrivée",
    ],
    [
      "Énigme : {n} amis ({names}) ont couru sans ex æquo. Voici ce que l'on sait :\n{clues}\nQui est arrivé à quelle place ?",
      "résoudre une énigme d'ordre d'arrivée",
    ],
  ],
}

_LOGIC_SEQUENCE = {
  "name": "sequence",
  "gen": "logic.sequence",
  "frames": [
    [
      "Quel nombre vient ensuite dans cette suite : {seq}, ... ? Explique la logique.",
      "trouver le nombre suivant d'une suite",
    ],
    [
      "J'ai trouvé cette suite dans un livre de jeux : {seq}. Quel est le terme suivant, et pourquoi ?",
      "trouver le terme suivant d'une suite",
    ],
  ],
}

_EXTRACTION_SENTIMENT = {
  "name": "sentiment",
  "gen": "extraction.sentiment",
  "frames": [
    [
      "Le ton de cet avis client est-il positif, négatif ou mitigé ? Réponds en un seul mot.\n\nAvis : {review}",
      "classer le ton d'un avis",
    ],
    [
      "Classe cet avis sur un produit comme positif, négatif ou mitigé :\n\n« {review} »",
      "classer un avis client",
    ],
  ],
}

_EXTRACTION_ENTITIES = {
  "name": "entities",
  "gen": "extraction.entities",
  "frames": [
    [
      "Extrais tous les noms, adresses e-mail et dates du message suivant et renvoie-les en JSON (clés name, email, date).\n\n{text}",
      "extraire noms, e-mails et dates en JSON",
    ],
  ],
}

_OTHER_MISC = {
  "name": "misc",
  "shuffle_points": True,
  "frames": [
    ["Raconte-moi {n_facts} anecdotes étonnantes sur {animal}.", "donner des anecdotes sur {animal}"],
    ["Propose-moi quelques noms pour mon nouveau {pet}. {pet_detail}", "proposer des noms pour un {pet}"],
    ["D'où vient l'expression « {idiom} » ?", "expliquer l'origine d'une expression"],
  ],
  "slots": {
    "n_facts": ["trois", "cinq", "quelques"],
    "animal": ["les pieuvres", "les manchots", "les abeilles", "les corbeaux", "les éléphants"],
    "pet": ["chaton", "cochon d'Inde", "lapin", "poisson rouge"],
    "pet_detail": ["Il est très timide.", "Quelque chose de drôle, si possible.", ""],
    "idiom": ["poser un lapin", "coûter les yeux de la tête", "avoir le cafard", "tomber dans les pommes"],
  },
  "trace": [
    "C'est une demande légère, la réponse peut être amusante.", "Mais les faits doivent être exacts.",
  ],
  "styles": ["list", "prose"],
  "answer": {
    "intro": ["Avec plaisir ! En voici quelques-uns :", "Bien sûr, voilà :"],
    "points": ["Un classique", "Une surprise", "Un choix amusant", "Mon préféré"],
    "body": [
      "Celle-ci surprend presque tout le monde.", "C'est simple et ça reste en tête.",
      "Il y a une jolie histoire derrière.", "Ça fait sourire à chaque fois.",
    ],
    "outro": ["Amuse-toi bien !", "Dis-moi si tu en veux d'autres."],
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
    "open": ["Bonjour !", "Salut !", "Bonsoir !", "Petite question :", "Bonjour, j'ai besoin d'aide."],
    "close": [
      "Merci d'avance !", "Merci beaucoup !", "Merci pour ton aide.", "J'attends ta réponse avec impatience.",
    ],
  },
  "context": [
    "Je pose la question parce que je dois faire un exposé la semaine prochaine.",
    "Mon chef en a parlé en réunion et je n'ai rien compris.",
    "J'ai lu plusieurs articles mais ils se contredisent.",
    "C'est pour un projet que je fais pendant mon temps libre.",
    "Je suis débutant, donc ne suppose pas trop de connaissances.",
    "Mes enfants me posent sans arrêt la question et je veux bien leur expliquer.",
    "Je prépare des notes pour un groupe de révision.",
    "Je travaille dans le commerce, je ne suis pas du tout spécialiste.",
    "Je n'ai qu'une heure pour comprendre le sujet.",
    "Je viens de prendre ma retraite et j'ai enfin le temps d'apprendre.",
    "On en a discuté hier soir entre amis sans trouver de réponse.",
    "J'écris un article pour le journal de notre association.",
    "Je bloque sur ce problème depuis trop longtemps.",
    "Je voudrais le comprendre assez bien pour l'expliquer aux autres.",
    "Je prépare un examen à l'université.", "J'ai écouté un podcast là-dessus dans le train ce matin.",
    "Je suis à l'aise avec les chiffres, beaucoup moins avec le jargon.",
    "Je suis enseignante et je cherche des idées pour mes cours.",
    "Il est tard et je suis fatigué, donc sois clair s'il te plaît.", "Ma sœur pense que je complique tout.",
  ],
  "near_append": ["merci", "stp", "vite", "encore", "aujourd'hui"],
  "synonyms": [
    ["expliquer", "décrire"], ["court", "bref"], ["aide", "soutien"], ["écrire", "rédiger"], ["bon", "bien"],
    ["important", "essentiel"], ["simple", "facile"],
  ],
  "slots": {
    "name": [
      "Camille", "Louis", "Chloé", "Hugo", "Léa", "Jules", "Manon", "Arthur", "Inès", "Gabriel", "Élise",
      "Théo", "Margaux", "Nathan", "Zoé", "Raphaël",
    ],
    "city": [
      "Lyon", "Nantes", "Bordeaux", "Lille", "Grenoble", "Rennes", "Montpellier", "Strasbourg", "Genève",
      "Liège",
    ],
    "product": [
      "mixeur", "casque audio", "aspirateur robot", "grille-pain", "sac à dos", "fauteuil de bureau",
      "robot de cuisine",
    ],
    "item": ["veste", "lampe", "cafetière", "chaise de bureau", "trottinette"],
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
