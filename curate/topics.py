"""Topic taxonomy and a fast rule-based prompt classifier.

Why rules and not a model: the build must classify >= 30k prompts/s per core, and we have no
labeled real data to train on. Each topic is scored by weighted regex hits (polars vectorized
`str.contains`, one pass per rule over a whole Series), and the highest score wins.

Two zones of a prompt are looked at, because people put the request either first or last and
paste material in between:
- "intent": the first 200 and the last 200 characters (the whole prompt when short). Request
  words ("summarize", "write", "act as") count here only, so words inside a pasted article do not.
- "body": the first 1,000 characters. Content signals (code syntax, math notation) count here.

User topics come from a YAML file (see `load_topic_config`): new topics with their own rules and a
priority, or extra rules for a built-in topic. A topic with a higher priority wins whenever it
scores at all; equal priorities compare scores; built-in topics have priority 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from curate.errors import CurateError

TOPIC_IDS: tuple[str, ...] = (
    "writing",  # creative writing, essays, letters/emails, rewriting, translation
    "summary",  # summarize / tl;dr / key points of given text
    "ideation",  # brainstorming, names, plans, itineraries, schedules
    "explanation",  # teaching, how/why questions, science/history Q&A
    "advice",  # personal advice, recommendations, "should I"
    "analysis",  # compare, critique, argue, evaluate
    "roleplay",  # act as / pretend / open-ended conversation and greetings
    "math",  # calculations, word problems, proofs
    "code",  # writing, fixing or explaining code; programming questions
    "logic",  # puzzles and riddles with one right answer
    "extraction",  # extract / classify / short verifiable factoid answers
    "other",  # meta, acknowledgements, gibberish, requests no text model can do
)
VERIFIABLE: frozenset[str] = frozenset({"math", "code", "logic", "extraction"})
DEFAULT_TOPICS: tuple[str, ...] = tuple(t for t in TOPIC_IDS if t not in VERIFIABLE and t != "other")

HEAD_CHARS = 1000  # body zone
INTENT_CHARS = 200  # intent zone: this many chars from the start and from the end
ZONES = ("intent", "body")
PRIORITY_STEP = 1000.0  # score offset per priority level; far above any reachable score
FALLBACK_LONG = "explanation"  # no rule hit and the prompt is a real sentence
FALLBACK_SHORT = "other"  # no rule hit on a fragment
SHORT_CHARS = 25
MIN_SCORE = 1.5  # a lone weak hint (weight 1, or "?") must not decide the topic


@dataclass(frozen=True)
class Rule:
    """One weighted regex, matched case-insensitively (on lowercased text) in one zone."""

    pattern: str
    weight: float
    zone: str = "intent"
    also: str | None = None  # a second regex (same zone) that must also match; keeps both literal-led


@dataclass
class TopicDef:
    id: str
    rules: list[Rule] = field(default_factory=list)
    priority: int = 0


def _alt(*parts: str) -> str:
    return "(?:" + "|".join(parts) + ")"


# Optional politeness before a leading verb: "hey can you please write ..."
_LEAD = r"^\W*(?:(?:hey|hi|hello|ok|okay|so|please|pls|plz|kindly|can you|could you|would you|will you|" \
    r"can u|could u|i need you to|i want you to|i'd like you to|help me|i need|i want|now)\W+)*"

# Built-in rules. Weights: 4 = unmistakable request, 3 = strong, 2 = supporting, 1 = weak hint.
BUILTIN_RULES: dict[str, list[tuple[str, float, str]]] = {
    "writing": [
        ("intent", 3, _LEAD + _alt(r"write", r"compose", r"draft", r"rewrite", r"re-write", r"paraphrase",
                                   r"proofread", r"edit", r"polish", r"rephrase", r"reword", r"translate",
                                   r"make (?:this|it|my \w+) (?:sound|more|less|shorter|longer|better)",
                                   r"improve (?:this|my)", r"fix (?:the |my )?(?:grammar|spelling|wording)",
                                   r"create an? (?:poem|story|song|letter|email|speech)") + r"\b"),
        ("intent", 2, r"\b" + _alt(r"poem", r"poetry", r"haiku", r"limerick", r"sonnet", r"verses?", r"lyrics",
                                   r"song", r"short story", r"story", r"stories", r"fairy ?tale", r"fable",
                                   r"novel", r"chapter", r"screenplay", r"monologue", r"essay",
                                   r"cover letter", r"letter (?:to|of|for)", r"(?:a|formal|love|recommendation|reference|complaint|resignation|apology) letter",
                                   r"e-?mail", r"bio", r"thank[- ]you note", r"toast",
                                   r"eulogy", r"speech", r"wedding vows", r"linkedin post", r"tweet",
                                   r"caption", r"product description", r"blog post", r"article", r"scene",
                                   r"paraphrase", r"proofread", r"rewrite", r"rephrase", r"reword",
                                   r"more (?:professional|formal|casual|concise|polite|friendly)",
                                   r"less (?:formal|awkward|harsh|robotic)", r"concise",
                                   r"grammar", r"in the style of", r"translat\w*",
                                   r"birthday (?:card|message|wish)", r"greeting card") + r"s?\b"),
        ("intent", 3, (r"\bturn (?:this|these|that|it|the following|my)(?: [\w-]+){0,3} into (?:a |an )?(?:[\w-]+ )?"
                      r"(?:paragraph|e-?mail|essay|post|poem|story|letter|speech|tweet|thread|announcement|blog|song|script)\b")),
        ("intent", 3, r"^\W*" + _alt(r"escrib[ea]", r"redact[ae]", r"écris", r"écrivez", r"rédige", r"schreib\w*",
                                     r"verfasse", r"scrivi", r"escrev[ae]", r"redija", r"напиши", r"写一",
                                     r"寫一", r"schrijf", r"napisz", r"yaz", r"traduc\w*", r"tradu\w*",
                                     r"übersetze", r"переведи", r"翻译", r"翻譯", r"corrige")),
        ("intent", 2, r"\b" + _alt(r"poema", r"poème", r"gedicht", r"poesia", r"poesía", r"carta", r"lettre",
                                   r"brief", r"lettera", r"cuento", r"conte", r"geschichte", r"racconto",
                                   r"história", r"lettre de motivation", r"geburtstagskarte") + r"\b"),
        ("intent", 2, _alt(r"стих", r"письмо", r"рассказ", r"诗", r"故事", r"信", r"俳句", r"詩", r"手紙",
                           r"物語", r"メール", r"시를", r"편지", r"şiir", r"wiersz")),
    ],
    "summary": [
        ("intent", 4, r"\b" + _alt(r"summar\w*", r"tl;? ?dr", r"sum (?:it |this |that |these |them )?up",
                                   r"key (?:takeaways|points)", r"main (?:points|ideas?|takeaways|arguments)", r"make (?:this|it) shorter",
                                   r"just the (?:important|main|key) (?:stuff|parts|points|bits)",
                                   r"the gist", r"recap", r"condense", r"executive summary",
                                   r"meeting minutes", r"minutes (?:from|for|of)", r"synopsis", r"boil (?:this|it|that) down") + r"\b"),
        ("intent", 2, r"\b" + _alt(r"shorten", r"overview", r"abstract", r"in a nutshell", r"briefly",
                                   r"in (?:one|a|two|three|a few|\d) (?:sentences?|paragraphs?|bullet points|bullets|lines)",
                                   r"what (?:does|did) (?:this|the) (?:article|paper|text|email) say", r"the essentials",
                                   r"short version", r"cliff'?s? ?notes", r"in short") + r"\b"),
        ("intent", 4, r"\bwhat(?:'s| is) (?:this|the) (?:article|paper|text|email|passage|story|thread|post|video) about\b"),
        ("intent", 4, _alt(r"\brésum(?:e|ez|er)\b", r"\bresum(?:e|a|ir|o)\s+(?:este|esta|estos|el|la|os?|as?|ce|cet|cette|le|les|en)\b",
                           r"\bresumen\b", r"zusammenfass", r"\bfass\w* [^.?!\n]*zusammen", r"riassum\w*",
                           r"sintetiz\w*", r"总结", r"概括", r"摘要", r"要約", r"まとめ", r"перескаж\w*",
                           r"кратко", r"резюм\w*", r"samenvat\w*", r"\bvat\b[^.?!\n]*\bsamen\b", r"요약",
                           r"özetle", r"streść", r"podsumuj")),
    ],
    "ideation": [
        ("intent", 3, r"\b" + _alt(r"brainstorm\w*", r"ideas?", r"come up with", r"think of (?:some|a few|\d+)",
                                   r"suggest (?:some|a few|\d+|names|ideas|topics|titles|themes|ways|activities)",
                                   r"names? (?:for|ideas)", r"tag ?lines?", r"slogans?", r"itinerar\w+",
                                   r"meal plan", r"lesson plan", r"business plan", r"content calendar",
                                   r"icebreakers?", r"themes? for", r"titles? for", r"topics? for",
                                   r"creative ways", r"fun ways", r"ways to (?:reuse|use|celebrate|make|spend|decorate)",
                                   r"what (?:could|can|should) i (?:cook|make|bake) with",
                                   r"gift ideas", r"activities for", r"research questions", r"name (?:my|our|the|a|an)",
                                   r"ways to (?:increase|improve|boost|encourage|promote|reduce|attract|engage)", r"give me (?:a list of|some|\d+)",
                                   r"(?:design|create|develop|plan|build) (?:a|an) (?:[\w-]+ ){0,4}(?:activity|activities|lesson|curriculum|unit|workshop|game|program|campaign|event)") + r"\b"),
        ("intent", 3, r"\b" + _alt(r"training", r"workout", r"study", r"lesson", r"marketing", r"content",
                                   r"event", r"travel", r"savings", r"project", r"action", r"fitness", r"diet",
                                   r"exercise", r"weekly", r"daily", r"-day", r" day", r"-week", r" week", r"-month", r" month") +
         r" (?:plan|schedule|routine|calendar|program|programme)\b"),
        ("intent", 2, _LEAD + _alt(r"plan", r"design", r"create", r"make", r"outline", r"propose", r"suggest",
                                   r"develop", r"organi[sz]e", r"list") + r"\b"),
        ("intent", 2, r"\b" + _alt(r"plan (?:a|an|my|our|the)", r"help me plan", r"schedule for", r"how (?:might|could) (?:a|an|the|we|i|our)") + r"\b"),
        ("intent", 3, _alt(r"\bideas? para\b", r"\bidées?\b", r"\bideen\b", r"\bidee\b", r"\bideias?\b",
                           r"\bидеи\b", r"придумай", r"点子", r"创意", r"主意", r"アイデア", r"アイディア",
                           r"아이디어", r"\bfikir", r"pomysł", r"\bideeën\b", r"\bprogramme d", r"\bplan de\b",
                           r"\bplano de\b", r"\bplanifi\w+", r"\borgani[sz]za\b", r"\bitinerario\b",
                           r"\bitinéraire\b", r"составь план", r"计划", r"プラン", r"計画", r"계획", r"\bplanı\b",
                           r"zaplanuj", r"\bpropose\w*-moi\b", r"\bpropon\w*", r"\bmenú semanal\b", r"\bwochenplan\b", r"\bdammi\b[^.?!\n]*\bidee\b")),
    ],
    "explanation": [
        ("intent", 3, r"\b" + _alt(r"explain\w*", r"explanation", r"teach me", r"eli5", r"like i'?m (?:5|five|a child|a kid)",
                                   r"in (?:simple|layman'?s|plain) (?:terms|words|english)") + r"\b"),
        ("intent", 2, r"\b" + _alt(r"difference between", r"what caused", r"what causes", r"what happened",
                                   r"significance of", r"how (?:does|do|did) [^.?!\n]* (?:work|form|happen|evolve|spread|change)",
                                   r"what (?:is|are|was|were) the (?:difference|role|significance|purpose|function|meaning|history|origin|causes?|effects?)",
                                   r"why (?:is|are|do|does|did|was|were|can'?t|don'?t|doesn'?t)",
                                   r"the basics of", r"intro(?:duction)? to", r"history of", r"concept of",
                                   r"how (?:does|do) (?:a|an|the)", r"what does [^.?!\n]* mean", r"the science behind") + r"\b"),
        ("intent", 1.5, r"^\W*" + _alt(r"what(?:'s| is| are| was| were| does| do)", r"why", r"how (?:does|do|did|is|are|was|were)",
                                       r"describe", r"define", r"tell me about", r"who (?:was|were)") + r"\b"),
        ("intent", 0.5, r"\?"),
        ("intent", 3, _alt(r"\bexplic\w+", r"\bexpliqu\w+", r"\berklär\w*", r"\bspieg\w+", r"объясни\w*",
                           r"解释", r"解釋", r"説明", r"설명", r"açıkla", r"wyjaśnij", r"\bleg uit\b", r"什么是", r"とは")),
        ("intent", 2, _alt(r"\bwarum\b", r"\bwieso\b", r"\bpourquoi\b", r"comment fonctionne", r"\bpor ?qu[eé](?:$|\W)",
                           r"cómo funciona", r"como funciona", r"\bperché\b", r"почему", r"为什么", r"為什麼",
                           r"なぜ", r"왜", r"\bneden\b", r"dlaczego", r"\bwaarom\b")),
    ],
    "advice": [
        ("intent", 3, r"\b" + _alt(r"advice", r"advise", r"tips?", r"should i", r"what should (?:i|we)",
                                   r"how (?:do|can|should) (?:i|we) (?:deal|cope|handle|stop|get over|tell|talk|approach|"
                                   r"convince|ask|prepare|negotiate|make friends|choose|decide|balance|manage|overcome|"
                                   r"stay|get better|save|learn|become|motivate|fix my|improve my|get my)",
                                   r"recommend\w*", r"is it (?:really )?worth (?:it|the|getting|buying|doing|going|learning|trying|paying)", r"worth it", r"any suggestions",
                                   r"what do you suggest", r"help me (?:decide|choose)", r"how do i decide",
                                   r"which (?:\w+ )?should i (?:buy|choose|get|pick|take|use)",
                                   r"best way to (?:learn|deal|prepare|save|handle|get|start|keep|improve|make|stop|lose|gain|find)",
                                   r"what can (?:i|we) do", r"what do i do",
                                   r"how much should i", r"what(?:'s| is| are) (?:a |some )?(?:good|the best)",
                                   r"how (?:should|can|do|could) (?:a|an|the|my|our|parents|teachers?|managers?)(?: [\w-]+){0,3} "
                                   r"(?:handle|deal with|cope with|approach|support|help|respond to|manage|talk to|motivate)") + r"\b"),
        ("intent", 2, r"\b" + _alt(r"i'?m (?:feeling|so|really|stressed|nervous|anxious|lonely|struggling|scared|worried|thinking about|considering|\d\d)",
                                   r"i (?:feel|felt|get|got|have been|keep|can'?t)",
                                   r"my (?:boss|roommate|friend|wife|husband|partner|girlfriend|boyfriend|kid|child|"
                                   r"toddler|son|daughter|parents|mom|dad|mother|father|coworker|colleague|manager|"
                                   r"landlord|dog|cat|teen|family)",
                                   r"budget", r"how can i", r"how do i", r"how to") + r"\b"),
        ("intent", 3, _alt(r"\bconsejos?\b", r"\bconseils?\b", r"\btipps?\b", r"\bratschl\w+", r"\bconsigli\w*",
                           r"\bconselhos?\b", r"\bdicas\b", r"\bсовет\w*", r"建议", r"アドバイス", r"조언",
                           r"\btavsiye", r"\bporad\w*", r"\badvies\b", r"\brecomiend\w+", r"\brecommand\w+",
                           r"\bempfiehl\w+", r"qué debo", r"que devo", r"was soll ich", r"que dois-je",
                           r"что (?:мне )?делать", r"怎么办", r"どうすれば", r"어떻게 해야", r"ne yapmalıyım",
                           r"como faço para", r"qué puedo hacer", r"que puis-je faire", r"was kann ich tun", r"cosa posso fare",
                           r"o que posso fazer", r"\bwie kann ich\b", r"comment puis-je", r"cómo puedo", r"come posso",
                           r"как (?:мне |перестать|научиться|улучшить)", r"如何提高", r"如何改善", r"\bhoe kan ik\b",
                           r"\bjak mogę\b", r"nasıl (?:bırakabilirim|yapabilirim)")),
    ],
    "analysis": [
        ("intent", 3, r"\b" + _alt(r"compar\w*", r"versus", r"pros and cons", r"pros/cons",
                                   r"advantages and disadvantages", r"benefits and (?:drawbacks|risks)",
                                   r"strengths and weaknesses", r"critique", r"criticize", r"critically",
                                   r"evaluate", r"assess", r"analy[sz](?:e|es|ed|ing|is)", r"argue", r"make the case",
                                   r"arguments? (?:for|against)", r"both sides", r"balanced view", r"ethical",
                                   r"implications", r"which is better", r"better than", r"swot",
                                   r"feedback on", r"review (?:my|this)", r"what do you think (?:of|about)",
                                   r"fallac\w+", r"impact of", r"discuss", r"weaknesses", r"risks of",
                                   r"could go wrong", r"is it ethical", r"good or bad", r"debate",
                                   r"(?:stronger|weaker|better|best|strongest|weakest) (?:argument|option|choice|approach)",
                                   r"which (?:is|are|one is|would be) (?:a |the )?(?:better|best|worse|smarter|safer|cheaper)",
                                   r"is it (?:better|worse|wiser|smarter) to", r"to what extent") + r"\b"),
        ("intent", 3, r" vs\.? "),  # spaces: a bare 2-letter literal would swamp the prefilter
        ("intent", 3, _alt(r"\bvergleich\w*", r"vor- und nachteile", r"\bcompar[ae]\w*", r"ventajas y desventajas",
                           r"avantages et (?:les )?inconvénients", r"\banalys\w+", r"\banaliz\w+",
                           r"\bconfront\w+", r"pro e contro", r"vantagens e desvantagens", r"сравни\w*",
                           r"плюсы и минусы", r"比较", r"比較", r"优缺点", r"メリットとデメリット", r"장단점",
                           r"karşılaştır", r"porównaj", r"zalety i wady", r"voor- en nadelen", r"\bvergelijk\w*")),
    ],
    "roleplay": [
        ("intent", 4, r"\b" + _alt(r"act as", r"acting as", r"act like", r"pretend", r"role ?-?play\w*",
                                   r"stay in character", r"in character", r"play (?:the role|a game|the part)",
                                   r"let'?s play", r"you play", r"simulate a (?:conversation|dialogue|chat|debate)",
                                   r"talk (?:to me )?like", r"respond as", r"reply as", r"answer as",
                                   r"dungeon master", r"game master", r"interview me", r"be my",
                                   r"(?:let'?s|can we|wanna|want to) (?:just )?(?:chat|talk)", r"talk to me",
                                   r"chat with me", r"i'?m bored", r"as if you were", r"imagine (?:you are|you're|that you are|yourself as)") + r"\b"),
        ("intent", 3, r"^\W*(?:you are|you're|ur)\b"),
        ("intent", 3, r"^\W*be (?:a|an|my)\b"),
        ("intent", 4, r"\b(?:how(?:'s| is| was) (?:your|ur) (?:day|morning|evening|week|weekend)|how have you been|nice to meet you|how'?s it going)\b"),
        ("intent", 4, (r"^\W*(?:hi+|hello|hey+|hiya|yo|sup|howdy|greetings|good (?:morning|afternoon|evening|night)|"
                      r"what'?s up|whats up|wassup|what'?s good|how are (?:you|u)|how'?s it going)\b[^a-z]{0,5}"
                      r"(?:there|friend|buddy|again)?[^a-z]{0,5}(?:how are (?:you|u)(?: doing)?(?: today)?)?\W*$")),
        ("intent", 2, r"\*[^*\n]{3,80}\*"),
        ("intent", 4, _alt(r"joue le rôle", r"fais comme si", r"imagine que tu es", r"\bdu bist\b",
                           r"stell dir vor", r"actúa como", r"\bfinge\b", r"\bfinja\b", r"fai finta",
                           r"представь,? что ты", r"假设你是", r"扮演", r"あなたは[^。？\n]*(?:です|だ)", r"として振る舞",
                           r"역할", r"qué tal", r"cómo estás", r"tudo bem", r"como vai", r"come stai", r"как дела",
                           r"你好", r"こんにちは", r"안녕", r"nasılsın", r"co słychać", r"hoe gaat het", r"ça va",
                           r"wie geht'?s", r"\bconversa\w*", r"\bplaudern\b", r"\btu es (?:un|une|le|la|mon|ma)\b",
                           r"\beres (?:un|una|el|la|mi)\b", r"\bsei (?:un|una|il|la)\b", r"\bvocê é (?:um|uma|o|a|meu|minha)\b",
                           r"\bjij bent\b", r"\bты —")),
    ],
    "math": [
        ("intent", 3, r"\b" + _alt(r"solve (?:for|the|this|each)", r"equations?", r"derivatives?", r"differentiate",
                                   r"integral", r"limit of", r"probability", r"prove that", r"eigen\w*", r"determinant",
                                   r"divisors?", r"factori[sz]e", r"how many ways", r"polynomial", r"quadratic",
                                   r"logarithm", r"hypotenuse", r"square root", r"consecutive (?:even |odd )?integers",
                                   r"prime factor\w*", r"gcd", r"lcm", r"modulo", r"sum of the first",
                                   r"(?:arithmetic|geometric) (?:series|sequence|progression)",
                                   r"compound(?:ed)? (?:annually|monthly|quarterly|daily)", r"average speed",
                                   r"real solutions", r"roots of", r"expected value", r"standard deviation") + r"\b"),
        # Everyday words that are math only with other evidence ("calculate my taxes", "a new angle").
        ("intent", 1.5, r"\b" + _alt(r"compute", r"calculate", r"percent(?:age)?", r"area of", r"perimeter", r"volume of",
                                     r"triangle", r"radius", r"angles?", r"fractions?", r"integers?", r"theorem",
                                     r"mean of", r"median", r"show that", r"matri(?:x|ces)", r"simplify", r"hexagon", r"pentagon",
                                     r"octagon", r"polygon", r"sphere", r"cube", r"cylinder", r"cone", r"prism",
                                     r"diagonals?", r"circumference", r"diameter") + r"\b"),
        ("intent", 3, r"\bintegrate\b", r"\bdx\b|\^|\bfrom -?\d|\(x\)"),
        ("intent", 3, _alt(r"\d\s*[+*×÷^]\s*\d", r"\d\s+[-/]\s+\d", r"\b\d*[a-z]\^\d", r"\b\d+[a-z]\s*[-+=]",
                         r"=\s*\?", r"\b[fgh]\([a-z0-9]\)", r"\b[xyn]\s*=", r"\\frac", r"\\int", r"\\sum",
                         r"\\sqrt", r"√", r"∫", r"π", r"[²³]")),
        ("intent", 1, r"\d+(?:\.\d+)?\s*%"),
        ("intent", 3, r"\$\\?[a-z]\b|\\(?:cdot|times|le|ge|leq|geq|pi|alpha|theta|lim|log|binom|mathbb)\b"),  # LaTeX
        ("intent", 3, r"(?:% of \$?\d|\bwhat(?:'s| is) \$?\d+(?:\.\d+)?\s*(?:[-+*/x×÷%^]|times|plus|minus|divided|squared|cubed|to the power))"),
        ("intent", 2, r"\b(?:how (?:many|much|long|far|fast|old)|what (?:is|was|will be) (?:the|its|his|her|it|their)|find the|when (?:does|will|do|did) (?:the|it|they|he|she))\b", r"\d"),
        ("intent", 1, r"\b(?:mph|km/h|meters?|cups?|dollars|kilometers|miles)\b"),
        ("intent", 3, r"\bhow many (?:seconds|minutes|hours|days|weeks|months|years|inches|feet|meters|centimeters|ounces|grams|liters|miles|kilometers) (?:are )?(?:in|per)\b"),
        ("intent", 3, _alt(r"\bcalcul(?:a|e|ez|ar|er)\b", r"\bresuelve\b", r"\bresolva\b", r"\bberechne\w*", r"\blöse\b",
                           r"\brésous\b", r"\brisolvi\b", r"\bcalcola\b", r"\bреши\b", r"вычисли", r"计算", r"求解",
                           r"解方程", r"計算", r"解いて", r"계산", r"hesapla", r"oblicz", r"\bbereken\w*", r"\blos op\b",
                           r"ecuaci[oó]n", r"équation", r"gleichung", r"equazione", r"equação", r"уравнени",
                           r"方程", r"límite", r"\blimite\b", r"grenzwert", r"предел", r"极限", r"derivada",
                           r"dérivée", r"ableitung", r"derivata", r"производн", r"导数", r"微分", r"velocidad media",
                           r"vitesse moyenne", r"\bfläche\b")),
    ],
    "code": [
        # Code syntax in the first 1,000 chars, in small groups: one huge alternation defeats the
        # regex literal prefilter and costs several times more than these four passes.
        ("body", 4, _alt(r"```", r"\bdef \w+\(", r"\bfunction\s*\w*\s*\(", r"=>", r"\b(?:const|let|var) \w+ =",
                         r"#include", r"\bpublic (?:static|class|void)", r"\bimport [\w.]+\n", r"\bfrom [\w.]+ import\b")),
        ("body", 3, _alt(r"console\.log", r"\bprint\(", r"println", r"system\.out", r"\bfor \w+ in range\(",
                         r"\breturn \w+;", r"\{\n", r"\(\) ?\{", r"\(\);", r"\(\):")),
        ("body", 3, _alt(r"\bselect \* from\b", r"\bselect distinct\b", r"\bfrom \w+ where\b", r"\bgroup by \w",
                         r"\b(?:inner|left|right|outer) join\b", r"\binsert into\b", r"\bcreate table\b",
                         r"</?(?:div|span|html|body|script|button)\b", r"\bnpm\b", r"pip install", r"\bsudo\b",
                         r"\bgit (?:commit|push|pull|merge|rebase|reset|checkout|branch|stash)")),
        ("body", 3, _alt(r"traceback", r"error:", r"exception\b", r"nullpointer", r"segmentation fault",
                         r"cannot read propert", r"stack ?trace", r"\bborrow checker\b")),
        ("intent", 4, r"\b" + _alt(r"python", r"javascript", r"typescript", r"java", r"golang",
                                   r"php", r"kotlin", r"sql", r"mysql", r"postgres\w*", r"sqlite", r"mongodb", r"bash",
                                   r"shell script", r"powershell", r"regex", r"regular expression", r"css", r"html",
                                   r"node\.js", r"django", r"spring boot", r"numpy", r"dataframe", r"tensorflow", r"pytorch",
                                   r"docker\w*", r"kubernetes", r"git", r"github", r"linux command", r"api",
                                   r"endpoint", r"json", r"yaml", r"excel formula", r"vba", r"matlab", r"r script") + r"\b"),
        ("intent", 3, r"\b(?:c\+\+|c#|f#)"),
        # "rust", "swift", "react", "pandas": languages and libraries only next to a code word.
        ("intent", 4, (r"\b(?:rust|ruby|swift|react|pandas|flask|node|vue|angular|scala|go)(?: \w+)? (?:code|program|app|"
                      r"function|components?|hooks?|library|crate|gem|script|error|project|syntax|compiler|framework|"
                      r"package|module|api|server|dataframe|class|struct)s?\b")),
        ("intent", 2, r"\bin (?:rust|ruby|swift|react|scala|go|vue|angular|pandas)\b"),
        # "write a function ..." must beat the generic "write" of the writing topic
        ("intent", 4, (r"\b(?:write|create|implement|build|make|generate|code|give me) (?:(?:a|an|the|me|some) )*(?:[\w-]+ ){0,2}"
                      r"(?:function|program|script|class|method|query|regex|algorithm|api|app|component|bot|macro|unit tests?)s?\b")),
        ("intent", 2, r"\b(?:error|exception|stack overflow|segfault|crash(?:es|ing)?|compil\w+|runtime)\b"),
        ("intent", 2, r"\b" + _alt(r"code", r"coding", r"programming", r"algorithm", r"linked list", r"binary (?:search|tree)",
                                   r"hash ?map", r"recursion", r"time complexity", r"big o", r"unit tests?", r"pytest",
                                   r"debug\w*", r"compiler?", r"refactor", r"lru cache", r"frontend", r"backend", r"list comprehension",
                                   r"data structures?", r"source code", r"command line", r"terminal",
                                   r"(?:quick|merge|heap|bubble|insertion|selection|radix|topological) ?sort", r"sorting algorithm",
                                   r"o\(n\)|o\(1\)|o\(log n\)") + r"\b"),
        # Everyday words that are code only next to other evidence ("a rural library", "the class"):
        # two groups, so one hint from each (e.g. "implement a stack") adds up to a decision.
        ("intent", 1, r"\b" + _alt(r"function", r"method", r"class", r"arrays?", r"strings?", r"loops?", r"variables?",
                                   r"stack", r"queues?", r"dictionary", r"tuple", r"integer") + r"\b"),
        ("intent", 1, r"\b" + _alt(r"program", r"script", r"implement", r"bug", r"syntax", r"query", r"database",
                                   r"commit", r"repo", r"component", r"library", r"framework", r"compile", r"install") + r"\b"),
        ("intent", 2, _alt(r"\bfunci[oó]n\b", r"\bfonction\b", r"\bfunktion\b", r"\bfunzione\b", r"\bfunção\b",
                           r"функци", r"函数", r"関数", r"함수", r"fonksiyon", r"funkcj", r"\bfunctie\b",
                           r"\bcódigo\b", r"\bprogramm\w*", r"программ", r"代码", r"程序", r"コード", r"プログラム",
                           r"코드", r"\bskrypt", r"-skript\b", r"\bskript\b")),
    ],
    "logic": [
        ("intent", 4, r"\b" + _alt(r"riddles?", r"puzzles?", r"brain ?teasers?", r"knights?", r"knaves?",
                                   r"always (?:lies|tells the truth)", r"tells the truth", r"liars?",
                                   r"what comes next", r"comes next", r"next (?:number|term|letter)", r"sequence", r"how is \w+ related to",
                                   r"missing (?:numbers?|letters?|digits?)", r"every row,? column", r"replace the question mark", r"what am i",
                                   r"who am i", r"syllogism", r"(?:argument|reasoning|syllogism|inference) valid",
                                   r"valid argument", r"logically follow", r"cryptarithm\w*", r"sudoku",
                                   r"magic square", r"odd one out", r"doesn'?t belong", r"lateral thinking",
                                   r"trick question", r"balance scale", r"jugs?", r"how is (?:that|this) possible",
                                   r"logic(?:al)? (?:puzzle|problem|question)", r"what (?:word|number|letter)s? (?:becomes|has|can|is|gets)") + r"\b"),
        ("intent", 2, r"\b" + _alt(r"all \w+ are \w+", r"some \w+ are", r"(?:taller|older|shorter|younger|faster) than",
                                   r"(?:finished|came|arrived|finishes) (?:before|after|first|last)",
                                   r"who owns", r"each \w+ (?:a )?different", r"labels? (?:are|is) (?:all )?wrong",
                                   r"cross (?:a|the) river", r"lockers", r"what is the order", r"finishing order",
                                   r"therefore", r"if [^.?!\n]* then", r"is (?:\w+ )?(?:definitely|necessarily)") + r"\b"),
        ("intent", 4, _alt(r"rätsel", r"énigme", r"\benigme\b", r"devinette", r"acertijo", r"adivinanza",
                           r"\benigma\b", r"indovinello", r"rompicapo", r"charada", r"casse-tête", r"quebra-cabeça", r"denksport", r"загадк", r"головоломк", r"谜语", r"谜题",
                           r"脑筋急转弯", r"なぞなぞ", r"パズル", r"수수께끼", r"bilmece", r"zagadka", r"raadsel",
                           r"qui suis-je", r"wer bin ich", r"quién soy", r"que sou eu", r"кто я\b", r"我是谁")),
    ],
    "extraction": [
        ("intent", 4, r"\b" + _alt(r"extract\w*", r"pull out", r"(?:classify|categori[sz]e) (?:the|this|these|each|every|them|it|all)",
                                   r"label (?:each|these|this|every)", r"tag (?:each|the|every)", r"sentiment (?:of|is)",
                                   r"(?:is (?:this|it|the following) (?:message |e-?mail |text )?spam|spam or not|spam or ham|as spam)",
                                   r"parts? of speech",
                                   r"named entit\w+", r"positive or negative", r"positive, negative,? or neutral", r"parse (?:this|the)", r"(?:into|as|to) (?:a |an )?(?:json|csv|yaml|xml|table|spreadsheet)",
                                   r"identify (?:all|each|every)", r"identify the (?:language|sentiment|parts? of speech)", r"true or false", r"yes or no",
                                   r"answer with (?:only|just)", r"only answer", r"one word", r"just the (?:year|name|number|answer|date)",
                                   r"which of the following", r"multiple choice", r"fill in the blanks?",
                                   r"find (?:all )?(?:the )?(?:dates|names|e-?mails?|phone numbers|numbers|entities|addresses|keywords)",
                                   r"list (?:all )?(?:the )?(?:names|dates|e-?mails?|entities|ingredients|people|companies|keywords) (?:in|from|mentioned|that)",
                                   r"list (?:all )?(?:the )?action items",
                                   r"based on the (?:text|passage|table|article|data|email|paragraph)",
                                   r"according to the (?:text|passage|article|table)", r"read the (?:passage|text|paragraph) and answer",
                                   r"grammatically correct", r"which (?:one|category|class|label)",
                                   r"get (?:the|all) (?:\w+ ){0,2}(?:from|out of) (?:this|the following|the above|the text|the email)",
                                   r"put (?:it|them|this) (?:in|into) a table",
                                   r"ingredients? list") + r"\b"),
        ("intent", 3, r"\b" + _alt(r"(?:what is|what's) the capital", r"capital of", r"who (?:wrote|painted|invented|discovered|composed|directed|founded)",
                                   r"what year", r"in what year", r"when did [^.?!\n]* (?:end|start|begin|happen)",
                                   r"chemical symbol", r"which (?:planet|country|city|element|ocean|continent|river|mountain)",
                                   r"how many (?:bones|planets|continents|states|countries|moons)",
                                   r"what is the (?:largest|smallest|tallest|longest|highest|fastest|boiling|melting)") + r"\b"),
        ("intent", 2, r"\ba[).]\s[^\n]*\bb[).]\s"),  # multiple choice: a) ... b) ...
        ("intent", 2, (r"\bfrom (?:this|the following|the above|the) (?:sentence|text|passage|paragraph|email|message|document|article|"
                  r"interview|transcript|conversation|table|list|data|review|report)\b")),
        ("intent", 3, _alt(r"\bmás (?:larg[oa]|grande|alt[oa]|pequeñ[oa]|poblad\w+)\b", r"\b(?:le|la) plus (?:grand|long|haut|petit)\w*",
                           r"\b(?:der|die|das) (?:längste|größte|höchste|kleinste)\b", r"\bil più (?:lungo|grande|alto)\b",
                           r"\bo mais (?:longo|alto|grande)\b")),
        ("intent", 4, _alt(r"\bextra[ei]\w*", r"\bextrahier\w*", r"\bestra\w+", r"извлеки", r"提取", r"抽出", r"추출",
                           r"\bclasifica\w*", r"\bclassifie\w*", r"\bklassifizier\w*", r"\bclassifica\w*",
                           r"классифицир", r"分类", r"分類", r"분류", r"capital de", r"capitale d", r"hauptstadt",
                           r"capital do", r"столица", r"首都", r"수도", r"başkenti", r"stolica")),
    ],
    "other": [
        ("intent", 5, (r"^\W*(?:test(?:ing)?|ok(?:ay)?|k|thanks?|thank you|thx|ty|lol|lmao|haha|hmm+|yes|no|nope|yep|"
                      r"cool|nice|great|continue|go on|next|more|again|\d+|[a-z]{1,2})\W*$")),
        ("intent", 5, r"^[^\p{L}]*$"),
        ("intent", 4, r"^\W*(?:ok(?:ay)?\W+)?(?:thanks?|thank you|thx|ty)\b.{0,40}$"),
        ("intent", 4, r"\b" + _alt(r"what (?:model|llm|ai|version) are you", r"who (?:are you|made you|created you|built you|trained you)",
                                   r"are you (?:chatgpt|gpt|an ai|a bot|human|real|there)",
                                   r"can (?:you|u) (?:see|read|browse|access|open|hear|remember|view)",
                                   r"ignore (?:all )?(?:the |your )?previous", r"system prompt", r"jailbreak",
                                   r"weather (?:in|today|tomorrow|like)", r"what time is it", r"current (?:time|date)",
                                   r"today'?s date", r"set (?:a |an )?(?:reminder|alarm|timer)", r"remind me",
                                   r"play (?:some |a )?(?:music|song)", r"order me", r"book me", r"call my",
                                   r"generate (?:an? )?(?:image|picture|photo)", r"draw (?:me )?(?:an? )?(?:picture|image)",
                                   r"open \S+\.(?:com|org|net)", r"what did i (?:ask|say)", r"previous (?:chat|conversation)",
                                   r"keep stopping", r"repeat the word", r"why do you keep",
                                   r"you keep (?:stopping|saying|repeating|forgetting|cutting)") + r"\b"),
        ("intent", 3, r"^\W*[a-z]{6,}\W*$"),
        ("intent", 4, r"^\W*(?:asdf\w*|qwert\w*|jkl\w*|test(?:ing)?|nvm|never ?mind|idk|brb)(?:\W+(?:asdf\w*|qwert\w*|jkl\w*|test(?:ing)?|\d+))*\W*$"),
        ("intent", 4, r"\b" + _alt(r"are you (?:working|there|sentient|conscious|alive|real|human|a bot|an ai|a person|online|awake)",
                                   r"show me (?:a |an )?(?:picture|photo|image|video|pic)s?",
                                   r"what we (?:talked|discussed|spoke) about", r"score of (?:the|last night'?s|today'?s)",
                                   r"game tonight", r"match tonight",
                                   r"stock price of", r"latest news", r"news today") + r"\b"),
        ("intent", 1.5, r"\b(?:right now|tonight|today)\b"),
        ("intent", 4, r"^\W*(?:please |pls |can you |could you )?send (?:an? )?(?:e-?mail|text|message|sms) to\b"),
        ("intent", 3, _alt(r"estás ahí", r"t'es là", r"bist du da")),
        ("intent", 3.5, r"^\W*(?:gracias|merci|danke|grazie|obrigad[oa]|спасибо|谢谢|ありがとう|감사|teşekkür|dziękuję|bedankt)"),
    ],
}

# Tie order: when scores are equal, the earlier topic wins. Specific request types first.
TIE_ORDER = ("summary", "roleplay", "logic", "extraction", "code", "math", "writing", "analysis",
             "ideation", "advice", "explanation", "other")


_NON_ASCII = "[^\\x00-\\x7f]"


def fast_boundaries(pattern: str) -> str:
    """Rewrite `\\b` so the regex stays on Rust's fast DFA path.

    A Unicode `\\b` makes the regex engine fall back to a slow matcher on any non-ASCII text (10-20x
    slower here). ASCII `(?-u:\\b)` is equivalent next to ASCII letters. Next to a non-ASCII letter
    (e.g. Cyrillic words) a trailing boundary becomes "end or non-word character", and a leading one is
    dropped: a leading class would disable the literal prefilter, and matching a word's tail is harmless.
    """
    pattern = re.sub(r"(?<!\\)\\b(?=" + _NON_ASCII + ")", "", pattern)
    pattern = re.sub(r"(?<=" + _NON_ASCII + r")(?<!\\)\\b", lambda m: r"(?:$|\W)", pattern)
    return re.sub(r"(?<!\\)\\b", lambda m: r"(?-u:\b)", pattern)


def _builtin_rule(zone: str, weight: float, pattern: str, also: str | None = None) -> Rule:
    return Rule(fast_boundaries(pattern), float(weight), zone, fast_boundaries(also) if also else None)


def builtin_topics() -> dict[str, TopicDef]:
    return {tid: TopicDef(tid, [_builtin_rule(*spec) for spec in BUILTIN_RULES[tid]]) for tid in TOPIC_IDS}


def _keyword_regex(keyword: str) -> str:
    """A whole-word match for a user keyword; "c++" or "#tag" get no boundary on their symbol side."""
    k = keyword.strip().lower()
    start = r"\b" if re.match(r"\w", k) else ""
    end = r"\b" if re.search(r"\w$", k) else ""
    return start + re.escape(k) + end


def _check_regex(pattern: str, where: str) -> None:
    """Fail early, with the file and topic in the message, instead of deep inside polars."""
    try:
        pl.Series([""]).str.contains(pattern)
    except pl.exceptions.PolarsError as exc:  # ComputeError for a bad or too large regex
        detail = str(exc).split("\n\nThis error")[0].strip()
        raise CurateError(f"{where}: invalid regex {pattern!r}: {detail}") from None


def load_topic_config(path: Path, topics: dict[str, TopicDef]) -> dict[str, TopicDef]:
    """Merge a user YAML topics file into `topics` (returns a new dict).

    Format:
        topics:
          - id: poetry              # new topic, or a built-in id to add rules to it
            priority: 1             # optional; higher wins whenever the topic scores (built-ins: 0)
            weight: 5               # optional default weight for keywords/patterns (default 5)
            keywords: [poem, haiku] # whole words/phrases, case-insensitive
            patterns:               # regexes on lowercased text; str or {pattern, weight, zone}
              - '\\bsonnets?\\b'
              - {pattern: 'rhym\\w+', weight: 2, zone: body}
    """
    import yaml

    path = Path(path)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CurateError(f"cannot read topics file {path}: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        raise CurateError(f"topics file {path} is not valid YAML: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("topics"), list):
        raise CurateError(f"topics file {path}: expected a mapping with a 'topics' list")
    merged = {tid: TopicDef(t.id, list(t.rules), t.priority) for tid, t in topics.items()}
    for i, entry in enumerate(doc["topics"]):
        where = f"topics file {path}, topics[{i}]"
        if not isinstance(entry, dict):
            raise CurateError(f"{where}: expected a mapping with 'id'")
        unknown = set(entry) - {"id", "priority", "weight", "keywords", "patterns"}
        if unknown:
            raise CurateError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: id, priority, weight, keywords, patterns")
        tid = entry.get("id")
        if not isinstance(tid, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", tid):
            raise CurateError(f"{where}: 'id' must be a lowercase identifier like 'poetry', got {tid!r}")
        where = f"topics file {path}, topic {tid!r}"
        weight = entry.get("weight", 5)
        priority = entry.get("priority", merged[tid].priority if tid in merged else 0)
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight <= 0:
            raise CurateError(f"{where}: 'weight' must be a positive number, got {weight!r}")
        if isinstance(priority, bool) or not isinstance(priority, int):
            raise CurateError(f"{where}: 'priority' must be an integer, got {priority!r}")
        rules: list[Rule] = []
        keywords = entry.get("keywords", [])
        if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords):
            raise CurateError(f"{where}: 'keywords' must be a list of non-empty strings")
        if keywords:
            words = "|".join(_keyword_regex(k) for k in keywords)
            rules.append(Rule(fast_boundaries(f"(?:{words})"), float(weight), "intent"))
        patterns = entry.get("patterns", [])
        if not isinstance(patterns, list):
            raise CurateError(f"{where}: 'patterns' must be a list")
        for p in patterns:
            if isinstance(p, str):
                p = {"pattern": p}
            if not isinstance(p, dict) or not isinstance(p.get("pattern"), str) or set(p) - {"pattern", "weight", "zone"}:
                raise CurateError(f"{where}: each pattern is a regex string or {{pattern, weight, zone}}, got {p!r}")
            w = p.get("weight", weight)
            zone = p.get("zone", "intent")
            if isinstance(w, bool) or not isinstance(w, (int, float)) or w <= 0:
                raise CurateError(f"{where}: pattern weight must be a positive number, got {w!r}")
            if zone not in ZONES:
                raise CurateError(f"{where}: pattern zone must be one of {ZONES}, got {zone!r}")
            _check_regex(p["pattern"], where)
            rules.append(Rule(fast_boundaries(p["pattern"]), float(w), zone))
        if not rules and tid not in merged:
            raise CurateError(f"{where}: a new topic needs 'keywords' or 'patterns'")
        if tid in merged:
            merged[tid].rules.extend(rules)
            merged[tid].priority = priority
        else:
            merged[tid] = TopicDef(tid, rules, priority)
    return merged


class TopicClassifier:
    """Scores every topic by weighted regex hits on the prompt and picks the best one."""

    def __init__(self, topics: dict[str, TopicDef]):
        self.topics = topics
        user = [t for t in topics if t not in TOPIC_IDS]
        self.topic_ids: tuple[str, ...] = TOPIC_IDS + tuple(user)
        # User topics tie-break before built-ins: they were added to catch these prompts.
        self._order = tuple(user) + TIE_ORDER

    @classmethod
    def load(cls, config_path: Path | None = None) -> TopicClassifier:
        topics = builtin_topics()
        if config_path is not None:
            topics = load_topic_config(Path(config_path), topics)
        return cls(topics)

    def scores(self, prompts: pl.Series) -> pl.DataFrame:
        """One Float32 score column per topic (priority offsets excluded); useful for debugging."""
        df = pl.DataFrame({"p": prompts.cast(pl.String).fill_null("")})
        p, n = pl.col("p"), pl.col("p").str.len_chars()
        # intent = first 200 chars + last 200 chars; a short prompt comes out whole and unchanged
        tail_start = pl.max_horizontal(n - INTENT_CHARS, pl.lit(INTENT_CHARS))
        gap = pl.when(n > 2 * INTENT_CHARS).then(pl.lit("\n")).otherwise(pl.lit(""))
        zones = df.select(
            body=p.str.slice(0, HEAD_CHARS).str.to_lowercase(),
            intent=pl.concat_str([p.str.slice(0, INTENT_CHARS), gap, p.str.slice(tail_start)]).str.to_lowercase(),
        )
        exprs = []
        for tid in self.topic_ids:
            terms = []
            for r in self.topics[tid].rules:
                hit = pl.col(r.zone).str.contains(r.pattern)
                if r.also is not None:
                    hit = hit & pl.col(r.zone).str.contains(r.also)
                terms.append(hit.cast(pl.Float32) * r.weight)
            exprs.append(pl.sum_horizontal(terms).alias(tid) if terms else pl.lit(0.0, pl.Float32).alias(tid))
        return zones.select(exprs)

    def classify(self, prompts: pl.Series) -> pl.Series:
        """Topic id per prompt (String, same length). Nulls are classified as empty text."""
        n = prompts.cast(pl.String).fill_null("").str.len_chars()
        # Below MIN_SCORE a topic does not compete; priority lifts a user topic above all built-ins.
        ranked = self.scores(prompts).select(
            pl.when(pl.col(t) >= MIN_SCORE).then(pl.col(t) + self.topics[t].priority * PRIORITY_STEP).otherwise(0.0)
            for t in self._order
        )
        top = pl.max_horizontal(self._order)
        best = pl.coalesce(pl.when(pl.col(t) == top).then(pl.lit(t)) for t in self._order)  # first in tie order
        fallback = pl.when(pl.lit(n) < SHORT_CHARS).then(pl.lit(FALLBACK_SHORT)).otherwise(pl.lit(FALLBACK_LONG))
        topic = ranked.select(pl.when(top > 0).then(best).otherwise(fallback).alias("topic"))["topic"]
        return topic.rename(prompts.name or "topic")


def parse_topics(spec: str | None, classifier: TopicClassifier) -> list[str]:
    """'writing,summary' -> sorted unique ids; None/'' -> DEFAULT_TOPICS; 'all' -> every topic."""
    if spec is None or not spec.strip():
        return sorted(DEFAULT_TOPICS)
    parts = [p.strip().lower() for p in spec.split(",") if p.strip()]
    if "all" in parts:
        return sorted(classifier.topic_ids)
    unknown = [p for p in parts if p not in classifier.topic_ids]
    if unknown:
        raise CurateError(
            f"unknown topic(s): {', '.join(unknown)}; valid topics: {', '.join(classifier.topic_ids)} (or 'all')"
        )
    return sorted(set(parts))
