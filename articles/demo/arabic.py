"""
Arabic versions of some English demo pieces, in the same translation sets.

Each slug is its Arabic title transliterated letter by letter into ASCII, as the
reference page's Arabic slug is (ا→a, و→w, ي→y, ش→sh, غ→gh, ة→a, ى→a; hamza alone
and ع dropped, no vowels added).
The text is demo text written for this project.
"""

from articles.demo.reference import EVENT_SLUG, HOUTHI_SLUG

# Arabic versions of English pieces: (English slug, Arabic slug, published_at, title,
# summary, body). Slugs are the Arabic titles transliterated letter by letter.
ARABIC = [
    (HOUTHI_SLUG, "hjmat-alhwthyyn-la-alsfn-twthr-la-trq-altjara-fy-albhr-alahmr",
     "2023-12-08 10:00", "هجمات الحوثيين على السفن تؤثر على طرق التجارة في البحر الأحمر",
     "تتجنب شركات الشحن مضيق باب المندب وترسل سفنها حول أفريقيا، بتكاليف تتجاوز البحر الأحمر.",
     "<p>بدأت الهجمات على السفن التجارية في جنوب البحر الأحمر تغيّر طريقة تخطيط شركات الشحن "
     "لمساراتها، إذ يضيف كل تحويل أياماً إلى الرحلة بين آسيا وأوروبا.</p>"
     "<h2>من المتضرر؟</h2><p>كانت خطوط الحاويات أول من غيّر مساره، تلتها ناقلات النفط بشكل "
     "متفاوت.</p><h2>ما الذي يجب مراقبته؟</h2><p>السؤال الأهم هو ما إذا كانت المرافقة البحرية "
     "ستعيد الثقة الكافية لعودة السفن.</p>"),
    (EVENT_SLUG, "hrb-hmas-wasrayyl-nhaya-albdaya-am-bdaya-alnhaya", "2023-12-02 12:00",
     "حرب حماس وإسرائيل: نهاية البداية أم بداية النهاية؟",
     "ثلاثة من خبراء المعهد يقيّمون مسار الحرب في غزة وخطر اتساعها والخيارات المطروحة.",
     "<p>بعد شهرين من الحرب في غزة، يناقش خبراء المعهد وضع القتال وخطر التصعيد على حدود "
     "إسرائيل الشمالية.</p><p>هذه فعالية عبر الإنترنت، وسيُنشر تسجيلها لاحقاً.</p>"),
    ("is-saudi-israeli-normalization-still-possible",
     "hl-la-yzal-alttby-alswdy-alasrayyly-mmkna-bd-ghza", "2024-01-24 12:00",
     "هل لا يزال التطبيع السعودي الإسرائيلي ممكناً بعد غزة؟",
     "لم تغلق الرياض الباب أمام التطبيع، لكن الثمن الذي تطلبه ارتفع.",
     "<p>قبل السابع من أكتوبر، تحدث المسؤولون عن اتفاق خلال أشهر، ثم جمّدت الحرب المحادثات."
     "</p><h2>شروط الرياض</h2><p>تطلب السعودية اليوم مساراً واضحاً نحو دولة فلسطينية.</p>"),
    ("lebanons-new-president-and-the-reform-agenda", "ryys-lbnan-aljdyd-wajnda-alaslah",
     "2025-01-15 12:00", "رئيس لبنان الجديد وأجندة الإصلاح",
     "بعد أكثر من عامين من الفراغ، بات للبنان رئيس؛ والاختبار الحقيقي هو إصلاح المصارف والدولة.",
     "<p>أنهى انتخاب الرئيس جموداً طويلاً، وجاء بعد حرب أضعفت حزب الله.</p>"
     "<h2>الإصلاح المصرفي</h2><p>يبقى إصلاح القطاع المصرفي الشرط الأول لأي دعم دولي.</p>"),
    ("iraqi-militias-join-the-regional-war-carefully",
     "almylyshyat-alraqya-tndm-ala-alhrb-alaqlymya-bhdhr", "2023-10-25 12:00",
     "الميليشيات العراقية تنضم إلى الحرب الإقليمية بحذر",
     "تهاجم الميليشيات العراقية المتحالفة مع إيران القوات الأمريكية منذ السابع من أكتوبر، لكنها "
     "تحرص على البقاء دون العتبة التي تستدعي رداً واسعاً.",
     "<p>بعد أيام من هجوم حماس، بدأت جماعات في العراق تتبنّى هجمات بطائرات مسيّرة وصواريخ على "
     "قواعد تستضيف قوات أمريكية في العراق وسوريا.</p><h2>حسابات دقيقة</h2><p>تحرص هذه "
     "الجماعات على إبقاء هجماتها محدودة الأثر: تعلن عنها بأسماء جديدة تخفّف من مسؤولية الفصائل "
     "المعروفة، وتتجنب في الغالب إيقاع خسائر بشرية كبيرة قد تستدعي رداً أمريكياً واسعاً أو "
     "تحرج الحكومة العراقية التي تشارك فيها هذه الفصائل نفسها.</p><h2>ما الذي يجب مراقبته؟</h2>"
     "<p>يبقى السؤال ما إذا كانت طهران قادرة على ضبط إيقاع التصعيد إذا طال أمد الحرب في غزة، أم "
     "أن خطأً واحداً في الحسابات سيكفي لجرّ العراق إلى مواجهة لا يريدها أحد.</p>"),
    ("after-assad-what-happens-to-russias-bases", "bd-alasd-ma-msyr-alqwad-alrwsya-fy-swrya",
     "2024-12-13 12:00", "بعد الأسد، ما مصير القواعد الروسية في سوريا؟",
     "يترك سقوط نظام الأسد القاعدتين البحرية والجوية لروسيا في سوريا رهينةً لحسن نية الحكام "
     "الجدد في دمشق.",
     "<p>شكّل ميناء طرطوس وقاعدة حميميم الجوية أساس الحضور الروسي في شرق البحر المتوسط، ومنهما "
     "امتدت عمليات موسكو نحو ليبيا وأفريقيا.</p><h2>أوراق موسكو</h2><p>لا تملك روسيا اليوم سوى "
     "أوراق محدودة: فهي تستطيع أن تعرض القمح والوقود والتعاون في مجلس الأمن، لكن ذاكرة السوريين "
     "مع الغارات الروسية على مدنهم لا تزال حاضرة، والحكام الجدد يدركون أن القواعد ورقة تفاوض "
     "ثمينة في علاقاتهم مع الغرب والخليج.</p><h2>ما الذي يجب مراقبته؟</h2><p>المؤشر الأهم هو "
     "ما إذا كانت دمشق ستعيد التفاوض على عقود الإيجار طويلة الأمد أم ستكتفي بترتيبات مؤقتة، "
     "وما إذا كانت موسكو ستنقل جزءاً من قدراتها إلى شرق ليبيا تحسّباً للأسوأ.</p>"),
]  # fmt: skip


def translations(english_by_slug):
    """The Arabic versions, sharing the classification (and event facts) of the original."""
    shared = ("type", "authors", "topics", "regions", "event_start", "event_end")
    shared += ("event_time_zone", "event_location", "event_is_online")
    found = []
    for original_slug, slug, published_at, title, summary, text in ARABIC:
        original = english_by_slug[original_slug]
        found.append(
            {
                "slug": slug,
                "language": "ar",
                "translation_of": original_slug,
                "published_at": published_at,
                "title": title,
                "summary": summary,
                "body": text,
                **{key: original[key] for key in shared if key in original},
            }
        )
    return found
