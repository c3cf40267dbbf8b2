<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../src/annotator/qt/article_view.py" line="389"/>
        <source>%1 (suggested)</source>
        <translation>%1 (مقترح)</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="17"/>
        <source>Imported %n document(s)</source>
        <translation>
            <numerusform>استُورد %n مستند</numerusform>
            <numerusform>استُورد مستند واحد</numerusform>
            <numerusform>استُورد مستندان</numerusform>
            <numerusform>استُوردت %n مستندات</numerusform>
            <numerusform>استُورد %n مستندًا</numerusform>
            <numerusform>استُورد %n مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="18"/>
        <source> and %n span(s).</source>
        <translation>
            <numerusform> و%n مقطع.</numerusform>
            <numerusform> ومقطع واحد.</numerusform>
            <numerusform> ومقطعان.</numerusform>
            <numerusform> و%n مقاطع.</numerusform>
            <numerusform> و%n مقطعًا.</numerusform>
            <numerusform> و%n مقطع.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="22"/>
        <source>%n already in the project.</source>
        <translation>
            <numerusform>%n منها موجودة في المشروع مسبقًا.</numerusform>
            <numerusform>واحد منها موجود في المشروع مسبقًا.</numerusform>
            <numerusform>اثنان منها موجودان في المشروع مسبقًا.</numerusform>
            <numerusform>%n منها موجودة في المشروع مسبقًا.</numerusform>
            <numerusform>%n منها موجودة في المشروع مسبقًا.</numerusform>
            <numerusform>%n منها موجودة في المشروع مسبقًا.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="25"/>
        <source>%n repeated span(s) imported once (first: %1).</source>
        <translation>
            <numerusform>%n مقطع مكرر استُورد مرة واحدة (أولها: %1).</numerusform>
            <numerusform>مقطع مكرر واحد استُورد مرة واحدة (%1).</numerusform>
            <numerusform>مقطعان مكرران استُوردا مرة واحدة (أولهما: %1).</numerusform>
            <numerusform>%n مقاطع مكررة استُوردت مرة واحدة (أولها: %1).</numerusform>
            <numerusform>%n مقطعًا مكررًا استُورد مرة واحدة (أولها: %1).</numerusform>
            <numerusform>%n مقطع مكرر استُورد مرة واحدة (أولها: %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="30"/>
        <source>Exported %n document(s).</source>
        <translation>
            <numerusform>صُدّر %n مستند.</numerusform>
            <numerusform>صُدّر مستند واحد.</numerusform>
            <numerusform>صُدّر مستندان.</numerusform>
            <numerusform>صُدّرت %n مستندات.</numerusform>
            <numerusform>صُدّر %n مستندًا.</numerusform>
            <numerusform>صُدّر %n مستند.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="33"/>
        <source>Exported %n document(s)</source>
        <translation>
            <numerusform>صُدّر %n مستند</numerusform>
            <numerusform>صُدّر مستند واحد</numerusform>
            <numerusform>صُدّر مستندان</numerusform>
            <numerusform>صُدّرت %n مستندات</numerusform>
            <numerusform>صُدّر %n مستندًا</numerusform>
            <numerusform>صُدّر %n مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="34"/>
        <source> with %n span(s) to %1.</source>
        <translation>
            <numerusform> فيها %n مقطع إلى %1.</numerusform>
            <numerusform> فيها مقطع واحد إلى %1.</numerusform>
            <numerusform> فيها مقطعان إلى %1.</numerusform>
            <numerusform> فيها %n مقاطع إلى %1.</numerusform>
            <numerusform> فيها %n مقطعًا إلى %1.</numerusform>
            <numerusform> فيها %n مقطع إلى %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="38"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n سجل</numerusform>
            <numerusform>سجل واحد</numerusform>
            <numerusform>سجلان</numerusform>
            <numerusform>%n سجلات</numerusform>
            <numerusform>%n سجلًا</numerusform>
            <numerusform>%n سجل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="42"/>
        <source>Proposed %n occurrence(s).</source>
        <translation>
            <numerusform>لم يُقترح أي موضع.</numerusform>
            <numerusform>اقتُرح موضع واحد.</numerusform>
            <numerusform>اقتُرح موضعان.</numerusform>
            <numerusform>اقتُرحت %n مواضع.</numerusform>
            <numerusform>اقتُرح %n موضعًا.</numerusform>
            <numerusform>اقتُرح %n موضع.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="43"/>
        <source>Proposed %n occurrence(s)</source>
        <translation>
            <numerusform>اقتُرح %n موضع</numerusform>
            <numerusform>اقتُرح موضع واحد</numerusform>
            <numerusform>اقتُرح موضعان</numerusform>
            <numerusform>اقتُرحت %n مواضع</numerusform>
            <numerusform>اقتُرح %n موضعًا</numerusform>
            <numerusform>اقتُرح %n موضع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="44"/>
        <source> in %n document(s)</source>
        <translation>
            <numerusform> في %n مستند</numerusform>
            <numerusform> في مستند واحد</numerusform>
            <numerusform> في مستندين</numerusform>
            <numerusform> في %n مستندات</numerusform>
            <numerusform> في %n مستندًا</numerusform>
            <numerusform> في %n مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="48"/>
        <source>Accepted %n proposed occurrence(s).</source>
        <translation>
            <numerusform>لم يُقبل أي موضع مقترح.</numerusform>
            <numerusform>قُبل موضع مقترح واحد.</numerusform>
            <numerusform>قُبل موضعان مقترحان.</numerusform>
            <numerusform>قُبلت %n مواضع مقترحة.</numerusform>
            <numerusform>قُبل %n موضعًا مقترحًا.</numerusform>
            <numerusform>قُبل %n موضع مقترح.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="149"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="149"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="149"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="64"/>
        <source>brat standoff: a folder of doc-NNNNNN.txt + .ann (T lines, AnnotatorNotes)</source>
        <translation>⁦brat standoff⁩: مجلد من ملفات ⁦doc-NNNNNN.txt⁩ و⁦.ann⁩ (أسطر T وملاحظات ⁦AnnotatorNotes⁩)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="68"/>
        <source>Hugging Face datasets folder: {train,dev,test}.jsonl or data.jsonl + labels.json</source>
        <translation>مجلد ⁦Hugging Face datasets⁩: ⁦{train,dev,test}.jsonl⁩ أو ⁦data.jsonl⁩ مع ⁦labels.json⁩</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="72"/>
        <source>IOB2 / CoNLL: token&lt;TAB&gt;tag a line, blank line between sentences</source>
        <translation>⁦IOB2 / CoNLL⁩: في كل سطر رمز ثم ⁦TAB⁩ ثم وسم، وسطر فارغ بين الجمل</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="75"/>
        <source>annotator JSONL: every field, re-importable as is</source>
        <translation>⁦JSONL⁩ المُعلِّم: كل الحقول، ويُستورد من جديد كما هو</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="78"/>
        <source>doccano JSONL ({&quot;text&quot;, &quot;label&quot;: [[start, end, label]]})</source>
        <translation>⁦JSONL⁩ لـ ⁦doccano⁩: ⁦{&quot;text&quot;, &quot;label&quot;: [[start, end, label]]}⁩</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="81"/>
        <source>Prodigy / spaCy JSONL ({&quot;text&quot;, &quot;tokens&quot;, &quot;spans&quot;: [{&quot;start&quot;, &quot;end&quot;, &quot;label&quot;, &quot;token_start&quot;, &quot;token_end&quot;}]})</source>
        <translation>⁦JSONL⁩ لـ ⁦Prodigy / spaCy⁩: ⁦{&quot;text&quot;, &quot;tokens&quot;, &quot;spans&quot;: [{&quot;start&quot;, &quot;end&quot;, &quot;label&quot;, &quot;token_start&quot;, &quot;token_end&quot;}]}⁩</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="85"/>
        <source>Label Studio JSON tasks (a JSON array with annotations[].result[])</source>
        <translation>مهام ⁦Label Studio⁩ بصيغة ⁦JSON⁩ (مصفوفة ⁦JSON⁩ فيها ⁦annotations[].result[]⁩)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="88"/>
        <source>spaCy DocBin (.spacy): ents (outermost) and spans[&apos;sc&apos;] (all); needs spaCy</source>
        <translation>⁦DocBin⁩ لـ ⁦spaCy⁩ (⁦.spacy⁩): ⁦ents⁩ (الأبعد) و⁦spans[&apos;sc&apos;]⁩ (الكل)؛ يتطلب ⁦spaCy⁩</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="132"/>
        <source>Export to folder</source>
        <translation>التصدير إلى مجلد</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="135"/>
        <source>Export to file</source>
        <translation>التصدير إلى ملف</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="159"/>
        <location filename="../../src/annotator/qt/export_dialog.py" line="251"/>
        <location filename="../../src/annotator/qt/export_dialog.py" line="474"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="178"/>
        <source>Choose...</source>
        <translation>اختيار...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="182"/>
        <source>Format and destination</source>
        <translation>الصيغة والوجهة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="184"/>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="203"/>
        <source>Everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="206"/>
        <source>from</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="207"/>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="216"/>
        <source>Filters</source>
        <translation>عوامل التصفية</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="218"/>
        <source>Documents with status</source>
        <translation>المستندات ذات الحالة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="219"/>
        <source>Spans with label</source>
        <translation>المقاطع ذات الوسم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="220"/>
        <source>Spans by</source>
        <translation>المقاطع التي وضعها</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="221"/>
        <source>Documents with a span changed</source>
        <translation>المستندات التي تغيّر فيها مقطع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="223"/>
        <source>Split the documents into train, dev and test</source>
        <translation>تقسيم المستندات إلى تدريب وتطوير واختبار</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="227"/>
        <source>Split</source>
        <translation>التقسيم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="230"/>
        <source>Train</source>
        <translation>تدريب</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="230"/>
        <source>Dev</source>
        <translation>تطوير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="230"/>
        <source>Test</source>
        <translation>اختبار</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="239"/>
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="252"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="290"/>
        <source>Choose where to write the export.</source>
        <translation>اختر مكان كتابة التصدير.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="292"/>
        <source>Tick at least one status.</source>
        <translation>اختر حالة واحدة على الأقل.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="294"/>
        <source>Tick at least one label.</source>
        <translation>اختر وسمًا واحدًا على الأقل.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="300"/>
        <source>The first date is after the last one.</source>
        <translation>التاريخ الأول بعد التاريخ الأخير.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="305"/>
        <source>The train, dev and test shares add up to %1; they must add up to 1.</source>
        <translation>مجموع حصص التدريب والتطوير والاختبار %1؛ ويجب أن يساوي 1.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="342"/>
        <source>Output folder</source>
        <translation>مجلد الإخراج</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="342"/>
        <source>Output file</source>
        <translation>ملف الإخراج</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="464"/>
        <source>Cannot write %1: %2</source>
        <translation>تعذّرت الكتابة في %1: %2</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="484"/>
        <source>Documents by part: %1</source>
        <translation>المستندات في كل جزء: %1</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="488"/>
        <source>No document matched the filters.</source>
        <translation>لا مستند يطابق عوامل التصفية.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="499"/>
        <source>Export finished</source>
        <translation>انتهى التصدير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="505"/>
        <source>What the format could not hold (details below):</source>
        <translation>ما لم تستطع الصيغة حمله (التفاصيل أدناه):</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="514"/>
        <source>Every span was written as it is.</source>
        <translation>كُتب كل مقطع كما هو.</translation>
    </message>
</context>
<context>
    <name>FindPanel</name>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="135"/>
        <source>Find</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="138"/>
        <source>Find: روسيا also finds لروسيا (normalised)</source>
        <translation>بحث: روسيا تجد لروسيا أيضًا (مطبَّع)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="139"/>
        <source>This document</source>
        <translation>هذا المستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="140"/>
        <source>Whole project</source>
        <translation>المشروع كله</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/find_panel.py" line="160"/>
        <source>First %n match(es)</source>
        <translation>
            <numerusform>أول %n نتيجة</numerusform>
            <numerusform>أول نتيجة</numerusform>
            <numerusform>أول نتيجتين</numerusform>
            <numerusform>أول %n نتائج</numerusform>
            <numerusform>أول %n نتيجة</numerusform>
            <numerusform>أول %n نتيجة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/find_panel.py" line="162"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>لا نتائج</numerusform>
            <numerusform>نتيجة واحدة</numerusform>
            <numerusform>نتيجتان</numerusform>
            <numerusform>%n نتائج</numerusform>
            <numerusform>%n نتيجة</numerusform>
            <numerusform>%n نتيجة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelListModel</name>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="275"/>
        <source>Press %1 to tag the selection</source>
        <translation>اضغط %1 لوسم التحديد</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="72"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="77"/>
        <source>Recent projects</source>
        <translation>المشاريع الأخيرة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="87"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="100"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="114"/>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="122"/>
        <source>&amp;Document</source>
        <translation>&amp;مستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="73"/>
        <source>New project...</source>
        <translation>مشروع جديد...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="75"/>
        <source>Open project...</source>
        <translation>فتح مشروع...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="78"/>
        <source>Import files...</source>
        <translation>استيراد ملفات...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="80"/>
        <source>Import folder...</source>
        <translation>استيراد مجلد...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="82"/>
        <source>Export...</source>
        <translation>تصدير...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="84"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="88"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="91"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="94"/>
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="101"/>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="104"/>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="106"/>
        <source>Reset zoom</source>
        <translation>الحجم الأصلي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="108"/>
        <source>Document list</source>
        <translation>قائمة المستندات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="111"/>
        <source>Labels and spans</source>
        <translation>الوسوم والمقاطع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="123"/>
        <source>Mark done and open next</source>
        <translation>تعليم كمنجز وفتح التالي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="126"/>
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="128"/>
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="130"/>
        <source>Next suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="133"/>
        <source>Previous suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="136"/>
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="139"/>
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="142"/>
        <source>Accept all suggestions</source>
        <translation>قبول كل الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="145"/>
        <source>Reject all suggestions</source>
        <translation>رفض كل الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="149"/>
        <source>Propose all occurrences in this document</source>
        <translation>اقتراح كل المواضع في هذا المستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="153"/>
        <source>Propose all occurrences in the project</source>
        <translation>اقتراح كل المواضع في المشروع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="157"/>
        <source>Accept the occurrences just proposed</source>
        <translation>قبول المواضع المقترحة للتو</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="160"/>
        <source>Suggest on open</source>
        <translation>اقتراح عند الفتح</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="97"/>
        <source>Find...</source>
        <translation>بحث...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="207"/>
        <source>Filter titles</source>
        <translation>تصفية العناوين</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="208"/>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="211"/>
        <source>Labels (press the key to tag)</source>
        <translation>الوسوم (اضغط المفتاح للوسم)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="212"/>
        <source>Spans in this document</source>
        <translation>المقاطع في هذا المستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="213"/>
        <source>in memory</source>
        <translation>في الذاكرة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="214"/>
        <source>%1 - annotator</source>
        <translation>%1 - المُعلِّم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/navigation.py" line="38"/>
        <source>Every document is done.</source>
        <translation>أُنجزت كل المستندات.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="186"/>
        <source>Saved</source>
        <translation>محفوظ</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/editing.py" line="97"/>
        <source>annotator</source>
        <translation>المُعلِّم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="64"/>
        <source>No suggestions in this document.</source>
        <translation>لا اقتراحات في هذا المستند.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="78"/>
        <source>Nothing changed: the selected span is not a suggestion.</source>
        <translation>لم يتغير شيء: الوسم المحدد ليس اقتراحًا.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="82"/>
        <source>Nothing changed: select a suggestion first (Tab).</source>
        <translation>لم يتغير شيء: حدّد اقتراحًا أولًا (⁦Tab⁩).</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="132"/>
        <source>Select a span first.</source>
        <translation>اختر مقطعًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="158"/>
        <source>%1 accepts them all.</source>
        <translation>%1 يقبلها كلها.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="169"/>
        <source>Nothing proposed is left to accept.</source>
        <translation>لم يبقَ شيء مقترح لقبوله.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="321"/>
        <source>No document</source>
        <translation>لا مستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="327"/>
        <source>Document not in the list</source>
        <translation>المستند ليس في القائمة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="330"/>
        <source>Document %1 of %2</source>
        <translation>المستند %1 من %2</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="38"/>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="40"/>
        <source>Annotator projects (*.annotator)</source>
        <translation>مشاريع المُعلِّم (*.annotator)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="50"/>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="52"/>
        <source>Annotator projects (*.annotator);;All files (*)</source>
        <translation>مشاريع المُعلِّم (*.annotator);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="62"/>
        <source>Import files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="64"/>
        <source>Text and JSONL (*.txt *.text *.jsonl *.ndjson *.json);;All files (*)</source>
        <translation>نصوص و JSONL (*.txt *.text *.jsonl *.ndjson *.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="74"/>
        <source>Import folder</source>
        <translation>استيراد مجلد</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="115"/>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/tagging_actions.py" line="53"/>
        <source>Nothing saved: no document is open.</source>
        <translation>لم يُحفظ شيء: لا مستند مفتوح.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/tagging_actions.py" line="67"/>
        <source>Nothing saved: the selection holds no word (only spaces or marks).</source>
        <translation>لم يُحفظ شيء: لا يحوي التحديد أي كلمة (مسافات أو علامات فقط).</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/tagging_actions.py" line="81"/>
        <source>Nothing saved: select some text first, then press a label key.</source>
        <translation>لم يُحفظ شيء: حدّد نصًا أولًا ثم اضغط مفتاح الوسم.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/tagging_actions.py" line="92"/>
        <source>Nothing saved: “%1” is already tagged %2.</source>
        <translation>لم يُحفظ شيء: «%1» موسوم %2 من قبل.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/tagging_actions.py" line="114"/>
        <source>Accepted the suggestion.</source>
        <translation>قُبل الاقتراح.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/tagging_actions.py" line="125"/>
        <source>Nothing saved: the selected span is already %1.</source>
        <translation>لم يُحفظ شيء: الوسم المحدد %1 من قبل.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/tagging_actions.py" line="133"/>
        <source>Nothing saved: the same text is already tagged %1.</source>
        <translation>لم يُحفظ شيء: النص نفسه موسوم %1 من قبل.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/tagging_actions.py" line="150"/>
        <source>Nothing deleted: click a span first.</source>
        <translation>لم يُحذف شيء: انقر وسمًا أولًا.</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="205"/>
        <source>%1 (suggested)</source>
        <translation>%1 (مقترح)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="235"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="235"/>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="235"/>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="46"/>
        <source>Cannot open the project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="47"/>
        <source>This project cannot be opened.</source>
        <translation>لا يمكن فتح هذا المشروع.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="51"/>
        <source>Nothing was changed in that file.</source>
        <translation>لم يُغيَّر شيء في ذلك الملف.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="54"/>
        <source>Open another...</source>
        <translation>فتح مشروع آخر...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="57"/>
        <source>Create new...</source>
        <translation>إنشاء مشروع جديد...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="61"/>
        <source>Annotator projects (*.annotator);;All files (*)</source>
        <translation>مشاريع المُعلِّم (*.annotator);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="159"/>
        <source>Unexpected error</source>
        <translation>خطأ غير متوقع</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="26"/>
        <source>to do</source>
        <translation>للعمل</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="27"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="28"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <location filename="../../src/annotator/qt/transfer.py" line="42"/>
        <source>Cancelled; nothing changed.</source>
        <translation>أُلغي؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/transfer.py" line="49"/>
        <source>Importing</source>
        <translation>جارٍ الاستيراد</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/transfer.py" line="61"/>
        <source>Exporting</source>
        <translation>جارٍ التصدير</translation>
    </message>
</context>
</TS>
