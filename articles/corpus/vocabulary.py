"""The generated corpus's words, sentence templates ({a}, {noun}, {city}... slots) and
names of experts, topics and regions."""

ACTORS = [
    "Iran", "Saudi Arabia", "Israel", "Turkey", "Egypt", "Russia", "China",
    "the United States", "the European Union", "Qatar", "the United Arab Emirates", "Iraq",
    "Syria", "Lebanon", "Jordan", "Hezbollah", "Hamas", "the Houthis", "Oman", "Kuwait",
    "Bahrain", "Libya", "Tunisia", "Algeria", "Morocco", "Yemen", "Sudan", "Pakistan",
]  # fmt: skip

NOUNS = [
    "sanctions policy", "deterrence", "regional diplomacy", "energy exports", "missile program",
    "nuclear talks", "maritime security", "arms sales", "reconstruction plans",
    "refugee policy", "water security", "port investments", "drone program",
    "border security", "oil production", "gas pipelines", "trade corridors", "military aid",
    "counterterrorism cooperation", "election calendar", "currency crisis", "food security",
    "cyber operations", "naval presence", "ceasefire talks", "normalization agreements",
    "debt restructuring", "protest movement", "succession politics", "militia networks",
    "grain imports", "space program", "tourism strategy", "desalination projects",
]  # fmt: skip

VERBS = [
    "expanded", "reconsidered", "tested", "strengthened", "abandoned", "revived", "tightened",
    "quietly resumed", "doubled down on", "scaled back", "rebranded", "outsourced",
]  # fmt: skip

ADJECTIVES = [
    "mixed", "uneven", "surprising", "modest", "fragile", "lasting", "disappointing",
    "encouraging", "costly", "limited",
]  # fmt: skip

RISKS = [
    "losing its leverage", "a costly escalation", "isolation from its neighbors",
    "a collapse of public trust", "ceding ground to its rivals", "another lost decade",
]  # fmt: skip

PEOPLE = [
    "diplomats", "traders", "local officials", "students", "refugees", "bankers",
    "military officers", "journalists",
]  # fmt: skip

POLICIES = ["press", "reward", "test", "engage", "constrain", "support", "watch"]

# Specific places, agreements and forums: each article has one.
TERMS = [
    "the Strait of Hormuz", "the Suez Canal", "the Bab el-Mandeb", "Kharg Island",
    "the Fordow facility", "the Abraham Accords", "OPEC+", "the Golan Heights",
    "the Sinai Peninsula", "the Red Sea corridor", "the Iraq-Turkey pipeline",
    "the Grand Ethiopian Renaissance Dam", "the Tigris basin", "the Euphrates dams",
    "the Rafah crossing", "the Port of Haifa", "the Duqm port", "the Chabahar port",
    "the Gwadar port", "NEOM", "the Leviathan gas field", "the North Field",
    "the Zohr gas field", "the Kirkuk oil fields", "the Marib front", "the Litani river",
    "the Bekaa Valley", "the Idlib enclave", "the al-Tanf garrison", "the Incirlik base",
    "the Al Udeid base", "Operation Prosperity Guardian", "the JCPOA", "the Doha talks",
    "the Astana format", "the Taif Agreement", "the Oslo framework", "the Negev Forum",
    "the I2U2 group", "the Arab League summit", "the Gulf Cooperation Council",
    "the Eastern Mediterranean Gas Forum", "the Tishreen dam", "the Hodeidah port",
    "the Socotra archipelago", "the Caspian pipeline", "the Baghdad Conference",
    "the Shanghai Cooperation Organisation", "the Suwayda protests", "the Hejaz railway",
]  # fmt: skip

CITIES = [
    "Riyadh", "Tehran", "Ankara", "Cairo", "Baghdad", "Beirut", "Doha", "Abu Dhabi", "Amman",
    "Jerusalem", "Damascus", "Moscow", "Beijing", "Brussels", "Washington", "Sanaa", "Muscat",
]  # fmt: skip

SENTENCES = [
    "{a} has {verb} its {noun}, a shift that {b} is watching closely.",
    "Officials in {city} say the {noun} will remain a priority through {year}.",
    "For {b}, the stakes of the {noun} in {a} are rising.",
    "Analysts expect the {noun} to dominate the agenda when {a} and {b} meet in {city}.",
    "The debate over the {noun} reflects a broader change in the region's {noun2}.",
    "The approach of {a} to the {noun} has been shaped by its {noun2} and by pressure from {b}.",
    "Washington should {policy} {a} on its {noun} before {b} does.",
    "In {city}, {people} describe the {noun} as {adjective} at best.",
    "Since {year}, {a} has spent heavily on its {noun}, with {adjective} results.",
    "Without a clear line on the {noun}, {a} risks {risk}.",
    "The record of the past decade suggests that progress on the {noun} rarely comes alone.",
    "Few in {city} expected {b} to link its {noun2} to the {noun} so openly.",
    "The numbers tell part of the story: spending on the {noun} grew every year after {year}.",
    "Yet the debate over the {noun} also exposes the limits of what {a} can do alone.",
    "{b} has its own reasons to keep the {noun} in place, chief among them its {noun2}.",
    "None of this dooms the {noun}, but the margin for error is shrinking.",
    "European capitals, for their part, have treated the {noun} as a test of {b}.",
    "A quieter question is who will pay for the {noun} if {a} steps back.",
    "In the end, {a} is betting on time with its {noun}, and time is not on its side.",
    "Talks in {city} in {year} produced a framework on the {noun}, not a deal.",
    "Much of it turns on {term}, where {a} and {b} have competing claims.",
    "The dispute over {term} is the clearest test of the {noun} so far.",
    "Talks on {term} resumed in {city} in {year}, with {b} watching.",
]

LEDES = [
    "When {a} announced a new {noun} in {year}, few outside {city} paid attention.",
    "The thinking of {a} on its {noun} is changing faster than its neighbors expected.",
    "For years, {a} treated its {noun} as a domestic matter; that is no longer possible.",
    "Three developments have put the {noun} of {a} back at the center of regional politics.",
]

TITLES = [
    "The {Noun} Gamble of {A}",
    "Why {A} Is Rethinking Its {Noun}",
    "{A}, {B}, and the Future of the {Noun}",
    "What the {Noun} of {A} Means for {B}",
    "The Limits of the {Noun} in {A}",
    "How {B} Should Respond to the {Noun} of {A}",
    "{A} Bets on Its {Noun}",
    "After {Year}: The {Noun} of {A} at a Crossroads",
    "{A}, {B}, and {Term}",
]

SUMMARIES = [
    "{a} has {verb} its {noun}; {b} and Washington should adjust before the window closes.",
    "How {a} handles its {noun} is a test of its {noun2}, and the results so far are {adjective}.",
    "A close look at the {noun} of {a} since {year}, and what it means for {b}.",
]

HEADINGS = ["Background", "What changed", "The view from {city}", "Implications", "Options"]

EVENT_TITLES = [
    "Policy Forum: The {Noun} of {A} After {Year}",
    "Conversation: {A}, {B}, and the {Noun}",
]

EVENT_LOCATIONS = ["Washington, DC", "The Institute's conference room", "Brussels", "Doha"]
EVENT_TIME_ZONES = ["America/New_York", "Europe/London", "Asia/Dubai", "Asia/Jerusalem"]

# (English name, Arabic name) pairs the experts' names are drawn from; None: no Arabic.
FIRST_NAMES = [
    ("Ahmad", "أحمد"), ("Layla", "ليلى"), ("Omar", "عمر"), ("Hanin", "حنين"), ("Karim", "كريم"),
    ("Nadia", "نادية"), ("Samir", "سمير"), ("Rania", "رانيا"), ("Yusuf", "يوسف"),
    ("Mona", "منى"), ("Tariq", "طارق"), ("Huda", "هدى"), ("Khalid", "خالد"), ("Salma", "سلمى"),
    ("Anna", None), ("David", None), ("Sarah", None), ("Michael", None), ("Elena", None),
    ("James", None), ("Claire", None), ("Daniel", None), ("Miriam", None), ("Robert", None),
    ("Katherine", None), ("Jonathan", None), ("Grace", None), ("Peter", None),
]  # fmt: skip
LAST_NAMES = [
    ("Haddad", "حداد"), ("Khoury", "خوري"), ("Nasser", "ناصر"), ("Saleh", "صالح"),
    ("al-Masri", "المصري"), ("Farid", "فريد"), ("Mansour", "منصور"), ("Hamdan", "حمدان"),
    ("Aziz", "عزيز"), ("Barakat", "بركات"), ("Darwish", "درويش"), ("al-Omari", "العمري"),
    ("Miller", "ميلر"), ("Kessler", "كيسلر"), ("Turner", "تيرنر"), ("Novak", "نوفاك"),
    ("Brennan", "برينان"), ("Walsh", "والش"), ("Lindqvist", "ليندكفيست"), ("Moreau", "مورو"),
]  # fmt: skip

ROLES = ["Senior Fellow", "Fellow", "Research Assistant", "Director", "Visiting Scholar"]

PROGRAMS = [
    ("generated-program-gulf", "Program on Gulf Politics"),
    ("generated-program-security", "Program on Military and Security Studies"),
    ("generated-program-economics", "Program on Energy and Economics"),
]

# (slug, English name, Arabic name)
TOPICS = [
    ("arms-control", "Arms Control", "الحد من التسلح"),
    ("democracy-and-reform", "Democracy and Reform", "الديمقراطية والإصلاح"),
    ("energy-and-economics", "Energy and Economics", "الطاقة والاقتصاد"),
    ("great-power-competition", "Great Power Competition", "التنافس بين القوى الكبرى"),
    ("gulf-and-energy-policy", "Gulf and Energy Policy", "الخليج وسياسة الطاقة"),
    ("military-and-security", "Military and Security", "الشؤون العسكرية والأمنية"),
    ("peace-process", "Peace Process", "عملية السلام"),
    ("proxies-and-militias", "Proxies and Militias", "الوكلاء والميليشيات"),
    ("sanctions", "Sanctions", "العقوبات"),
    ("terrorism", "Terrorism", "الإرهاب"),
    ("us-policy", "U.S. Policy", "السياسة الأمريكية"),
    ("water-and-climate", "Water and Climate", "المياه والمناخ"),
    ("human-rights", "Human Rights", "حقوق الإنسان"),
    ("maritime-security", "Maritime Security", "الأمن البحري"),
    ("cyber-and-technology", "Cyber and Technology", "الفضاء الإلكتروني والتكنولوجيا"),
    ("refugees-and-migration", "Refugees and Migration", "اللاجئون والهجرة"),
]

# (slug, English name, Arabic name, parent slug or None), parents first.
REGIONS = [
    ("middle-east", "Middle East", "الشرق الأوسط", None),
    ("gulf-states", "Gulf States", "دول الخليج", "middle-east"),
    ("levant", "Levant", "بلاد الشام", "middle-east"),
    ("north-africa", "North Africa", "شمال أفريقيا", "middle-east"),
    ("saudi-arabia", "Saudi Arabia", "السعودية", "gulf-states"),
    ("united-arab-emirates", "United Arab Emirates", "الإمارات", "gulf-states"),
    ("qatar", "Qatar", "قطر", "gulf-states"),
    ("oman", "Oman", "عُمان", "gulf-states"),
    ("israel", "Israel", "إسرائيل", "levant"),
    ("lebanon", "Lebanon", "لبنان", "levant"),
    ("syria", "Syria", "سوريا", "levant"),
    ("jordan", "Jordan", "الأردن", "levant"),
    ("egypt", "Egypt", "مصر", "north-africa"),
    ("libya", "Libya", "ليبيا", "north-africa"),
    ("tunisia", "Tunisia", "تونس", "north-africa"),
    ("iran", "Iran", "إيران", "middle-east"),
    ("iraq", "Iraq", "العراق", "middle-east"),
    ("yemen", "Yemen", "اليمن", "middle-east"),
    ("turkey", "Turkey", "تركيا", None),
    ("russia", "Russia", "روسيا", None),
    ("china", "China", "الصين", None),
]

# (slug, English name, is an event), with how often each is drawn.
PUBLICATION_TYPES = [
    ("policy-analysis", "Policy Analysis", False, 40),
    ("brief-analysis", "Brief Analysis", False, 20),
    ("policywatch", "PolicyWatch", False, 15),
    ("op-ed", "Op-Ed", False, 15),
    ("testimony", "Testimony", False, 4),
    ("event", "Event", True, 6),
]
