<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln client(s)</source>
        <extracomment>Bump when the columns change, so an old saved header state is not applied to new columns. 2: the Name column stretches (it gives way first in a narrow window). How long &quot;Set 12 clients to Pending — Undo&quot; stays offered.</extracomment>
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
    <name>SyncStatusWidget</name>
    <message numerus="yes">
        <source>Trying again in %n s; press F5 to try now.</source>
        <translation>
            <numerusform>Trying again in %n s; press F5 to try now.</numerusform>
            <numerusform>Trying again in %n s; press F5 to try now.</numerusform>
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
