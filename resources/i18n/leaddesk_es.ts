<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Words</name>
    <message>
        <source>None</source>
        <extracomment>Every English label and phrase of ``domain.py`` that the window shows, so that lupdate lists them. ``tests/test_words.py`` checks that no label of the domain is missing here.</extracomment>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Vendido</translation>
    </message>
    <message>
        <source>No sale in progress yet.</source>
        <translation>Todavía no hay ninguna venta en curso.</translation>
    </message>
    <message>
        <source>The client has said yes; the paperwork is not signed yet.</source>
        <translation>El cliente ha dicho que sí; los papeles aún no están firmados.</translation>
    </message>
    <message>
        <source>The contract is signed; payment or handover is still open.</source>
        <translation>El contrato está firmado; falta el pago o la entrega.</translation>
    </message>
    <message>
        <source>The sale is complete.</source>
        <translation>La venta se ha completado.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Caliente</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>Tibio</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>Frío</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativo</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Realizada</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No se presentó</translation>
    </message>
    <message>
        <source>sale status</source>
        <translation>estado de venta</translation>
    </message>
    <message>
        <source>funnel stage</source>
        <translation>etapa del embudo</translation>
    </message>
    <message>
        <source>bot status</source>
        <translation>estado del bot</translation>
    </message>
    <message>
        <source>bot pause</source>
        <translation>pausa del bot</translation>
    </message>
    <message>
        <source>mystery shopper</source>
        <translation>cliente misterioso</translation>
    </message>
    <message>
        <source>contractor</source>
        <translation>contratista</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>configuration</source>
        <translation>configuración del bot</translation>
    </message>
    <message>
        <source>read mark</source>
        <translation>marca de leído</translation>
    </message>
    <message>
        <source>flags</source>
        <translation>marcas</translation>
    </message>
    <message>
        <source>message</source>
        <translation>mensaje</translation>
    </message>
    <message>
        <source>MMM d</source>
        <comment>date format without year</comment>
        <extracomment>Office words for the fields whose domain word is protocol jargon.</extracomment>
        <translation>d MMM</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>hace %n min</numerusform>
            <numerusform>hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>hace %n h</numerusform>
            <numerusform>hace %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>ayer</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>hace %n día</numerusform>
            <numerusform>hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused: nobody answers automatically</source>
        <translation>En pausa: nadie responde automáticamente</translation>
    </message>
    <message>
        <source>Active (pause ended %1)</source>
        <translation>Activo (la pausa terminó el %1)</translation>
    </message>
    <message>
        <source>Paused until %1, %2: then the bot answers again</source>
        <translation>En pausa hasta el %1, %2: después el bot vuelve a responder</translation>
    </message>
    <message>
        <source>Active: the bot answers</source>
        <translation>Activo: el bot responde</translation>
    </message>
    <message>
        <source>An agent handles the conversation</source>
        <translation>Una persona atiende la conversación</translation>
    </message>
</context>
</TS>
