<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnalyticsPage</name>
    <message numerus="yes">
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>%Ln answer</numerusform>
            <numerusform>%Ln answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln client(s)</source>
        <translation>
            <numerusform>%Ln client</numerusform>
            <numerusform>%Ln clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln signed or sold</source>
        <translation>
            <numerusform>%Ln signed or sold</numerusform>
            <numerusform>%Ln signed or sold</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln meeting(s)</source>
        <translation>
            <numerusform>%Ln meeting</numerusform>
            <numerusform>%Ln meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln without a stage</source>
        <translation>
            <numerusform>%Ln without a stage</numerusform>
            <numerusform>%Ln without a stage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln mystery shopper(s)</source>
        <translation>
            <numerusform>%Ln mystery shopper</numerusform>
            <numerusform>%Ln mystery shoppers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contractor(s)</source>
        <translation>
            <numerusform>%Ln contractor</numerusform>
            <numerusform>%Ln contractors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientListExport</name>
    <message numerus="yes">
        <source>Exported %Ln client(s) to %1</source>
        <translation>
            <numerusform>Exported %Ln client to %1</numerusform>
            <numerusform>Exported %Ln clients to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientMenu</name>
    <message numerus="yes">
        <source>%Ln client(s)</source>
        <translation>
            <numerusform>%Ln client</numerusform>
            <numerusform>%Ln clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln phone number(s)</source>
        <translation>
            <numerusform>Copied %Ln phone number</numerusform>
            <numerusform>Copied %Ln phone numbers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <extracomment>(clients shown, clients in the cache) after every (re)query. The rowids shown, as a set: kept from one update to the next (building it costs a pass). Rows shown; ``_rowids`` holds all of them once ``_complete``, the first block before. False while a search shows its first block only: its count comes with the rest. Rows past the first block whose client is known before the rest of the order (row -&gt; rowid): the selected clients a sort that read only its first block found by counting. Ticks every minute so the &quot;Last activity&quot; ages keep up with the clock between syncs.</extracomment>
        <translation>
            <numerusform>%n unread message</numerusform>
            <numerusform>%n unread messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent yet: %1</source>
        <translation>
            <numerusform>%n change not sent yet: %1</numerusform>
            <numerusform>%n changes not sent yet: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent yet</source>
        <translation>
            <numerusform>%n change not sent yet</numerusform>
            <numerusform>%n changes not sent yet</numerusform>
        </translation>
    </message>
</context>
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
    <name>ListKeys</name>
    <message numerus="yes">
        <source>Set the sale status of %n selected client(s) to %1?</source>
        <translation>
            <numerusform>Set the sale status of %n selected client to %1?</numerusform>
            <numerusform>Set the sale status of %n selected clients to %1?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln client(s)</source>
        <extracomment>Bump when the columns change, so an old saved header state is not applied to new columns. 2: the Name column stretches (it gives way first in a narrow window). How long &quot;Set 12 clients to Pending — Undo&quot; stays offered. What the list shows when there are no clients at all, by :meth:`MainWindow.set_empty_reason`.</extracomment>
        <translation>
            <numerusform>%Ln client</numerusform>
            <numerusform>%Ln clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln client(s)</source>
        <translation>
            <numerusform>%1 of %Ln client</numerusform>
            <numerusform>%1 of %Ln clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n more change(s) not accepted)</source>
        <translation>
            <numerusform>(%n more change not accepted)</numerusform>
            <numerusform>(%n more changes not accepted)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message numerus="yes">
        <source>%1 (%n new messages)</source>
        <translation>
            <numerusform>%1 (%n new message)</numerusform>
            <numerusform>%1 (%n new messages)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new clients</source>
        <translation>
            <numerusform>%n new client</numerusform>
            <numerusform>%n new clients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clients wrote</source>
        <translation>
            <numerusform>%n client wrote</numerusform>
            <numerusform>%n clients wrote</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them new</source>
        <translation>
            <numerusform>%n of them new</numerusform>
            <numerusform>%n of them new</numerusform>
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
    <name>SearchDialog</name>
    <message numerus="yes">
        <source>%Ln+ message(s), newest first</source>
        <translation>
            <numerusform>%Ln+ messages, newest first</numerusform>
            <numerusform>%Ln+ messages, newest first</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s), newest first</source>
        <translation>
            <numerusform>%Ln message, newest first</numerusform>
            <numerusform>%Ln messages, newest first</numerusform>
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
    <name>SyncStatusWidget</name>
    <message numerus="yes">
        <source>Getting your clients… %Ln so far</source>
        <extracomment>Show the progress bar once a cycle has pulled this many events (a long first sync).</extracomment>
        <translation>
            <numerusform>Getting your clients… %Ln so far</numerusform>
            <numerusform>Getting your clients… %Ln so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln update(s) received</source>
        <translation>
            <numerusform>%Ln update received</numerusform>
            <numerusform>%Ln updates received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln practice change(s), kept in the demo</source>
        <translation>
            <numerusform>%Ln practice change, kept in the demo</numerusform>
            <numerusform>%Ln practice changes, kept in the demo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not sent yet</source>
        <translation>
            <numerusform>%Ln change not sent yet</numerusform>
            <numerusform>%Ln changes not sent yet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trying again in %n s; press F5 to try now.</source>
        <translation>
            <numerusform>Trying again in %n s; press F5 to try now.</numerusform>
            <numerusform>Trying again in %n s; press F5 to try now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayNotices</name>
    <message numerus="yes">
        <source>%1: %n client(s) with unread messages</source>
        <extracomment>A notice about one client was clicked: open their profile (the contact id).</extracomment>
        <translation>
            <numerusform>%1: %n client with unread messages</numerusform>
            <numerusform>%1: %n clients with unread messages</numerusform>
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
