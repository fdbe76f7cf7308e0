<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Conversation</name>
    <message numerus="yes">
        <source>… %Ln more characters (right-click, Copy text)</source>
        <extracomment>lupdate reads ``translate(&quot;Context&quot;, &quot;text&quot;)`` calls: the context stays a literal at each one.</extracomment>
        <translation>
            <numerusform>… %Ln more character (right-click, Copy text)</numerusform>
            <numerusform>… %Ln more characters (right-click, Copy text)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDocument</name>
    <message numerus="yes">
        <source>Client record from LeadDesk, %1 · %Ln message(s) · times are local: %2</source>
        <translation>
            <numerusform>Client record from LeadDesk, %1 · %Ln message · times are local: %2</numerusform>
            <numerusform>Client record from LeadDesk, %1 · %Ln messages · times are local: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not read yet</source>
        <translation>
            <numerusform>%Ln not read yet</numerusform>
            <numerusform>%Ln not read yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SurveyTab</name>
    <message numerus="yes">
        <source>Average per question, over %Ln survey(s)</source>
        <translation>
            <numerusform>Average per question, over %Ln survey</numerusform>
            <numerusform>Average per question, over %Ln surveys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s), from %1 to %2</source>
        <translation>
            <numerusform>%Ln answer, from %1 to %2</numerusform>
            <numerusform>%Ln answers, from %1 to %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
</TS>
