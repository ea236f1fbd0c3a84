"""
The reference article, its Arabic version and its three recommended items.

Their facts (titles, slugs, people, dates, outlet) come from the reference page in
/work/shared/seed; every summary and body here is demo text written for this
project, not the reference's prose.
"""

MAIN_SLUG = (
    "putins-alignment-in-middle-east-should-signal-to-israel-its-time-for-a-change-of-allegiance"
)
MAIN_ARABIC_SLUG = (
    "anyaz-bwtyn-fy-alshrq-alawst-yjb-yshyr-lasrayyl-ban-alwqt-qd-han-ltghyyr-alwlaat"
)
OUTLET_URL = f"https://www.19fortyfive.com/2023/11/{MAIN_SLUG}/"
WOMENS_DRESS_SLUG = "womens-dress-iran-islamic-sitr-political-hijab"
HOUTHI_SLUG = "houthi-ship-attacks-are-affecting-red-sea-trade-routes"
EVENT_SLUG = "hamas-israel-war-end-beginning-or-beginning-end"

MAIN_BODY = """
<p>For most of the past decade, the Kremlin presented itself in the Middle East as the one
outside power that could talk to everyone. Russian diplomats received Israeli and Iranian
delegations in the same season, kept channels open to Hezbollah and to the Gulf monarchies,
and hosted Palestinian factions in Moscow for reconciliation meetings that rarely produced
results but always produced photographs. The posture had a purpose: it let Russia claim the
role of indispensable broker without paying the costs of a real alliance.</p>
<p>The war that began on October 7 has strained that posture to breaking point. Moscow's first
statements avoided naming the perpetrators of the attack, its officials received a Hamas
delegation within weeks, and its state media told the story of the war almost entirely as one
of Western responsibility. Each step can be explained on its own terms. Taken together, they
describe a choice.</p>
<h2>The end of a balancing act</h2>
<p>Russia's relationship with Israel has always rested on practical foundations: a large
Russian-speaking community in Israel, a shared interest in avoiding incidents over Syria, and
a working rapport between leaders. None of these has disappeared. What has changed is the
weight Moscow gives them compared with its ties to Tehran.</p>
<p>Since the invasion of Ukraine, Iran has become a supplier rather than a client. Drones and
munitions have travelled north, and the two governments have deepened their cooperation on
banking, transport corridors and the evasion of sanctions. A partner that helps sustain a war
the Kremlin regards as existential counts for more than a partner whose main value was a quiet
border in Syria. Seen from Moscow, leaning toward Iran and the groups it arms is less a
departure than the settling of an account that was already lopsided.</p>
<h2>What Moscow gains from a wider crisis</h2>
<p>A long conflict in the Middle East offers Russia several advantages at little cost. It draws
Western attention, political capital and military stocks away from Ukraine. It divides the
coalition of governments that condemned the invasion, many of which now disagree sharply about
Gaza. And it hands Russian messaging in the Arab world a ready theme: that Western talk of
international law is selective.</p>
<ul>
<li>Diplomatic cover: Russia uses its seat on the
<a href="https://www.un.org/securitycouncil/">UN Security Council</a> to table texts designed to
isolate Washington, knowing they will fail.</li>
<li>Information: Arabic-language state outlets amplify the claim that the war is a proxy
struggle against the West.</li>
<li>Military ties: cooperation with Iran, and indirectly with the groups Tehran supplies, gives
Moscow ways to raise costs for the United States without confronting it.</li>
<li>Revenue: a riskier region tends to support the energy prices on which the Russian budget
depends.</li>
</ul>
<p>None of this requires Moscow to control events. It needs only to keep them simmering, and to
stand ready as the sympathetic alternative to Washington when the fighting stops.</p>
<h2>The Syria factor</h2>
<p>For Israel, the most concrete link with Russia runs through Syria. Since Russia's
intervention there in 2015, Israeli aircraft striking Iranian-linked targets have relied on a
deconfliction line to the Russian command at Hmeimim. The arrangement gave Moscow quiet
leverage: it could not stop the strikes, but it could complicate them, and Israeli officials
took care not to provoke it.</p>
<blockquote><p>Deconfliction is a technical arrangement with a political price: the side that
needs it more is the side that must keep the other content.</p></blockquote>
<p>With Russian forces in Syria thinned by the demands of the Ukraine war, and with Moscow
openly sympathetic to Israel's adversaries, the value of the arrangement to Israel is falling
while its political price is rising. Conflict monitors such as
<a href="https://acleddata.com/">ACLED</a> show how crowded the Syrian theatre remains, which
makes a sudden breakdown of communication dangerous for everyone. That is an argument for
keeping the channel technical, not for letting it set the limits of Israel's wider policy.</p>
<h2>Options for Israel</h2>
<p>Israel has good reasons to avoid an open rupture with Moscow, not least the safety of
Israelis in Russia and the risk of incidents in Syrian airspace. But caution is not the same as
deference, and several measured steps would show that Israeli restraint cannot be taken for
granted.</p>
<p>First, Israel can widen its civilian cooperation with Ukraine in areas where its experience
is directly useful, such as early warning, shelters and trauma care. Second, it can align more
closely with the <a href="https://www.sanctionsmap.eu/">sanctions regimes</a> of its Western
partners, especially on dual-use technology that could reach Russia through third countries.
Third, it can invest in Arabic- and Russian-language public diplomacy that answers the
narratives Moscow promotes in the region instead of leaving that space uncontested.</p>
<p>Each step is modest. Together they would tell the Kremlin that siding with Israel's enemies
carries a cost, and they would bring Israeli policy closer to that of the United States and
Europe at a moment when that coordination matters. Moscow has made its choice; Israel's policy
toward Russia should now reflect it.</p>
"""

MAIN_FOOTER = f"""
<p>Anna Borshchevskaya is a senior fellow with the Diane and Guilford Glazer Foundation
Program on Great Power Competition and the Middle East at the institute. This piece first
appeared on the <a href="{OUTLET_URL}">19FortyFive website</a>.</p>
"""

ARABIC_BODY = """
<p>طوال العقد الماضي، قدّم الكرملين نفسه في الشرق الأوسط بوصفه القوة الخارجية الوحيدة القادرة
على التحدث إلى جميع الأطراف، من إسرائيل وإيران إلى دول الخليج والفصائل الفلسطينية. غير أن الحرب
التي اندلعت في السابع من أكتوبر وضعت هذا الموقف أمام اختبار لم يصمد فيه.</p>
<h2>نهاية سياسة التوازن</h2>
<p>لم تختفِ الأسس العملية للعلاقة الروسية الإسرائيلية، لكن موسكو باتت تمنح وزناً أكبر لشراكتها
مع طهران، التي تحولت منذ غزو أوكرانيا إلى مورّد للطائرات المسيّرة والذخائر. ومن منظور الكرملين،
فإن إطالة أمد الأزمة في المنطقة تصرف انتباه الغرب وموارده عن الحرب في أوكرانيا.</p>
<h2>خيارات إسرائيل</h2>
<p>لدى إسرائيل أسباب وجيهة لتجنّب قطيعة علنية مع موسكو، لا سيما ما يتعلق بآلية منع الاحتكاك في
الأجواء السورية. لكن الحذر لا يعني الإذعان: إذ يمكنها توسيع تعاونها المدني مع أوكرانيا، والاقتراب
أكثر من أنظمة العقوبات الغربية، والاستثمار في دبلوماسية عامة باللغتين العربية والروسية.</p>
<p>كل خطوة من هذه الخطوات متواضعة بحد ذاتها، لكنها مجتمعةً تُبلغ الكرملين بأن الانحياز إلى خصوم
إسرائيل له ثمن.</p>
"""

ARABIC_FOOTER = f"""
<p>آنا بورشيفسكايا زميلة أولى في برنامج ديان وغيلفورد غليزر حول تنافس القوى الكبرى والشرق
الأوسط في المعهد. نُشر هذا المقال في الأصل باللغة الإنجليزية على
<a href="{OUTLET_URL}">موقع 19FortyFive</a>.</p>
"""

WOMENS_DRESS_BODY = """
<p>Few questions in Iran carry as much political weight as what women wear in public. The
rules are usually discussed as a matter of law and enforcement, but they also have a long
religious history, and that history is more varied than the state's position suggests.</p>
<h2>From modesty to mandate</h2>
<p>Classical jurists wrote about <em>sitr</em>, covering, as a personal duty whose details
differed between schools, regions and periods. Only in the twentieth century did the head
covering become a marker of political identity, first as something a modernising monarchy
discouraged and then as something a revolutionary state required.</p>
<h2>Why it matters now</h2>
<p>Since the 2022 protests, enforcement has become a test of the state's authority rather than
of religious observance. How the clergy themselves talk about the issue, and where they
disagree, is a useful guide to how much room for change exists.</p>
"""

HOUTHI_BODY = """
<p>Attacks on merchant ships in the southern Red Sea have begun to change how the world's
shipping companies plan their routes. Each diversion adds days to a voyage between Asia and
Europe, along with fuel costs and higher insurance premiums.</p>
<h2>Who is affected</h2>
<p>Container lines were the first to divert, since their schedules depend on predictable
transit through the Bab al-Mandab strait. Tankers and bulk carriers have followed more
unevenly, depending on their owners, their flags and their cargoes. Data published by
<a href="https://www.imf.org/">international institutions</a> and port authorities suggest
that transits through the Suez Canal have fallen sharply.</p>
<h2>What to watch</h2>
<p>The key questions are whether naval escorts restore enough confidence for carriers to
return, and whether the costs of diversion begin to show up in consumer prices in Europe and
in Egypt's canal revenues.</p>
"""

EVENT_BODY = """
<p>Two months into the war in Gaza, a panel of the institute's experts discusses where the
fighting stands, what Israel's military objectives imply for the months ahead, and how the
conflict is shaping Hezbollah's choices in Lebanon and the wider contest with Iran's network.</p>
<p>The conversation will cover the military campaign, the risk of escalation on Israel's
northern border, and the financial and political networks that sustain Hamas.</p>
<p>This is an online event. Register to receive the link; a recording will be posted
afterwards.</p>
"""

REFERENCE_ARTICLES = [
    {
        "slug": MAIN_SLUG,
        "title": "Putin's Alignment in Middle East Should Signal to Israel It's Time for a Change "
        "of Allegiance",
        "type": "Articles & Testimony",
        "published_at": "2023-11-27 15:00",
        "authors": ["anna-borshchevskaya"],
        "topics": ["great-power-competition"],
        "regions": ["israel", "palestinians"],
        "summary": "After October 7, Moscow's tilt toward Iran and the groups it backs has ended "
        "any pretence of Russian even-handedness in the Middle East, and Israel's cautious "
        "policy toward Russia should change with it.",
        "body": MAIN_BODY,
        "footer_note": MAIN_FOOTER,
        "outlet_name": "19FortyFive",
        "outlet_url": OUTLET_URL,
        "tags": ["Russia", "Israel-Hamas war", "Ukraine"],
        "hero": True,
        "recommends": [WOMENS_DRESS_SLUG, HOUTHI_SLUG, EVENT_SLUG],
    },
    {
        "slug": MAIN_ARABIC_SLUG,
        "language": "ar",
        "translation_of": MAIN_SLUG,
        "title": "انحياز بوتين في الشرق الأوسط يجب أن يشير لإسرائيل "
        "بأن الوقت قد حان لتغيير الولاءات",
        "type": "Articles & Testimony",
        "published_at": "2023-11-28 12:00",
        "authors": ["anna-borshchevskaya"],
        "topics": ["great-power-competition"],
        "regions": ["israel", "palestinians"],
        "summary": "بعد السابع من أكتوبر، أنهى ميل موسكو نحو إيران والجماعات التي تدعمها أي ادعاء "
        "بالحياد الروسي في الشرق الأوسط، وعلى إسرائيل أن تعيد النظر في سياستها الحذرة تجاه روسيا.",
        "body": ARABIC_BODY,
        "footer_note": ARABIC_FOOTER,
        "outlet_name": "19FortyFive",
        "outlet_url": OUTLET_URL,
    },
    {
        "slug": WOMENS_DRESS_SLUG,
        "title": "Women's Dress in Iran: From the Islamic Sitr to the Political Hijab",
        "type": "Brief Analysis",
        "published_at": "2023-12-07 17:00",
        "authors": ["mushtaq-abd-manaf"],
        "topics": ["democracy-and-reform"],
        "regions": ["iran"],
        "summary": "The Islamic Republic treats the hijab as a settled religious rule, but the "
        "history of Islamic thought on covering is more varied, and that history bears on "
        "today's dispute.",
        "body": WOMENS_DRESS_BODY,
    },
    {
        "slug": HOUTHI_SLUG,
        "title": "Houthi Ship Attacks Are Affecting Red Sea Trade Routes",
        "type": "Brief Analysis",
        "published_at": "2023-12-07 15:30",
        "authors": ["noam-raydan"],
        "topics": ["military-and-security", "energy-and-economics"],
        "regions": ["yemen"],
        "summary": "Shipping companies are sending vessels around Africa rather than risk the "
        "Bab al-Mandab, with costs that reach well beyond the Red Sea.",
        "body": HOUTHI_BODY,
        "recommends": [MAIN_SLUG],
    },
    {
        "slug": EVENT_SLUG,
        "title": "The Hamas-Israel War: End of the Beginning or Beginning of the End?",
        "type": "Event",
        "published_at": "2023-12-01 15:00",
        "authors": ["assaf-orion", "hanin-ghaddar", "matthew-levitt"],
        "topics": ["arab-israeli-relations", "military-and-security"],
        "regions": ["israel", "palestinians", "lebanon"],
        "summary": "Three of the institute's experts assess the state of the war in Gaza, the "
        "risk of a wider conflict, and the choices ahead for Israel and its adversaries.",
        "body": EVENT_BODY,
        "event_start": "2023-12-14 16:00",
        "event_end": "2023-12-14 17:30",
        "event_time_zone": "America/New_York",
        "event_is_online": True,
        "recommends": [MAIN_SLUG, HOUTHI_SLUG],
    },
]
