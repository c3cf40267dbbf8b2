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
    <name>DocumentActions</name>
    <message>
        <source>Delete documents</source>
        <translation>حذف المستندات</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n document(s) with their spans and suggestions?</source>
        <translation>
            <numerusform>حذف %n مستند مع مقاطعه واقتراحاته؟</numerusform>
            <numerusform>حذف مستند واحد مع مقاطعه واقتراحاته؟</numerusform>
            <numerusform>حذف مستندين مع مقاطعهما واقتراحاتهما؟</numerusform>
            <numerusform>حذف %n مستندات مع مقاطعها واقتراحاتها؟</numerusform>
            <numerusform>حذف %n مستندًا مع مقاطعها واقتراحاتها؟</numerusform>
            <numerusform>حذف %n مستند مع مقاطعها واقتراحاتها؟</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z) brings them back.</source>
        <translation>التراجع (Ctrl+Z) يعيدها.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n documents</source>
        <translation>
            <numerusform>حذف %n مستند</numerusform>
            <numerusform>حذف مستند واحد</numerusform>
            <numerusform>حذف مستندين</numerusform>
            <numerusform>حذف %n مستندات</numerusform>
            <numerusform>حذف %n مستندًا</numerusform>
            <numerusform>حذف %n مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n document(s); Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>حُذف %n مستند؛ Ctrl+Z يعيده.</numerusform>
            <numerusform>حُذف مستند واحد؛ Ctrl+Z يعيده.</numerusform>
            <numerusform>حُذف مستندان؛ Ctrl+Z يعيدهما.</numerusform>
            <numerusform>حُذفت %n مستندات؛ Ctrl+Z يعيدها.</numerusform>
            <numerusform>حُذف %n مستندًا؛ Ctrl+Z يعيدها.</numerusform>
            <numerusform>حُذف %n مستند؛ Ctrl+Z يعيدها.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename document</source>
        <translation>إعادة تسمية المستند</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>العنوان:</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="55"/>
        <source>brat standoff: a folder of doc-NNNNNN.txt + .ann (T lines, AnnotatorNotes)</source>
        <translation>⁦brat standoff⁩: مجلد من ملفات ⁦doc-NNNNNN.txt⁩ و⁦.ann⁩ (أسطر T وملاحظات ⁦AnnotatorNotes⁩)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="59"/>
        <source>Hugging Face datasets folder: {train,dev,test}.jsonl or data.jsonl + labels.json</source>
        <translation>مجلد ⁦Hugging Face datasets⁩: ⁦{train,dev,test}.jsonl⁩ أو ⁦data.jsonl⁩ مع ⁦labels.json⁩</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="63"/>
        <source>IOB2 / CoNLL: token&lt;TAB&gt;tag a line, blank line between sentences</source>
        <translation>⁦IOB2 / CoNLL⁩: في كل سطر رمز ثم ⁦TAB⁩ ثم وسم، وسطر فارغ بين الجمل</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="66"/>
        <source>annotator JSONL: every field, re-importable as is</source>
        <translation>⁦JSONL⁩ المُعلِّم: كل الحقول، ويُستورد من جديد كما هو</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="69"/>
        <source>doccano JSONL ({&quot;text&quot;, &quot;label&quot;: [[start, end, label]]})</source>
        <translation>⁦JSONL⁩ لـ ⁦doccano⁩: ⁦{&quot;text&quot;, &quot;label&quot;: [[start, end, label]]}⁩</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="72"/>
        <source>Prodigy / spaCy JSONL ({&quot;text&quot;, &quot;tokens&quot;, &quot;spans&quot;: [{&quot;start&quot;, &quot;end&quot;, &quot;label&quot;, &quot;token_start&quot;, &quot;token_end&quot;}]})</source>
        <translation>⁦JSONL⁩ لـ ⁦Prodigy / spaCy⁩: ⁦{&quot;text&quot;, &quot;tokens&quot;, &quot;spans&quot;: [{&quot;start&quot;, &quot;end&quot;, &quot;label&quot;, &quot;token_start&quot;, &quot;token_end&quot;}]}⁩</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="76"/>
        <source>Label Studio JSON tasks (a JSON array with annotations[].result[])</source>
        <translation>مهام ⁦Label Studio⁩ بصيغة ⁦JSON⁩ (مصفوفة ⁦JSON⁩ فيها ⁦annotations[].result[]⁩)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="79"/>
        <source>spaCy DocBin (.spacy): ents (outermost) and spans[&apos;sc&apos;] (all); needs spaCy</source>
        <translation>⁦DocBin⁩ لـ ⁦spaCy⁩ (⁦.spacy⁩): ⁦ents⁩ (الأبعد) و⁦spans[&apos;sc&apos;]⁩ (الكل)؛ يتطلب ⁦spaCy⁩</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="123"/>
        <source>Export to folder</source>
        <translation>التصدير إلى مجلد</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="126"/>
        <source>Export to file</source>
        <translation>التصدير إلى ملف</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="150"/>
        <location filename="../../src/annotator/qt/export_dialog.py" line="242"/>
        <location filename="../../src/annotator/qt/export_dialog.py" line="460"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="169"/>
        <source>Choose...</source>
        <translation>اختيار...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="173"/>
        <source>Format and destination</source>
        <translation>الصيغة والوجهة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="175"/>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="194"/>
        <source>Everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="197"/>
        <source>from</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="198"/>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="207"/>
        <source>Filters</source>
        <translation>عوامل التصفية</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="209"/>
        <source>Documents with status</source>
        <translation>المستندات ذات الحالة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="210"/>
        <source>Spans with label</source>
        <translation>المقاطع ذات الوسم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="211"/>
        <source>Spans by</source>
        <translation>المقاطع التي وضعها</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="212"/>
        <source>Documents with a span changed</source>
        <translation>المستندات التي تغيّر فيها مقطع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="214"/>
        <source>Split the documents into train, dev and test</source>
        <translation>تقسيم المستندات إلى تدريب وتطوير واختبار</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="218"/>
        <source>Split</source>
        <translation>التقسيم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="221"/>
        <source>Train</source>
        <translation>تدريب</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="221"/>
        <source>Dev</source>
        <translation>تطوير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="221"/>
        <source>Test</source>
        <translation>اختبار</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="230"/>
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="243"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="281"/>
        <source>Choose where to write the export.</source>
        <translation>اختر مكان كتابة التصدير.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="283"/>
        <source>Tick at least one status.</source>
        <translation>اختر حالة واحدة على الأقل.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="285"/>
        <source>Tick at least one label.</source>
        <translation>اختر وسمًا واحدًا على الأقل.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="291"/>
        <source>The first date is after the last one.</source>
        <translation>التاريخ الأول بعد التاريخ الأخير.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="296"/>
        <source>The train, dev and test shares add up to %1; they must add up to 1.</source>
        <translation>مجموع حصص التدريب والتطوير والاختبار %1؛ ويجب أن يساوي 1.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="333"/>
        <source>Output folder</source>
        <translation>مجلد الإخراج</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="333"/>
        <source>Output file</source>
        <translation>ملف الإخراج</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="450"/>
        <source>Cannot write %1: %2</source>
        <translation>تعذّرت الكتابة في %1: %2</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="468"/>
        <source>Exported %1 documents with %2 spans to %3.</source>
        <translation>صُدّر %1 مستند و%2 مقطع إلى %3.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="475"/>
        <source>Documents by part: %1</source>
        <translation>المستندات في كل جزء: %1</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="479"/>
        <source>No document matched the filters.</source>
        <translation>لا مستند يطابق عوامل التصفية.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="490"/>
        <source>Export finished</source>
        <translation>انتهى التصدير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="496"/>
        <source>What the format could not hold (details below):</source>
        <translation>ما لم تستطع الصيغة حمله (التفاصيل أدناه):</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="505"/>
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
        <location filename="../../src/annotator/qt/find_panel.py" line="136"/>
        <source>Find (normalised: روسيا also finds لروسيا)</source>
        <translation>بحث (مطبَّع: روسيا تجد لروسيا أيضًا)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="137"/>
        <source>This document</source>
        <translation>هذا المستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="138"/>
        <source>Whole project</source>
        <translation>المشروع كله</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="158"/>
        <source>First %1 matches</source>
        <translation>أول %1 نتيجة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="160"/>
        <source>%1 matches</source>
        <translation>%1 نتيجة</translation>
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
        <location filename="../../src/annotator/qt/actions.py" line="69"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="74"/>
        <source>Recent projects</source>
        <translation>المشاريع الأخيرة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="84"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="97"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="105"/>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="112"/>
        <source>&amp;Document</source>
        <translation>&amp;مستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="70"/>
        <source>New project...</source>
        <translation>مشروع جديد...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="72"/>
        <source>Open project...</source>
        <translation>فتح مشروع...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="75"/>
        <source>Import files...</source>
        <translation>استيراد ملفات...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="77"/>
        <source>Import folder...</source>
        <translation>استيراد مجلد...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="79"/>
        <source>Export...</source>
        <translation>تصدير...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="81"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="85"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="88"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Delete documents...</source>
        <translation>حذف المستندات...</translation>
    </message>
    <message>
        <source>Rename document...</source>
        <translation>إعادة تسمية المستند...</translation>
    </message>
    <message>
        <source>Next pane</source>
        <translation>اللوحة التالية</translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation>اللوحة السابقة</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>البحث عن التالي</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>البحث عن السابق</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="91"/>
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="98"/>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="101"/>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="103"/>
        <source>Reset zoom</source>
        <translation>الحجم الأصلي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="113"/>
        <source>Mark done and open next</source>
        <translation>تعليم كمنجز وفتح التالي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="116"/>
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="118"/>
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="120"/>
        <source>Next suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="123"/>
        <source>Previous suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="126"/>
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="129"/>
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="132"/>
        <source>Accept all suggestions</source>
        <translation>قبول كل الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="135"/>
        <source>Reject all suggestions</source>
        <translation>رفض كل الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="139"/>
        <source>Label all occurrences in this document</source>
        <translation>وسم كل الورودات في هذا المستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="143"/>
        <source>Label all occurrences in the project</source>
        <translation>وسم كل الورودات في المشروع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="146"/>
        <source>Suggest on open</source>
        <translation>اقتراح عند الفتح</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="94"/>
        <source>Find...</source>
        <translation>بحث...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="213"/>
        <source>Filter titles</source>
        <translation>تصفية العناوين</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="214"/>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="217"/>
        <source>Labels (press the key to tag)</source>
        <translation>الوسوم (اضغط المفتاح للوسم)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="218"/>
        <source>Spans in this document</source>
        <translation>المقاطع في هذا المستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="219"/>
        <source>in memory</source>
        <translation>في الذاكرة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="220"/>
        <source>%1 - annotator</source>
        <translation>%1 - المُعلِّم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/navigation.py" line="38"/>
        <source>Every document is done.</source>
        <translation>أُنجزت كل المستندات.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="192"/>
        <source>Saved</source>
        <translation>محفوظ</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/editing.py" line="97"/>
        <source>annotator</source>
        <translation>المُعلِّم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="59"/>
        <source>No suggestions in this document.</source>
        <translation>لا اقتراحات في هذا المستند.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="73"/>
        <source>Nothing changed: the selected span is not a suggestion.</source>
        <translation>لم يتغير شيء: الوسم المحدد ليس اقتراحًا.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="77"/>
        <source>Nothing changed: select a suggestion first (Tab).</source>
        <translation>لم يتغير شيء: حدّد اقتراحًا أولًا (Tab).</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="127"/>
        <source>Select a span first.</source>
        <translation>اختر مقطعًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="151"/>
        <source>%1 occurrences proposed in %2 documents.</source>
        <translation>اقتُرح %1 ورودًا في %2 مستندات.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="327"/>
        <source>No document</source>
        <translation>لا مستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="333"/>
        <source>Document not in the list</source>
        <translation>المستند ليس في القائمة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="336"/>
        <source>Document %1 of %2</source>
        <translation>المستند %1 من %2</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="37"/>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="39"/>
        <source>Annotator projects (*.annotator)</source>
        <translation>مشاريع المُعلِّم (*.annotator)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="49"/>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="51"/>
        <source>Annotator projects (*.annotator);;All files (*)</source>
        <translation>مشاريع المُعلِّم (*.annotator);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="61"/>
        <source>Import files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="63"/>
        <source>Text and JSONL (*.txt *.text *.jsonl *.ndjson *.json);;All files (*)</source>
        <translation>نصوص و JSONL (*.txt *.text *.jsonl *.ndjson *.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="73"/>
        <source>Import folder</source>
        <translation>استيراد مجلد</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="88"/>
        <source>Imported %1 documents and %2 spans.</source>
        <translation>استُورد %1 مستند و%2 مقطع.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="93"/>
        <source>%1 already in the project.</source>
        <translation>%1 موجود مسبقًا في المشروع.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="97"/>
        <source>%1 repeated spans imported once (first: %2).</source>
        <translation>%1 وسمًا مكررًا استُورد مرة واحدة (أولها: %2).</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="110"/>
        <source>Exported %1 documents.</source>
        <translation>صُدّر %1 مستند.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="122"/>
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
        <location filename="../../src/annotator/qt/transfer.py" line="39"/>
        <source>%1 records</source>
        <translation>%1 سجل</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/transfer.py" line="43"/>
        <source>Cancelled; nothing changed.</source>
        <translation>أُلغي؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/transfer.py" line="50"/>
        <source>Importing</source>
        <translation>جارٍ الاستيراد</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/transfer.py" line="62"/>
        <source>Exporting</source>
        <translation>جارٍ التصدير</translation>
    </message>
</context>
</TS>
