"""Spanish seed of the embedded sample (written for this project). Format: see en.py."""

_MATH_EXTRA = [
  "Muéstrame todos los pasos, por favor.", "Estoy repasando para un examen de mañana.",
  "¿Puedes explicar también por qué funciona el método?", "Revisa bien las cuentas, por favor.",
  "Es un ejercicio del libro de mi hija y ya no me acuerdo de nada.",
  "Mi resultado salió mal y no entiendo por qué.",
]

_EXPLAIN_ANSWER = {
  "intro": [
    "¡Buena pregunta! Aquí tienes una explicación clara sobre «{subject}».",
    "El tema «{subject}» parece complicado, pero la idea básica es bastante sencilla.",
    "Vamos a verlo paso a paso.",
  ],
  "points": [
    "La idea básica", "Cómo funciona", "Un ejemplo cotidiano", "Por qué es importante", "Un error común",
    "En resumen",
  ],
  "body": [
    "En el fondo, se trata de entender cómo una causa lleva a un efecto predecible.",
    "Piensa en algo que haces todos los días: cada paso depende del anterior.",
    "Lo importante es el mecanismo, no el vocabulario técnico.",
    "Cuando reconoces el patrón, empiezas a verlo en todas partes.",
    "Un error frecuente es creer que todo ocurre de golpe.",
    "Pequeños cambios al principio pueden tener grandes consecuencias con el tiempo.",
    "Hay excepciones, pero se entienden mejor cuando la regla general está clara.",
    "Puedes imaginarlo como un sistema con entradas, un proceso y resultados.",
    "Una vez entendido esto, los temas relacionados resultan mucho más fáciles.",
    "En la práctica, este principio aparece más a menudo de lo que pensamos.",
    "Los especialistas usan términos precisos, pero primero hace falta la intuición.",
  ],
  "outro": [
    "¡Espero que te sirva! Pregunta sin problema si algo no queda claro.",
    "En resumen: primero entiende el mecanismo y los detalles vendrán solos.",
  ],
}

_TRACE = {
  "open": [
    "Vale, tengo que {task}. A ver cómo lo enfoco.", "Bien, la tarea es {task}. Voy a dividirlo en partes.",
    "Mmm, me piden {task}. ¿Qué sé yo sobre esto?",
    "Vale, el usuario quiere que le ayude a {task}. ¿Por dónde empiezo?",
  ],
  "connect": [
    "Mmm,", "Espera,", "En realidad,", "Por otro lado,", "Ah, claro,", "Entonces,", "Bueno,", "Además,",
    "A ver.", "Aun así,", "Quizás", "Mmm, en realidad,",
  ],
  "clause": [
    "debería empezar por lo básico antes de entrar en detalles.",
    "no tengo que complicarlo más de la cuenta.", "tengo que comprobar que esta parte es correcta.",
    "un ejemplo concreto ayudaría aquí.", "el usuario seguramente quiere algo práctico y no tanta teoría.",
    "no debo dejar fuera nada importante, pero tampoco irme por las ramas.",
    "hay un matiz aquí que es fácil pasar por alto.",
    "sería mejor organizarlo en unas pocas secciones claras.", "un pequeño resumen al final podría ayudar.",
    "el orden importa: primero lo sencillo y luego lo difícil.", "ese ejemplo quizá no sea el mejor.",
    "vale la pena mencionar un error muy común.", "el tono tiene que ser cercano y claro.",
    "tengo que centrarme en lo que realmente se pregunta.",
    "una comparación con la vida diaria lo haría más claro.", "eso ya lo he dicho, no hace falta repetirlo.",
  ],
  "sentence": [
    "Vamos paso a paso.", "Hasta aquí tiene sentido.", "¿Se me escapa algo obvio?",
    "Bien, esta parte está clara.", "Lo voy a decir de forma más sencilla.",
    "Creo que le estoy dando demasiadas vueltas.", "Vuelvo a la pregunta original.",
    "Sí, encaja con lo que dije antes.", "Apunto rápidamente la estructura.",
  ],
  "doubt": [
    "Espera, ¿eso es cierto? Lo pienso otra vez.", "Mmm, no estoy seguro.", "Espera, ¿lo he dicho al revés?",
    "No, no es exactamente así.",
  ],
  "drafting": ["Quizás algo como: «{s}»", "¿Y esta frase?: «{s}» Suena bien.", "Podría escribir: «{s}»"],
  "verify": ["Lo compruebo otra vez:", "Por si acaso:", "Vuelvo a calcularlo:"],
  "close": [
    "Vale, creo que ya lo tengo todo. Escribo la respuesta.", "Bien, con esto basta. Paso a la respuesta.",
    "Perfecto, ahora redacto la respuesta con cuidado.",
  ],
  "loop": [
    "Espera, lo reviso de nuevo.", "Mmm, ¿y si me equivoqué al principio?",
    "Lo repaso desde el principio, por si acaso.", "No, espera. Lo reconsidero.",
    "Ya lo comprobé, pero una vez más para estar seguro.",
  ],
  "short": ["Vale, {task}. Es sencillo, respondo brevemente.", "Me piden {task}. Sin problema."],
}

_MATH = {
  "step": ["Entonces {f}.", "Eso da {f}.", "Calculo: {f}.", "Luego {f}.", "Después {f}."],
  "check": ["Comprobación: con {result} todo cuadra.", "Reviso el resultado {result} al revés: correcto."],
  "intro": ["Esta es la resolución:", "Paso a paso:", "Solución:"],
  "final": "**Respuesta:** {result}",
}

_LOGIC = {
  "list_sep": ", ",
  "ordinal": ["primer", "segundo", "tercer", "cuarto", "quinto"],
  "order_clue": {
    "before": ["{a} llegó a la meta antes que {b}.", "{b} terminó en algún puesto por detrás de {a}."],
    "right_before": ["{a} llegó justo antes que {b}.", "{b} terminó inmediatamente después de {a}."],
    "not_next": ["{a} y {b} no llegaron uno detrás del otro."],
    "not_pos": ["{a} no terminó en {b} lugar."],
    "pos": ["{a} terminó en {b} lugar."],
  },
  "clue_step": ["Pista {i}: «{clue}» Eso descarta varios órdenes.", "Ahora la pista {i}: «{clue}»"],
  "order_found": ["Así que solo queda una posibilidad: {order}.", "Juntándolo todo, sale: {order}."],
  "order_intro": ["Aplicando las pistas una a una, solo queda un orden posible:"],
  "diffs": ["Las diferencias entre los números son {d}.", "Miremos los saltos: {d}."],
  "seq_found": ["Así que el siguiente número es {next}.", "Con la misma regla, sale {next}."],
  "seq_answer": ["El siguiente número de la serie {seq} es **{next}**."],
}

_EXTRACTION = {
  "labels": {"positive": "positivo", "negative": "negativo", "mixed": "mixto"},
  "pos": [
    "El {product} llegó dos días antes y funciona perfectamente.",
    "Sinceramente, es el mejor {product} que he tenido.", "La instalación me llevó solo cinco minutos.",
    "Parece resistente y muy bien acabado.", "El servicio de atención al cliente me contestó en una hora.",
    "Toda la familia lo usa a diario.", "La relación calidad-precio es excelente.",
    "Lo volvería a comprar sin dudarlo.",
  ],
  "neg": [
    "El {product} dejó de funcionar a la semana.", "Los botones parecen muy baratos.",
    "El envío tardó casi un mes.", "Hace mucho más ruido de lo que esperaba.",
    "El servicio técnico nunca respondió a mis correos.", "Las instrucciones son confusas e incompletas.",
    "Por ese precio esperaba mucha más calidad.", "Todavía estoy esperando el reembolso.",
  ],
  "judge": ["El cliente escribe: «{s}»", "Siguiente frase: «{s}»"],
  "decide": ["En conjunto, el tono es {result}.", "Así que la etiqueta debería ser {result}."],
  "label_answer": ["**{result}**", "Sentimiento: {result}"],
  "domains": ["ejemplo.es", "example.org", "mail.example.net"],
  "email_users": ["contacto", "oficina"],
  "months": [
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
    "noviembre", "diciembre",
  ],
  "date_fmt": "{d} de {mn} de {y}",
  "entity_lines": [
    "Por favor, envía el formulario firmado a {who} ({email}) antes del {date}.",
    "{who} ({email}) confirmó el taller del {date}.",
    "Puedes escribir a {who} a {email}; el plazo termina el {date}.",
  ],
  "entity_filler": [
    "Avísame si cambia algo.", "La sala del segundo piso está reservada.", "La comida está incluida.",
    "El orden del día va adjunto a este mensaje.",
  ],
  "found": ["Encuentro a {who}, con el correo {email} y la fecha {date}."],
}

_CODE = {
  "tasks": {
    "palindrome": "compruebe si una cadena es un palíndromo sin distinguir mayúsculas",
    "word_freq": "cuente cuántas veces aparece cada palabra en un texto",
    "flatten": "aplane una lista anidada de cualquier profundidad",
    "binary_search": "haga una búsqueda binaria en una lista ordenada",
    "is_prime": "compruebe si un número es primo",
    "fibonacci": "devuelva los primeros n números de Fibonacci sin recursión",
    "dedupe": "elimine duplicados de una lista manteniendo el orden",
    "roman": "convierta números romanos a enteros",
    "moving_avg": "calcule una media móvil sobre una lista de números",
    "debounce": "aplique debounce a otra función",
    "leap_year": "determine si un año es bisiesto",
    "second_largest": "encuentre el segundo número más grande de una lista",
  },
  "units": {"default": "función"},
  "steps": [
    "Necesito una función {fname} que {desc}.",
    "Los casos límite importan: entrada vacía, un solo elemento, valores raros.",
    "En {plang} un bucle sencillo es probablemente lo más claro, pero miro también las funciones integradas.",
    "¿Qué debería devolver la función si la entrada no es válida?",
    "Un comentario breve dejaría clara la intención.",
  ],
  "draft": ["Empiezo con algo como `{line}`."],
  "verify": [
    "Recorro un ejemplo pequeño a mano para comprobarlo.", "Con una entrada vacía también funciona.",
  ],
  "intro": ["Aquí tienes una implementación en {plang}:", "Así se podría escribir en {plang}:"],
  "how": ["**Cómo funciona:**", "**Notas:**"],
  "notes": [
    "Los casos límite como una entrada vacía se manejan sin errores.",
    "`{fname}` no tiene efectos secundarios y es fácil de probar.",
    "El código es sencillo a propósito para que se lea bien.", "No hace falta ninguna biblioteca externa.",
    "Convendría añadir algunas pruebas unitarias con casos límite.",
  ],
}

_EXPLANATION_CONCEPT = {
  "name": "concept",
  "weight": 2,
  "frames": [
    ["¿Me puedes explicar {subject} de forma que lo entienda {audience}?", "explicar {subject} a {audience}"],
    ["Nunca he entendido bien {subject}. ¿Cómo funciona exactamente?", "explicar cómo funciona {subject}"],
    [
      "¿Qué es exactamente {subject} y por qué es importante en la vida diaria?",
      "explicar qué es {subject} y por qué importa",
    ],
    [
      "Explícame {subject} con palabras sencillas, a poder ser con una comparación de la vida cotidiana.",
      "explicar {subject} de forma sencilla con una comparación",
    ],
  ],
  "slots": {
    "subject": [
      "la fotosíntesis", "el interés compuesto", "el efecto invernadero", "la inflación",
      "el sistema inmunológico", "la oferta y la demanda", "la tectónica de placas", "el ciclo del agua",
      "la selección natural", "la separación de poderes", "la entropía", "el aprendizaje automático",
      "el efecto placebo", "la cadena de bloques", "la teoría de la relatividad", "la recursividad",
      "las mareas", "el cifrado en internet", "los agujeros negros", "la resistencia a los antibióticos",
    ],
    "audience": [
      "un niño de diez años", "mi abuela", "un principiante total", "alguien que odia las matemáticas",
      "una clase de secundaria", "mi jefe",
    ],
  },
  "extra": ["Sin tecnicismos, por favor.", "Un ejemplo me vendría genial.", "Puedes extenderte."],
  "trace": [
    "El núcleo de «{subject}» es más sencillo de lo que parece.",
    "Para {audience} tengo que evitar los tecnicismos.", "Una comparación con la vida diaria podría ayudar.",
    "Primero qué es, luego cómo funciona y después por qué importa.",
  ],
  "answer": _EXPLAIN_ANSWER,
  "answer_frac": 0.3,
}

_EXPLANATION_SCIENCE_QA = {
  "name": "science_qa",
  "frames": [
    ["¿Por qué {phenomenon}? Me interesa el mecanismo real.", "explicar por qué {phenomenon}"],
    [
      "Mi hijo me preguntó por qué {phenomenon} y no supe qué decirle. ¿Cuál es la explicación científica?",
      "explicar científicamente por qué {phenomenon}",
    ],
  ],
  "slots": {
    "phenomenon": [
      "el cielo es azul", "el hielo flota en el agua", "la cebolla nos hace llorar",
      "se nos pone la piel de gallina", "las hojas cambian de color en otoño", "el mar es salado",
      "el pan se pone duro", "bostezamos", "la luna tiene fases", "las estrellas titilan",
      "la sal derrite el hielo de las carreteras", "existen las estaciones",
    ],
    "subject": ["este fenómeno"],
  },
  "trace": [
    "La explicación popular es solo parte de la verdad.", "Debería describir el mecanismo físico.",
    "Un pequeño experimento casero sería un buen complemento.",
  ],
  "answer": _EXPLAIN_ANSWER,
}

_WRITING_POEM = {
  "name": "poem",
  "frames": [
    ["Escríbeme un {form} sobre {poem_subject}.", "escribir un {form} sobre {poem_subject}"],
    [
      "Necesito un {form} para {occasion}. El tema tiene que ser {poem_subject}.",
      "escribir un {form} para {occasion}",
    ],
  ],
  "slots": {
    "form": ["poema corto", "soneto", "poema con rima", "poema de cuatro estrofas"],
    "poem_subject": [
      "un faro al amanecer", "la primera nevada", "la cocina de mi abuela", "un bosque después de la lluvia",
      "el último día del verano", "una estación de tren abandonada", "las aves migratorias",
      "el mar de noche",
    ],
    "occasion": [
      "el cumpleaños de mi madre", "una boda", "una despedida en el trabajo", "la revista del colegio",
    ],
  },
  "trace": [
    "Las imágenes deben sostener el poema, no las rimas.",
    "Un primer verso fuerte y un final que lo recuerde.",
  ],
  "styles": ["poem"],
  "answer": {
    "title": [
      "Luz de la mañana", "Lo que guarda la marea", "Horas tranquilas", "Después de la lluvia", "Regreso",
    ],
    "lines": [
      "La luz llega despacio, gris y luego dorada,", "y todo lo que toca queda en calma.",
      "Una ventana guarda un poco de la noche,", "la tetera canta y el día se despierta.",
      "Guardo cerca de mí las cosas sencillas,", "las ramas desnudas, el cielo que tiembla.",
      "El camino sube más allá de las colinas,", "la tarde huele a lluvia y a harina.",
      "Llevábamos canciones en las manos,", "como agua derramada sobre la arena.",
      "Y si el invierno llega demasiado pronto,", "la luna prestará su plata a los barcos.",
    ],
  },
}

_WRITING_LETTER = {
  "name": "letter",
  "frames": [
    ["Escribe una {letter_kind} a {recipient} para {purpose}.", "escribir una {letter_kind} a {recipient}"],
    ["Ayúdame a redactar un correo a {recipient}: quiero {purpose}.", "redactar un correo a {recipient}"],
  ],
  "slots": {
    "letter_kind": ["carta educada", "carta breve", "carta formal"],
    "recipient": [
      "mi casero", "la maestra de mi hijo", "el ayuntamiento", "mi vecino", "mi banco", "mi equipo",
    ],
    "purpose": [
      "pedir que arreglen la calefacción", "quejarme del ruido por la noche", "agradecer su apoyo",
      "pedir una cita la semana que viene", "reclamar un recargo por retraso",
    ],
    "recipient_name": ["señora García", "señor López", "señora Martín", "equipo"],
  },
  "trace": [
    "El tono importa tanto como el contenido.",
    "La petición tiene que quedar clara en las dos primeras frases.",
  ],
  "styles": ["letter"],
  "answer": {
    "greeting": ["Estimada/o {recipient_name}:", "Hola, {recipient_name}:"],
    "body": [
      "Espero que se encuentre bien.", "Le escribo por un asunto que considero importante.",
      "Le agradecería que pudiéramos concertar una cita en los próximos días.",
      "Adjunto los documentos correspondientes.", "Gracias por su paciencia y comprensión.",
      "Quedo a su disposición para cualquier información adicional.",
      "Estoy seguro de que una breve conversación bastará para resolverlo.",
    ],
    "outro": ["Muchas gracias de antemano.", "Quedo a la espera de su respuesta."],
    "signoff": ["Un cordial saludo,\n{name}", "Atentamente,\n{name}"],
  },
}

_WRITING_STORY = {
  "name": "story",
  "frames": [
    ["Escribe un cuento corto sobre {premise}.", "escribir un cuento corto sobre {premise}"],
    [
      "Cuéntame una historia {genre} para dormir sobre {premise}, de unas {words} palabras.",
      "contar un cuento para dormir sobre {premise}",
    ],
  ],
  "slots": {
    "premise": [
      "un robot que aprende a cultivar un huerto", "un dragón que tiene vértigo", "una biblioteca secreta",
      "un pueblo donde nunca deja de nevar", "una gata que lleva una librería",
      "una viajera del tiempo atrapada en 1987",
    ],
    "genre": ["divertida", "emocionante", "tranquila", "mágica"],
    "words": ["300", "500", "800"],
  },
  "trace": [
    "Un personaje, un deseo, un obstáculo.", "La primera frase tiene que meter al lector en la acción.",
  ],
  "styles": ["prose"],
  "answer": {
    "intro": ["**La máquina silenciosa**", "**El último tren**", "**Farolillos de papel**"],
    "body": [
      "Nadie en {city} esperaba nada fuera de lo común aquella mañana.",
      "{name} siempre había creído que las decisiones pequeñas importaban más que las grandes.",
      "—¿Estás seguro? —preguntó {name}, aunque la respuesta era evidente.",
      "Durante un largo rato no se movió nada, salvo el reloj de la pared.",
      "La puerta crujió y apareció una figura que nadie conocía.",
      "Años después, en {city} todavía discutían sobre lo que había pasado de verdad.",
      "Sobre la mesa había una nota escrita con letra cuidadosa e inclinada.",
      "Y por primera vez en semanas, {name} durmió sin soñar.",
    ],
    "outro": ["*Fin.*", "Y aquello solo era el principio."],
  },
  "answer_frac": 0.45,
}

_SUMMARY_ARTICLE = {
  "name": "article",
  "gen": "summary.article",
  "frames": [
    ["Resume el siguiente texto en tres puntos:\n\n{passage}", "resumir un texto en tres puntos"],
    [
      "No tengo tiempo de leerlo todo. ¿Cuál es la idea principal de este texto?\n\n{passage}",
      "sacar la idea principal de un texto",
    ],
    [
      "¿Puedes hacer un resumen breve de este artículo para mi equipo?\n\n{passage}",
      "resumir un artículo para un equipo",
    ],
  ],
  "slots": {"n1": ["12", "18", "25", "40"], "n2": ["3", "8", "14", "27"]},
  "themes": [
    {
      "title": "los carriles bici de {city}",
      "text": [
        "El ayuntamiento de {city} aprobó el martes una red de carriles bici protegidos.",
        "El plan prevé {n1} kilómetros de carriles nuevos en los próximos tres años.",
        "Sus defensores esperan más seguridad para niños y personas mayores.",
        "Algunos comerciantes temen que la pérdida de aparcamiento perjudique sus ventas.",
        "El coste ronda los {n2} millones de euros, en parte financiados por la comunidad autónoma.",
        "Las obras del primer tramo empezarán en primavera.",
        "En una ciudad vecina, un proyecto parecido redujo claramente los accidentes.",
        "Los críticos opinan que el dinero debería destinarse a arreglar calles.",
        "El ayuntamiento promete revisar el plan al cabo de un año.",
        "Cada mes habrá una reunión pública para recoger opiniones.",
      ],
      "summary": [
        "{city} construirá una red de carriles bici protegidos en tres años.",
        "Los defensores esperan más seguridad y los comerciantes temen por el aparcamiento.",
        "Las obras empiezan en primavera y se hará balance tras un año.",
      ],
    },
    {
      "title": "un estudio sobre pantallas y sueño",
      "text": [
        "Un nuevo estudio con varios cientos de adolescentes relaciona el uso nocturno de pantallas con dormir menos.",
        "Quienes usaban el móvil en la cama dormían de media {n1} minutos menos.",
        "Los investigadores midieron el sueño durante seis semanas con pulseras.",
        "El efecto era mayor en las noches antes de ir al colegio.",
        "La luz intensa puede retrasar la liberación de melatonina, la hormona del sueño.",
        "Sin embargo, el estudio no demuestra una relación de causa y efecto.",
        "Los adolescentes que leían un libro en papel se dormían antes.",
        "Los autores recomiendan dejar el móvil fuera del dormitorio por la noche.",
        "Algunos expertos creen que el estrés y los deberes pesan igual.",
        "Un estudio posterior analizará si un toque de queda digital mejora las notas.",
      ],
      "summary": [
        "Según un estudio, los adolescentes que usan pantallas por la noche duermen menos.",
        "La relación es clara, pero no se ha demostrado la causa.",
        "Se recomienda dejar el móvil fuera del dormitorio.",
      ],
    },
  ],
  "trace": [
    "La idea principal tiene que ir primero.", "Puedo omitir las cifras secundarias.",
    "Me mantengo neutral, sin opiniones añadidas.",
  ],
  "styles": ["summary"],
  "answer": {
    "intro": ["Aquí tienes el resumen:", "**Resumen:**", "Los puntos clave:"],
    "outro": ["Dime si lo quieres más largo."],
  },
}

_IDEATION_BRAINSTORM = {
  "name": "brainstorm",
  "shuffle_points": True,
  "frames": [
    ["Dame {n} ideas para {goal}.", "buscar ideas para {goal}"],
    [
      "Me he quedado sin ideas. ¿Me ayudas a pensar opciones para {goal}? {constraint}",
      "pensar opciones para {goal}",
    ],
    ["¿Qué enfoques creativos se te ocurren para {goal}?", "proponer enfoques creativos para {goal}"],
  ],
  "slots": {
    "n": ["cinco", "diez", "algunas", "siete"],
    "goal": [
      "el cumpleaños de un niño de siete años", "el nombre de una cafetería",
      "una actividad de equipo en teletrabajo", "reducir el plástico en casa",
      "un proyecto para la feria de ciencias", "un pódcast sobre historia local", "un fin de semana lluvioso",
      "que un piso pequeño parezca más grande",
    ],
    "constraint": [
      "El presupuesto es ajustado.", "Tiene que ser bajo techo.", "Solo tenemos una semana.", "",
    ],
  },
  "trace": ["Mezclo ideas seguras con algunas más atrevidas.", "Cada idea necesita una breve justificación."],
  "styles": ["list"],
  "answer": {
    "intro": [
      "Aquí tienes algunas ideas:", "¡Claro! Unas cuantas propuestas, de la más sencilla a la más ambiciosa:",
    ],
    "points": [
      "Un tema", "Apostar por lo local", "El clásico barato", "Que todos participen", "Un toque sorpresa",
      "Versión digital",
    ],
    "body": [
      "Es fácil de organizar y funciona con grupos de cualquier tamaño.", "Cuesta casi nada y se recuerda.",
      "Empieza con poco, mira qué funciona y luego amplía.", "Un tema claro facilita la organización.",
      "Los socios locales suelen ayudar a cambio de visibilidad.", "Unas fotos después alargan el efecto.",
    ],
    "outro": ["¡Elige dos o tres y pruébalas!", "¿Quieres que desarrolle alguna?"],
  },
}

_ADVICE_PERSONAL = {
  "name": "personal",
  "frames": [
    ["{situation} ¿Qué debería hacer?", "dar un consejo sobre esta situación: {situation}"],
    ["Necesito un consejo. {situation} ¿Cómo lo llevarías tú?", "aconsejar sobre una situación personal"],
    ["{situation} ¿Cómo lo hablo sin empeorar las cosas?", "proponer cómo abordar el tema"],
  ],
  "slots": {
    "situation": [
      "Mi mejor amiga siempre cancela los planes a última hora.",
      "Me siento quemado en el trabajo, pero no puedo dejarlo.", "Mi compañero de piso nunca limpia nada.",
      "Quiero pedir un aumento de sueldo, pero me da miedo la respuesta.",
      "Mis padres no aprueban la carrera que he elegido.",
      "Lo dejo todo para mañana, incluso lo que me gusta.",
      "Me mudé a otra ciudad y todavía no tengo amigos.",
      "Un compañero presenta mis ideas como suyas en las reuniones.",
      "Tengo dos ofertas de trabajo y no sé cuál elegir.",
      "Tengo que dar un discurso en la boda de mi hermana y estoy muy nervioso.",
    ],
  },
  "extra": ["Esto dura desde hace meses.", "No quiero estropear la relación.", "Sé sincero conmigo."],
  "trace": [
    "La persona parece agobiada, así que el tono debe ser de apoyo, no de sermón.",
    "Los pasos concretos ayudan más que el consuelo general.",
  ],
  "answer": {
    "intro": [
      "Suena realmente agotador, y está bien que lo pienses con calma.",
      "Primero: lo que sientes es totalmente comprensible.",
    ],
    "points": [
      "Aclarar la situación", "Una conversación sincera", "Poner límites", "Cuidarte", "Valorar las opciones",
    ],
    "body": [
      "Intenta resumir la situación en una frase; ayuda a ver qué importa de verdad.",
      "Una conversación tranquila a solas funciona mejor que las indirectas.",
      "Habla de cómo te sientes en lugar de acusar.",
      "Tienes derecho a poner límites, incluso con gente querida.",
      "Apunta tus opciones y lo que te costaría cada una.",
      "Los pasos pequeños y constantes valen más que los grandes propósitos.",
      "Hablar con alguien de confianza puede darte otra perspectiva.",
    ],
    "outro": ["Vas a poder con esto. Paso a paso.", "Decidas lo que decidas, sé amable contigo."],
  },
}

_ANALYSIS_COMPARE = {
  "name": "compare",
  "frames": [
    ["Compara {a_b} para {purpose}.", "comparar {a_b} para {purpose}"],
    [
      "¿Qué ventajas y desventajas tiene {a_b}? Tengo que decidirme pronto.",
      "sopesar ventajas y desventajas de {a_b}",
    ],
    ["{a_b}: ¿qué es mejor para {purpose} y por qué?", "decidir qué conviene más a {purpose}"],
  ],
  "slots": {
    "a_b": [
      "alquilar o comprar una vivienda", "Python o JavaScript", "coche eléctrico o híbrido",
      "tren o avión dentro de Europa", "teletrabajo u oficina", "libro en papel o lector electrónico",
      "fondos indexados o acciones sueltas", "ciudad o pueblo",
    ],
    "purpose": ["una familia joven", "una pequeña empresa", "un principiante", "un presupuesto ajustado"],
  },
  "trace": [
    "Hay que comparar ambas opciones con los mismos criterios.",
    "Coste, comodidad y efectos a largo plazo son lo principal.",
  ],
  "styles": ["sections", "list"],
  "answer": {
    "intro": ["Las dos opciones tienen puntos fuertes reales; depende de tus prioridades."],
    "points": ["Coste", "Comodidad", "Flexibilidad", "Largo plazo", "Conclusión"],
    "body": [
      "La primera opción cuesta más al principio, pero menos a la larga.",
      "La segunda es más flexible, algo importante si tus planes pueden cambiar.",
      "Los costes ocultos se subestiman con facilidad.",
      "Para un principiante, la sencillez suele pesar más que el rendimiento.",
      "Ninguna es una mala elección; simplemente priorizan cosas distintas.",
    ],
    "outro": ["En resumen: elige según tu presupuesto y el tiempo que quieras comprometerte."],
  },
}

_ROLEPLAY_CHARACTER = {
  "name": "character",
  "frames": [
    ["Eres {character}. {scene} No salgas del personaje.", "mantenerse en el papel de {character}"],
    [
      "Hagamos un juego de rol. Tú eres {character} y yo te pregunto: {question}",
      "responder como {character}",
    ],
  ],
  "slots": {
    "character": [
      "un herrero medieval", "un capitán pirata gruñón", "una IA de estación espacial muy amable",
      "un viejo bibliotecario", "una adivina de feria", "un sereno de una ciudad antigua",
    ],
    "scene": [
      "Fuera hay una tormenta terrible.", "Entra un desconocido con un mapa extraño.", "Es día de mercado.",
    ],
    "question": ["¿Qué es lo más difícil de tu oficio?", "¿Qué es lo más raro que has visto nunca?"],
  },
  "trace": ["El personaje necesita una voz propia.", "Unas acciones entre asteriscos le darán ambiente."],
  "styles": ["prose"],
  "answer": {
    "intro": [
      "*levanta la vista despacio* Vaya, vaya. No esperaba visita esta noche.",
      "*se limpia las manos en el delantal* Ah, pasa, pasa.",
    ],
    "body": [
      "La mayoría de los días son más tranquilos de lo que cuentan las historias.",
      "*se inclina hacia delante* Pero de vez en cuando pasa algo que nadie creería.",
      "Llevo en esto más tiempo del que tú llevas en el mundo, seguro.",
      "El truco es la paciencia. Paciencia y una buena taza de algo caliente.",
      "*se ríe bajito* Tranquilo, no muerdo.",
    ],
    "outro": ["*arquea una ceja* Bueno, ¿qué va a ser?", "Ahora te toca a ti. ¿Cuál es tu historia?"],
  },
}

_MATH_SPEED = {
  "name": "speed",
  "gen": "math.speed",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    ["{name} recorre {d} km en {t} horas. ¿Cuál fue su velocidad media?", "calcular una velocidad media"],
    [
      "Un tren recorre {d} kilómetros en {t} horas a ritmo constante. ¿A qué velocidad va en km/h?",
      "hallar la velocidad del tren",
    ],
  ],
  "trace": ["La velocidad media es la distancia dividida entre el tiempo."],
}

_MATH_PERCENT = {
  "name": "percent",
  "gen": "math.percent",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "Una {item} cuesta {p} euros y tiene un descuento del {r} %. ¿Cuál es el precio final?",
      "calcular un precio con descuento",
    ],
    [
      "{name} quiere comprar algo que vale {p} euros y hoy hay un {r} por ciento de descuento. ¿Cuánto pagará {name}?",
      "calcular el precio tras el descuento",
    ],
  ],
  "trace": ["El descuento es un porcentaje del precio original."],
}

_MATH_LINEAR = {
  "name": "linear",
  "gen": "math.linear",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    ["Resuelve la siguiente ecuación y explica cada paso: {eq}", "resolver una ecuación lineal"],
    [
      "Estoy atascado con este ejercicio de los deberes: {eq}. ¿Cómo despejo la x?",
      "ayudar a despejar x en una ecuación",
    ],
  ],
  "trace": ["Hay que despejar x: primero pasar la constante al otro lado."],
}

_MATH_RECTANGLE = {
  "name": "rectangle",
  "gen": "math.rectangle",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "Un jardín rectangular mide {w} m de ancho y {h} m de largo. ¿Cuánta valla hace falta y cuál es su superficie?",
      "calcular el perímetro y el área de un jardín",
    ],
    [
      "Mi salón mide {w} por {h} metros. ¿Cuál es el perímetro y cuántos metros cuadrados de suelo necesito?",
      "calcular el perímetro y la superficie de una habitación",
    ],
  ],
  "trace": ["El perímetro es dos veces la suma de los lados; el área, largo por ancho."],
}

_MATH_AVERAGE = {
  "name": "average",
  "gen": "math.average",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    ["Este trimestre {name} sacó estas notas: {scores}. ¿Cuál es su nota media?", "calcular una nota media"],
    ["Calcula la media de estos {n} valores de nuestra encuesta: {scores}.", "calcular una media"],
  ],
  "trace": ["La media es la suma dividida entre el número de valores."],
}

_MATH_COMBINATION = {
  "name": "combination",
  "gen": "math.combination",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "¿De cuántas maneras se puede formar un comité de {k} personas a partir de {n}?",
      "contar las elecciones posibles",
    ],
    [
      "Un entrenador elige {k} jugadores de entre {n} para un torneo. ¿Cuántas selecciones distintas hay si el orden no importa?",
      "contar selecciones sin orden",
    ],
  ],
  "trace": ["El orden no importa, así que es una combinación."],
}

_CODE_TASK = {
  "name": "task",
  "gen": "code.task",
  "frames": [
    ["Escribe una función en {plang} que {desc}.", "escribir una función en {plang} que {desc}"],
    [
      "¿Me ayudas a escribir una función de {plang} que {desc}? {code_ctx}",
      "escribir una función de {plang} que {desc}",
    ],
    [
      "{code_ctx} ¿Cómo harías en {plang} una función que {desc}? Con una breve explicación, por favor.",
      "hacer en {plang} una función que {desc}",
    ],
  ],
  "slots": {
    "code_ctx": [
      "Estoy haciendo una pequeña herramienta para mi tienda.", "Es para practicar antes de una entrevista.",
      "Forma parte de un script de limpieza de datos.", "Mi versión es lenta y desordenada.",
    ],
  },
  "extra": ["Con un ejemplo de uso, por favor.", "Mejor legible que ingenioso.", "Sin librerías externas."],
}

_LOGIC_ORDER = {
  "name": "order",
  "gen": "logic.order",
  "frames": [
    [
      "{names} hicieron una carrera. Averigua el orden de llegada con estas pistas:\n{clues}",
      "averiguar el orden de llegada",
    ],
    [
      "Acertijo: {n} amigos ({names}) corrieron sin empates. Esto es lo que sabemos:\n{clues}\n¿Quién llegó en qué puesto?",
      "resolver un acertijo de orden de llegada",
    ],
  ],
}

_LOGIC_SEQUENCE = {
  "name": "sequence",
  "gen": "logic.sequence",
  "frames": [
    [
      "¿Qué número sigue en esta serie: {seq}, ...? Explica el patrón.",
      "encontrar el siguiente número de una serie",
    ],
    [
      "Encontré esta serie en un libro de pasatiempos: {seq}. ¿Cuál es el siguiente término y por qué?",
      "hallar el siguiente término",
    ],
  ],
}

_EXTRACTION_SENTIMENT = {
  "name": "sentiment",
  "gen": "extraction.sentiment",
  "frames": [
    [
      "¿El tono de esta reseña es positivo, negativo o mixto? Responde con una sola palabra.\n\nReseña: {review}",
      "clasificar el tono de una reseña",
    ],
    [
      "Clasifica esta opinión sobre un producto como positiva, negativa o mixta:\n\n«{review}»",
      "clasificar una opinión",
    ],
  ],
}

_EXTRACTION_ENTITIES = {
  "name": "entities",
  "gen": "extraction.entities",
  "frames": [
    [
      "Extrae todos los nombres, direcciones de correo y fechas del siguiente mensaje y devuélvelos en JSON (claves name, email, date).\n\n{text}",
      "extraer nombres, correos y fechas en JSON",
    ],
  ],
}

_OTHER_MISC = {
  "name": "misc",
  "shuffle_points": True,
  "frames": [
    ["Cuéntame {n_facts} datos curiosos sobre {animal}.", "contar datos curiosos sobre {animal}"],
    ["Sugiéreme algunos nombres para mi nuevo {pet}. {pet_detail}", "sugerir nombres para un {pet}"],
    ["¿De dónde viene la expresión «{idiom}»?", "explicar el origen de una expresión"],
  ],
  "slots": {
    "n_facts": ["tres", "cinco", "algunos"],
    "animal": ["los pulpos", "los pingüinos", "las abejas", "los cuervos", "los elefantes"],
    "pet": ["gatito", "conejillo de indias", "conejo", "pez"],
    "pet_detail": ["Es muy tímido.", "Algo gracioso, si puede ser.", ""],
    "idiom": ["estar en las nubes", "tomar el pelo", "costar un ojo de la cara", "ser pan comido"],
  },
  "trace": [
    "Es una petición ligera, la respuesta puede ser divertida.", "Pero los datos tienen que ser correctos.",
  ],
  "styles": ["list", "prose"],
  "answer": {
    "intro": ["¡Con gusto! Aquí van algunos:", "¡Claro, aquí tienes!"],
    "points": ["Un clásico", "Una sorpresa", "Uno divertido", "Mi favorito"],
    "body": [
      "Este sorprende a casi todo el mundo.", "Es sencillo y se queda en la cabeza.",
      "Hay una historia bonita detrás.", "Siempre saca una sonrisa.",
    ],
    "outro": ["¡Que lo disfrutes!", "Dime si quieres más."],
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
    "open": ["¡Hola!", "Hola, buenas.", "Buenas tardes.", "Una pregunta rápida:", "Hola, necesito ayuda."],
    "close": [
      "¡Gracias de antemano!", "¡Muchas gracias!", "Gracias por tu ayuda.", "Quedo atento a tu respuesta.",
    ],
  },
  "context": [
    "Lo pregunto porque la semana que viene tengo que hacer una presentación.",
    "Mi jefe lo mencionó en una reunión y me quedé en blanco.",
    "He leído varios artículos, pero se contradicen entre sí.",
    "Es para un proyecto que hago en mi tiempo libre.",
    "Soy principiante, así que no des por sentado que sé mucho.",
    "Mis hijos me lo preguntan todo el tiempo y quiero explicárselo bien.",
    "Estoy preparando apuntes para un grupo de estudio.",
    "Trabajo en ventas y no soy ningún experto en esto.", "Solo tengo una hora para entender el tema.",
    "Me acabo de jubilar y por fin tengo tiempo para aprender cosas nuevas.",
    "Lo estuvimos discutiendo anoche con unos amigos sin llegar a nada.",
    "Estoy escribiendo un artículo para la revista del barrio.",
    "Llevo demasiado tiempo atascado con este problema.",
    "Quiero entenderlo lo bastante bien como para explicárselo a otros.",
    "Estoy preparando un examen de la universidad.", "Escuché un pódcast sobre esto de camino al trabajo.",
    "Los números se me dan bien, pero la jerga técnica no tanto.",
    "Soy profesora y busco material para mis clases.",
    "Es tarde y estoy cansado, así que explícamelo con calma.", "Mi pareja dice que me complico demasiado.",
  ],
  "near_append": ["gracias", "porfa", "ahora", "rápido", "otra vez"],
  "synonyms": [
    ["explicar", "describir"], ["corto", "breve"], ["ayuda", "apoyo"], ["escribir", "redactar"],
    ["bueno", "buen"], ["importante", "clave"], ["sencillo", "fácil"],
  ],
  "slots": {
    "name": [
      "Lucía", "Mateo", "Sofía", "Diego", "Valeria", "Pablo", "Martina", "Javier", "Carmen", "Andrés",
      "Elena", "Sergio", "Paula", "Miguel", "Alba", "Hugo",
    ],
    "city": [
      "Sevilla", "Valencia", "Bilbao", "Zaragoza", "Málaga", "Granada", "Salamanca", "Córdoba", "Montevideo",
      "Rosario",
    ],
    "product": [
      "robot de cocina", "secador de pelo", "altavoz", "ventilador", "hervidor", "reloj inteligente",
      "aspirador",
    ],
    "item": ["chaqueta", "lámpara", "cafetera", "mochila", "silla de oficina"],
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
