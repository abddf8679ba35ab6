"""Portuguese seed of the embedded sample (written for this project). Format: see en.py."""

_MATH_EXTRA = [
  "Mostre todos os passos, por favor.", "Estou revisando para uma prova amanhã.",
  "Você pode explicar também por que o método funciona?", "Confira bem as contas, por favor.",
  "É um exercício do livro da minha filha e eu não lembro mais de nada.",
  "Minha resposta deu errado e não entendo o motivo.",
]

_EXPLAIN_ANSWER = {
  "intro": [
    "Ótima pergunta! Aqui vai uma explicação clara sobre “{subject}”.",
    "O tema “{subject}” parece complicado, mas a ideia básica é bem simples.",
    "Vamos ver isso passo a passo.",
  ],
  "points": [
    "A ideia básica", "Como funciona", "Um exemplo do dia a dia", "Por que isso importa", "Um erro comum",
    "Resumindo",
  ],
  "body": [
    "No fundo, trata-se de entender como uma causa leva a um efeito previsível.",
    "Pense em algo que você faz todos os dias: cada etapa depende da anterior.",
    "O que importa é o mecanismo, não o vocabulário técnico.",
    "Depois que você reconhece o padrão, passa a vê-lo em todo lugar.",
    "Um erro frequente é achar que tudo acontece de uma vez só.",
    "Pequenas mudanças no começo podem gerar grandes consequências com o tempo.",
    "Existem exceções, mas elas ficam mais fáceis de entender quando a regra está clara.",
    "Dá para imaginar isso como um sistema com entradas, um processo e resultados.",
    "Quando você entende isso, os assuntos relacionados ficam muito mais fáceis.",
    "Na prática, esse princípio aparece com mais frequência do que a gente imagina.",
    "Os especialistas usam termos precisos, mas primeiro vem a intuição.",
  ],
  "outro": [
    "Espero que ajude! Fique à vontade para perguntar se algo não ficou claro.",
    "Resumindo: entenda primeiro o mecanismo, e os detalhes virão naturalmente.",
  ],
}

_TRACE = {
  "open": [
    "Ok, então eu preciso {task}. Vamos ver como abordar isso.",
    "Certo, a tarefa é {task}. Vou dividir isso em partes.",
    "Hum, tenho que {task}. O que eu já sei sobre isso?",
    "Ok, o usuário quer que eu ajude a {task}. Por onde começo?",
  ],
  "connect": [
    "Hum,", "Espera,", "Na verdade,", "Por outro lado,", "Ah, é,", "Então,", "Bom,", "Além disso,",
    "Vejamos.", "Mesmo assim,", "Talvez", "Hum, na verdade,",
  ],
  "clause": [
    "eu deveria começar pelo básico antes de entrar nos detalhes.",
    "não posso complicar mais do que o necessário.", "preciso conferir se essa parte está mesmo correta.",
    "um exemplo concreto ajudaria bastante aqui.",
    "o usuário provavelmente quer algo prático, não só teoria.",
    "não posso deixar nada importante de fora, mas também não quero enrolar.",
    "tem um detalhe aqui que passa despercebido com facilidade.",
    "seria melhor organizar isso em poucas seções bem claras.", "um pequeno resumo no final poderia ajudar.",
    "a ordem importa: primeiro o simples, depois o mais difícil.", "esse exemplo talvez não seja o melhor.",
    "vale a pena mencionar um erro muito comum.", "o tom precisa ser próximo e claro.",
    "preciso focar no que realmente foi perguntado.",
    "uma comparação com o cotidiano deixaria isso mais claro.", "isso eu já disse, não preciso repetir.",
  ],
  "sentence": [
    "Vamos passo a passo.", "Até aqui faz sentido.", "Será que estou esquecendo algo óbvio?",
    "Certo, essa parte está sólida.", "Vou dizer isso de um jeito mais simples.",
    "Acho que estou pensando demais.", "Voltando à pergunta original.",
    "Sim, isso bate com o que eu disse antes.", "Vou anotar rapidamente a estrutura.",
  ],
  "doubt": [
    "Espera, isso é verdade mesmo? Vou pensar de novo.", "Hum, não tenho certeza.",
    "Espera, será que inverti as coisas?", "Não, não é bem assim.",
  ],
  "drafting": ["Talvez algo como: “{s}”", "E esta frase: “{s}” Soa bem.", "Eu poderia escrever: “{s}”"],
  "verify": ["Vou conferir de novo:", "Só por garantia:", "Refazendo a conta:"],
  "close": [
    "Ok, acho que já tenho tudo. Vou escrever a resposta.", "Certo, isso deve bastar. Agora a resposta.",
    "Perfeito, agora vou redigir a resposta com cuidado.",
  ],
  "loop": [
    "Espera, vou revisar de novo.", "Hum, e se eu errei lá no começo?",
    "Vou refazer tudo desde o início, por garantia.", "Não, espera. Vou reconsiderar.",
    "Já conferi isso, mas mais uma vez para ter certeza.",
  ],
  "short": ["Ok, {task}. É simples, vou responder rapidinho.", "Pediram para {task}. Sem problema."],
}

_MATH = {
  "step": ["Então {f}.", "Isso dá {f}.", "Calculando: {f}.", "Depois {f}.", "Em seguida, {f}."],
  "check": [
    "Conferindo: com {result}, tudo bate.", "Verifico o resultado {result} de trás para frente: certo.",
  ],
  "intro": ["Aqui está a resolução:", "Passo a passo:", "Solução:"],
  "final": "**Resposta:** {result}",
}

_LOGIC = {
  "list_sep": ", ",
  "ordinal": ["primeiro", "segundo", "terceiro", "quarto", "quinto"],
  "order_clue": {
    "before": ["{a} cruzou a linha de chegada antes de {b}.", "{b} chegou em algum lugar atrás de {a}."],
    "right_before": ["{a} chegou logo antes de {b}.", "{b} terminou imediatamente depois de {a}."],
    "not_next": ["{a} e {b} não chegaram um logo depois do outro."],
    "not_pos": ["{a} não terminou em {b} lugar."],
    "pos": ["{a} terminou em {b} lugar."],
  },
  "clue_step": ["Pista {i}: “{clue}” Isso elimina várias ordens.", "Agora a pista {i}: “{clue}”"],
  "order_found": ["Então só sobra uma possibilidade: {order}.", "Juntando tudo, fica: {order}."],
  "order_intro": ["Aplicando as pistas uma por uma, sobra apenas uma ordem possível:"],
  "diffs": ["As diferenças entre os números são {d}.", "Olhando os saltos: {d}."],
  "seq_found": ["Então o próximo número é {next}.", "Com a mesma regra, dá {next}."],
  "seq_answer": ["O próximo número da sequência {seq} é **{next}**."],
}

_EXTRACTION = {
  "labels": {"positive": "positivo", "negative": "negativo", "mixed": "misto"},
  "pos": [
    "O {product} chegou dois dias antes e funciona perfeitamente.",
    "Sinceramente, é o melhor {product} que já tive.", "A instalação levou só cinco minutos.",
    "Parece resistente e muito bem acabado.", "O atendimento ao cliente me respondeu em uma hora.",
    "A família inteira usa todos os dias.", "O custo-benefício é excelente.",
    "Compraria de novo sem pensar duas vezes.",
  ],
  "neg": [
    "O {product} parou de funcionar depois de uma semana.", "Os botões parecem muito frágeis.",
    "A entrega demorou quase um mês.", "Faz muito mais barulho do que eu esperava.",
    "O suporte nunca respondeu aos meus e-mails.", "As instruções são confusas e incompletas.",
    "Por esse preço, eu esperava muito mais qualidade.", "Ainda estou esperando o reembolso.",
  ],
  "judge": ["O cliente escreve: “{s}”", "Próxima frase: “{s}”"],
  "decide": ["No geral, o tom é {result}.", "Então o rótulo deve ser {result}."],
  "label_answer": ["**{result}**", "Sentimento: {result}"],
  "domains": ["exemplo.com.br", "example.org", "mail.example.net"],
  "email_users": ["contato", "escritorio"],
  "months": [
    "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
    "novembro", "dezembro",
  ],
  "date_fmt": "{d} de {mn} de {y}",
  "entity_lines": [
    "Por favor, envie o formulário assinado para {who} ({email}) até {date}.",
    "{who} ({email}) confirmou a oficina de {date}.",
    "Você pode falar com {who} pelo e-mail {email}; o prazo termina em {date}.",
  ],
  "entity_filler": [
    "Me avise se algo mudar.", "A sala do segundo andar está reservada.", "O almoço está incluído.",
    "A pauta da reunião está anexada a esta mensagem.",
  ],
  "found": ["Encontro {who}, com o e-mail {email} e a data {date}."],
}

_CODE = {
  "tasks": {
    "palindrome": "verifique se uma string é um palíndromo, ignorando maiúsculas e minúsculas",
    "word_freq": "conte quantas vezes cada palavra aparece em um texto",
    "flatten": "achate uma lista aninhada de qualquer profundidade",
    "binary_search": "faça uma busca binária em uma lista ordenada",
    "is_prime": "verifique se um número é primo",
    "fibonacci": "retorne os primeiros n números de Fibonacci sem recursão",
    "dedupe": "remova duplicatas de uma lista mantendo a ordem",
    "roman": "converta números romanos em inteiros",
    "brackets": "verifique se os parênteses de uma expressão estão balanceados",
    "capitalize": "coloque a primeira letra de cada palavra em maiúscula",
    "gcd_rust": "calcule o máximo divisor comum de dois números",
    "merge_intervals": "junte intervalos que se sobrepõem",
  },
  "units": {"default": "função"},
  "steps": [
    "Preciso de uma função {fname} que {desc}.",
    "Os casos extremos importam: entrada vazia, um único elemento, valores estranhos.",
    "Em {plang}, um laço simples provavelmente é o mais claro, mas vou olhar também as funções prontas.",
    "O que a função deve retornar se a entrada for inválida?",
    "Um comentário curto deixaria a intenção mais clara.",
  ],
  "draft": ["Começo com algo como `{line}`."],
  "verify": [
    "Vou percorrer um exemplo pequeno à mão para conferir.", "Com uma entrada vazia também funciona.",
  ],
  "intro": ["Aqui está uma implementação em {plang}:", "Veja como dá para escrever isso em {plang}:"],
  "how": ["**Como funciona:**", "**Observações:**"],
  "notes": [
    "Casos extremos como entrada vazia são tratados sem erros.",
    "`{fname}` não tem efeitos colaterais e é fácil de testar.",
    "O código é simples de propósito, para ser fácil de ler.", "Não é preciso nenhuma biblioteca externa.",
    "Vale a pena adicionar alguns testes unitários com casos extremos.",
  ],
}

_EXPLANATION_CONCEPT = {
  "name": "concept",
  "weight": 2,
  "frames": [
    [
      "Você pode me explicar {subject} de um jeito que {audience} consiga entender?",
      "explicar {subject} para {audience}",
    ],
    ["Nunca entendi direito {subject}. Como isso funciona exatamente?", "explicar como funciona {subject}"],
    [
      "O que é exatamente {subject}, e por que isso é importante no dia a dia?",
      "explicar o que é {subject} e por que importa",
    ],
    [
      "Me explique {subject} com palavras simples, de preferência com uma comparação do cotidiano.",
      "explicar {subject} de forma simples com uma comparação",
    ],
  ],
  "slots": {
    "subject": [
      "a fotossíntese", "os juros compostos", "o efeito estufa", "a inflação", "o sistema imunológico",
      "a oferta e a demanda", "a tectônica de placas", "o ciclo da água", "a seleção natural",
      "a separação dos poderes", "a entropia", "o aprendizado de máquina", "o efeito placebo", "o blockchain",
      "a teoria da relatividade", "a recursão", "as marés", "a criptografia na internet", "os buracos negros",
      "a resistência aos antibióticos",
    ],
    "audience": [
      "uma criança de dez anos", "a minha avó", "um iniciante total", "alguém que odeia matemática",
      "uma turma do ensino médio", "o meu chefe",
    ],
  },
  "extra": ["Sem termos técnicos, por favor.", "Um exemplo seria ótimo.", "Pode ser bem detalhado."],
  "trace": [
    "O núcleo de “{subject}” é mais simples do que parece.",
    "Para {audience}, preciso evitar termos técnicos.", "Uma comparação com o cotidiano poderia ajudar.",
    "Primeiro o que é, depois como funciona, e por fim por que importa.",
  ],
  "answer": _EXPLAIN_ANSWER,
  "answer_frac": 0.3,
}

_EXPLANATION_SCIENCE_QA = {
  "name": "science_qa",
  "frames": [
    ["Por que {phenomenon}? Quero entender o mecanismo de verdade.", "explicar por que {phenomenon}"],
    [
      "Meu filho me perguntou por que {phenomenon} e eu não soube responder. Qual é a explicação científica?",
      "explicar cientificamente por que {phenomenon}",
    ],
  ],
  "slots": {
    "phenomenon": [
      "o céu é azul", "o gelo flutua na água", "a cebola faz a gente chorar", "a gente fica arrepiado",
      "as folhas mudam de cor no outono", "o mar é salgado", "o pão fica duro", "a gente boceja",
      "a lua tem fases", "as estrelas piscam", "o sal derrete o gelo nas estradas",
      "existem as estações do ano",
    ],
    "subject": ["esse fenômeno"],
  },
  "trace": [
    "A explicação popular é só parte da verdade.", "Eu deveria descrever o mecanismo físico.",
    "Um pequeno experimento caseiro seria um bom complemento.",
  ],
  "answer": _EXPLAIN_ANSWER,
}

_WRITING_POEM = {
  "name": "poem",
  "frames": [
    ["Escreva um {form} sobre {poem_subject}.", "escrever um {form} sobre {poem_subject}"],
    [
      "Preciso de um {form} para {occasion}. O tema tem que ser {poem_subject}.",
      "escrever um {form} para {occasion}",
    ],
  ],
  "slots": {
    "form": ["poema curto", "soneto", "poema com rimas", "poema de quatro estrofes"],
    "poem_subject": [
      "um farol ao amanhecer", "a primeira chuva de verão", "a cozinha da minha avó",
      "uma floresta depois da chuva", "o último dia das férias", "uma estação de trem abandonada",
      "as aves migratórias", "o mar à noite",
    ],
    "occasion": [
      "o aniversário da minha mãe", "um casamento", "uma despedida no trabalho", "o jornal da escola",
    ],
  },
  "trace": [
    "As imagens precisam sustentar o poema, não as rimas.",
    "Um primeiro verso forte e um final que ecoe o começo.",
  ],
  "styles": ["poem"],
  "answer": {
    "title": ["Luz da manhã", "O que a maré guarda", "Horas calmas", "Depois da chuva", "Volta para casa"],
    "lines": [
      "A luz chega devagar, cinzenta e depois dourada,", "e tudo o que ela toca fica em paz.",
      "Uma janela guarda um pouco da noite,", "a chaleira canta e o dia acorda.",
      "Guardo perto de mim as coisas simples,", "os galhos nus, o céu que estremece.",
      "A estrada sobe além das colinas,", "a tarde cheira a chuva e a pão.", "Levávamos canções nas mãos,",
      "como água derramada na areia.", "E se o inverno chegar cedo demais,",
      "a lua empresta sua prata aos barcos.",
    ],
  },
}

_WRITING_LETTER = {
  "name": "letter",
  "frames": [
    [
      "Escreva uma {letter_kind} para {recipient} para {purpose}.",
      "escrever uma {letter_kind} para {recipient}",
    ],
    [
      "Me ajude a redigir um e-mail para {recipient}: eu quero {purpose}.",
      "redigir um e-mail para {recipient}",
    ],
  ],
  "slots": {
    "letter_kind": ["carta educada", "carta curta", "carta formal"],
    "recipient": [
      "o meu senhorio", "a professora do meu filho", "a prefeitura", "o meu vizinho", "o meu banco",
      "a minha equipe",
    ],
    "purpose": [
      "pedir o conserto do aquecedor", "reclamar do barulho à noite", "agradecer o apoio",
      "pedir uma reunião na semana que vem", "contestar uma multa por atraso",
    ],
    "recipient_name": ["Sra. Souza", "Sr. Oliveira", "Sra. Costa", "equipe"],
  },
  "trace": [
    "O tom importa tanto quanto o conteúdo.", "O pedido precisa ficar claro nas duas primeiras frases.",
  ],
  "styles": ["letter"],
  "answer": {
    "greeting": ["Prezado(a) {recipient_name},", "Olá, {recipient_name},"],
    "body": [
      "Espero que esteja tudo bem com você.", "Escrevo a respeito de um assunto que considero importante.",
      "Eu ficaria grato se pudéssemos marcar uma conversa nos próximos dias.",
      "Seguem em anexo os documentos relacionados.", "Agradeço pela paciência e compreensão.",
      "Fico à disposição para qualquer informação adicional.",
      "Tenho certeza de que uma conversa rápida resolverá a questão.",
    ],
    "outro": ["Desde já, muito obrigado.", "Aguardo o seu retorno."],
    "signoff": ["Atenciosamente,\n{name}", "Um abraço,\n{name}"],
  },
}

_WRITING_STORY = {
  "name": "story",
  "frames": [
    ["Escreva um conto curto sobre {premise}.", "escrever um conto curto sobre {premise}"],
    [
      "Me conte uma história {genre} para dormir sobre {premise}, com umas {words} palavras.",
      "contar uma história para dormir sobre {premise}",
    ],
  ],
  "slots": {
    "premise": [
      "um robô que aprende a cuidar de uma horta", "um dragão com medo de altura", "uma biblioteca secreta",
      "uma vila onde nunca para de nevar", "uma gata que administra uma livraria",
      "uma viajante do tempo presa em 1987",
    ],
    "genre": ["engraçada", "emocionante", "tranquila", "mágica"],
    "words": ["300", "500", "800"],
  },
  "trace": [
    "Um personagem, um desejo, um obstáculo.", "A primeira frase tem que jogar o leitor direto na ação.",
  ],
  "styles": ["prose"],
  "answer": {
    "intro": ["**A máquina silenciosa**", "**O último trem**", "**Lanternas de papel**"],
    "body": [
      "Ninguém em {city} esperava nada de diferente naquela manhã.",
      "{name} sempre acreditou que as pequenas escolhas importavam mais do que as grandes.",
      "— Você tem certeza? — perguntou {name}, embora a resposta fosse óbvia.",
      "Por um bom tempo nada se mexeu, a não ser o relógio na parede.",
      "A porta rangeu e apareceu uma figura que ninguém conhecia.",
      "Anos depois, o pessoal de {city} ainda discutia o que tinha acontecido de verdade.",
      "Em cima da mesa havia um bilhete escrito com letra caprichada e inclinada.",
      "E, pela primeira vez em semanas, {name} dormiu sem sonhar.",
    ],
    "outro": ["*Fim.*", "E aquilo era só o começo."],
  },
  "answer_frac": 0.45,
}

_SUMMARY_ARTICLE = {
  "name": "article",
  "gen": "summary.article",
  "frames": [
    ["Resuma o texto a seguir em três tópicos:\n\n{passage}", "resumir um texto em três tópicos"],
    [
      "Não tenho tempo de ler tudo isso. Qual é a ideia principal deste texto?\n\n{passage}",
      "extrair a ideia principal de um texto",
    ],
    [
      "Você consegue fazer um resumo curto desta matéria para a minha equipe?\n\n{passage}",
      "resumir uma matéria para uma equipe",
    ],
  ],
  "slots": {"n1": ["12", "18", "25", "40"], "n2": ["3", "8", "14", "27"]},
  "themes": [
    {
      "title": "as ciclovias de {city}",
      "text": [
        "A câmara municipal de {city} aprovou na terça-feira uma rede de ciclovias protegidas.",
        "O plano prevê {n1} quilômetros de novas ciclovias nos próximos três anos.",
        "Os defensores esperam mais segurança para crianças e idosos.",
        "Alguns comerciantes temem que a perda de vagas de estacionamento prejudique as vendas.",
        "O custo gira em torno de {n2} milhões de reais, com parte financiada pelo governo estadual.",
        "As obras do primeiro trecho começam na primavera.",
        "Numa cidade vizinha, um projeto parecido reduziu bastante os acidentes.",
        "Os críticos acham que o dinheiro deveria ir para o conserto das ruas.",
        "A prefeitura promete reavaliar o plano depois de um ano.",
        "Todo mês haverá uma audiência pública para ouvir a população.",
      ],
      "summary": [
        "{city} vai construir uma rede de ciclovias protegidas em três anos.",
        "Defensores esperam mais segurança; comerciantes se preocupam com o estacionamento.",
        "As obras começam na primavera e o plano será reavaliado após um ano.",
      ],
    },
    {
      "title": "um estudo sobre telas e sono",
      "text": [
        "Um novo estudo com centenas de adolescentes relaciona o uso de telas à noite com menos horas de sono.",
        "Quem usava o celular na cama dormia em média {n1} minutos a menos.",
        "Os pesquisadores mediram o sono durante seis semanas com pulseiras.",
        "O efeito foi maior nas noites antes de dia de aula.",
        "A luz forte pode atrasar a liberação de melatonina, o hormônio do sono.",
        "No entanto, o estudo não comprova uma relação de causa e efeito.",
        "Os adolescentes que liam um livro de papel pegavam no sono mais rápido.",
        "Os autores recomendam deixar o celular fora do quarto à noite.",
        "Alguns especialistas acham que o estresse e a lição de casa pesam tanto quanto.",
        "Um estudo seguinte vai testar se um toque de recolher digital melhora as notas.",
      ],
      "summary": [
        "Segundo um estudo, adolescentes que usam telas à noite dormem menos.",
        "A relação é clara, mas a causa não foi comprovada.",
        "A recomendação é deixar o celular fora do quarto.",
      ],
    },
  ],
  "trace": [
    "A ideia principal precisa vir primeiro.", "Posso deixar de lado os números secundários.",
    "Fico neutro, sem acrescentar opinião.",
  ],
  "styles": ["summary"],
  "answer": {
    "intro": ["Aqui está o resumo:", "**Resumo:**", "Os pontos principais:"],
    "outro": ["Me avise se quiser uma versão mais longa."],
  },
}

_IDEATION_BRAINSTORM = {
  "name": "brainstorm",
  "shuffle_points": True,
  "frames": [
    ["Me dê {n} ideias para {goal}.", "pensar em ideias para {goal}"],
    [
      "Fiquei sem ideias. Você me ajuda a pensar em opções para {goal}? {constraint}",
      "pensar em opções para {goal}",
    ],
    ["Quais seriam abordagens criativas para {goal}?", "sugerir abordagens criativas para {goal}"],
  ],
  "slots": {
    "n": ["cinco", "dez", "algumas", "sete"],
    "goal": [
      "o aniversário de uma criança de sete anos", "o nome de uma cafeteria",
      "uma atividade de equipe em home office", "reduzir o plástico em casa",
      "um projeto para a feira de ciências", "um podcast sobre a história da cidade",
      "um fim de semana chuvoso", "fazer um apartamento pequeno parecer maior",
    ],
    "constraint": ["O orçamento está apertado.", "Tem que ser em lugar fechado.", "Só temos uma semana.", ""],
  },
  "trace": [
    "Misturo ideias seguras com algumas mais ousadas.", "Cada ideia precisa de uma justificativa curta.",
  ],
  "styles": ["list"],
  "answer": {
    "intro": ["Aqui vão algumas ideias:", "Claro! Algumas sugestões, da mais simples à mais ambiciosa:"],
    "points": [
      "Um tema", "Apostar no local", "O clássico barato", "Fazer todo mundo participar",
      "Um elemento surpresa", "Versão digital",
    ],
    "body": [
      "É fácil de organizar e funciona com grupos de qualquer tamanho.",
      "Custa quase nada e fica na memória.", "Comece pequeno, veja o que funciona e depois amplie.",
      "Um tema claro facilita a organização.", "Parceiros locais costumam ajudar em troca de visibilidade.",
      "Algumas fotos depois prolongam o efeito.",
    ],
    "outro": ["Escolha duas ou três e teste!", "Quer que eu desenvolva alguma delas?"],
  },
}

_ADVICE_PERSONAL = {
  "name": "personal",
  "frames": [
    ["{situation} O que eu deveria fazer?", "dar um conselho sobre esta situação: {situation}"],
    [
      "Preciso de um conselho. {situation} Como você lidaria com isso?",
      "aconselhar sobre uma situação pessoal",
    ],
    ["{situation} Como eu falo sobre isso sem piorar as coisas?", "sugerir como abordar o assunto"],
  ],
  "slots": {
    "situation": [
      "Minha melhor amiga sempre cancela os planos em cima da hora.",
      "Estou esgotado no trabalho, mas não posso pedir demissão.",
      "Meu colega de apartamento nunca limpa nada.", "Quero pedir um aumento, mas tenho medo da resposta.",
      "Meus pais não aprovam a carreira que eu escolhi.",
      "Eu deixo tudo para depois, até as coisas de que gosto.",
      "Me mudei para outra cidade e ainda não fiz amigos.",
      "Um colega apresenta as minhas ideias como se fossem dele nas reuniões.",
      "Recebi duas propostas de emprego e não consigo escolher.",
      "Vou fazer um discurso no casamento da minha irmã e estou muito nervoso.",
    ],
  },
  "extra": ["Isso já dura meses.", "Não quero estragar a nossa relação.", "Pode ser sincero comigo."],
  "trace": [
    "A pessoa parece sobrecarregada, então o tom deve ser acolhedor, sem sermão.",
    "Passos concretos ajudam mais do que consolo genérico.",
  ],
  "answer": {
    "intro": [
      "Parece realmente cansativo, e é ótimo que você esteja pensando nisso com calma.",
      "Primeiro: o que você está sentindo é totalmente compreensível.",
    ],
    "points": [
      "Entender a situação", "Uma conversa sincera", "Colocar limites", "Cuidar de você", "Pesar as opções",
    ],
    "body": [
      "Tente resumir a situação em uma frase; isso ajuda a ver o que realmente importa.",
      "Uma conversa tranquila, a sós, funciona melhor do que indiretas.",
      "Fale de como você se sente em vez de acusar.",
      "Você tem o direito de colocar limites, mesmo com quem você ama.",
      "Anote as suas opções e o que cada uma custaria.",
      "Passos pequenos e constantes valem mais do que grandes promessas.",
      "Conversar com alguém de confiança pode trazer outro ponto de vista.",
    ],
    "outro": [
      "Você vai conseguir. Um passo de cada vez.", "Seja qual for a sua decisão, seja gentil consigo mesmo.",
    ],
  },
}

_ANALYSIS_COMPARE = {
  "name": "compare",
  "frames": [
    ["Compare {a_b} para {purpose}.", "comparar {a_b} para {purpose}"],
    [
      "Quais são as vantagens e desvantagens de {a_b}? Preciso me decidir logo.",
      "pesar vantagens e desvantagens de {a_b}",
    ],
    ["{a_b}: o que é melhor para {purpose}, e por quê?", "decidir o que é melhor para {purpose}"],
  ],
  "slots": {
    "a_b": [
      "alugar ou comprar um imóvel", "Python ou JavaScript", "carro elétrico ou híbrido",
      "trem ou avião na Europa", "home office ou escritório", "livro de papel ou leitor digital",
      "fundos de índice ou ações individuais", "cidade grande ou interior",
    ],
    "purpose": ["uma família jovem", "uma pequena empresa", "um iniciante", "quem tem pouco dinheiro"],
  },
  "trace": [
    "Preciso comparar as duas opções pelos mesmos critérios.",
    "Custo, praticidade e efeitos a longo prazo são o principal.",
  ],
  "styles": ["sections", "list"],
  "answer": {
    "intro": ["As duas opções têm pontos fortes reais; tudo depende das suas prioridades."],
    "points": ["Custo", "Praticidade", "Flexibilidade", "Longo prazo", "Conclusão"],
    "body": [
      "A primeira opção custa mais no começo, mas menos com o tempo.",
      "A segunda é mais flexível, o que conta se os seus planos puderem mudar.",
      "Os custos escondidos costumam ser subestimados.",
      "Para quem está começando, a simplicidade costuma pesar mais que o desempenho.",
      "Nenhuma das duas é uma escolha ruim; elas só priorizam coisas diferentes.",
    ],
    "outro": ["Resumindo: escolha pelo seu orçamento e pelo tempo que pretende se comprometer."],
  },
}

_ROLEPLAY_CHARACTER = {
  "name": "character",
  "frames": [
    ["Você é {character}. {scene} Não saia do personagem.", "manter o papel de {character}"],
    [
      "Vamos fazer um jogo de interpretação. Você é {character} e eu te pergunto: {question}",
      "responder como {character}",
    ],
  ],
  "slots": {
    "character": [
      "um ferreiro medieval", "um capitão pirata rabugento", "uma IA de estação espacial muito simpática",
      "um velho bibliotecário", "uma cartomante de parque de diversões",
      "um vigia noturno de uma cidade antiga",
    ],
    "scene": [
      "Lá fora cai uma tempestade terrível.", "Um desconhecido entra com um mapa estranho.",
      "É dia de feira.",
    ],
    "question": [
      "Qual é a parte mais difícil do seu trabalho?", "Qual foi a coisa mais estranha que você já viu?",
    ],
  },
  "trace": ["O personagem precisa de uma voz própria.", "Algumas ações entre asteriscos dão clima."],
  "styles": ["prose"],
  "answer": {
    "intro": [
      "*levanta os olhos devagar* Ora, ora. Não esperava visita esta noite.",
      "*limpa as mãos no avental* Ah, entre, entre.",
    ],
    "body": [
      "A maioria dos dias é mais tranquila do que as histórias contam.",
      "*se inclina para a frente* Mas de vez em quando acontece uma coisa que ninguém acreditaria.",
      "Faço isso há mais tempo do que você está no mundo, aposto.",
      "O segredo é paciência. Paciência e uma boa xícara de algo quente.",
      "*ri baixinho* Calma, eu não mordo.",
    ],
    "outro": ["*levanta uma sobrancelha* Então, o que vai ser?", "Agora é a sua vez. Qual é a sua história?"],
  },
}

_MATH_SPEED = {
  "name": "speed",
  "gen": "math.speed",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    ["{name} percorre {d} km em {t} horas. Qual foi a velocidade média?", "calcular uma velocidade média"],
    [
      "Um trem percorre {d} quilômetros em {t} horas num ritmo constante. A que velocidade ele anda, em km/h?",
      "descobrir a velocidade do trem",
    ],
  ],
  "trace": ["A velocidade média é a distância dividida pelo tempo."],
}

_MATH_PERCENT = {
  "name": "percent",
  "gen": "math.percent",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "Uma {item} custa {p} reais e está com {r} % de desconto. Qual é o preço final?",
      "calcular um preço com desconto",
    ],
    [
      "{name} quer comprar uma coisa que custa {p} reais, e hoje tem {r} por cento de desconto. Quanto {name} vai pagar?",
      "calcular o preço depois do desconto",
    ],
  ],
  "trace": ["O desconto é uma porcentagem do preço original."],
}

_MATH_LINEAR = {
  "name": "linear",
  "gen": "math.linear",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    ["Resolva a equação a seguir e explique cada passo: {eq}", "resolver uma equação do primeiro grau"],
    [
      "Estou travado neste exercício da lição de casa: {eq}. Como eu isolo o x?",
      "ajudar a isolar x numa equação",
    ],
  ],
  "trace": ["Preciso isolar o x: primeiro passo a constante para o outro lado."],
}

_MATH_RECTANGLE = {
  "name": "rectangle",
  "gen": "math.rectangle",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "Um jardim retangular tem {w} m de largura e {h} m de comprimento. Quanto de cerca é preciso, e qual é a área?",
      "calcular o perímetro e a área de um jardim",
    ],
    [
      "Minha sala mede {w} por {h} metros. Qual é o perímetro, e quantos metros quadrados de piso eu preciso comprar?",
      "calcular o perímetro e a área de um cômodo",
    ],
  ],
  "trace": ["O perímetro é duas vezes a soma dos lados; a área é comprimento vezes largura."],
}

_MATH_AVERAGE = {
  "name": "average",
  "gen": "math.average",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    ["Neste bimestre, {name} tirou estas notas: {scores}. Qual é a média?", "calcular uma média de notas"],
    ["Calcule a média destes {n} valores da nossa pesquisa: {scores}.", "calcular uma média"],
  ],
  "trace": ["A média é a soma dividida pela quantidade de valores."],
}

_MATH_COMBINATION = {
  "name": "combination",
  "gen": "math.combination",
  "extra": _MATH_EXTRA,
  "p_extra": 0.7,
  "frames": [
    [
      "De quantas maneiras é possível formar uma comissão de {k} pessoas a partir de {n}?",
      "contar as escolhas possíveis",
    ],
    [
      "Um técnico escolhe {k} jogadores entre {n} para um torneio. Quantas seleções diferentes existem se a ordem não importa?",
      "contar seleções sem ordem",
    ],
  ],
  "trace": ["A ordem não importa, então é uma combinação."],
}

_CODE_TASK = {
  "name": "task",
  "gen": "code.task",
  "frames": [
    ["Escreva uma função em {plang} que {desc}.", "escrever uma função em {plang} que {desc}"],
    [
      "Você pode me ajudar a escrever uma função {plang} que {desc}? {code_ctx}",
      "escrever uma função {plang} que {desc}",
    ],
    [
      "{code_ctx} Como você faria em {plang} uma função que {desc}? Com uma explicação curta, por favor.",
      "fazer em {plang} uma função que {desc}",
    ],
  ],
  "slots": {
    "code_ctx": [
      "Estou criando uma ferramenta pequena para a minha loja.", "É para treinar antes de uma entrevista.",
      "Faz parte de um script de limpeza de dados.", "A minha versão está lenta e bagunçada.",
    ],
  },
  "extra": ["Com um exemplo de uso, por favor.", "Prefiro legível a esperto.", "Sem bibliotecas externas."],
}

_LOGIC_ORDER = {
  "name": "order",
  "gen": "logic.order",
  "frames": [
    [
      "{names} apostaram uma corrida. Descubra a ordem de chegada com estas pistas:\n{clues}",
      "descobrir a ordem de chegada",
    ],
    [
      "Charada: {n} amigos ({names}) correram sem empates. Isto é o que sabemos:\n{clues}\nQuem chegou em qual posição?",
      "resolver uma charada de ordem de chegada",
    ],
  ],
}

_LOGIC_SEQUENCE = {
  "name": "sequence",
  "gen": "logic.sequence",
  "frames": [
    [
      "Qual número vem depois nesta sequência: {seq}, ...? Explique o padrão.",
      "achar o próximo número de uma sequência",
    ],
    [
      "Achei esta sequência num livro de passatempos: {seq}. Qual é o próximo termo, e por quê?",
      "achar o próximo termo",
    ],
  ],
}

_EXTRACTION_SENTIMENT = {
  "name": "sentiment",
  "gen": "extraction.sentiment",
  "frames": [
    [
      "O tom desta avaliação é positivo, negativo ou misto? Responda com uma única palavra.\n\nAvaliação: {review}",
      "classificar o tom de uma avaliação",
    ],
    [
      "Classifique esta opinião sobre um produto como positiva, negativa ou mista:\n\n“{review}”",
      "classificar uma opinião",
    ],
  ],
}

_EXTRACTION_ENTITIES = {
  "name": "entities",
  "gen": "extraction.entities",
  "frames": [
    [
      "Extraia todos os nomes, endereços de e-mail e datas da mensagem a seguir e devolva em JSON (chaves name, email, date).\n\n{text}",
      "extrair nomes, e-mails e datas em JSON",
    ],
  ],
}

_OTHER_MISC = {
  "name": "misc",
  "shuffle_points": True,
  "frames": [
    ["Me conte {n_facts} curiosidades sobre {animal}.", "contar curiosidades sobre {animal}"],
    ["Sugira alguns nomes para o meu novo {pet}. {pet_detail}", "sugerir nomes para um {pet}"],
    ["De onde vem a expressão “{idiom}”?", "explicar a origem de uma expressão"],
  ],
  "slots": {
    "n_facts": ["três", "cinco", "algumas"],
    "animal": ["os polvos", "os pinguins", "as abelhas", "os corvos", "os elefantes"],
    "pet": ["gatinho", "porquinho-da-índia", "coelho", "peixinho"],
    "pet_detail": ["Ele é muito tímido.", "Algo engraçado, se der.", ""],
    "idiom": ["pagar o pato", "chutar o balde", "custar os olhos da cara", "ficar a ver navios"],
  },
  "trace": ["É um pedido leve, a resposta pode ser divertida.", "Mas os fatos precisam estar certos."],
  "styles": ["list", "prose"],
  "answer": {
    "intro": ["Com prazer! Aqui vão algumas:", "Claro, aqui está!"],
    "points": ["Um clássico", "Uma surpresa", "Uma divertida", "Minha favorita"],
    "body": [
      "Essa surpreende quase todo mundo.", "É simples e fica na cabeça.", "Tem uma história bonita por trás.",
      "Sempre arranca um sorriso.",
    ],
    "outro": ["Aproveite!", "Me avise se quiser mais."],
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
    "open": ["Olá!", "Oi, tudo bem?", "Boa tarde.", "Uma pergunta rápida:", "Oi, preciso de ajuda."],
    "close": [
      "Obrigado desde já!", "Muito obrigada!", "Valeu pela ajuda.", "Fico no aguardo da sua resposta.",
    ],
  },
  "context": [
    "Estou perguntando porque vou fazer uma apresentação na semana que vem.",
    "Meu chefe falou disso numa reunião e eu fiquei perdido.",
    "Já li vários artigos, mas eles se contradizem.",
    "É para um projeto que estou fazendo no meu tempo livre.",
    "Sou iniciante, então não assuma que eu sei muita coisa.",
    "Meus filhos vivem me perguntando isso e quero explicar direito.",
    "Estou preparando anotações para um grupo de estudos.",
    "Trabalho com vendas e não sou especialista nesse assunto.", "Só tenho uma hora para entender o tema.",
    "Acabei de me aposentar e finalmente tenho tempo para aprender coisas novas.",
    "A gente discutiu isso ontem à noite com uns amigos e ninguém soube responder.",
    "Estou escrevendo um texto para o jornalzinho do condomínio.",
    "Já faz tempo demais que estou travado nesse problema.",
    "Quero entender bem o suficiente para explicar para outras pessoas.",
    "Estou estudando para uma prova da faculdade.", "Ouvi um podcast sobre isso no caminho para o trabalho.",
    "Sou bom com números, mas não com jargão técnico.",
    "Sou professora e estou procurando material para as minhas aulas.",
    "Já está tarde e estou cansado, então explique com calma, por favor.",
    "Minha namorada acha que eu complico demais as coisas.",
  ],
  "near_append": ["obrigado", "valeu", "agora", "rapidinho", "de novo"],
  "synonyms": [
    ["explicar", "descrever"], ["curto", "breve"], ["ajuda", "apoio"], ["escrever", "redigir"],
    ["bom", "ótimo"], ["importante", "essencial"], ["simples", "fácil"],
  ],
  "slots": {
    "name": [
      "Ana", "João", "Beatriz", "Pedro", "Mariana", "Gustavo", "Larissa", "Rafael", "Juliana", "Thiago",
      "Camila", "Felipe", "Gabriela", "Rodrigo", "Letícia", "Bruno",
    ],
    "city": [
      "Porto Alegre", "Recife", "Curitiba", "Salvador", "Belo Horizonte", "Fortaleza", "Coimbra", "Porto",
      "Campinas",
    ],
    "product": [
      "liquidificador", "secador de cabelo", "aspirador robô", "fone de ouvido", "ventilador",
      "relógio inteligente",
    ],
    "item": ["jaqueta", "luminária", "cafeteira", "mochila", "cadeira de escritório"],
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
