<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../src/annotator/qt/article_view.py" line="288"/>
        <source>%1 (suggested)</source>
        <translation>%1 (مقترح)</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="136"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="136"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="136"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
</context>
<context>
    <name>FindPanel</name>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="126"/>
        <source>Find</source>
        <translation>بحث</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="127"/>
        <source>Find (normalised: روسيا also finds لروسيا)</source>
        <translation>بحث (مطبَّع: روسيا تجد لروسيا أيضًا)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="128"/>
        <source>This document</source>
        <translation>هذا المستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="129"/>
        <source>Whole project</source>
        <translation>المشروع كله</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="149"/>
        <source>First %1 matches</source>
        <translation>أول %1 نتيجة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/find_panel.py" line="151"/>
        <source>%1 matches</source>
        <translation>%1 نتيجة</translation>
    </message>
</context>
<context>
    <name>LabelListModel</name>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="258"/>
        <source>Press %1 to tag the selection</source>
        <translation>اضغط %1 لوسم التحديد</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="321"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="322"/>
        <source>Recent projects</source>
        <translation>المشاريع الأخيرة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="323"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="324"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="325"/>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="326"/>
        <source>&amp;Document</source>
        <translation>&amp;مستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="327"/>
        <source>New project...</source>
        <translation>مشروع جديد...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="328"/>
        <source>Open project...</source>
        <translation>فتح مشروع...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="329"/>
        <source>Import files...</source>
        <translation>استيراد ملفات...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="330"/>
        <source>Import folder...</source>
        <translation>استيراد مجلد...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="331"/>
        <source>Export...</source>
        <translation>تصدير...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="332"/>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="334"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="335"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="336"/>
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="337"/>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="338"/>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="339"/>
        <source>Reset zoom</source>
        <translation>الحجم الأصلي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="340"/>
        <source>Mark done and open next</source>
        <translation>تعليم كمنجز وفتح التالي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="341"/>
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="342"/>
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="343"/>
        <source>Next suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="344"/>
        <source>Previous suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="345"/>
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="346"/>
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="347"/>
        <source>Accept all suggestions</source>
        <translation>قبول كل الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="348"/>
        <source>Reject all suggestions</source>
        <translation>رفض كل الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="349"/>
        <source>Label all occurrences in this document</source>
        <translation>وسم كل الورودات في هذا المستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="350"/>
        <source>Label all occurrences in the project</source>
        <translation>وسم كل الورودات في المشروع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="351"/>
        <source>Suggest on open</source>
        <translation>اقتراح عند الفتح</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="352"/>
        <source>Find...</source>
        <translation>بحث...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="354"/>
        <source>Filter titles</source>
        <translation>تصفية العناوين</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="355"/>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="358"/>
        <source>Labels (press the key to tag)</source>
        <translation>الوسوم (اضغط المفتاح للوسم)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="359"/>
        <source>Spans in this document</source>
        <translation>المقاطع في هذا المستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="360"/>
        <source>in memory</source>
        <translation>في الذاكرة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="361"/>
        <source>%1 - annotator</source>
        <translation>%1 - المُعلِّم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="442"/>
        <source>Every document is done.</source>
        <translation>أُنجزت كل المستندات.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="468"/>
        <source>The selection holds no word.</source>
        <translation>لا يحوي التحديد أي كلمة.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="479"/>
        <source>Select some text first, then press a label key.</source>
        <translation>حدّد نصًا أولًا ثم اضغط مفتاح الوسم.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="507"/>
        <source>Saved</source>
        <translation>محفوظ</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="515"/>
        <source>annotator</source>
        <translation>المُعلِّم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="563"/>
        <source>No suggestions in this document.</source>
        <translation>لا اقتراحات في هذا المستند.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="620"/>
        <source>Select a span first.</source>
        <translation>اختر مقطعًا أولًا.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="638"/>
        <source>%1 occurrences proposed in %2 documents.</source>
        <translation>اقتُرح %1 ورودًا في %2 مستندات.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="721"/>
        <source>No document</source>
        <translation>لا مستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="727"/>
        <source>Document not in the list</source>
        <translation>المستند ليس في القائمة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="730"/>
        <source>Document %1 of %2</source>
        <translation>المستند %1 من %2</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="756"/>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="756"/>
        <source>Annotator projects (*.annotator)</source>
        <translation>مشاريع المُعلِّم (*.annotator)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="766"/>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="768"/>
        <source>Annotator projects (*.annotator);;All files (*)</source>
        <translation>مشاريع المُعلِّم (*.annotator);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="776"/>
        <source>Import files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="778"/>
        <source>Text and JSONL (*.txt *.text *.jsonl *.ndjson *.json);;All files (*)</source>
        <translation>نصوص و JSONL (*.txt *.text *.jsonl *.ndjson *.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="784"/>
        <source>Import folder</source>
        <translation>استيراد مجلد</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="798"/>
        <source>Imported %1 documents and %2 spans.</source>
        <translation>استُورد %1 مستند و%2 مقطع.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="803"/>
        <source>%1 already in the project.</source>
        <translation>%1 موجود مسبقًا في المشروع.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="813"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="826"/>
        <source>Exported %1 documents.</source>
        <translation>صُدّر %1 مستند.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="835"/>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="192"/>
        <source>%1 (suggested)</source>
        <translation>%1 (مقترح)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="222"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="222"/>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="222"/>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="45"/>
        <source>Cannot open the project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="46"/>
        <source>This project cannot be opened.</source>
        <translation>لا يمكن فتح هذا المشروع.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="48"/>
        <source>Nothing was changed in that file.</source>
        <translation>لم يُغيَّر شيء في ذلك الملف.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="51"/>
        <source>Open another...</source>
        <translation>فتح مشروع آخر...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="54"/>
        <source>Create new...</source>
        <translation>إنشاء مشروع جديد...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="58"/>
        <source>Annotator projects (*.annotator);;All files (*)</source>
        <translation>مشاريع المُعلِّم (*.annotator);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="156"/>
        <source>Unexpected error</source>
        <translation>خطأ غير متوقع</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="25"/>
        <source>to do</source>
        <translation>للعمل</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="26"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="27"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <location filename="../../src/annotator/qt/transfer.py" line="38"/>
        <source>%1 records</source>
        <translation>%1 سجل</translation>
    </message>
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
        <location filename="../../src/annotator/qt/transfer.py" line="65"/>
        <source>Exporting</source>
        <translation>جارٍ التصدير</translation>
    </message>
</context>
</TS>
