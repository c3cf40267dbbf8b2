<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Counts</name>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="17"/>
        <source>Imported %n document(s)</source>
        <translation>
            <numerusform>Imported %n document</numerusform>
            <numerusform>Imported %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="18"/>
        <source> and %n span(s).</source>
        <translation>
            <numerusform> and %n span.</numerusform>
            <numerusform> and %n spans.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="22"/>
        <source>%n already in the project.</source>
        <translation>
            <numerusform>%n already in the project.</numerusform>
            <numerusform>%n already in the project.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="25"/>
        <source>%n repeated span(s) imported once (first: %1).</source>
        <translation>
            <numerusform>%n repeated span imported once (%1).</numerusform>
            <numerusform>%n repeated spans imported once (first: %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="30"/>
        <source>Exported %n document(s).</source>
        <translation>
            <numerusform>Exported %n document.</numerusform>
            <numerusform>Exported %n documents.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="33"/>
        <source>Exported %n document(s)</source>
        <translation>
            <numerusform>Exported %n document</numerusform>
            <numerusform>Exported %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="34"/>
        <source> with %n span(s) to %1.</source>
        <translation>
            <numerusform> with %n span to %1.</numerusform>
            <numerusform> with %n spans to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="38"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="42"/>
        <source>Proposed %n occurrence(s).</source>
        <translation>
            <numerusform>Proposed %n occurrence.</numerusform>
            <numerusform>Proposed %n occurrences.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="43"/>
        <source>Proposed %n occurrence(s)</source>
        <translation>
            <numerusform>Proposed %n occurrence</numerusform>
            <numerusform>Proposed %n occurrences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="44"/>
        <source> in %n document(s)</source>
        <translation>
            <numerusform> in %n document</numerusform>
            <numerusform> in %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/counts.py" line="48"/>
        <source>Accepted %n proposed occurrence(s).</source>
        <translation>
            <numerusform>Accepted %n proposed occurrence.</numerusform>
            <numerusform>Accepted %n proposed occurrences.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/document_actions.py" line="95"/>
        <source>Delete %n document(s) with their spans and suggestions?</source>
        <translation>
            <numerusform>Delete %n document with its spans and suggestions?</numerusform>
            <numerusform>Delete %n documents with their spans and suggestions?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/document_actions.py" line="113"/>
        <source>Delete %n documents</source>
        <translation>
            <numerusform>Delete %n document</numerusform>
            <numerusform>Delete %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/document_actions.py" line="118"/>
        <source>Deleted %n document(s); Ctrl+Z brings them back.</source>
        <translation>
            <numerusform>Deleted %n document; Ctrl+Z brings it back.</numerusform>
            <numerusform>Deleted %n documents; Ctrl+Z brings them back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindPanel</name>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/find_panel.py" line="188"/>
        <source>First %n match(es)</source>
        <translation>
            <numerusform>First %n match</numerusform>
            <numerusform>First %n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/annotator/qt/find_panel.py" line="190"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
</TS>
