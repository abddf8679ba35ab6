"""English seed of the embedded sample (written for this project).

Templates: `{slot}` takes a value from the kind's or the language's slot pools (drawn once per row),
`{a|b}` picks one alternative. Kinds with `gen` compute their content in sample.py.
"""

_MATH_EXTRA = [
  "Show your steps, please.", "Explain it like I'm revising for a test.",
  "My answer key says something different.", "Can you also explain why the method works?",
  "This is from my daughter's homework and I'm rusty.", "Please double-check the arithmetic.",
  "I'd like to understand the reasoning, not just the number.",
  "We did this in class today but I got lost halfway.", "Is there a quick way to check the answer?",
  "It's from a practice exam.", "Try to keep the explanation short.", "Round to two decimals if needed.",
]


_TRACE = {
  "open": [
    "Okay, so I need to {task}. Let me think about how to approach this.",
    "Okay, the user wants me to {task}. Hmm, where do I start?",
    "Alright, so the task is to {task}. Let me break this down.",
    "Okay, let's see. I need to {task}. First, I should figure out what matters most here.",
    "Hmm, so I have to {task}. Let me start by recalling what I know.",
    "Okay, so I'm being asked to {task}. I want to get this right, so let me go through it carefully.",
    "Okay, so the question is asking me to {task}. Let me start from the basics.",
  ],
  "connect": [
    "Hmm,", "Wait,", "Wait, no.", "Actually,", "Hmm, actually,", "But wait,", "Oh, right,", "So,",
    "Let me think.", "Alternatively,", "Also,", "Then again,", "Hmm, let me see.", "Okay,", "Right,", "Now,",
    "On the other hand,", "Oh wait,", "Let me step back.", "Another thing:", "I wonder,",
    "Thinking about it more,",
  ],
  "clause": [
    "maybe I should start with the basics before getting into the details.",
    "I should make sure I'm not overcomplicating this.",
    "the main point needs to come first, otherwise the rest won't make sense.",
    "I need to double-check that this part is actually correct.",
    "it might help to use a concrete example here.",
    "the user probably wants something practical rather than purely theoretical.",
    "I don't want to leave out anything important, but I also shouldn't ramble.",
    "that's not quite right, let me rephrase it.", "there's a subtle point here that's easy to miss.",
    "I should probably organize this into a few clear sections.",
    "maybe a short summary at the end would help.",
    "the order matters: the simpler ideas should come before the harder ones.",
    "I think the key question is what the user already knows.",
    "a bullet list might be clearer than a long paragraph here.",
    "I'm not sure that example works, let me find a better one.",
    "that covers the main idea, but I should add some nuance.",
    "I might be mixing up two different things, so let me separate them.",
    "it's worth mentioning a common misconception.",
    "I could mention an exception, but it might be a distraction.",
    "the tone should stay friendly and clear.",
    "I need to keep the answer focused on what was actually asked.",
    "if I were reading this for the first time, would it make sense?",
    "let me not forget the part about the practical consequences.",
    "this connects back to the first point, which is nice.",
    "I should check whether my assumption holds in every case.", "the wording could be simpler.",
    "I've already covered that, so there's no need to repeat it.",
    "it would be good to end with something actionable.",
    "I keep going back and forth on this, so let me just pick one approach.",
    "that reminds me of another angle worth considering.",
    "the user might also be wondering about the why, not just the what.",
    "a quick analogy could make this click.",
  ],
  "sentence": [
    "Let me think about this step by step.", "I think that makes sense so far.",
    "Let me make sure I'm not missing anything obvious.", "Okay, that part seems solid.", "So far so good.",
    "Let me reconsider that for a second.", "I'm fairly confident about this, but let me check once more.",
    "That seems like a reasonable way to frame it.", "Hmm, this is trickier than it looked at first.",
    "Let me try to put it in simpler words.", "Okay, moving on to the next part.",
    "I think I'm overthinking this.", "Let me go back to what the question actually asks.",
    "Yes, that's consistent with what I said earlier.", "Good, that lines up.",
    "I should be careful with the wording here.", "That's one piece of the puzzle.",
    "Let me jot down the structure before writing anything.",
  ],
  "doubt": [
    "Wait, is that actually true? Let me think again.", "Hmm, I'm not sure that's right.",
    "Wait, did I get that backwards?", "Hold on, that contradicts what I said a moment ago.",
    "Hmm, maybe I'm misremembering.", "Actually, no, that's not quite it.",
    "Hmm, but is that always the case?",
  ],
  "drafting": [
    'Maybe I could say something like: "{s}"', 'What about this line: "{s}" That sounds okay.',
    'I could phrase it as "{s}"', 'Draft: "{s}" Hmm, decent.',
  ],
  "verify": ["Let me double-check:", "Just to be sure:", "Verifying again:", "Let me recheck that step:"],
  "close": [
    "Okay, I think I have everything I need. Let me put the answer together.",
    "Alright, that should cover it. Time to write the final response.",
    "I think that's a solid plan. Let me write it out clearly.",
    "Okay, let me structure the final answer now.", "Alright, I'm confident in this. Let me present it.",
    "Okay, that's the plan. Writing it up now.",
  ],
  "loop": [
    "Wait, let me re-check that again.", "Hmm, but what if I'm wrong about the earlier part?",
    "Let me go through it one more time from the beginning.", "No, wait. Let me reconsider.",
    "Actually, I already checked this, but let me verify it again just to be safe.",
    "Hmm, I keep coming back to the same point.", "Okay, let me try a different way of looking at it.",
    "But is that really the case? Let me think again.",
    "Wait, maybe I misread the question. Let me read it again.",
  ],
  "short": [
    "Okay, {task}. That's straightforward, I'll keep it brief.",
    "The user wants me to {task}. Simple enough, let me just answer directly.",
    "Quick one: {task}. No need to overthink it.",
  ],
}

_MATH = {
  "step": [
    "So {f}.", "That gives {f}.", "Let me compute: {f}.", "Calculating: {f}.", "Then {f}.", "Okay, {f}.",
    "Next, {f}.",
  ],
  "check": [
    "Let me verify the result, {result}, by working backwards... yes, it checks out.",
    "Plugging {result} back in, everything is consistent.",
    "Does {result} make sense? It's in a reasonable range, so I think so.",
    "So the answer should be {result}. Let me sanity-check the arithmetic once more. Yes.",
  ],
  "intro": [
    "Here's the step-by-step solution:", "Let's solve it step by step:", "Solution:",
    "Here is how to work it out:",
  ],
  "final": "**Answer:** {result}",
}

_LOGIC = {
  "list_sep": ", ",
  "ordinal": ["first", "second", "third", "fourth", "fifth"],
  "order_clue": {
    "before": [
      "{a} finished ahead of {b}.", "{a} crossed the line before {b} did.",
      "{b} finished somewhere behind {a}.",
    ],
    "right_before": ["{a} finished immediately before {b}.", "{b} came in right after {a}."],
    "not_next": [
      "{a} and {b} did not finish next to each other.", "There was at least one runner between {a} and {b}.",
    ],
    "not_pos": ["{a} did not finish {b}.", "{a} was not the one who came {b}."],
    "pos": ["{a} finished {b}.", "{a} came {b}."],
  },
  "clue_step": [
    'From clue {i}: "{clue}" That rules out a few arrangements.', 'Clue {i} says "{clue}" Let me apply that.',
    'Now statement {i}: "{clue}" Okay, that narrows it down.',
  ],
  "order_found": [
    "So the only arrangement that works is: {order}.", "Putting it all together, the answer is {order}.",
    "Everything is consistent, so it must be {order}.",
  ],
  "order_intro": [
    "Working through the clues one at a time leaves exactly one possible order:",
    "Only one finishing order satisfies all the clues:",
  ],
  "says": {
    "knight": ['{a} says: "{b} is a knight."', "{a} says that {b} always tells the truth."],
    "knave": ['{a} says: "{b} is a knave."', "{a} claims that {b} always lies."],
    "same": ['{a} says: "{b} and {c} are the same type."'],
    "diff": ['{a} says: "{b} and {c} are different types."'],
  },
  "knight": "knight",
  "knave": "knave",
  "suppose": [
    "Suppose {a} is a {role}. Then everything {a} says must be true.",
    "Let me start by assuming {a} is a {role} and see if that leads to a contradiction.",
  ],
  "knights_intro": [
    "Checking all eight possible assignments, only one is consistent with every statement:",
    "Only one assignment survives all the statements:",
  ],
  "diffs": ["The differences between consecutive terms are {d}.", "Let me look at the gaps: {d}."],
  "seq_found": [
    "So the next term should be {next}.", "That means the next number is {next}.",
    "Following the same rule, the next one is {next}.",
  ],
  "seq_answer": [
    "The next number in the sequence {seq} is **{next}**.",
    "Following the pattern, the term after {seq} is **{next}**.",
  ],
}

_EXTRACTION = {
  "labels": {"positive": "positive", "negative": "negative", "mixed": "mixed"},
  "pos": [
    "The {product} arrived two days early and works perfectly.",
    "Honestly, this is the best {product} I've owned.",
    "Setup took five minutes and the instructions were clear.",
    "It feels sturdy and well made for the price.", "Customer service answered my question within an hour.",
    "My whole family uses it every day now.", "Battery life is even better than advertised.",
    "I was skeptical at first, but it won me over.", "It's quiet, compact, and looks great on the counter.",
    "I'd happily buy this {product} again.", "The design is simple and everything just works.",
    "Worth every penny, in my opinion.", "It does exactly what the description promised.",
    "Cleaning it is quick and painless.",
  ],
  "neg": [
    "The {product} stopped working after a week.", "The buttons feel cheap and one of them already broke.",
    "Shipping took almost a month and the box was damaged.", "It's much louder than I expected.",
    "Support never replied to my emails.", "The instructions were confusing and missing steps.",
    "Honestly, I regret buying this {product}.", "The battery barely lasts half a day.",
    "It smells like burning plastic when it runs.", "For this price I expected far better quality.",
    "I returned it and I'm still waiting for the refund.", "The app that goes with it crashes constantly.",
    "It scratches easily and already looks worn.", "Nothing about it matches the photos online.",
  ],
  "judge": ['The reviewer writes: "{s}"', 'Next sentence: "{s}"', 'Then there\'s: "{s}"'],
  "decide": [
    "Weighing everything, the overall sentiment is {result}.", "So the label should be {result}.",
    "Overall, I'd call this {result}.",
  ],
  "label_answer": ["**{result}**", "Sentiment: {result}", "{result}"],
  "domains": ["example.com", "example.org", "mail.example.net"],
  "email_users": ["info", "office", "team"],
  "months": [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ],
  "date_fmt": "{mn} {d}, {y}",
  "entity_lines": [
    "Please send the signed form to {who} at {email} before {date}.",
    "{who} ({email}) confirmed the workshop for {date}.",
    "You can reach {who} at {email}; the deadline is {date}.",
    "Invoices go to {who} ({email}), and the next payment is due on {date}.",
    "On {date}, {who} will take over the project; write to {email} with questions.",
  ],
  "entity_filler": [
    "Let me know if anything changes on your side.",
    "The room on the second floor has been booked for the whole afternoon.",
    "Lunch will be provided, but please mention any allergies.",
    "Parking is limited, so public transport is recommended.",
    "The draft agenda is attached to this message.",
    "We still need two more volunteers for the registration desk.",
  ],
  "found": [
    "I see {who}, with the email {email} and the date {date}.", "Another one: {who}, {email}, {date}.",
  ],
  "tickets": {
    "billing": [
      "I was charged twice for my subscription this month.",
      "The invoice shows a price that doesn't match my plan.",
      "I need a refund for the order I cancelled last week.",
      "Why did my card get declined when the balance is fine?",
    ],
    "technical": [
      "The app crashes every time I open the settings page.",
      "I get an error code when I try to upload a photo.",
      "The website won't load on my phone since the update.",
      "Sync between my laptop and tablet stopped working.",
    ],
    "shipping": [
      "My package has said 'in transit' for eleven days.", "The parcel was delivered to the wrong address.",
      "Half of my order is missing from the box.", "Can I change the delivery date for my order?",
    ],
    "account": [
      "I can't reset my password because the email never arrives.",
      "Please help me change the email address on my profile.",
      "My account got locked after too many login attempts.", "How do I delete my account and all my data?",
    ],
  },
  "ticket_filler": [
    "I've been a customer for three years.", "This is pretty urgent for me.", "Thanks for looking into it.",
    "I already tried restarting everything.", "My order number is in the previous email.",
  ],
  "judge_cat": ['The key sentence is "{s}", which points to {c}.', '"{s}" - that\'s clearly about {c}.'],
}

_CODE = {
  "tasks": {
    "palindrome": [
      "checks whether a string is a palindrome, ignoring case and punctuation",
      "tells me if a phrase reads the same forwards and backwards",
    ],
    "word_freq": [
      "counts how often each word appears in a text and returns the most common ones",
      "finds the top ten most frequent words in a block of text",
    ],
    "flatten": [
      "flattens an arbitrarily nested list", "turns nested lists like [1, [2, [3]]] into a flat sequence",
    ],
    "chunk": ["splits a list into chunks of a given size", "breaks a long list into batches of n items"],
    "merge_intervals": [
      "merges overlapping intervals", "combines overlapping time ranges into the fewest ranges",
    ],
    "binary_search": [
      "performs binary search on a sorted list", "finds the index of a value in a sorted array efficiently",
    ],
    "fizzbuzz": [
      "returns the FizzBuzz sequence up to n", "prints Fizz, Buzz and FizzBuzz for multiples of 3 and 5",
    ],
    "is_prime": [
      "checks whether a number is prime", "tests if an integer is a prime number without using libraries",
    ],
    "fibonacci": [
      "returns the first n Fibonacci numbers without recursion",
      "generates the Fibonacci sequence iteratively",
    ],
    "rotate_matrix": [
      "rotates a square matrix 90 degrees clockwise", "turns an N by N grid a quarter turn to the right",
    ],
    "dedupe": [
      "removes duplicates from a list while keeping the original order",
      "keeps only the first occurrence of each item in a list",
    ],
    "duration": [
      "parses strings like '1h30m' or '45s' into a number of seconds",
      "converts a human duration such as '2h 5m' to seconds",
    ],
    "caesar": ["encrypts text with a Caesar cipher", "shifts every letter of a message by a fixed amount"],
    "roman": ["converts Roman numerals to integers", "turns a string like 'MCMXCIV' into a number"],
    "anagrams": ["groups words that are anagrams of each other", "clusters a word list by anagram"],
    "moving_avg": [
      "computes a moving average over a list of numbers",
      "smooths a series of readings with a sliding window average",
    ],
    "brackets": [
      "checks whether the brackets in a string are balanced",
      "validates that every (, [ and { in an expression is properly closed",
    ],
    "csv_column": [
      "reads one column from a CSV file by its header name",
      "loads all values of a named column from a CSV file",
    ],
    "retry": [
      "retries a function a few times with exponential backoff when it raises",
      "wraps a flaky network call so it is retried with growing delays",
    ],
    "second_largest": [
      "finds the second largest distinct number in a list",
      "returns the runner-up value of a list of integers",
    ],
    "snake_case": [
      "converts camelCase or kebab-case names to snake_case",
      "normalizes identifiers like 'userName' into 'user_name'",
    ],
    "kadane": [
      "finds the maximum sum of a contiguous subarray",
      "returns the largest possible sum of consecutive elements in an array",
    ],
    "debounce": ["debounces another function", "delays calling a handler until the user stops typing"],
    "group_by": ["groups an array of objects by a key", "buckets a list of records by a computed key"],
    "capitalize": [
      "capitalizes the first letter of every word in a sentence",
      "turns 'hello wide world' into 'Hello Wide World'",
    ],
    "fetch_timeout": [
      "fetches JSON from a URL and gives up after a timeout",
      "loads JSON over HTTP but aborts the request if it takes too long",
    ],
    "top_customers": [
      "returns the five customers who spent the most across all their orders",
      "lists the top 5 customers by total order amount",
    ],
    "dup_emails": [
      "finds email addresses that appear more than once in a users table, ignoring case",
      "detects duplicate user emails",
    ],
    "monthly_revenue": [
      "sums paid order amounts per month", "reports revenue month by month from an orders table",
    ],
    "backup": ["archives a folder into a dated tar.gz file", "makes a timestamped backup of a directory"],
    "count_lines": [
      "counts the lines of every Python file in a project and shows the largest",
      "lists the longest .py files in a directory tree by line count",
    ],
    "reverse_runes": [
      "reverses a string correctly even when it contains non-ASCII characters",
      "reverses a Unicode string rune by rune",
    ],
    "word_count_go": [
      "counts word occurrences in a text, ignoring case and punctuation",
      "builds a map from each word in a string to its count",
    ],
    "leap_year": ["decides whether a year is a leap year", "implements the Gregorian leap year rule"],
    "gcd_rust": [
      "computes the greatest common divisor of two numbers with Euclid's algorithm",
      "finds the GCD of two unsigned integers",
    ],
    "str_reverse_c": [
      "reverses a string in place", "reverses a null-terminated char array without allocating",
    ],
  },
  "steps": [
    "I need a function called {fname} that {desc}.",
    "The edge cases matter here: empty input, a single element, and unusual values.",
    "In {plang} the cleanest way is probably a straightforward loop, but let me consider the built-ins first.",
    "I should think about what the function returns when the input is invalid.",
    "Performance shouldn't be an issue for normal input sizes, but I'll avoid anything quadratic.",
    "Naming matters: {fname} is descriptive enough.",
    "Maybe I should add a short docstring or comment so the intent is clear.",
    "Let me write a first draft of {fname} and then walk through it.",
    "Type hints or clear parameter names would make this easier to use.",
  ],
  "verify": [
    "Let me trace through a small example by hand to make sure it works.",
    "Tracing a tiny input through it, the output looks right.",
    "Let me test it mentally with an empty input, then a normal one.",
  ],
  "units": {"default": "function", "sql": "query", "bash": "script"},
  "draft": [
    "Let me start with something like `{line}` and build from there.",
    "A first line could be `{line}`. Then the rest follows.",
  ],
  "intro": [
    "Here's a {plang} implementation:", "Here is a clean solution in {plang}:",
    "Sure! Here's how you could write it in {plang}:", "This {plang} version should do it:",
  ],
  "how": ["**How it works:**", "**Notes:**", "A few points about the code:"],
  "notes": [
    "Edge cases such as empty input are handled without special errors.",
    "`{fname}` has no side effects, which makes it easy to test.",
    "You can drop it into a module and reuse `{fname}` wherever you need it.",
    "The logic is kept deliberately simple so it's easy to read and maintain.",
    "If the input can be very large, consider streaming it instead of loading it all at once.",
    "Add a few unit tests with typical and boundary inputs before relying on it.",
    "Names were chosen to make the intent obvious without extra comments.",
    "It only uses the standard library, so there's nothing to install.",
  ],
}

_EXPLANATION_CONCEPT = {
  "name": "concept",
  "weight": 3,
  "frames": [
    ["Can you explain {concept} to {audience}? {angle}", "explain {concept} to {audience}"],
    [
      "I've never really understood {concept}. How does it actually work?",
      "explain {concept} to someone who finds it confusing",
    ],
    [
      "What is {concept}, and why does it matter in everyday life?",
      "explain what {concept} is and why it matters",
    ],
    [
      "Explain {concept} in simple terms, using an everyday analogy.",
      "explain {concept} simply with an analogy",
    ],
    [
      "How would you teach {concept} to {audience} in about ten minutes?",
      "plan a ten-minute explanation of {concept} for {audience}",
    ],
    [
      "{learner} Could you walk me through {concept} step by step?",
      "walk someone through {concept} step by step",
    ],
    [
      "I keep hearing about {concept} but I couldn't tell you what it means. Break it down for me?",
      "break down {concept} for someone who has only heard the term",
    ],
    [
      "What's the intuition behind {concept}? Textbooks make it sound harder than it is.",
      "give the intuition behind {concept}",
    ],
  ],
  "slots": {
    "concept": [
      "photosynthesis", "compound interest", "the greenhouse effect", "inflation",
      "how vaccines train the immune system", "supply and demand", "plate tectonics", "the water cycle",
      "natural selection", "how a bill becomes law", "opportunity cost", "entropy", "how credit scores work",
      "machine learning", "the placebo effect", "blockchain", "how noise-cancelling headphones work",
      "the scientific method", "DNA replication", "electric circuits", "ocean tides",
      "how GPS finds your location", "public key encryption", "the stock market", "black holes",
      "antibiotic resistance", "how the internet routes data", "cognitive dissonance", "the Doppler effect",
      "how interest rates affect the economy", "the theory of relativity", "recursion",
      "how batteries store energy", "the immune system", "circadian rhythms",
      "the difference between weather and climate", "gerrymandering", "carbon capture",
      "how search engines rank pages", "neuroplasticity", "the gig economy", "how airplanes stay in the air",
      "statistical significance", "the carbon cycle", "how bread rises", "the separation of powers",
      "how solar panels make electricity", "the tragedy of the commons", "how memory works in the brain",
      "erosion", "how a refrigerator keeps food cold", "index funds", "the Pythagorean theorem",
      "photosynthesis versus cellular respiration", "how earthquakes are measured", "confirmation bias",
      "how 3D printing works", "the electoral college", "how hurricanes form",
      "what a derivative is in calculus", "exchange rates", "how a nuclear reactor produces power",
      "herd immunity", "the food web", "version control with Git", "how email gets delivered",
      "the ozone layer", "how muscles grow after exercise", "quantum entanglement", "the big bang theory",
      "how a compiler turns code into a program", "diminishing returns",
    ],
    "audience": [
      "a ten-year-old", "a complete beginner", "my grandmother", "a first-year student", "a busy manager",
      "a high school class", "someone who hates math", "a curious teenager", "a new employee",
      "an artist with no science background", "my book club", "a group of retirees",
    ],
    "angle": [
      "I'd love a real-world example.", "Please avoid jargon.", "Start from the very basics.",
      "What's the one thing to remember?", "Keep it under a page if you can.", "Analogies are welcome.",
      "Where do people usually get confused?", "",
    ],
    "learner": [
      "I'm a nursing student with no physics background.", "I'm new to this field and a little overwhelmed.",
      "I'm studying on my own after work.", "I failed this topic at school and want a second chance.",
      "My daughter asked me and I realised I don't know.", "I'm switching careers and need to catch up.",
    ],
  },
  "trace": [
    "The core idea of {concept} is simpler than it sounds, I just need to find the right entry point.",
    "For {audience}, I should avoid technical terms or define them right away.",
    "An analogy could help here: something everyone has experienced.",
    "I should explain what {concept} is first, then how it works, then why it matters.",
    "People often confuse {concept} with something related, so I'll clear that up.",
    "A concrete everyday example would make {concept} much easier to grasp.",
    "I don't need every detail, just the mechanism and one or two consequences.",
    "Let me recall the key facts about {concept} and check that they're accurate.",
    "Maybe I can describe {concept} as a process with a few stages.",
    "I shouldn't oversimplify to the point of being wrong, though.",
  ],
  "answer": {
    "intro": [
      "Great question! Here's a clear way to think about {concept}.",
      "Let's break {concept} down into a few simple ideas.",
      "{concept} sounds complicated, but the core idea is surprisingly simple.",
      "Here's an explanation of {concept} that starts from the basics.",
    ],
    "points": [
      "The basic idea", "How it works", "An everyday analogy", "Why it matters", "A common misconception",
      "A quick example", "Putting it together", "What to remember",
    ],
    "body": [
      "At its heart, {concept} is about how one thing leads to another in a predictable way.",
      "Imagine something you do every day, like making breakfast: each step depends on the one before.",
      "The important part is the mechanism, not the vocabulary.",
      "Once you see the pattern, you start noticing it everywhere.",
      "Scientists and experts describe it with precise terms, but the intuition is what matters first.",
      "A common mistake is to think it happens all at once, when in fact it is gradual.",
      "Small changes at the start can add up to large effects over time.",
      "This is why {concept} shows up in news stories, classrooms, and everyday decisions.",
      "If you remember only one thing, remember that cause and effect are linked step by step.",
      "There are exceptions, but they make more sense once the general rule is clear.",
      "Think of it as a system with inputs, a process, and outputs.",
      "It helps to picture it visually, as arrows connecting a few boxes.",
      "Understanding this makes related topics much easier to learn later.",
      "In practice, you can see it at work in situations you already know.",
    ],
    "outro": [
      "I hope that helps! Let me know if you'd like me to go deeper into any part.",
      "In short: learn the mechanism first, and the details will follow.",
      "Feel free to ask follow-up questions if anything is still unclear.",
      "That's the big picture; each part can be explored in much more depth.",
    ],
  },
  "answer_frac": 0.3,
}

_EXPLANATION_SCIENCE_QA = {
  "name": "science_qa",
  "weight": 1.3,
  "frames": [
    ["Why is it that {phenomenon}?", "explain why {phenomenon}"],
    [
      "Quick science question: what's the reason {phenomenon}? I'd like the actual mechanism, not just a one-liner.",
      "explain the mechanism behind why {phenomenon}",
    ],
    [
      "My {relative} asked me why {phenomenon} and I couldn't answer. What's the real explanation?",
      "explain why {phenomenon} in a way I can pass on to a child",
    ],
    [
      "Is there a scientific reason why {phenomenon}? I've always wondered.",
      "give the scientific reason why {phenomenon}",
    ],
    ["Settle a debate for us: can you explain why {phenomenon}?", "settle a debate about why {phenomenon}"],
  ],
  "slots": {
    "phenomenon": [
      "the sky looks blue during the day", "onions make people cry", "ice floats on water",
      "we get goosebumps", "leaves change color in autumn", "the moon shows phases", "bubbles are round",
      "cats purr", "our voices sound strange on recordings",
      "metal feels colder than wood at the same temperature", "we yawn", "the ocean is salty",
      "bread goes stale", "fingers wrinkle in the bath", "popcorn pops",
      "we see lightning before hearing thunder", "knuckles crack", "some people are left-handed",
      "rainbows are curved", "the sea looks green in some places", "ears pop on airplanes",
      "spicy food feels hot", "glass is transparent", "cut apples turn brown",
      "mirrors flip left and right but not up and down", "the sunset is red", "hair turns gray", "we dream",
      "birds fly in a V shape", "soap removes grease", "sound travels faster in water", "stars twinkle",
      "a spinning top stays upright", "salt melts ice on roads", "coffee keeps us awake",
      "deserts get cold at night", "we have fingerprints", "cats land on their feet",
      "a balloon sticks to the wall after rubbing it on hair", "snowflakes have six sides",
      "time zones exist", "the Earth has seasons", "boats made of steel float",
    ],
  },
  "trace": [
    "The physics or chemistry behind why {phenomenon} is what I need to pin down.",
    "There's a popular explanation for why {phenomenon}, but I'm not sure it's the full story.",
    "Let me recall the actual mechanism rather than the folk explanation.",
    "I could mention the molecules involved, but keep it readable.",
    "Is there more than one factor? Probably, but one of them dominates.",
    "A simple experiment someone could do at home would be a nice touch.",
  ],
  "answer": {
    "intro": [
      "Good question! The short answer is that it comes down to a few physical processes.",
      "It's one of those everyday things with a surprisingly neat explanation.",
      "Here's what's actually going on.",
    ],
    "points": [
      "The short answer", "What's happening physically", "Why it looks that way", "A quick experiment",
      "Common myths",
    ],
    "body": [
      "The effect comes from how energy or particles interact at a very small scale.",
      "Different materials respond differently, and that difference is what we notice.",
      "Our senses are not measuring instruments; they interpret signals in a particular way.",
      "Temperature, pressure, and structure all play a role.",
      "A popular myth gets part of it right but misses the main cause.",
      "You can see the same principle at work in several other situations.",
      "Scientists confirmed this with careful experiments over many years.",
      "If conditions change, the effect gets stronger or weaker in predictable ways.",
      "It's also a good reminder that simple questions often have deep answers.",
      "Try it yourself: a simple kitchen experiment can show the effect clearly.",
    ],
    "outro": [
      "So next time you notice it, you'll know exactly what's going on!",
      "In short: a few physical rules, working together, explain the whole thing.",
    ],
  },
}

_EXPLANATION_HISTORY_QA = {
  "name": "history_qa",
  "weight": 1,
  "frames": [
    ["What caused {event}?", "explain what caused {event}"],
    ["How did {event} change {domain}?", "explain how {event} changed {domain}"],
    [
      "Can you give me an overview of {event}: the causes, the main events, and the consequences?",
      "give an overview of {event}",
    ],
    [
      "Why is {event} still considered so important by historians?",
      "explain why historians see {event} as important",
    ],
    [
      "I'm reading about {event} and I'm confused about the background. What led up to it?",
      "explain the background that led to {event}",
    ],
  ],
  "slots": {
    "event": [
      "the fall of the Western Roman Empire", "the French Revolution", "the Industrial Revolution",
      "the invention of the printing press", "the Black Death", "the Cold War", "the Meiji Restoration",
      "the building of the transcontinental railroad", "the collapse of the Soviet Union", "the Renaissance",
      "the Protestant Reformation", "the American civil rights movement", "the Silk Road trade",
      "the moon landing", "the Great Depression", "the partition of India", "the fall of the Berlin Wall",
      "the Magna Carta", "the age of exploration", "the Haitian Revolution", "the invention of the telegraph",
      "the Dust Bowl", "the Ottoman conquest of Constantinople", "the women's suffrage movement",
      "the Green Revolution in agriculture",
    ],
    "domain": [
      "daily life for ordinary people", "world trade", "politics in Europe", "science",
      "how people communicated", "the balance of power", "religion and culture", "the economy",
    ],
  },
  "trace": [
    "The causes of {event} were complex, so I should group them into a few categories.",
    "Historians debate some of this, so I should mention that without getting lost in it.",
    "I need to get the rough timeline right for {event}.",
    "Economic, political, and social factors probably all played a part.",
    "The long-term consequences are often more interesting than the events themselves.",
  ],
  "answer": {
    "intro": [
      "{event} had several causes that built up over time.",
      "Here's an overview of {event}, from background to legacy.",
      "Historians usually explain {event} through a mix of long-term and short-term factors.",
    ],
    "points": [
      "Background", "Long-term causes", "The immediate trigger", "Key events", "Consequences",
      "Why it still matters",
    ],
    "body": [
      "Tensions had been growing for decades before anything dramatic happened.",
      "Economic pressure made ordinary people more willing to accept change.",
      "New ideas spread faster than the authorities could control them.",
      "Leaders at the time misjudged how quickly events would move.",
      "Not everyone experienced these changes the same way; much depended on class and region.",
      "The consequences rippled outward for generations.",
      "Some historians emphasize individuals, while others stress broad social forces.",
      "Technology and trade played a bigger role than is often assumed.",
      "Looking back, the turning points are clearer than they were to people living through them.",
      "The legacy can still be seen in institutions and borders today.",
    ],
    "outro": [
      "It's a rich topic, and any of these threads is worth reading about in more depth.",
      "In short, no single cause explains it; it was a combination that came together at once.",
    ],
  },
}

_WRITING_POEM = {
  "name": "poem",
  "frames": [
    ["Write a {form} about {poem_subject}.", "write a {form} about {poem_subject}"],
    ["Could you write me a {form} about {poem_subject}? {tone}", "write a {form} about {poem_subject}"],
    [
      "I need a {form} for {occasion}. The theme is {poem_subject}.",
      "write a {form} about {poem_subject} for {occasion}",
    ],
    ["Compose a {form} that captures {poem_subject}, {tone_lc}", "compose a {form} capturing {poem_subject}"],
  ],
  "slots": {
    "form": [
      "short poem", "sonnet", "free verse poem", "rhyming poem", "haiku sequence", "poem in four stanzas",
      "ballad",
    ],
    "poem_subject": [
      "an old lighthouse at dawn", "the first snow of winter", "a grandmother's kitchen", "a city waking up",
      "leaving home for the first time", "a quiet forest after rain", "the sea at night",
      "a forgotten train station", "friendship that survived distance", "the last day of summer",
      "a cup of tea on a cold morning", "migrating birds", "a garden in late autumn",
      "the sound of rain on a tin roof", "an empty playground", "a letter never sent", "fireflies in July",
      "a mountain village", "the night shift", "a library after closing time",
      "a river that floods every spring",
    ],
    "tone": [
      "Make it hopeful.", "Something melancholy would be nice.", "Keep it light and playful.",
      "I'd like a calm, reflective mood.", "It should feel nostalgic.",
    ],
    "tone_lc": [
      "with a hopeful tone.", "with a gentle, melancholy feel.", "in a playful voice.",
      "in a calm and reflective mood.",
    ],
    "occasion": [
      "my mother's birthday card", "a school assembly", "a friend's wedding toast", "a retirement party",
      "our community newsletter", "a memorial service",
    ],
  },
  "trace": [
    "For a poem about {poem_subject}, the imagery should do most of the work.",
    "Rhyme can feel forced, so maybe I'll use it lightly.",
    "I want a strong first line and a last line that echoes it.",
    "Sensory details: sound, light, temperature. That's where the feeling comes from.",
    "The rhythm should be steady without sounding like a nursery rhyme.",
    "Let me draft a few lines and see which ones sound natural.",
  ],
  "styles": ["poem"],
  "answer": {
    "title": [
      "Morning Light", "What the Tide Keeps", "Small Hours", "After the Rain", "Homeward",
      "The Quiet Between", "Lanterns", "Salt and Silver", "Long Evening", "First Frost",
    ],
    "lines": [
      "The light comes slowly, grey then gold,", "and everything it touches feels less cold.",
      "A window holds the last of the night,", "the kettle hums, the day is taking flight.",
      "I keep the small things close to me,", "the way the branches hold the sky, the sea.",
      "Somewhere a door is opening wide,", "and all the waiting steps outside.",
      "The road runs on beyond the hill,", "the evening air is soft and still.",
      "We carried stories in our hands,", "like water poured across the sands.",
      "And if the winter comes too soon,", "we'll borrow silver from the moon.",
      "The rain writes letters on the glass,", "and says that even this will pass.",
      "Old voices drift from room to room,", "like bread still warm, like lilac bloom.",
      "The harbor lights begin to burn,", "for every boat that will return.",
      "I learned the names of things that stay,", "and those that quietly slip away.",
      "Beneath the noise, a steady sound,", "the patient heartbeat of the ground.",
    ],
  },
}

_WRITING_STORY = {
  "name": "story",
  "frames": [
    ["Write a short story about {premise}.", "write a short story about {premise}"],
    [
      "Can you write a {genre} story about {premise}? Around {words} words.",
      "write a {genre} story about {premise}",
    ],
    ["I'd like a bedtime story for my {relative} about {premise}.", "write a bedtime story about {premise}"],
    [
      "Give me the opening scene of a {genre} novel where {premise_clause}.",
      "write an opening scene where {premise_clause}",
    ],
  ],
  "slots": {
    "premise": [
      "a robot who learns to garden", "a lighthouse keeper who finds a message in a bottle",
      "two strangers stuck in an elevator", "a dragon afraid of heights", "a detective who can hear lies",
      "a village where it never stops snowing", "a librarian who discovers a hidden room",
      "a time traveler stuck in 1987", "a girl who can talk to birds", "the last bakery in a futuristic city",
      "an astronaut returning home after ten years", "a cat who runs a bookshop",
      "a musician who loses her hearing", "a chess match with very high stakes",
      "a map that redraws itself every night", "a family reunion that goes wrong",
    ],
    "premise_clause": [
      "a ship's navigator wakes up alone on deck", "the town clock stops at midnight",
      "a courier delivers a package to the wrong planet", "an old woman inherits a haunted greenhouse",
      "a young chef is challenged by her rival", "the power goes out across the whole continent",
    ],
    "genre": ["science fiction", "mystery", "fantasy", "heartwarming", "funny", "spooky", "adventure"],
    "words": ["500", "800", "1000", "300"],
    "title_story": [
      "The Quiet Machine", "Salt and Static", "The Last Train Home", "Paper Lanterns", "What the River Knew",
      "Borrowed Time", "The Map Room", "Small Miracles", "A Door in the Fog", "Winter Hours",
    ],
  },
  "trace": [
    "A short story needs a clear character, a want, and an obstacle.",
    "The opening line should drop the reader right into the situation.",
    "I'll give the main character a small, specific detail to make them real.",
    "The ending should resolve something but leave a little room for imagination.",
    "Dialogue could move things along faster than description.",
    "The twist shouldn't come out of nowhere; I need to plant a hint early.",
  ],
  "styles": ["prose"],
  "answer": {
    "intro": ["**{title_story}**", "Here's a short story for you:\n\n**{title_story}**"],
    "body": [
      "Nobody in {city} expected anything unusual that morning.",
      "{name} had always believed that small choices mattered more than big ones.",
      "The wind carried the smell of salt and something sweeter, like burnt sugar.",
      '"Are you sure about this?" {name} asked, though the answer was already obvious.',
      "For a long moment, nothing moved except the clock on the wall.",
      "It was the kind of silence that comes just before everything changes.",
      "By the time the sun went down, the plan had fallen apart twice.",
      "{name} laughed, surprised at how light it felt to finally say it out loud.",
      "The door creaked open, and a shape appeared that no one recognized.",
      "Years later, people in {city} would still argue about what really happened.",
      "There was a note on the table, written in careful, slanted handwriting.",
      "Somewhere far away, a bell began to ring.",
      "It wasn't bravery, exactly; it was the refusal to give up.",
      "And for the first time in weeks, {name} slept without dreaming.",
    ],
    "outro": ["*The End.*", "And that was only the beginning.", "Some stories don't end; they just pause."],
  },
  "answer_frac": 0.45,
}

_WRITING_ESSAY = {
  "name": "essay",
  "frames": [
    ["Write a {length} essay on {essay_topic}.", "write a {length} essay on {essay_topic}"],
    ["I need an essay arguing that {essay_claim}. {essay_req}", "write an essay arguing that {essay_claim}"],
    [
      "Can you draft a {length} essay about {essay_topic} for my {course} class?",
      "draft an essay about {essay_topic} for a {course} class",
    ],
    [
      "Write an opinion piece on {essay_topic} for a general audience.",
      "write an opinion piece on {essay_topic}",
    ],
  ],
  "slots": {
    "length": ["five-paragraph", "600-word", "short", "two-page", "1000-word"],
    "essay_topic": [
      "the role of social media in modern politics", "whether homework helps students learn",
      "the value of learning a second language", "the ethics of zoos", "remote work and the future of cities",
      "why public libraries still matter", "the impact of fast fashion", "the benefits of urban green spaces",
      "whether college should be free", "the influence of video games on creativity",
      "climate change and personal responsibility", "the importance of sleep for teenagers",
      "artificial intelligence in classrooms", "the four-day work week", "tourism and local communities",
      "why history should be taught in schools",
    ],
    "essay_claim": [
      "cities should ban cars from their centers", "every student should learn to cook",
      "voting should be mandatory", "schools should start later in the morning",
      "museums should be free to enter", "children should learn coding early",
      "plastic packaging should be taxed", "public transport should be free",
    ],
    "essay_req": [
      "Include counterarguments.", "Cite the kinds of evidence I could look up.",
      "Give it a strong thesis statement.", "Keep the tone academic.",
    ],
    "course": ["English", "sociology", "ethics", "economics", "environmental science", "history"],
  },
  "trace": [
    "A clear thesis about {essay_topic} needs to be in the first paragraph.",
    "Each body paragraph should make one argument and support it.",
    "I should acknowledge the strongest counterargument and respond to it.",
    "The conclusion shouldn't just repeat the introduction.",
    "What kind of evidence would make this persuasive? Studies, examples, maybe a statistic.",
    "I need transitions that connect the paragraphs logically.",
  ],
  "styles": ["prose", "sections"],
  "answer": {
    "intro": [
      "Few questions divide people as sharply as this one, and for good reason.",
      "In recent years, the debate around this issue has only grown louder.",
      "At first glance, the answer seems obvious; on closer inspection, it is anything but.",
    ],
    "points": [
      "Introduction", "The main argument", "Evidence and examples", "A counterargument", "Response",
      "Conclusion",
    ],
    "body": [
      "Supporters argue that the benefits clearly outweigh the costs.",
      "Critics, however, point to real risks that deserve attention.",
      "The evidence from several countries suggests a more nuanced picture.",
      "One strong example comes from a mid-sized city that tried this a decade ago.",
      "It would be a mistake to ignore the people most affected by the change.",
      "Ultimately, the question is not whether to act, but how.",
      "Short-term discomfort may be the price of long-term improvement.",
      "Policy makers must balance individual freedom against the common good.",
      "Data alone cannot settle the issue; values matter as well.",
      "A thoughtful compromise would address the concerns of both sides.",
      "History offers several examples of similar debates, and their lessons are instructive.",
      "In the end, the strongest arguments rest on fairness and practicality.",
    ],
    "outro": [
      "In conclusion, the case for change is strong, provided it is implemented with care.",
      "The issue deserves a careful, evidence-based debate rather than slogans.",
    ],
  },
  "answer_frac": 0.45,
}

_WRITING_LETTER = {
  "name": "letter",
  "frames": [
    ["Write a {letter_kind} to {recipient} {purpose}.", "write a {letter_kind} to {recipient} {purpose}"],
    [
      "Help me draft an email to {recipient} {purpose}. {letter_req}",
      "draft an email to {recipient} {purpose}",
    ],
    [
      "Can you write a polite but firm letter to {recipient} {purpose}?",
      "write a polite but firm letter to {recipient} {purpose}",
    ],
  ],
  "slots": {
    "letter_kind": ["formal letter", "short email", "friendly note", "cover letter", "thank-you letter"],
    "recipient": [
      "my landlord", "my child's teacher", "the city council", "a hiring manager", "my neighbor",
      "an old friend", "my bank", "a customer", "my team", "a former professor",
    ],
    "purpose": [
      "asking to fix a broken heater", "requesting a meeting next week",
      "complaining about noise late at night", "applying for a marketing position",
      "thanking them for their support this year", "asking for a recommendation letter",
      "disputing a late fee", "announcing that I'm leaving the company",
      "apologizing for missing the deadline", "inviting them to a community event",
    ],
    "recipient_name": [
      "Ms. Carter", "Mr. Patel", "Dr. Nguyen", "Mrs. Okafor", "Mr. Lindqvist", "Professor Alvarez",
      "Ms. Brennan", "everyone",
    ],
    "letter_req": [
      "Keep it under 200 words.", "It should sound professional.", "Make it warm but not too casual.",
      "I'm a bit nervous about the tone.",
    ],
  },
  "trace": [
    "The tone for a letter to {recipient} matters as much as the content.",
    "The purpose should be clear within the first two sentences.",
    "I'll end with a concrete request or next step.",
    "Polite doesn't mean vague; the letter should still be direct.",
    "A subject line would help if this is an email.",
  ],
  "styles": ["letter"],
  "answer": {
    "greeting": ["Dear {recipient_name},", "Hello {recipient_name},", "Hi {recipient_name},"],
    "body": [
      "I hope this message finds you well.",
      "I am writing to follow up on a matter that has become increasingly pressing.",
      "I would be grateful if we could find a time to discuss this in the coming days.",
      "I understand that schedules are busy, and I appreciate your attention.",
      "As mentioned in my previous message, the situation has not changed.",
      "I have attached the relevant documents for your reference.",
      "Thank you for your patience and for everything you have done so far.",
      "Please let me know if there is any additional information I can provide.",
      "I believe a short conversation would resolve this quickly.",
      "I truly value our working relationship and want to handle this properly.",
    ],
    "outro": [
      "Thank you in advance for your time.", "I look forward to hearing from you.",
      "Thank you again for your understanding.",
    ],
    "signoff": ["Best regards,\n{name}", "Sincerely,\n{name}", "Kind regards,\n{name}", "Warmly,\n{name}"],
  },
}

_WRITING_REWRITE = {
  "name": "rewrite",
  "gen": "writing.rewrite",
  "frames": [
    [
      "Rewrite this paragraph so it sounds more professional:\n\n{passage}",
      "rewrite a paragraph in a more professional tone",
    ],
    ["Can you polish this text for me? It reads awkwardly.\n\n{passage}", "polish an awkward text"],
    [
      "Please improve the clarity and tone of the following message:\n\n{passage}",
      "improve the clarity and tone of a message",
    ],
    [
      "Make this sound less rude and more clear, but keep the meaning:\n\n{passage}",
      "make a message less rude and clearer",
    ],
  ],
  "pairs": [
    [
      "hey so the report is gonna be late again, sorry.",
      "I wanted to let you know that the report will be delayed once more; I apologize for the inconvenience.",
    ],
    [
      "we need the numbers asap or we cant do anything.",
      "We need the figures as soon as possible in order to move forward.",
    ],
    ["{name} didnt send the files yet so blame him.", "We are still waiting for the files from {name}."],
    ["the meeting was kind of a waste of time tbh.", "I felt the meeting could have been more productive."],
    [
      "can u fix the bug in the login page its really annoying.",
      "Could you please look into the bug on the login page? It is affecting users.",
    ],
    [
      "i think the new design is ok but the colors are weird.",
      "The new design works well overall, although the color palette could be refined.",
    ],
    [
      "nobody told me about the deadline change so thats not on me.",
      "I was not informed about the change in deadline, which explains the delay.",
    ],
    [
      "the client is mad because we messed up the invoice.",
      "The client is understandably frustrated about the error in the invoice.",
    ],
    ["lets just do it my way it's faster.", "I'd suggest we go with my approach, as it should save time."],
    [
      "the budget thing in {city} is a total mess.",
      "The budget situation for the {city} office needs attention.",
    ],
    [
      "i cant make it friday, something came up.",
      "Unfortunately, I will not be able to attend on Friday due to a scheduling conflict.",
    ],
    ["send me the stuff from last week pls.", "Could you please send me the materials from last week?"],
    ["we kinda missed the target this quarter.", "We fell short of our target this quarter."],
    [
      "your presentation was good but way too long.",
      "Your presentation was strong; trimming it slightly would make it even more effective.",
    ],
    ["no idea why the server died again.", "We are still investigating why the server went down again."],
    ["the new hire {name} is doing fine i guess.", "Our new colleague, {name}, is settling in well."],
    [
      "stop changing the plan every day, its confusing everyone.",
      "Frequent changes to the plan are causing confusion; could we agree on a stable version?",
    ],
    [
      "the training was boring and nobody learned anything.",
      "The training could be more engaging to help participants retain the material.",
    ],
  ],
  "trace": [
    "The original text is informal and a bit blunt, so the main job is tone.",
    "I must keep the meaning of every sentence while changing the register.",
    "Contractions and slang should go, but it shouldn't sound robotic.",
    "Blaming language should become neutral, factual statements.",
    "Let me go sentence by sentence and rewrite each one.",
  ],
  "styles": ["rewrite"],
  "answer": {
    "intro": [
      "Here's a more polished version:", "Sure! Here's a clearer, more professional rewrite:",
      "Here is the revised text:",
    ],
    "outro": [
      "I kept the original meaning but made the tone more neutral and professional.",
      "Let me know if you'd like it more formal or more casual.",
      "The main changes: no slang, no blame, and clearer requests.",
    ],
  },
}

_SUMMARY_ARTICLE = {
  "name": "article",
  "gen": "summary.article",
  "frames": [
    [
      "Summarize the following {doc} in {k} bullet points:\n\n{passage}",
      "summarize a {doc} in bullet points",
    ],
    ["TL;DR please. What's the gist of this?\n\n{passage}", "give the gist of a text"],
    [
      "Can you give me a short summary of this text for my team?\n\n{passage}",
      "write a short summary of a text for a team",
    ],
    [
      "Read this and tell me the key points in two or three sentences:\n\n{passage}",
      "extract the key points of a text in a few sentences",
    ],
    [
      "I don't have time to read this whole thing. Summarize it for me:\n\n{passage}",
      "summarize a text for someone short on time",
    ],
  ],
  "slots": {
    "doc": ["article", "news story", "report", "text", "passage", "update"],
    "v1": ["5", "6", "7", "8"],
    "v2": ["1", "2", "3", "4"],
    "n1": ["12", "18", "25", "40", "45", "60", "75"],
    "n2": ["3.5", "8", "14", "27", "120", "250"],
    "n3": ["4", "6", "9", "11", "15", "32"],
    "n4": ["second", "third", "fourth", "fifth"],
    "n5": ["two", "three", "four"],
    "n6": ["Seven", "Nine", "Eleven", "Twelve"],
    "k": ["three", "four", "five", "3", "5"],
  },
  "themes": [
    {
      "title": "the bike lane plan in {city}",
      "text": [
        "The city council of {city} voted {v1} to {v2} on Tuesday to approve a network of protected bike lanes.",
        "The plan adds {n1} kilometers of separated lanes over the next three years.",
        "Supporters say the lanes will make cycling safer for children and older residents.",
        "Several shop owners on Main Street worry that losing parking spaces will hurt business.",
        "The project is expected to cost around {n2} million, partly funded by a regional grant.",
        "Council member {name} called the vote a turning point for the city.",
        "Construction on the first section will begin in early spring.",
        "A similar project in a neighboring town reduced traffic injuries by a third.",
        "Critics argue the money would be better spent repairing existing roads.",
        "The council promised to review the plan after the first year.",
        "Public meetings will be held each month to collect feedback from residents.",
        "Local cycling groups have been campaigning for the lanes for almost a decade.",
        "Bus routes along two of the affected streets will be adjusted slightly.",
      ],
      "summary": [
        "{city}'s council approved a multi-year network of protected bike lanes.",
        "Supporters expect safer streets, while some businesses fear losing parking.",
        "Construction starts in spring and the plan will be reviewed after a year.",
      ],
    },
    {
      "title": "a company's quarterly results",
      "text": [
        "Shares of the software maker rose {n3} percent after it reported quarterly results on Thursday.",
        "Revenue grew to {n2} million, beating analyst expectations.",
        "The growth came mainly from new subscriptions in Europe and Asia.",
        "Chief executive {name} said the company would keep investing in its cloud products.",
        "Operating costs also rose, as the firm hired more than {n1} new engineers.",
        "The company lowered its forecast for the hardware division.",
        "Analysts noted that customer churn fell for the third quarter in a row.",
        "A planned acquisition is still waiting for regulatory approval.",
        "Management warned that currency swings could weigh on next year's profits.",
        "The board announced a small increase in the dividend.",
        "Employees will receive stock options under a new retention program.",
        "The results were released a week later than originally scheduled.",
        "Competitors have been cutting prices aggressively in the same market.",
      ],
      "summary": [
        "The software company beat revenue expectations, driven by subscriptions abroad.",
        "Costs rose with heavy hiring, and the hardware outlook was cut.",
        "Investors reacted positively, lifting the share price.",
      ],
    },
    {
      "title": "a school's move to a four-day week",
      "text": [
        "Starting in September, {city} Middle School will move to a four-day school week.",
        "Each school day will be extended by about {n1} minutes to make up the time.",
        "Administrators say the change will help them recruit and keep teachers.",
        "Some parents are worried about finding childcare on Fridays.",
        "The district will offer optional enrichment programs on the fifth day.",
        "Principal {name} said early surveys showed strong support among staff.",
        "Research on four-day weeks shows mixed effects on student achievement.",
        "Bus schedules will be adjusted to the longer school days.",
        "The school board approved the pilot for two years.",
        "Students interviewed were mostly enthusiastic about the long weekend.",
        "The district expects to save about {n2} thousand on transport and energy.",
        "A committee of parents and teachers will monitor attendance and grades.",
        "Neighboring districts are watching the pilot closely.",
      ],
      "summary": [
        "{city} Middle School is piloting a four-day week with longer school days.",
        "The goal is to attract and keep teachers; parents worry about childcare.",
        "Results will be monitored during the two-year pilot.",
      ],
    },
    {
      "title": "a study on screens and sleep",
      "text": [
        "A new study of {n3} hundred teenagers links late-night screen use to shorter sleep.",
        "Participants who used phones in bed slept about {n1} minutes less on average.",
        "The researchers tracked sleep with wrist devices over six weeks.",
        "Lead author Dr. {name} said the effect was strongest on school nights.",
        "Bright light from screens can delay the release of the sleep hormone melatonin.",
        "However, the study could not prove that screens directly cause poor sleep.",
        "Teenagers who read paper books before bed fell asleep faster.",
        "The authors recommend keeping phones out of the bedroom at night.",
        "Some experts say stress and homework may matter just as much.",
        "The study was published in a peer-reviewed pediatrics journal.",
        "Parents in the study were also asked about their own screen habits.",
        "A follow-up study will test whether a screen curfew improves grades.",
        "Night mode settings reduced the effect only slightly.",
      ],
      "summary": [
        "Teens who use screens late at night tend to sleep less, according to a new study.",
        "The link is clear, but the study can't prove that screens are the cause.",
        "Researchers suggest keeping phones out of bedrooms.",
      ],
    },
    {
      "title": "a bakery's expansion",
      "text": [
        "A family bakery that started in a garage in {city} is opening its {n4} location.",
        "Founder {name} began by selling sourdough loaves to neighbors during the pandemic.",
        "The new shop will include a small café and a baking classroom.",
        "The business now employs {n1} people, most of them hired locally.",
        "Rising flour and energy prices nearly forced it to close last winter.",
        "A crowdfunding campaign raised enough money to keep the ovens running.",
        "Customers say the cinnamon buns are worth the long queue on weekends.",
        "The bakery donates unsold bread to a shelter every evening.",
        "The owners have turned down offers from larger chains.",
        "They plan to introduce gluten-free options next year.",
        "A local newspaper named it the best bakery in the region.",
        "Training for new bakers lasts about three months.",
        "The opening party will take place on the first Saturday of the month.",
      ],
      "summary": [
        "A {city} bakery that began in a garage is opening another shop with a café.",
        "It survived rising costs thanks to crowdfunding and loyal customers.",
        "It stays independent and plans new gluten-free products.",
      ],
    },
    {
      "title": "a drought affecting farmers",
      "text": [
        "Farmers in the region around {city} are facing the driest summer in {n1} years.",
        "Reservoir levels have fallen to about {n3} percent of normal.",
        "Authorities have introduced limits on watering gardens and washing cars.",
        "Farmer {name} said she expects to lose almost half of her corn harvest.",
        "Some growers are switching to crops that need less water.",
        "The government announced emergency payments for the worst-affected farms.",
        "Scientists say droughts like this are becoming more frequent.",
        "Wildfire risk is high, and several forests have been closed to visitors.",
        "Food prices in local markets have started to rise.",
        "Environmental groups are calling for long-term investment in water storage.",
        "Rain is not expected for at least another two weeks.",
        "River transport has been reduced because water levels are too low.",
        "Cattle farmers are buying hay from other regions at high prices.",
      ],
      "summary": [
        "A severe drought around {city} is hurting harvests and draining reservoirs.",
        "Water restrictions and emergency payments have been introduced.",
        "Experts warn such droughts are becoming more common.",
      ],
    },
    {
      "title": "a museum reopening",
      "text": [
        "The {city} Museum of Natural History reopened on Saturday after a {n5}-year renovation.",
        "The building now has a new glass roof and a wing for interactive exhibits.",
        "More than {n2} thousand visitors came on the opening weekend.",
        "Director {name} said the goal was to make science feel hands-on.",
        "The famous dinosaur skeleton was cleaned and reassembled in a new pose.",
        "Entry will be free for children under twelve.", "The renovation went over budget by nearly a fifth.",
        "Some long-time visitors miss the old wooden display cases.",
        "A new café on the top floor offers views over the city.",
        "The museum plans evening events for adults once a month.",
        "Accessibility was improved with ramps and audio guides.",
        "Schools can now book free guided tours online.",
        "The renovation was funded by the city and private donors.",
      ],
      "summary": [
        "The {city} natural history museum reopened after a long renovation.",
        "It features interactive exhibits, better accessibility, and free entry for children.",
        "The project went over budget but drew large crowds at opening.",
      ],
    },
    {
      "title": "a team retrospective",
      "text": [
        "In Friday's retrospective, the team reviewed the last two-week sprint.",
        "{n6} of the planned stories were completed; the rest move to the next sprint.",
        "Everyone agreed that the daily stand-ups were running too long.",
        "{name} suggested limiting stand-ups to fifteen minutes.",
        "The test environment was down for two days, which slowed progress.",
        "The team praised the quick help from the design group.",
        "Code reviews are piling up and need a clearer owner.",
        "Next sprint, two people will pair on the payment feature.",
        "Documentation for the new API is still missing.",
        "The team will try a no-meeting Wednesday as an experiment.",
        "Customer feedback on the last release was mostly positive.",
        "On-call duty will rotate weekly instead of monthly.",
        "The retrospective ended with a short vote on priorities.",
      ],
      "summary": [
        "The sprint was partly completed; unfinished work moves on.",
        "Problems: long stand-ups, a broken test environment, and slow code reviews.",
        "Next steps: shorter stand-ups, pairing on payments, and a no-meeting day.",
      ],
    },
    {
      "title": "a new library app",
      "text": [
        "The {city} public library launched a mobile app this week.",
        "Members can now reserve books, renew loans, and pay fines from their phones.",
        "The app also offers free access to {n2} thousand e-books and audiobooks.",
        "Librarian {name} said the goal is to reach people who rarely visit in person.",
        "Some older members have asked for training sessions on how to use it.",
        "The library will hold weekly workshops at the main branch.",
        "Early reviews praise the design but report occasional login problems.",
        "The app was developed with a grant from a regional foundation.",
        "Printed catalogues will still be available at every branch.",
        "A barcode scanner lets users check whether a book is available nearby.",
        "Notifications remind members a few days before items are due.",
        "The library plans to add event bookings later this year.",
        "Data is stored locally and not shared with advertisers, the library said.",
      ],
      "summary": [
        "The {city} library launched an app for reservations, renewals, and e-books.",
        "Workshops will help members who need support.",
        "Early feedback is good despite some login problems.",
      ],
    },
  ],
  "trace": [
    "The main point of the text needs to come first in the summary.",
    "Details like exact numbers can be dropped unless they're central.",
    "I should stay neutral and not add opinions the text doesn't contain.",
    "Let me identify who, what, when, and why.",
    "There's a tension in the text between two groups, which is worth keeping.",
    "Three points should be enough to capture it.",
  ],
  "styles": ["summary"],
  "answer": {
    "intro": ["Here's a summary:", "**Summary:**", "The key points:", "In short:"],
    "outro": ["Let me know if you want a longer version.", "Happy to adjust the length or focus."],
  },
}

_IDEATION_BRAINSTORM = {
  "name": "brainstorm",
  "shuffle_points": True,
  "frames": [
    ["Give me {n} ideas for {goal}.", "brainstorm {n} ideas for {goal}"],
    [
      "I'm out of ideas. Can you brainstorm some options for {goal}? {constraint}",
      "brainstorm options for {goal}",
    ],
    ["What are some creative ways to approach {goal}?", "suggest creative ways to approach {goal}"],
    ["Help me brainstorm: {goal}. Nothing too obvious, please.", "brainstorm non-obvious ideas for {goal}"],
  ],
  "slots": {
    "n": ["five", "ten", "a few", "seven", "some"],
    "goal": [
      "a birthday party for a seven-year-old", "names for a coffee shop",
      "a team-building activity for remote workers", "reducing plastic waste at home",
      "a science fair project", "fundraising for a school trip", "a podcast about local history",
      "weekend activities on a rainy day", "a mobile app that helps students",
      "making a small apartment feel bigger", "a gift for someone who has everything",
      "engaging customers on social media", "a community garden event", "a short film with no budget",
      "healthy lunches for work", "a themed dinner party", "getting teenagers interested in reading",
      "a side business with low startup costs", "a blog about sustainable travel",
      "improving morale in a small office",
    ],
    "constraint": [
      "The budget is tight.", "It has to work indoors.", "We only have a week.",
      "Ideally something a beginner can do.", "It should be inclusive for all ages.", "",
    ],
  },
  "trace": [
    "For {goal}, I should mix safe ideas with a couple of bold ones.",
    "Practical constraints like budget and time will shape which ideas are useful.",
    "Each idea needs a one-line explanation so it's actionable.",
    "I should avoid listing things that are basically the same idea twice.",
    "Maybe group the ideas by effort or cost.",
  ],
  "styles": ["list"],
  "answer": {
    "intro": [
      "Here are some ideas to get you started:", "Sure! Here are a few options, from simple to ambitious:",
    ],
    "points": [
      "A themed challenge", "Go local", "The low-budget classic", "Make it interactive",
      "Collaborate with others", "A surprise element", "Use what you already have", "Try a digital twist",
      "Tell a story", "Keep it simple",
    ],
    "body": [
      "This works well because it's easy to set up and adapts to any group size.",
      "It costs almost nothing and people tend to remember it.",
      "You could ask participants to contribute, which builds a sense of ownership.",
      "Start small, see what resonates, and build from there.",
      "A clear theme makes planning and promotion much easier.",
      "Pair it with something people already enjoy to lower the barrier.",
      "It's flexible: it can be quick or turned into a bigger project.",
      "Photos or short videos afterwards can extend the impact.",
      "Local partners are often happy to help in exchange for visibility.",
    ],
    "outro": [
      "Pick the two or three that fit best and try them out!",
      "Want me to expand any of these into a detailed plan?",
    ],
  },
}

_IDEATION_PLAN = {
  "name": "plan",
  "frames": [
    ["Help me plan {plan_goal}. {constraint}", "make a plan for {plan_goal}"],
    ["Can you make a step-by-step plan for {plan_goal}?", "make a step-by-step plan for {plan_goal}"],
    [
      "I want to {plan_verb}. Where do I even start? Give me a realistic plan.",
      "make a realistic plan to {plan_verb}",
    ],
    ["Create a {period} schedule for {plan_goal}.", "create a {period} schedule for {plan_goal}"],
  ],
  "slots": {
    "plan_goal": [
      "a week-long trip to Japan", "training for my first 10k run", "moving to a new city",
      "launching an online store", "learning Spanish in six months", "a small wedding",
      "renovating a kitchen", "studying for final exams", "a product launch", "a two-day hiking trip",
      "a family reunion", "writing a novel in a year", "getting my finances in order", "a school open day",
    ],
    "plan_verb": [
      "learn to code", "get back in shape", "start a vegetable garden", "save for a house",
      "read fifty books this year", "change careers into design", "organize my home",
      "build a personal website",
    ],
    "period": ["weekly", "30-day", "three-month", "daily"],
    "constraint": [
      "I only have evenings free.", "My budget is limited.", "I'm a total beginner.",
      "I have about three months.", "",
    ],
  },
  "trace": [
    "A plan needs phases, milestones, and some slack for when things go wrong.",
    "The first step should be small enough to start today.",
    "I should estimate time for each phase realistically.",
    "What are the dependencies? Some steps can't start before others finish.",
    "A checklist format would make the plan easier to follow.",
  ],
  "styles": ["list", "sections"],
  "answer": {
    "intro": ["Here's a realistic plan you can adapt:", "Let's break it into manageable phases."],
    "points": [
      "Phase 1: Preparation", "Phase 2: Getting started", "Phase 3: Building momentum",
      "Phase 4: Review and adjust", "Budget", "Timeline", "Tools and resources", "Common pitfalls",
    ],
    "body": [
      "Set a clear, measurable goal and write it down.",
      "Block time in your calendar as if it were an appointment.",
      "Gather what you need before you start so you don't lose momentum.",
      "Break big tasks into steps of one or two hours.",
      "Track progress weekly and adjust instead of giving up.",
      "Build in a buffer: things usually take longer than expected.", "Ask someone to hold you accountable.",
      "Celebrate small milestones to stay motivated.",
      "Keep a simple list of open questions and resolve them one at a time.",
    ],
    "outro": [
      "Good luck! Adjust the timeline as you learn what works for you.",
      "If you tell me more about your situation, I can tailor this further.",
    ],
  },
}

_ADVICE_PERSONAL = {
  "name": "personal",
  "frames": [
    ["{situation} What should I do?", 'help someone who wrote: "{situation}"'],
    ["I could use some advice. {situation} Any thoughts?", "give advice about a personal situation"],
    [
      "{situation} How do I handle this without making things worse?",
      "suggest how to handle a delicate situation",
    ],
    ["Honest advice needed: {situation}", "give honest advice about a difficult situation"],
    ["{situation} {detail} What would you do in my position?", "suggest what to do in someone's position"],
  ],
  "extra": ["{detail}", "Be honest with me.", "Please be practical.", "I'm open to any suggestions."],
  "p_extra": 0.6,
  "slots": {
    "situation": [
      "My best friend keeps canceling plans at the last minute.",
      "I feel burned out at work but can't afford to quit.", "My roommate never cleans up after himself.",
      "I want to ask for a raise but I'm afraid of the answer.",
      "My parents don't approve of my career choice.", "I procrastinate on everything, even things I enjoy.",
      "I moved to a new city and haven't made any friends yet.",
      "My coworker takes credit for my ideas in meetings.",
      "I'm nervous about giving a speech at my sister's wedding.", "My teenager barely talks to me anymore.",
      "I spend too much money on takeout and can't stop.",
      "I got two job offers and can't decide between them.", "My neighbor's dog barks all night.",
      "I keep comparing myself to people on social media.",
      "I said something hurtful to a friend and want to apologize.",
      "My manager gives vague feedback and I never know where I stand.",
      "I want to start exercising but always give up after a week.",
      "My partner and I disagree about how to spend the holidays.",
      "I have trouble saying no when people ask for favors.",
      "I'm thinking about going back to school at forty.", "My small business has had a slow year.",
      "I get anxious before every exam even when I've studied.",
      "A family member keeps asking me to lend them money.", "I don't know how to tell my team I'm leaving.",
      "My sister and I haven't spoken since an argument at a birthday dinner.",
      "I was passed over for a promotion I really wanted.",
      "I feel lonely even though I'm surrounded by people at work.",
      "My landlord keeps entering the flat without warning.",
      "I've been offered a job abroad but my family lives here.",
      "My friend group is planning a trip I can't afford.",
      "I have a hard time falling asleep because my mind won't stop racing.",
      "My elderly father refuses to stop driving even though it's getting unsafe.",
      "I keep volunteering for extra projects and now I'm overwhelmed.",
      "My new boss micromanages every little thing I do.", "My best friend is dating someone I don't trust.",
      "I lost touch with most of my college friends and miss them.",
      "I want to quit social media but worry I'll miss out.",
      "My grades dropped this semester and I'm scared to tell my parents.",
      "I'm the only one on my team who works on weekends.",
      "My partner wants a dog and I'm not sure I'm ready.",
      "I get really nervous making phone calls, even simple ones.",
      "I inherited some money and have no idea what to do with it.", "My neighbor keeps parking in my spot.",
      "I feel guilty whenever I take a day off.",
    ],
    "detail": [
      "It's been going on for months.", "I'm starting to lose sleep over it.",
      "Everyone tells me to just ignore it.", "I've already tried talking about it once.",
      "It's affecting my mood at work.", "I don't want to ruin the relationship.",
      "I tend to avoid conflict.", "Money is a bit tight at the moment.", "I'm worried I'm overreacting.",
      "My family has strong opinions about it.", "I need to decide within two weeks.",
      "It's harder than I expected.",
    ],
  },
  "trace": [
    "The person sounds stressed, so the tone should be supportive, not preachy.",
    "I don't know all the details, so I should avoid strong judgments.",
    "Practical steps will be more useful than general reassurance.",
    "There are probably a few options, each with trade-offs.",
    "It might help to suggest what to say, word for word.",
    "I should acknowledge that the feeling is valid before giving advice.",
  ],
  "answer": {
    "intro": [
      "That sounds genuinely difficult, and it's good that you're thinking it through.",
      "First, what you're feeling is completely understandable.",
      "This is a common situation, and there are a few ways to approach it.",
    ],
    "points": [
      "Understand what's really going on", "Have an honest conversation", "Set a clear boundary",
      "Look after yourself", "Consider your options", "Decide on a next step", "Get support",
    ],
    "body": [
      "Try to describe the situation to yourself in one sentence; it often clarifies what matters.",
      "A calm, private conversation usually works better than hints or complaints.",
      "Use 'I' statements: describe how it affects you rather than accusing.",
      "It's okay to set limits, even with people you care about.",
      "Write down your options and what each one would cost you.",
      "Small, consistent changes beat big resolutions that fade after a week.",
      "Give it a few weeks before judging whether the change is working.",
      "Talking to someone you trust can help you see it from a different angle.",
      "If it's affecting your health or sleep, consider speaking to a professional.",
      "Remember that you can't control other people, only how you respond.",
    ],
    "outro": [
      "You've got this. Take it one step at a time.",
      "Whatever you decide, be kind to yourself along the way.",
    ],
  },
}

_ADVICE_PRACTICAL = {
  "name": "practical",
  "frames": [
    ["What's the best way to {skill}? {level}", "give practical advice on how to {skill}"],
    ["Any tips for {skill}? {level}", "share tips for how to {skill}"],
    [
      "I want to {skill}. What mistakes should I avoid?",
      "explain the mistakes to avoid when trying to {skill}",
    ],
    [
      "How do people actually {skill}? Everything I read is so generic.",
      "give specific advice on how to {skill}",
    ],
  ],
  "extra": [
    "A short checklist would be perfect.", "What would you do first?", "Please be specific.",
    "I learn best with examples.",
  ],
  "slots": {
    "skill": [
      "make friends as an adult", "ask for feedback at work", "run my first marathon",
      "care for a sourdough starter", "start investing with a small amount", "learn a language with an app",
      "prepare for a long-haul flight", "handle a difficult customer", "fall asleep without my phone",
      "write a speech for a wedding", "pick a good watermelon", "keep a journal", "cut down on sugar",
      "get a toddler to eat vegetables", "pack for a month of travel", "negotiate a higher salary",
      "keep houseplants alive", "prepare for a job interview", "sleep better", "manage my time as a student",
      "budget on a low income", "write a good resume", "speak up in meetings", "learn to cook healthy meals",
      "take better photos with my phone", "stay focused while working from home", "choose a used car",
      "train a puppy", "deal with jet lag", "study for a driving test", "organize a cluttered garage",
    ],
    "level": [
      "I'm a complete beginner.", "I've tried before without much success.", "I have limited time.", "",
      "Keep it practical.",
    ],
  },
  "trace": [
    "For someone trying to {skill}, the top tips should be concrete and easy to start.",
    "I should order the tips from most to least important.",
    "One or two common mistakes are worth pointing out.",
    "Maybe I can suggest a simple first step for this week.",
  ],
  "styles": ["list"],
  "answer": {
    "intro": ["Here are some practical tips:", "Good goal! Here's what tends to work best:"],
    "points": [
      "Start with the basics", "Prepare in advance", "Be consistent", "Avoid the common trap",
      "Measure your progress", "Ask for feedback", "Keep it simple",
    ],
    "body": [
      "Spend a little time preparing; it pays off more than anything else.",
      "Consistency matters more than intensity.", "Don't try to change everything at once.",
      "Learn from one reliable source rather than ten conflicting ones.",
      "Keep notes on what works and what doesn't.",
      "Practice in low-stakes situations before the important one.",
      "Expect a few setbacks; they're part of the process.",
    ],
    "outro": ["Start with one tip this week and build from there.", "Good luck!"],
  },
}

_ANALYSIS_COMPARE = {
  "name": "compare",
  "frames": [
    ["Compare {a_b} for {purpose}.", "compare {a_b} for {purpose}"],
    [
      "What are the pros and cons of {a_b}? I'm trying to decide for {purpose}.",
      "weigh the pros and cons of {a_b}",
    ],
    ["{a_b}: which is better for {purpose}, and why?", "decide which option is better for {purpose}"],
    ["Can you do a side-by-side comparison of {a_b}? {angle}", "do a side-by-side comparison of {a_b}"],
  ],
  "slots": {
    "a_b": [
      "renting versus buying a home", "Python versus JavaScript", "electric versus hybrid cars",
      "public versus private schools", "freelancing versus a full-time job", "paper books versus e-readers",
      "SQL versus NoSQL databases", "running versus cycling", "index funds versus individual stocks",
      "living in a city versus the countryside", "trains versus planes for European travel",
      "Android versus iPhone", "learning piano versus guitar",
      "a gap year versus going straight to university", "solar panels versus a heat pump",
      "remote versus office work", "microservices versus a monolith", "tea versus coffee",
      "a gas stove versus an induction cooktop", "Spotify versus buying music",
      "leasing versus financing a car", "a credit union versus a big bank", "Kindle versus Kobo",
      "wood versus metal garden furniture", "Excel versus Google Sheets",
      "hiring an agency versus building an in-house team", "yoga versus pilates",
      "a dog versus a cat for a small flat", "a road trip versus a cruise",
      "a Roth IRA versus a traditional IRA",
    ],
    "purpose": [
      "a young family", "a small business", "a beginner", "someone on a budget", "long-term savings",
      "a first job", "a student",
    ],
    "angle": ["Please include costs.", "A table would be great.", "Focus on long-term effects.", ""],
  },
  "trace": [
    "I should compare {a_b} on the same criteria so it's fair.",
    "Cost, convenience, and long-term effects seem like the key dimensions.",
    "There's no universal winner, so the answer depends on priorities.",
    "A small table could make the comparison easy to scan.",
    "I should end with a recommendation for typical cases.",
  ],
  "styles": ["sections", "list"],
  "answer": {
    "intro": [
      "Both options have real strengths; the right choice depends on your priorities.",
      "Here's a balanced comparison.",
    ],
    "points": [
      "Cost", "Convenience", "Flexibility", "Long-term outlook", "Risks", "Who it suits best", "Bottom line",
    ],
    "body": [
      "The first option usually costs more upfront but less over time.",
      "The second option is more flexible, which matters if your plans might change.",
      "Maintenance and hidden costs are easy to underestimate.",
      "For beginners, simplicity often outweighs raw performance.",
      "Your location and personal situation can shift the balance considerably.",
      "Neither is a bad choice; they just optimize for different things.",
      "Think about where you want to be in five years, not just next month.",
      "If you're unsure, the option that's easier to reverse is the safer bet.",
    ],
    "outro": [
      "Bottom line: choose based on your budget and how long you plan to commit.",
      "If you share more details, I can give a more specific recommendation.",
    ],
  },
}

_ANALYSIS_CRITIQUE = {
  "name": "critique",
  "frames": [
    ['Here\'s my thesis statement: "{thesis}" What are its weaknesses?', "critique a thesis statement"],
    ['Critique this argument honestly: "{thesis}"', "critique an argument"],
    [
      'Is this claim well supported? "{thesis}" Point out any logical problems.',
      "find the logical problems in a claim",
    ],
    [
      'My colleague said "{thesis}" in a meeting. Is that reasoning sound?',
      "assess whether a colleague's reasoning is sound",
    ],
  ],
  "extra": [
    "Be tough but fair.", "How would you rewrite it?", "I have to defend it tomorrow.",
    "Name the fallacy if there is one.",
  ],
  "slots": {
    "thesis": [
      "Social media is the main cause of loneliness in modern society.",
      "Since our sales went up after the redesign, the redesign caused the increase.",
      "Remote work makes everyone more productive.", "Video games make children violent.",
      "We should hire only people with degrees because they work harder.",
      "Organic food is always healthier than conventional food.",
      "Everyone I know likes the product, so it will sell well.",
      "Cities with more police have more crime, so police cause crime.",
      "Reading fiction is a waste of time for professionals.",
      "The new policy failed in one town, so it will fail everywhere.",
      "Nuclear power is too dangerous to be part of any climate plan.",
      "Students who use laptops in class learn less than those who take notes by hand.",
      "Our competitor lowered prices, so we must lower ours too or we will go out of business.",
      "Breakfast is the most important meal of the day for everyone.",
      "If we allow one exception to the dress code, soon nobody will follow it.",
      "Electric cars are pointless because electricity comes from fossil fuels anyway.",
      "The survey of our newsletter readers shows the whole country supports the plan.",
      "Successful founders dropped out of college, so college is unnecessary for success.",
      "Since crime was reported more often this year, the city has become more dangerous.",
      "Tall people make better leaders; look at how many presidents were tall.",
      "Our app has millions of downloads, so users must love it.",
      "Books written by experts are always more reliable than those written by journalists.",
      "Bilingual children are smarter than monolingual ones.",
      "Open offices improve collaboration because people can see each other.",
    ],
  },
  "trace": [
    "The claim mixes correlation and causation, I think.",
    "I should check whether the evidence actually supports the conclusion.",
    "Is the claim too broad? Words like 'always' and 'everyone' are red flags.",
    "There might be a hidden assumption that needs to be stated.",
    "A fair critique should also say what's good about the argument.",
  ],
  "answer": {
    "intro": [
      "There's a reasonable idea in there, but the argument has a few weaknesses.",
      "Here's an honest critique.",
    ],
    "points": [
      "What works", "Overgeneralization", "Correlation vs. causation", "Missing evidence",
      "Hidden assumptions", "How to strengthen it",
    ],
    "body": [
      "The claim is stated more strongly than the evidence allows.",
      "Two things happening together doesn't show that one caused the other.",
      "A single example can't support a general rule.",
      "Important alternative explanations are not considered.",
      "Defining the key terms would make the claim testable.",
      "Narrowing the scope would make it much more defensible.",
      "Citing data from a larger, representative sample would help.",
    ],
    "outro": ["With a narrower claim and better evidence, the argument could be quite convincing."],
  },
}

_ANALYSIS_ARGUE = {
  "name": "argue",
  "frames": [
    ["Make the strongest case {side} {claim}.", "make the strongest case {side} {claim}"],
    [
      "Argue {side} the idea that {claim_clause}. Then briefly note the best objection.",
      "argue {side} the idea that {claim_clause}",
    ],
    ["Play devil's advocate: argue {side} {claim}.", "play devil's advocate about {claim}"],
    [
      "For a debate class I've been assigned to speak {side} {claim}. Help me build my case.",
      "build a debate case {side} {claim}",
    ],
  ],
  "extra": [
    "Keep it to about five paragraphs.", "Use concrete examples.", "Avoid straw men, please.",
    "I need to present this in three minutes.",
  ],
  "slots": {
    "side": ["for", "against"],
    "claim": [
      "a universal basic income", "banning homework in primary schools", "daylight saving time",
      "lowering the voting age to sixteen", "a tax on sugary drinks", "space exploration funding",
      "school uniforms", "nuclear energy", "open-plan offices", "standardized testing",
      "a ban on private jets", "year-round schooling", "congestion charges in big cities",
      "mandatory recycling", "a national service year", "rent control", "the metric system in the US",
      "four-year presidential term limits", "banning phones in classrooms", "a meat tax",
      "paying students for good grades", "compulsory swimming lessons",
    ],
    "claim_clause": [
      "cities should be car-free", "tipping should be abolished", "all museums should be free",
      "kids should learn chess at school", "working hours should be shorter", "zoos should be phased out",
      "handwriting should still be taught", "cash should be abolished",
      "every town needs a public swimming pool", "university should be shorter",
      "professional athletes are overpaid",
    ],
  },
  "trace": [
    "I need to build the argument from the strongest points, not all points.",
    "Evidence and examples will make it more convincing than abstract claims.",
    "Even when arguing one side, I should be honest about weaknesses.",
    "The structure: claim, reasons, evidence, objection, response.",
  ],
  "answer": {
    "intro": ["Here's the strongest case I can make.", "Let me lay out the argument."],
    "points": [
      "The core argument", "Supporting evidence", "The fairness case", "The practical case",
      "The best objection", "A response",
    ],
    "body": [
      "The central point is that the benefits reach the people who need them most.",
      "Evidence from pilot programs points in the same direction.",
      "Critics raise valid concerns about cost and unintended effects.",
      "Those concerns can be addressed with careful design.",
      "Doing nothing also has costs, even if they are less visible.",
      "The strongest objection deserves a direct answer rather than dismissal.",
    ],
    "outro": ["That's the case in its strongest form; the real debate is about trade-offs."],
  },
}

_ROLEPLAY_CHARACTER = {
  "name": "character",
  "frames": [
    ["You are {character}. {scene} Stay in character.", "stay in character as {character}"],
    [
      "Let's do a roleplay. You're {character} and I'm {user_role}. {scene}",
      "roleplay as {character} with the user as {user_role}",
    ],
    [
      "Pretend to be {character} and answer my questions. First question: {question}",
      "pretend to be {character} and answer a question",
    ],
    [
      "Stay in the role of {character} for this whole chat. I walk up to you and ask: {question}",
      "answer in the role of {character}",
    ],
  ],
  "extra": [
    "Use a lot of personality.", "Keep your replies short.", "Don't break character.",
    "Describe your actions in italics.",
  ],
  "slots": {
    "character": [
      "a medieval blacksmith", "a grumpy pirate captain", "a cheerful space station AI",
      "a Victorian detective", "a wise old librarian", "a nervous first-day intern",
      "a dragon guarding a mountain", "a 1920s jazz singer", "a tour guide in ancient Rome",
      "a barista who knows everyone's secrets", "a retired astronaut", "a lighthouse keeper in a storm",
      "a sarcastic robot butler", "a ghost haunting an old theater", "a Viking trader",
      "a fortune teller at a county fair", "a ship's cook on a whaling voyage", "a shy wizard apprentice",
      "an overworked elf in Santa's workshop", "a park ranger in Yellowstone",
      "a time traveler from the year 3000", "a medieval court jester",
    ],
    "user_role": [
      "a traveler asking for directions", "a new apprentice", "a journalist", "a lost tourist",
      "a curious child", "a rival",
    ],
    "scene": [
      "It's late at night and a storm is raging outside.", "A stranger walks in with a strange map.",
      "We're at the market on a busy morning.", "The power just went out.",
      "You have exactly one hour before your shift ends.", "",
    ],
    "question": [
      "What's the hardest part of your job?", "What did you have for breakfast?",
      "What's the strangest thing you've ever seen?", "Do you have any regrets?", "How did you end up here?",
      "Who is your greatest enemy?", "What do you do for fun?",
      "What's the best advice anyone ever gave you?", "Where were you born?", "What are you most afraid of?",
    ],
  },
  "trace": [
    "I need a distinctive voice for {character}: word choice, rhythm, little habits.",
    "Staying in character means not breaking the fourth wall.",
    "Some small action descriptions in asterisks would add atmosphere.",
    "I should leave an opening for the user to respond.",
    "The character should have a mood, not just information.",
  ],
  "styles": ["prose"],
  "answer": {
    "intro": [
      "*looks up slowly and sets down what I was holding* Well, well. Didn't expect company tonight.",
      "*wipes hands on an apron* Ah, you again. Come in, come in.",
      "*clears throat dramatically* Welcome, traveler!",
    ],
    "body": [
      "You want to know the truth? Most days are quieter than the stories make them sound.",
      "*leans closer* But every now and then, something happens that nobody would believe.",
      "I've been doing this longer than you've been alive, I'd wager.",
      "*laughs, a low rumbling sound* Don't look so worried.",
      "The trick is patience. Patience, and a good cup of something hot.",
      "Now, sit down before you fall down, and tell me what brought you here.",
      "*glances toward the window* Hear that? That's not just the wind.",
      "Mind your step; the floor's been creaking since the last storm.",
    ],
    "outro": ["*raises an eyebrow* So. What'll it be?", "Now then, your turn. What's your story?"],
  },
}

_ROLEPLAY_CONVERSATION = {
  "name": "conversation",
  "frames": [
    ["{chat}", "respond to a casual message: {chat}"],
    ["Can we just chat for a bit? {chat}", "have a friendly chat"],
    ["Not a real question, I just want to share: {chat}", "respond to someone sharing news"],
  ],
  "slots": {
    "chat": [
      "I had the weirdest day at work today and I need to talk about it.",
      "I just finished a really good book and nobody around me has read it.",
      "Do you ever think about how strange it is that we dream?",
      "My cat just knocked a plant off the shelf and looked me right in the eye.",
      "I finally ran 5k without stopping and I'm kind of proud of myself.",
      "I'm bored on a Sunday afternoon. Entertain me with something interesting.",
      "What would you do with a completely free day and no obligations?",
      "I tried baking bread for the first time and it came out like a brick.",
      "I can't decide what to name my new houseplant. It's a fern.",
      "Tell me something that will cheer me up after a long week.",
      "Guess what, I got the job I interviewed for last month!",
      "My neighbor plays the trumpet every morning at seven. Thoughts?",
      "I've been learning to knit and my first scarf is hilariously lopsided.",
      "Is it weird that I talk to my plants?", "I just saw the most beautiful sunset from my balcony.",
      "My flight got cancelled and now I'm stuck at the airport overnight.",
      "I think my toddler just said her first full sentence.",
      "I binge-watched an entire series this weekend and now I feel empty.",
      "What's your take on pineapple on pizza? Be honest.",
      "I ran into my childhood best friend at the supermarket today.",
      "My sourdough finally rose properly after five failed attempts!",
      "I'm sitting in a cafe in the rain and feeling oddly content.",
      "Today I accidentally sent a meme to my boss instead of my brother.",
      "I'm trying to decide whether to dye my hair blue.",
      "The power's out in my building, so I'm chatting by candlelight.",
      "I adopted a three-legged cat named Tripod yesterday.",
      "I'm procrastinating on my taxes by talking to you.",
      "I just planted tomatoes for the first time. Any encouragement?",
      "My grandpa turned ninety today and still beat me at cards.",
      "I can't stop thinking about a dream I had last night about flying.",
    ],
  },
  "trace": [
    "This is casual, so the reply should be warm and conversational, not an essay.",
    "I should react to what they said before adding anything.",
    "Asking a question back keeps the conversation going.", "A bit of humor would fit here.",
  ],
  "styles": ["prose"],
  "answer": {
    "intro": ["Oh, I love this!", "Okay, now I need to hear everything.", "Ha, that's wonderful."],
    "body": [
      "Honestly, that sounds like the kind of thing you'll be laughing about next week.",
      "It's funny how small moments can make or ruin a whole day.",
      "You should definitely be proud of that; it's not easy.",
      "I'd probably have reacted the exact same way.",
      "There's something nice about slow afternoons with nothing planned.",
      "Have you thought about making it a tradition?",
    ],
    "outro": ["So, what happened next?", "Tell me more!", "What are you going to do now?"],
  },
}

_MATH_SPEED = {
  "name": "speed",
  "gen": "math.speed",
  "extra": _MATH_EXTRA,
  "p_extra": 0.75,
  "frames": [
    [
      "{name} drives {d} km in {t} hours. What was the average speed?",
      "find the average speed from distance and time",
    ],
    [
      "A train covers {d} kilometres in {t} hours at a steady pace. How fast is it going in km/h?",
      "work out how fast the train is going",
    ],
    [
      "If a cyclist named {name} rode {d} km and it took {t} hours, what was the average speed? Please show the working.",
      "find the cyclist's average speed",
    ],
  ],
  "trace": [
    "Average speed is total distance divided by total time.",
    "The units are kilometres and hours, so the answer comes out in km/h.",
    "I should make sure the time is in hours, not minutes.",
  ],
}

_MATH_PERCENT = {
  "name": "percent",
  "gen": "math.percent",
  "extra": _MATH_EXTRA,
  "p_extra": 0.75,
  "frames": [
    [
      "A {item} costs {p} dollars and is on sale for {r}% off. What is the sale price?",
      "compute a discounted price",
    ],
    [
      "{name} wants to buy a {item} priced at ${p}. There is a {r}% discount today. How much will {name} pay?",
      "work out what {name} pays after the discount",
    ],
    [
      "What do I pay for something that normally costs {p} dollars if the shop takes {r} percent off?",
      "find the price after a percentage discount",
    ],
  ],
  "trace": [
    "The discount is a percentage of the original price, so I multiply first.",
    "Then I subtract the discount from the original price.",
    "Alternatively I could multiply by (100 − r)/100 directly.",
  ],
}

_MATH_LINEAR = {
  "name": "linear",
  "gen": "math.linear",
  "extra": _MATH_EXTRA,
  "p_extra": 0.75,
  "frames": [
    ["Solve for x and explain each step so I can follow along: {eq}", "solve a linear equation"],
    [
      "I'm stuck on this algebra problem from my homework: {eq}. How do I solve it?",
      "help solve an algebra homework problem",
    ],
    ["Find the value of x that makes this equation true: {eq}", "find x in a linear equation"],
    [
      "My teacher wrote {eq} on the board and asked us what x is. I got a different answer from my friend. Who is right?",
      "solve a linear equation from class",
    ],
    ["Working backwards from the equation {eq}, what number does x stand for?", "work out the value of x"],
  ],
  "trace": [
    "I need to isolate x: move the constant to the other side first.",
    "Then divide both sides by the coefficient of x.",
    "Let me check by substituting back into the original equation.",
  ],
}

_MATH_RECTANGLE = {
  "name": "rectangle",
  "gen": "math.rectangle",
  "extra": _MATH_EXTRA,
  "p_extra": 0.75,
  "frames": [
    [
      "A rectangular garden is {w} m wide and {h} m long. How much fencing is needed to go around it, and what is its area?",
      "find the perimeter and area of a rectangular garden",
    ],
    [
      "My living room is a rectangle measuring {w} by {h} meters. What's the perimeter, and how many square meters of flooring do I need?",
      "compute perimeter and floor area of a room",
    ],
    [
      "A farmer wants to put a fence around a field that is {w} metres by {h} metres. How long must the fence be, and how much land does the field cover?",
      "find the fence length and field area",
    ],
    [
      "{name} is painting a rectangular mural {w} m long and {h} m high and wants a border around the edge. How long is the border and how big is the mural?",
      "find the border length and area of a mural",
    ],
  ],
  "trace": [
    "Perimeter is twice the sum of length and width.", "Area is length times width.",
    "Units: meters for the perimeter, square meters for the area.",
  ],
}

_MATH_AVERAGE = {
  "name": "average",
  "gen": "math.average",
  "extra": _MATH_EXTRA,
  "p_extra": 0.75,
  "frames": [
    [
      "{name}'s test scores this term were {scores}. What is the average score?",
      "compute the average of test scores",
    ],
    [
      "Calculate the mean of these {n} numbers from our class survey: {scores}.",
      "calculate the mean of survey numbers",
    ],
    [
      "Over {n} weeks I walked these distances in kilometres: {scores}. What was my weekly average?",
      "find the weekly average distance",
    ],
  ],
  "trace": ["The mean is the sum divided by the count.", "Let me add the numbers carefully."],
}

_MATH_COMBINATION = {
  "name": "combination",
  "gen": "math.combination",
  "extra": _MATH_EXTRA,
  "p_extra": 0.75,
  "frames": [
    [
      "In how many ways can a committee of {k} people be chosen from a group of {n}?",
      "count the ways to choose a committee",
    ],
    [
      "A coach must pick {k} players out of {n} for a tournament. How many different selections are possible if the order doesn't matter?",
      "count unordered selections of players",
    ],
    [
      "Our book club has {n} members and {k} of them will be sent to the regional meeting. How many possible groups could we send?",
      "count the possible groups of delegates",
    ],
    [
      "How many different {k}-topping pizzas can be made if there are {n} toppings to pick from and no topping is repeated?",
      "count the possible pizzas",
    ],
  ],
  "trace": [
    "Order doesn't matter here, so it's a combination, not a permutation.",
    "The formula is n! divided by k! times (n − k)!.",
  ],
}

_MATH_INTEREST = {
  "name": "interest",
  "gen": "math.interest",
  "extra": _MATH_EXTRA,
  "p_extra": 0.75,
  "frames": [
    [
      "If I invest ${p} at {r}% interest compounded yearly, how much will I have after {years} years?",
      "compute compound interest",
    ],
    [
      "{name} puts {p} dollars in a savings account that pays {r} percent per year, compounded annually. What is the balance after {years} years?",
      "find the account balance with compound interest",
    ],
    [
      "My grandparents gave me {p} dollars, and the bank offers {r}% a year, compounded once a year. What will it grow to in {years} years if I never touch it?",
      "find how savings grow with compound interest",
    ],
  ],
  "trace": [
    "Compound interest means interest is earned on interest.",
    "The formula is A = P(1 + r)^n with r as a decimal.",
  ],
}

_MATH_DICE = {
  "name": "dice",
  "gen": "math.dice",
  "extra": _MATH_EXTRA,
  "p_extra": 0.75,
  "frames": [
    [
      "Two fair six-sided dice are rolled. What is the probability that the sum is {total}?",
      "find the probability of a dice sum",
    ],
    [
      "When rolling a pair of ordinary dice, how likely is it to get a total of exactly {total}?",
      "compute the chance of a given total with two dice",
    ],
    [
      "In a board game you move forward by the total of two dice. What are the odds that my next move is exactly {total} squares?",
      "compute the odds of moving a given number of squares",
    ],
    [
      "{name} rolls two standard dice once. Express the probability of a sum of {total} as a fraction in lowest terms.",
      "express a dice probability as a reduced fraction",
    ],
  ],
  "trace": [
    "There are 36 equally likely outcomes for two dice.",
    "I need to count the pairs that add up to the target.",
  ],
}

_MATH_SEQSUM = {
  "name": "seqsum",
  "gen": "math.seqsum",
  "extra": _MATH_EXTRA,
  "p_extra": 0.75,
  "frames": [
    [
      "What is the sum of the first {n} terms of the arithmetic sequence that starts at {a} and increases by {d} each time?",
      "sum an arithmetic sequence",
    ],
    [
      "{name} saves {a} dollars in the first week and {d} dollars more each week than the week before. How much has {name} saved after {n} weeks?",
      "find the total saved over several weeks",
    ],
    [
      "A theater has {a} seats in the first row and each row has {d} more seats than the row in front of it. If there are {n} rows, how many seats are there in total?",
      "count the seats in a theater with growing rows",
    ],
  ],
  "trace": ["This is an arithmetic series, so I can use n times the average of first and last term."],
}

_MATH_QUADRATIC = {
  "name": "quadratic",
  "gen": "math.quadratic",
  "extra": _MATH_EXTRA,
  "p_extra": 0.75,
  "frames": [
    ["Find all real solutions of {eq}.", "solve a quadratic equation"],
    [
      "Can you factor and solve the quadratic equation {eq} for me, step by step?",
      "factor and solve a quadratic",
    ],
    [
      "Which values of x satisfy {eq}? I always mix up the signs when factoring.",
      "find the values of x that satisfy a quadratic",
    ],
  ],
  "trace": [
    "I'll try factoring first: two numbers whose product and sum match the coefficients.",
    "If factoring fails I can use the quadratic formula.",
  ],
}

_MATH_GCD = {
  "name": "gcd",
  "gen": "math.gcd",
  "extra": _MATH_EXTRA,
  "p_extra": 0.75,
  "frames": [
    [
      "A teacher has {a} pencils and {b} erasers and wants to make identical kits with nothing left over. What is the greatest number of kits she can make?",
      "find the greatest number of identical kits",
    ],
    [
      "What is the greatest common divisor of {a} and {b}, and how do you find it?",
      "find the greatest common divisor of two numbers",
    ],
    [
      "I have {a} red tulips and {b} yellow tulips and want to make bouquets that are all the same, using every flower. How many bouquets at most?",
      "find the largest number of identical bouquets",
    ],
    [
      "A baker made {a} muffins and {b} cookies and wants to pack identical boxes with nothing left over. What's the largest number of boxes possible?",
      "find the largest number of identical boxes",
    ],
  ],
  "trace": ["This is a greatest common divisor problem.", "Euclid's algorithm would be quick here."],
}

_CODE_TASK = {
  "name": "task",
  "gen": "code.task",
  "frames": [
    ["Write a {plang} {unit} that {desc}.", "write a {plang} {unit} that {desc}"],
    ["Can you help me write {plang} code that {desc}? {code_ctx}", "write {plang} code that {desc}"],
    [
      "{code_ctx} I need something in {plang} that {desc}. Could you write it with a short explanation?",
      "write {plang} code that {desc}",
    ],
    [
      "How would you implement a routine in {plang} that {desc}? Please include comments.",
      "implement a {plang} routine that {desc}",
    ],
    [
      "I'm learning {plang}. Show me a clean way to write code that {desc}, and explain the logic.",
      "show a clean {plang} solution that {desc}",
    ],
  ],
  "slots": {
    "code_ctx": [
      "I'm building a small inventory tool for my shop.", "This is for a coding interview practice.",
      "It's part of a data cleaning script at work.", "I'm working on a hobby project.",
      "My current version is slow and messy.", "We need it for an internal dashboard.",
      "I keep getting off-by-one errors with my own attempt.",
    ],
  },
  "extra": [
    "Please include a usage example.", "Keep it readable rather than clever.", "Avoid external libraries.",
    "Add a few test cases if you can.",
  ],
}

_LOGIC_ORDER = {
  "name": "order",
  "gen": "logic.order",
  "frames": [
    [
      "{names} ran a race. Use these clues to find the finishing order:\n{clues}",
      "work out the finishing order from the clues",
    ],
    [
      "Logic puzzle: {n} friends ({names}) finished a race, with no ties. Here's what we know:\n{clues}\nWho finished where?",
      "solve a race-order logic puzzle",
    ],
    [
      "Can you solve this? The runners were {names}.\n{clues}\nGive the full order from first to last.",
      "find the full race order",
    ],
  ],
}

_LOGIC_KNIGHTS = {
  "name": "knights",
  "gen": "logic.knights",
  "frames": [
    [
      "On an island, knights always tell the truth and knaves always lie. You meet {names}.\n{statements}\nWho is a knight and who is a knave?",
      "solve a knights and knaves puzzle",
    ],
    [
      "Classic puzzle: each of {names} is either a truth-teller (knight) or a liar (knave).\n{statements}\nDetermine each person's type.",
      "work out who lies and who tells the truth",
    ],
  ],
}

_LOGIC_SEQUENCE = {
  "name": "sequence",
  "gen": "logic.sequence",
  "frames": [
    [
      "What number comes next in this sequence: {seq}, ...? Explain the pattern.",
      "find the next number in a sequence",
    ],
    [
      "I found this pattern in a puzzle book: {seq}. What's the next term, and why?",
      "find the next term of a number pattern",
    ],
    ["Complete the series with the single correct next value: {seq}, ?", "complete a number series"],
  ],
}

_EXTRACTION_SENTIMENT = {
  "name": "sentiment",
  "gen": "extraction.sentiment",
  "frames": [
    [
      "Classify the sentiment of this customer review as positive, negative, or mixed. Answer with one word.\n\nReview: {review}",
      "classify the sentiment of a review",
    ],
    [
      'Is the following product review positive, negative, or mixed?\n\n"{review}"',
      "label a product review's sentiment",
    ],
  ],
}

_EXTRACTION_ENTITIES = {
  "name": "entities",
  "gen": "extraction.entities",
  "frames": [
    [
      "Extract every person's name, email address, and date from the message below. Return JSON with the keys name, email, and date.\n\n{text}",
      "extract names, emails and dates as JSON",
    ],
    [
      "Pull out all the contacts (name and email) and the dates mentioned in this text, as a JSON list:\n\n{text}",
      "list contacts and dates from a text",
    ],
  ],
}

_EXTRACTION_CATEGORY = {
  "name": "category",
  "gen": "extraction.category",
  "frames": [
    [
      "Classify this support ticket into one of these categories: {labels}. Reply with the category only.\n\n{ticket}",
      "classify a support ticket",
    ],
    [
      "Which team should handle this customer message ({labels})? One word answer.\n\n{ticket}",
      "route a customer message to the right team",
    ],
  ],
}

_OTHER_MISC = {
  "name": "misc",
  "shuffle_points": True,
  "frames": [
    ["Tell me {n_facts} fun facts about {animal}.", "share fun facts about {animal}"],
    ["Suggest some names for my new {pet}. {pet_detail}", "suggest names for a {pet}"],
    ["Tell me a clean joke about {joke_topic}.", "tell a clean joke about {joke_topic}"],
    ["What's the etiquette for {etiquette}?", "explain the etiquette for {etiquette}"],
    ['How do you say "{phrase}" in {tongue}, and how is it pronounced?', "translate a phrase into {tongue}"],
    [
      "Recommend {n_facts} {media} for someone who loves {liking}.",
      "recommend {media} for a fan of {liking}",
    ],
    ["What's a good {gift_kind} gift for {giftee}? {budget}", "suggest a {gift_kind} gift for {giftee}"],
    ["Give me a fun icebreaker question for {group}.", "suggest an icebreaker for {group}"],
    ['What\'s the origin of the expression "{idiom}"?', "explain the origin of an idiom"],
  ],
  "extra": ["Keep it family friendly.", "Surprise me.", "Short answer is fine.", "Bonus points for humor."],
  "slots": {
    "n_facts": ["three", "five", "a few", "some"],
    "animal": [
      "octopuses", "penguins", "honeybees", "crows", "elephants", "sea otters", "owls", "axolotls",
      "hummingbirds", "wolves",
    ],
    "pet": ["kitten", "golden retriever puppy", "parrot", "goldfish", "rescue greyhound", "hamster"],
    "pet_detail": [
      "She's very shy.", "He's all black with white paws.", "Something funny, please.",
      "We like literary names.", "",
    ],
    "joke_topic": ["programmers", "cats", "accountants", "the weather", "coffee", "dinosaurs"],
    "etiquette": [
      "tipping in restaurants abroad", "bringing a gift to a dinner party", "replying to wedding invitations",
      "using a phone on public transport", "splitting the bill with friends",
    ],
    "phrase": [
      "good luck", "where is the train station", "nice to meet you", "I'm vegetarian", "thank you very much",
    ],
    "tongue": ["Spanish", "Japanese", "Italian", "German", "Portuguese"],
    "media": ["books", "films", "podcasts", "board games"],
    "gift_kind": ["birthday", "housewarming", "thank-you", "farewell", "graduation"],
    "giftee": [
      "my coworker who loves gardening", "a ten-year-old who likes science", "my father-in-law",
      "a friend moving abroad", "my running coach", "a new neighbor",
    ],
    "budget": ["Under 30 dollars.", "Money isn't a big issue.", "Something handmade would be nice.", ""],
    "group": [
      "a team meeting on Monday morning", "a class of new students", "a family dinner",
      "a volunteer orientation", "a remote team call",
    ],
    "idiom": [
      "break the ice", "bite the bullet", "spill the beans", "under the weather",
      "let the cat out of the bag", "cost an arm and a leg", "the whole nine yards",
    ],
    "liking": [
      "mysteries set in small towns", "space exploration", "cooking", "history", "clever puzzles",
      "road trips",
    ],
  },
  "trace": [
    "This is a light request, so the answer should be fun and not too long.",
    "I should double-check that the facts I mention are accurate.",
    "A bit of variety would keep it interesting.", "Maybe add a short note on why each one fits.",
  ],
  "styles": ["list", "prose"],
  "answer": {
    "intro": ["Sure! Here you go:", "Happy to help! Here are some:", "Of course!"],
    "points": [
      "A classic", "Something unexpected", "A fun one", "A thoughtful choice", "A personal favorite",
      "One more",
    ],
    "body": [
      "This one surprises most people the first time they hear it.",
      "It's simple, memorable, and easy to share.", "There's a nice story behind it, too.",
      "It fits especially well if you like something a little quirky.", "People usually smile at this one.",
      "It works in almost any situation.",
    ],
    "outro": ["Enjoy!", "Hope you like these!", "Let me know if you'd like more."],
  },
  "answer_frac": 0.3,
}

SEED = {
  "sep": " ",
  "decimal_comma": False,
  "char_scale": 1.0,
  "prompt": {
    "p_open": 0.15,
    "p_close": 0.18,
    "p_context": 0.22,
    "open": [
      "Hi!", "Hello!", "Hey there.", "Quick question.", "Good morning!", "Hi, hope you're well.",
      "I need some help.", "Okay, here's one for you.",
    ],
    "close": [
      "Thanks in advance!", "Thank you!", "Thanks a lot.", "Much appreciated.", "Any help would be great.",
      "Thanks so much for your help.",
    ],
  },
  "context": [
    "I'm asking because I have a presentation coming up next week.",
    "My manager brought this up in a meeting and I felt lost.",
    "I've read a couple of articles but they contradicted each other.",
    "This is for a project I'm doing in my spare time.",
    "A friend and I have been arguing about this for days.",
    "I'm a beginner, so please don't assume too much background.",
    "I tried searching online but the answers were too technical.",
    "It's for a class I'm taking at the community college.",
    "My kids keep asking me about this and I want to get it right.",
    "I'm preparing some notes for a study group.", "I have about an hour to get my head around this.",
    "I work in marketing, so I'm not a specialist.",
    "English is my second language, so simple wording helps.",
    "I'm writing a newsletter for our neighborhood association.",
    "We discussed something similar at book club last month.",
    "My background is in nursing, not engineering.", "I'm retired and finally have time to learn new things.",
    "This came up while I was planning a trip with my family.", "My team lead wants a summary by Friday.",
    "I'm a high school teacher looking for material.",
    "I've been stuck on this for longer than I'd like to admit.",
    "I'm trying to get better at this before starting a new job.",
    "Our startup is small, so I wear a lot of hats.", "I listened to a podcast about it on my commute.",
    "It's late and my brain is tired, so be gentle.", "I volunteer at the local library on weekends.",
    "My partner thinks I'm overcomplicating it.",
    "I want to understand it well enough to explain it to others.", "I'm studying for a certification exam.",
    "We're a group of three working on this together.", "I've got a bit of a deadline, so concise is good.",
    "I'm curious more than anything else.", "I moved to a new city recently and I'm still adjusting.",
    "My grandmother used to talk about this a lot.", "I'm using this for a blog post I'm drafting.",
    "Last time I asked, the explanation went over my head.",
    "I'm comfortable with numbers but not with jargon.",
    "It's part of a workshop I'm running for new volunteers.",
    "I keep forgetting the details, so a structured answer is ideal.",
    "I'm a software developer, but this is outside my area.",
  ],
  "near_append": ["please", "thanks", "today", "briefly", "again", "quickly", "now"],
  "synonyms": [
    ["explain", "describe"], ["short", "brief"], ["help", "assist"], ["write", "compose"], ["good", "great"],
    ["important", "key"], ["simple", "easy"], ["show", "give"], ["really", "truly"], ["about", "regarding"],
    ["make", "create"], ["the", "this"],
  ],
  "slots": {
    "name": [
      "Maria", "James", "Aisha", "Tom", "Priya", "Lucas", "Hannah", "Omar", "Sofia", "Daniel", "Grace",
      "Mateo", "Chloe", "Ethan", "Leila", "Noah", "Zoe", "Ravi", "Emma", "Kenji", "Olivia", "Samuel", "Nadia",
      "Ben", "Clara", "Victor", "Ines", "Jack", "Mei", "Felix",
    ],
    "city": [
      "Portland", "Leeds", "Denver", "Adelaide", "Toronto", "Glasgow", "Austin", "Dublin", "Auckland",
      "Cardiff", "Halifax", "Boise", "Perth", "Norwich", "Tucson", "Bristol",
    ],
    "relative": ["daughter", "nephew", "grandfather", "younger brother", "niece", "son", "aunt"],
    "item": [
      "jacket", "backpack", "lamp", "pair of boots", "coffee maker", "bookshelf", "bike helmet", "rain coat",
      "desk chair", "tent", "kettle", "set of knives",
    ],
    "product": [
      "blender", "pair of headphones", "standing desk", "electric toothbrush", "phone case", "air fryer",
      "hiking backpack", "office chair", "smart watch", "robot vacuum", "yoga mat", "laptop stand",
      "portable speaker", "rice cooker", "e-reader",
    ],
  },
  "trace": _TRACE,
  "math": _MATH,
  "logic": _LOGIC,
  "extraction": _EXTRACTION,
  "code": _CODE,
  "topics": {
    "explanation": [_EXPLANATION_CONCEPT, _EXPLANATION_SCIENCE_QA, _EXPLANATION_HISTORY_QA],
    "writing": [_WRITING_POEM, _WRITING_STORY, _WRITING_ESSAY, _WRITING_LETTER, _WRITING_REWRITE],
    "summary": [_SUMMARY_ARTICLE],
    "ideation": [_IDEATION_BRAINSTORM, _IDEATION_PLAN],
    "advice": [_ADVICE_PERSONAL, _ADVICE_PRACTICAL],
    "analysis": [_ANALYSIS_COMPARE, _ANALYSIS_CRITIQUE, _ANALYSIS_ARGUE],
    "roleplay": [_ROLEPLAY_CHARACTER, _ROLEPLAY_CONVERSATION],
    "math": [
      _MATH_SPEED, _MATH_PERCENT, _MATH_LINEAR, _MATH_RECTANGLE, _MATH_AVERAGE, _MATH_COMBINATION,
      _MATH_INTEREST, _MATH_DICE, _MATH_SEQSUM, _MATH_QUADRATIC, _MATH_GCD,
    ],
    "code": [_CODE_TASK],
    "logic": [_LOGIC_ORDER, _LOGIC_KNIGHTS, _LOGIC_SEQUENCE],
    "extraction": [_EXTRACTION_SENTIMENT, _EXTRACTION_ENTITIES, _EXTRACTION_CATEGORY],
    "other": [_OTHER_MISC],
  },
}
