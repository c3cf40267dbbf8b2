<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../src/annotator/qt/article_view.py" line="458"/>
        <source>%1 (suggested)</source>
        <translation>%1 (مقترح)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/arcs.py" line="238"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/arcs.py" line="244"/>
        <source>%1 of %2</source>
        <translation>%1 في الحدث %2</translation>
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
    <name>DocumentActions</name>
    <message>
        <location filename="../../src/annotator/qt/document_actions.py" line="93"/>
        <source>Delete documents</source>
        <translation>حذف المستندات</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/document_actions.py" line="95"/>
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
        <location filename="../../src/annotator/qt/document_actions.py" line="102"/>
        <source>Undo (Ctrl+Z) brings them back.</source>
        <translation>التراجع (Ctrl+Z) يعيدها.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/document_actions.py" line="103"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/document_actions.py" line="113"/>
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
        <location filename="../../src/annotator/qt/document_actions.py" line="118"/>
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
        <location filename="../../src/annotator/qt/document_actions.py" line="133"/>
        <source>Rename document</source>
        <translation>إعادة تسمية المستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/document_actions.py" line="134"/>
        <source>Title:</source>
        <translation>العنوان:</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="177"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="177"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="177"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
</context>
<context>
    <name>EventPanel</name>
    <message>
        <location filename="../../src/annotator/qt/event_panel.py" line="74"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/event_panel.py" line="74"/>
        <source>Argument</source>
        <translation>المشارك</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/event_panel.py" line="84"/>
        <source>Event: select an event span (R links it)</source>
        <translation>الحدث: اختر مقطع حدث (R يربطه)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/event_panel.py" line="94"/>
        <source>Event: %1</source>
        <translation>الحدث: %1</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/event_panel.py" line="97"/>
        <source>(no type)</source>
        <translation>(بلا نوع)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/event_panel.py" line="126"/>
        <source>Remove this link</source>
        <translation>إزالة هذا الرابط</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/event_panel.py" line="137"/>
        <source>Nothing changed: %1</source>
        <translation>لم يتغير شيء: %1</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/event_panel.py" line="145"/>
        <source>Event type set: %1</source>
        <translation>ضُبط نوع الحدث: %1</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/event_panel.py" line="150"/>
        <source>Role changed.</source>
        <translation>تغيّر الدور.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/event_panel.py" line="156"/>
        <source>Link removed.</source>
        <translation>أُزيل الرابط.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="95"/>
        <source>Export to folder</source>
        <translation>التصدير إلى مجلد</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="98"/>
        <source>Export to file</source>
        <translation>التصدير إلى ملف</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="122"/>
        <location filename="../../src/annotator/qt/export_dialog.py" line="215"/>
        <location filename="../../src/annotator/qt/export_dialog.py" line="441"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="142"/>
        <source>Choose...</source>
        <translation>اختيار...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="146"/>
        <source>Format and destination</source>
        <translation>الصيغة والوجهة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="148"/>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="167"/>
        <source>Everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="170"/>
        <source>from</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="171"/>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="180"/>
        <source>Filters</source>
        <translation>عوامل التصفية</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="182"/>
        <source>Documents with status</source>
        <translation>المستندات ذات الحالة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="183"/>
        <source>Spans with label</source>
        <translation>المقاطع ذات الوسم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="184"/>
        <source>Spans by</source>
        <translation>المقاطع التي وضعها</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="185"/>
        <source>Documents with a span changed</source>
        <translation>المستندات التي تغيّر فيها مقطع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="187"/>
        <source>Split the documents into train, dev and test</source>
        <translation>تقسيم المستندات إلى تدريب وتطوير واختبار</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="191"/>
        <source>Split</source>
        <translation>التقسيم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="194"/>
        <source>Train</source>
        <translation>تدريب</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="194"/>
        <source>Dev</source>
        <translation>تطوير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="194"/>
        <source>Test</source>
        <translation>اختبار</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="203"/>
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="216"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="254"/>
        <source>Choose where to write the export.</source>
        <translation>اختر مكان كتابة التصدير.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="256"/>
        <source>Tick at least one status.</source>
        <translation>اختر حالة واحدة على الأقل.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="258"/>
        <source>Tick at least one label.</source>
        <translation>اختر وسمًا واحدًا على الأقل.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="264"/>
        <source>The first date is after the last one.</source>
        <translation>التاريخ الأول بعد التاريخ الأخير.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="269"/>
        <source>The train, dev and test shares add up to %1; they must add up to 1.</source>
        <translation>مجموع حصص التدريب والتطوير والاختبار %1؛ ويجب أن يساوي 1.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="306"/>
        <source>Output folder</source>
        <translation>مجلد الإخراج</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="306"/>
        <source>Output file</source>
        <translation>ملف الإخراج</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="431"/>
        <source>Cannot write %1: %2</source>
        <translation>تعذّرت الكتابة في %1: %2</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="451"/>
        <source>Documents by part: %1</source>
        <translation>المستندات في كل جزء: %1</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="455"/>
        <source>No document matched the filters.</source>
        <translation>لا مستند يطابق عوامل التصفية.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="466"/>
        <source>Export finished</source>
        <translation>انتهى التصدير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="472"/>
        <source>What the format could not hold (details below):</source>
        <translation>ما لم تستطع الصيغة حمله (التفاصيل أدناه):</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/export_dialog.py" line="481"/>
        <source>Every span was written as it is.</source>
        <translation>كُتب كل مقطع كما هو.</translation>
    </message>
</context>
<context>
    <name>FindPanel</name>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="163"/>
        <source>Find</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="166"/>
        <source>Find: روسيا also finds لروسيا (normalised)</source>
        <translation>بحث: روسيا تجد لروسيا أيضًا (مطبَّع)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="167"/>
        <source>This document</source>
        <translation>هذا المستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="168"/>
        <source>Whole project</source>
        <translation>المشروع كله</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/find_panel.py" line="188"/>
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
        <location filename="../../src/annotator/qt/find_panel.py" line="190"/>
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
    <name>Formats</name>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="332"/>
        <source>plain text, UTF-8 (BOM optional) or UTF-16 with BOM; other encodings by name</source>
        <translation>نص عادي، ⁦UTF-8⁩ (مع ⁦BOM⁩ أو بدونه) أو ⁦UTF-16⁩ مع ⁦BOM⁩؛ وترميزات أخرى باسمها</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="342"/>
        <source>annotator&apos;s own JSONL (id, title, text, status, spans, meta)</source>
        <translation>⁦JSONL⁩ الخاص بالمُعلِّم (⁦id, title, text, status, spans, meta⁩)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="351"/>
        <source>Prodigy / spaCy JSONL: {&quot;text&quot;, &quot;spans&quot;: [{&quot;start&quot;, &quot;end&quot;, &quot;label&quot;}]}</source>
        <translation>⁦JSONL⁩ لـ ⁦Prodigy / spaCy⁩: ⁦{&quot;text&quot;, &quot;spans&quot;: [{&quot;start&quot;, &quot;end&quot;, &quot;label&quot;}]}⁩</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="360"/>
        <source>doccano JSONL: {&quot;text&quot;, &quot;label&quot;: [[start, end, &quot;LABEL&quot;], ...]}</source>
        <translation>⁦JSONL⁩ لـ ⁦doccano⁩: ⁦{&quot;text&quot;, &quot;label&quot;: [[start, end, &quot;LABEL&quot;], ...]}⁩</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="369"/>
        <source>CoNLL-U (Universal Dependencies): sentence texts grouped by # newdoc</source>
        <translation>⁦CoNLL-U⁩ (⁦Universal Dependencies⁩): نصوص الجمل مجمّعة حسب ⁦# newdoc⁩</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="378"/>
        <source>OpenEventData Arabic event GSR spans JSON (actors and verbs as token lists)</source>
        <translation>ملف ⁦JSON⁩ لمقاطع الأحداث العربية من ⁦OpenEventData GSR⁩ (الفاعلون والأفعال قوائم رموز)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="388"/>
        <source>CSV with a &quot;text&quot; column (other columns kept as meta)</source>
        <translation>⁦CSV⁩ فيه عمود ⁦&quot;text&quot;⁩ (وتُحفظ الأعمدة الأخرى في ⁦meta⁩)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="395"/>
        <source>Label Studio JSON tasks (export JSON, or tasks with annotations)</source>
        <translation>مهام ⁦Label Studio⁩ بصيغة ⁦JSON⁩ (ملف تصدير ⁦JSON⁩، أو مهام مع توسيماتها)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="404"/>
        <source>IOB2 / CoNLL (token and tag in the first and last column); text rebuilt</source>
        <translation>⁦IOB2 / CoNLL⁩ (الرمز والوسم في العمود الأول والأخير)؛ يُعاد بناء النص</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="413"/>
        <source>brat standoff (.txt with its .ann; T, E and A lines, AnnotatorNotes values)</source>
        <translation>⁦brat standoff⁩ (ملف ⁦.txt⁩ مع ملف ⁦.ann⁩ الخاص به؛ أسطر T وE وA وقيم ⁦AnnotatorNotes⁩)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="426"/>
        <source>annotator JSONL: every field, re-importable as is</source>
        <translation>⁦JSONL⁩ المُعلِّم: كل الحقول، ويُستورد من جديد كما هو</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="434"/>
        <source>doccano JSONL ({&quot;text&quot;, &quot;label&quot;: [[start, end, label]]})</source>
        <translation>⁦JSONL⁩ لـ ⁦doccano⁩: ⁦{&quot;text&quot;, &quot;label&quot;: [[start, end, label]]}⁩</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="442"/>
        <source>doccano relation JSONL ({&quot;text&quot;, &quot;entities&quot;: [{&quot;id&quot;, &quot;label&quot;, &quot;start_offset&quot;, &quot;end_offset&quot;}], &quot;relations&quot;: [{&quot;id&quot;, &quot;from_id&quot;, &quot;to_id&quot;, &quot;type&quot;}]})</source>
        <translation>⁦JSONL⁩ العلاقات لـ ⁦doccano⁩: ⁦{&quot;text&quot;, &quot;entities&quot;: [{&quot;id&quot;, &quot;label&quot;, &quot;start_offset&quot;, &quot;end_offset&quot;}], &quot;relations&quot;: [{&quot;id&quot;, &quot;from_id&quot;, &quot;to_id&quot;, &quot;type&quot;}]}⁩</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="454"/>
        <source>Prodigy / spaCy JSONL ({&quot;text&quot;, &quot;tokens&quot;, &quot;spans&quot;: [{&quot;start&quot;, &quot;end&quot;, &quot;label&quot;, &quot;token_start&quot;, &quot;token_end&quot;}]})</source>
        <translation>⁦JSONL⁩ لـ ⁦Prodigy / spaCy⁩: ⁦{&quot;text&quot;, &quot;tokens&quot;, &quot;spans&quot;: [{&quot;start&quot;, &quot;end&quot;, &quot;label&quot;, &quot;token_start&quot;, &quot;token_end&quot;}]}⁩</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="466"/>
        <source>Label Studio JSON tasks (a JSON array with annotations[].result[])</source>
        <translation>مهام ⁦Label Studio⁩ بصيغة ⁦JSON⁩ (مصفوفة ⁦JSON⁩ فيها ⁦annotations[].result[]⁩)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="476"/>
        <source>IOB2 / CoNLL: token&lt;TAB&gt;tag a line, blank line between sentences</source>
        <translation>⁦IOB2 / CoNLL⁩: في كل سطر رمز ثم ⁦TAB⁩ ثم وسم، وسطر فارغ بين الجمل</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="486"/>
        <source>brat standoff: a folder of doc-NNNNNN.txt + .ann (T, E and A lines, AnnotatorNotes)</source>
        <translation>⁦brat standoff⁩: مجلد من ملفات ⁦doc-NNNNNN.txt⁩ و⁦.ann⁩ (أسطر T وE وA وملاحظات ⁦AnnotatorNotes⁩)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="497"/>
        <source>Hugging Face datasets folder: {train,dev,test}.jsonl or data.jsonl + labels.json</source>
        <translation>مجلد ⁦Hugging Face datasets⁩: ⁦{train,dev,test}.jsonl⁩ أو ⁦data.jsonl⁩ مع ⁦labels.json⁩</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="508"/>
        <source>spaCy DocBin (.spacy): ents (outermost) and spans[&apos;sc&apos;] (all); needs spaCy</source>
        <translation>⁦DocBin⁩ لـ ⁦spaCy⁩ (⁦.spacy⁩): ⁦ents⁩ (الأبعد) و⁦spans[&apos;sc&apos;]⁩ (الكل)؛ يتطلب ⁦spaCy⁩</translation>
    </message>
    <message>
        <location filename="../../src/annotator/io/registry.py" line="519"/>
        <source>DyGIE++ event JSONL: a document a line, sentences of tokens, ner, relations, events with trigger and argument token indexes</source>
        <translation>⁦JSONL⁩ الأحداث لـ ⁦DyGIE++⁩: وثيقة في كل سطر، جمل من الرموز، و⁦ner⁩ و⁦relations⁩، وأحداث بأرقام رموز المُطلِق والمشاركين</translation>
    </message>
</context>
<context>
    <name>LabelListModel</name>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="317"/>
        <source>Press %1 to tag the selection</source>
        <translation>اضغط %1 لوسم التحديد</translation>
    </message>
</context>
<context>
    <name>Linking</name>
    <message>
        <location filename="../../src/annotator/qt/linking.py" line="88"/>
        <source>Nothing to link from: select an event span first, then press R.</source>
        <translation>لا شيء للربط منه: اختر مقطع حدث أولًا ثم اضغط R.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/linking.py" line="96"/>
        <source>Linking %1: Tab chooses an argument, then a role key (%2); Esc ends.</source>
        <translation>ربط %1: يختار Tab مشاركًا، ثم مفتاح الدور (%2)؛ Esc ينهي.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/linking.py" line="107"/>
        <source>Linking ended.</source>
        <translation>انتهى الربط.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/linking.py" line="122"/>
        <source>No span here can be an argument: tag one first.</source>
        <translation>لا مقطع هنا يصلح مشاركًا: ضع وسمًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/linking.py" line="138"/>
        <source>Argument %1: press a role key (%2); Esc ends.</source>
        <translation>المشارك %1: اضغط مفتاح الدور (%2)؛ Esc ينهي.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/linking.py" line="150"/>
        <source>Not linked: choose an argument with Tab first.</source>
        <translation>لم يُربط: اختر مشاركًا بـ Tab أولًا.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/linking.py" line="154"/>
        <source>Not linked: %1</source>
        <translation>لم يُربط: %1</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/linking.py" line="158"/>
        <source>Linked %1 as %2 of %3. Tab: another argument; Esc ends.</source>
        <translation>رُبط %1 بصفته %2 في %3. Tab: مشارك آخر؛ Esc ينهي.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/linking.py" line="215"/>
        <source>Not a role key. Role keys: %1; Esc ends.</source>
        <translation>ليس مفتاح دور. مفاتيح الأدوار: %1؛ Esc ينهي.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="80"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="85"/>
        <source>Recent projects</source>
        <translation>المشاريع الأخيرة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="95"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="116"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="134"/>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="142"/>
        <source>&amp;Document</source>
        <translation>&amp;مستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="81"/>
        <source>New project...</source>
        <translation>مشروع جديد...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="83"/>
        <source>Open project...</source>
        <translation>فتح مشروع...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="86"/>
        <source>Import files...</source>
        <translation>استيراد ملفات...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="88"/>
        <source>Import folder...</source>
        <translation>استيراد مجلد...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="90"/>
        <source>Export...</source>
        <translation>تصدير...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="92"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="96"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="99"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="102"/>
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="106"/>
        <source>Link event to arguments</source>
        <translation>ربط الحدث بالمشاركين</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="111"/>
        <source>Find next</source>
        <translation>البحث عن التالي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="113"/>
        <source>Find previous</source>
        <translation>البحث عن السابق</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="117"/>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="120"/>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="122"/>
        <source>Reset zoom</source>
        <translation>الحجم الأصلي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="124"/>
        <source>Document list</source>
        <translation>قائمة المستندات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="127"/>
        <source>Labels and spans</source>
        <translation>الوسوم والمقاطع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="130"/>
        <source>Next pane</source>
        <translation>اللوحة التالية</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="132"/>
        <source>Previous pane</source>
        <translation>اللوحة السابقة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="143"/>
        <source>Mark done and open next</source>
        <translation>تعليم كمنجز وفتح التالي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="146"/>
        <source>Delete documents...</source>
        <translation>حذف المستندات...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="149"/>
        <source>Rename document...</source>
        <translation>إعادة تسمية المستند...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="152"/>
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="154"/>
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="156"/>
        <source>Next suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="159"/>
        <source>Previous suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="162"/>
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="165"/>
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="168"/>
        <source>Accept all suggestions</source>
        <translation>قبول كل الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="171"/>
        <source>Reject all suggestions</source>
        <translation>رفض كل الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="175"/>
        <source>Propose all occurrences in this document</source>
        <translation>اقتراح كل المواضع في هذا المستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="179"/>
        <source>Propose all occurrences in the project</source>
        <translation>اقتراح كل المواضع في المشروع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="183"/>
        <source>Accept the occurrences just proposed</source>
        <translation>قبول المواضع المقترحة للتو</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="186"/>
        <source>Suggest on open</source>
        <translation>اقتراح عند الفتح</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/actions.py" line="109"/>
        <source>Find...</source>
        <translation>بحث...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="231"/>
        <source>Filter titles</source>
        <translation>تصفية العناوين</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="232"/>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="235"/>
        <source>Labels (press the key to tag)</source>
        <translation>الوسوم (اضغط المفتاح للوسم)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="236"/>
        <source>Spans in this document</source>
        <translation>المقاطع في هذا المستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="237"/>
        <source>in memory</source>
        <translation>في الذاكرة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="238"/>
        <source>%1 - annotator</source>
        <translation>%1 - المُعلِّم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/navigation.py" line="38"/>
        <source>Every document is done.</source>
        <translation>أُنجزت كل المستندات.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="204"/>
        <source>Saved</source>
        <translation>محفوظ</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/editing.py" line="122"/>
        <source>Reading the spans…</source>
        <translation>جارٍ قراءة المقاطع…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/editing.py" line="188"/>
        <source>annotator</source>
        <translation>المُعلِّم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/editing.py" line="239"/>
        <location filename="../../src/annotator/qt/editing.py" line="299"/>
        <source>Building the search index…</source>
        <translation>جارٍ بناء فهرس البحث…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/editing.py" line="256"/>
        <location filename="../../src/annotator/qt/editing.py" line="269"/>
        <location filename="../../src/annotator/qt/editing.py" line="273"/>
        <source>Searching the project…</source>
        <translation>جارٍ البحث في المشروع…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="79"/>
        <source>No suggestions in this document.</source>
        <translation>لا اقتراحات في هذا المستند.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="93"/>
        <source>Nothing changed: the selected span is not a suggestion.</source>
        <translation>لم يتغير شيء: الوسم المحدد ليس اقتراحًا.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="97"/>
        <source>Nothing changed: select a suggestion first (Tab).</source>
        <translation>لم يتغير شيء: حدّد اقتراحًا أولًا (⁦Tab⁩).</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="147"/>
        <source>Select a span first.</source>
        <translation>اختر مقطعًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="167"/>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="178"/>
        <source>Finding the occurrences…</source>
        <translation>جارٍ البحث عن المواضع…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="198"/>
        <source>Proposing occurrences: %1 of %2…</source>
        <translation>جارٍ اقتراح المواضع: %1 من %2…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="207"/>
        <source>Proposing occurrences…</source>
        <translation>جارٍ اقتراح المواضع…</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="219"/>
        <source>%1 accepts them all.</source>
        <translation>%1 يقبلها كلها.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggestion_actions.py" line="234"/>
        <source>Nothing proposed is left to accept.</source>
        <translation>لم يبقَ شيء مقترح لقبوله.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="363"/>
        <source>No document</source>
        <translation>لا مستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="369"/>
        <source>Document not in the list</source>
        <translation>المستند ليس في القائمة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="372"/>
        <source>Document %1 of %2</source>
        <translation>المستند %1 من %2</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="33"/>
        <source>Files annotator reads (%1)</source>
        <translation>الملفات التي يقرؤها المُعلِّم (%1)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="39"/>
        <source>All files (*)</source>
        <translation>كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="56"/>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="58"/>
        <source>Annotator projects (*.annotator)</source>
        <translation>مشاريع المُعلِّم (*.annotator)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="68"/>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="70"/>
        <source>Annotator projects (*.annotator);;All files (*)</source>
        <translation>مشاريع المُعلِّم (*.annotator);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="80"/>
        <source>Import files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="89"/>
        <source>Import folder</source>
        <translation>استيراد مجلد</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/project_files.py" line="130"/>
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
        <location filename="../../src/annotator/qt/tagging_actions.py" line="115"/>
        <source>Accepted the suggestion.</source>
        <translation>قُبل الاقتراح.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/tagging_actions.py" line="126"/>
        <source>Nothing saved: the selected span is already %1.</source>
        <translation>لم يُحفظ شيء: الوسم المحدد %1 من قبل.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/tagging_actions.py" line="134"/>
        <source>Nothing saved: the same text is already tagged %1.</source>
        <translation>لم يُحفظ شيء: النص نفسه موسوم %1 من قبل.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/tagging_actions.py" line="151"/>
        <source>Nothing deleted: click a span first.</source>
        <translation>لم يُحذف شيء: انقر وسمًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/suggesting.py" line="99"/>
        <source>Proposing suggestions…</source>
        <translation>جارٍ إعداد الاقتراحات…</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="248"/>
        <source>%1 (suggested)</source>
        <translation>%1 (مقترح)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="277"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="277"/>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="277"/>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="47"/>
        <source>Cannot open the project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="48"/>
        <source>This project cannot be opened.</source>
        <translation>لا يمكن فتح هذا المشروع.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="52"/>
        <source>Nothing was changed in that file.</source>
        <translation>لم يُغيَّر شيء في ذلك الملف.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="55"/>
        <source>Open another...</source>
        <translation>فتح مشروع آخر...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="58"/>
        <source>Create new...</source>
        <translation>إنشاء مشروع جديد...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="62"/>
        <source>Annotator projects (*.annotator);;All files (*)</source>
        <translation>مشاريع المُعلِّم (*.annotator);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="161"/>
        <source>Unexpected error</source>
        <translation>خطأ غير متوقع</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="28"/>
        <source>to do</source>
        <translation>للعمل</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="29"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="30"/>
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
