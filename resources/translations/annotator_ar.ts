<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ar">
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../src/annotator/qt/article_view.py" line="288" />
        <source>%1 (suggested)</source>
        <translation>%1 (مقترح)</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="135" />
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="135" />
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="135" />
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="54" />
        <source>brat standoff: a folder of doc-NNNNNN.txt + .ann (T lines, AnnotatorNotes)</source>
        <translation>⁦brat standoff⁩: مجلد من ملفات ⁦doc-NNNNNN.txt⁩ و⁦.ann⁩ (أسطر T وملاحظات ⁦AnnotatorNotes⁩)</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="58" />
        <source>Hugging Face datasets folder: {train,dev,test}.jsonl or data.jsonl + labels.json</source>
        <translation>مجلد ⁦Hugging Face datasets⁩: ⁦{train,dev,test}.jsonl⁩ أو ⁦data.jsonl⁩ مع ⁦labels.json⁩</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="62" />
        <source>IOB2 / CoNLL: token&lt;TAB&gt;tag a line, blank line between sentences</source>
        <translation>⁦IOB2 / CoNLL⁩: في كل سطر رمز ثم ⁦TAB⁩ ثم وسم، وسطر فارغ بين الجمل</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="65" />
        <source>annotator JSONL: every field, re-importable as is</source>
        <translation>⁦JSONL⁩ المُعلِّم: كل الحقول، ويُستورد من جديد كما هو</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="68" />
        <source>doccano JSONL ({"text", "label": [[start, end, label]]})</source>
        <translation>⁦JSONL⁩ لـ ⁦doccano⁩: ⁦{"text", "label": [[start, end, label]]}⁩</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="71" />
        <source>Prodigy / spaCy JSONL ({"text", "tokens", "spans": [{"start", "end", "label", "token_start", "token_end"}]})</source>
        <translation>⁦JSONL⁩ لـ ⁦Prodigy / spaCy⁩: ⁦{"text", "tokens", "spans": [{"start", "end", "label", "token_start", "token_end"}]}⁩</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="75" />
        <source>Label Studio JSON tasks (a JSON array with annotations[].result[])</source>
        <translation>مهام ⁦Label Studio⁩ بصيغة ⁦JSON⁩ (مصفوفة ⁦JSON⁩ فيها ⁦annotations[].result[]⁩)</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="78" />
        <source>spaCy DocBin (.spacy): ents (outermost) and spans['sc'] (all); needs spaCy</source>
        <translation>⁦DocBin⁩ لـ ⁦spaCy⁩ (⁦.spacy⁩): ⁦ents⁩ (الأبعد) و⁦spans['sc']⁩ (الكل)؛ يتطلب ⁦spaCy⁩</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="122" />
        <source>Export to folder</source>
        <translation>التصدير إلى مجلد</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="125" />
        <source>Export to file</source>
        <translation>التصدير إلى ملف</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="150" />
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="169" />
        <source>Choose...</source>
        <translation>اختيار...</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="173" />
        <source>Format and destination</source>
        <translation>الصيغة والوجهة</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="175" />
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="194" />
        <source>Everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="197" />
        <source>from</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="198" />
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="207" />
        <source>Filters</source>
        <translation>عوامل التصفية</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="209" />
        <source>Documents with status</source>
        <translation>المستندات ذات الحالة</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="210" />
        <source>Spans with label</source>
        <translation>المقاطع ذات الوسم</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="211" />
        <source>Spans by</source>
        <translation>المقاطع التي وضعها</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="212" />
        <source>Documents with a span changed</source>
        <translation>المستندات التي تغيّر فيها مقطع</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="214" />
        <source>Split the documents into train, dev and test</source>
        <translation>تقسيم المستندات إلى تدريب وتطوير واختبار</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="218" />
        <source>Split</source>
        <translation>التقسيم</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="221" />
        <source>Train</source>
        <translation>تدريب</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="221" />
        <source>Dev</source>
        <translation>تطوير</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="221" />
        <source>Test</source>
        <translation>اختبار</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="230" />
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="242" />
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="280" />
        <source>Choose where to write the export.</source>
        <translation>اختر مكان كتابة التصدير.</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="282" />
        <source>Tick at least one status.</source>
        <translation>اختر حالة واحدة على الأقل.</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="284" />
        <source>Tick at least one label.</source>
        <translation>اختر وسمًا واحدًا على الأقل.</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="290" />
        <source>The first date is after the last one.</source>
        <translation>التاريخ الأول بعد التاريخ الأخير.</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="295" />
        <source>The train, dev and test shares add up to %1; they must add up to 1.</source>
        <translation>مجموع حصص التدريب والتطوير والاختبار %1؛ ويجب أن يساوي 1.</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="332" />
        <source>Output folder</source>
        <translation>مجلد الإخراج</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="332" />
        <source>Output file</source>
        <translation>ملف الإخراج</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="449" />
        <source>Cannot write %1: %2</source>
        <translation>تعذّرت الكتابة في %1: %2</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="468" />
        <source>Exported %1 documents with %2 spans to %3.</source>
        <translation>صُدّر %1 مستند و%2 مقطع إلى %3.</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="475" />
        <source>Documents by part: %1</source>
        <translation>المستندات في كل جزء: %1</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="479" />
        <source>No document matched the filters.</source>
        <translation>لا مستند يطابق عوامل التصفية.</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="490" />
        <source>Export finished</source>
        <translation>انتهى التصدير</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="496" />
        <source>What the format could not hold (details below):</source>
        <translation>ما لم تستطع الصيغة حمله (التفاصيل أدناه):</translation>
    </message>
    <message>
        <location filename="../work/wt-export-ui/src/annotator/qt/export_dialog.py" line="505" />
        <source>Every span was written as it is.</source>
        <translation>كُتب كل مقطع كما هو.</translation>
    </message>
</context>
<context>
    <name>LabelListModel</name>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="231" />
        <source>Press %1 to tag the selection</source>
        <translation>اضغط %1 لوسم التحديد</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="236" />
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="237" />
        <source>Recent projects</source>
        <translation>المشاريع الأخيرة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="238" />
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="239" />
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="240" />
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="241" />
        <source>&amp;Document</source>
        <translation>&amp;مستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="242" />
        <source>New project...</source>
        <translation>مشروع جديد...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="243" />
        <source>Open project...</source>
        <translation>فتح مشروع...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="244" />
        <source>Import files...</source>
        <translation>استيراد ملفات...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="245" />
        <source>Import folder...</source>
        <translation>استيراد مجلد...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="246" />
        <source>Export...</source>
        <translation>تصدير...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="247" />
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="249" />
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="250" />
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="251" />
        <source>Delete span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="252" />
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="253" />
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="254" />
        <source>Reset zoom</source>
        <translation>الحجم الأصلي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="255" />
        <source>Mark done and open next</source>
        <translation>تعليم كمنجز وفتح التالي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="256" />
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="257" />
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="258" />
        <source>Filter titles</source>
        <translation>تصفية العناوين</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="259" />
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="262" />
        <source>Labels (press the key to tag)</source>
        <translation>الوسوم (اضغط المفتاح للوسم)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="263" />
        <source>Spans in this document</source>
        <translation>المقاطع في هذا المستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="264" />
        <source>in memory</source>
        <translation>في الذاكرة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="265" />
        <source>%1 - annotator</source>
        <translation>%1 - المُعلِّم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="345" />
        <source>Every document is done.</source>
        <translation>أُنجزت كل المستندات.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="368" />
        <source>The selection holds no word.</source>
        <translation>لا يحوي التحديد أي كلمة.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="379" />
        <source>Select some text first, then press a label key.</source>
        <translation>حدّد نصًا أولًا ثم اضغط مفتاح الوسم.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="407" />
        <source>Saved</source>
        <translation>محفوظ</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="415" />
        <source>annotator</source>
        <translation>المُعلِّم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="465" />
        <source>No document</source>
        <translation>لا مستند</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="471" />
        <source>Document not in the list</source>
        <translation>المستند ليس في القائمة</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="474" />
        <source>Document %1 of %2</source>
        <translation>المستند %1 من %2</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="500" />
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="500" />
        <source>Annotator projects (*.annotator)</source>
        <translation>مشاريع المُعلِّم (*.annotator)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="510" />
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="512" />
        <source>Annotator projects (*.annotator);;All files (*)</source>
        <translation>مشاريع المُعلِّم (*.annotator);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="520" />
        <source>Import files</source>
        <translation>استيراد ملفات</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="522" />
        <source>Text and JSONL (*.txt *.text *.jsonl *.ndjson *.json);;All files (*)</source>
        <translation>نصوص و JSONL (*.txt *.text *.jsonl *.ndjson *.json);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="528" />
        <source>Import folder</source>
        <translation>استيراد مجلد</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="542" />
        <source>Imported %1 documents and %2 spans.</source>
        <translation>استُورد %1 مستند و%2 مقطع.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="547" />
        <source>%1 already in the project.</source>
        <translation>%1 موجود مسبقًا في المشروع.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="557" />
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="570" />
        <source>Exported %1 documents.</source>
        <translation>صُدّر %1 مستند.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/main_window.py" line="579" />
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="184" />
        <source>%1 (suggested)</source>
        <translation>%1 (مقترح)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="195" />
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="195" />
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="195" />
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="45" />
        <source>Cannot open the project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="46" />
        <source>This project cannot be opened.</source>
        <translation>لا يمكن فتح هذا المشروع.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="48" />
        <source>Nothing was changed in that file.</source>
        <translation>لم يُغيَّر شيء في ذلك الملف.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="51" />
        <source>Open another...</source>
        <translation>فتح مشروع آخر...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="54" />
        <source>Create new...</source>
        <translation>إنشاء مشروع جديد...</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="58" />
        <source>Annotator projects (*.annotator);;All files (*)</source>
        <translation>مشاريع المُعلِّم (*.annotator);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/app.py" line="156" />
        <source>Unexpected error</source>
        <translation>خطأ غير متوقع</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="24" />
        <source>to do</source>
        <translation>للعمل</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="25" />
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/models.py" line="26" />
        <source>done</source>
        <translation>منجز</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <location filename="../../src/annotator/qt/transfer.py" line="38" />
        <source>%1 records</source>
        <translation>%1 سجل</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/transfer.py" line="42" />
        <source>Cancelled; nothing changed.</source>
        <translation>أُلغي؛ لم يتغير شيء.</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/transfer.py" line="49" />
        <source>Importing</source>
        <translation>جارٍ الاستيراد</translation>
    </message>
    <message>
        <location filename="../../src/annotator/qt/transfer.py" line="65" />
        <source>Exporting</source>
        <translation>جارٍ التصدير</translation>
    </message>
</context>
</TS>