<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AnalyticsModel</name>
    <message>
        <source>The figures could not be computed: %1</source>
        <extracomment>Above this many clients the figures are computed on a worker thread. New figures (a :class:`Figures`). True while a computation runs (the page shows its busy indicator). A computation failed (a sentence for the user). None: decide by the size of the cache; True/False: always/never on a worker thread.</extracomment>
        <translation>No se pudieron calcular las cifras: %1</translation>
    </message>
</context>
<context>
    <name>AnalyticsPage</name>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Últimos 90 días</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Todo el tiempo</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personalizado…</translation>
    </message>
    <message>
        <source>No figures yet.

Once clients write to your WhatsApp number and LeadDesk has synced, this page shows how many leads reach each funnel stage and how long they stay, sales by status, new leads and messages per day, the clients&apos; sentiment, meetings, and survey scores. Mystery shoppers and contractors are always left out.</source>
        <extracomment>Longer ranges show new clients and messages per week instead of per day.</extracomment>
        <translation>Todavía no hay cifras.

Cuando los clientes escriban a tu número de WhatsApp y LeadDesk haya sincronizado, esta página muestra cuántos clientes llegan a cada etapa del embudo y cuánto tiempo se quedan, las ventas por estado, los clientes nuevos y los mensajes por día, el sentimiento de los clientes, las citas y las puntuaciones de las encuestas. Los clientes misteriosos y los contratistas nunca se cuentan.</translation>
    </message>
    <message>
        <source>Counting the figures…</source>
        <translation>Calculando las cifras…</translation>
    </message>
    <message>
        <source>reached %1</source>
        <extracomment>Counted clients only: the list with mystery shoppers and contractors hidden.</extracomment>
        <translation>llegaron %1</translation>
    </message>
    <message>
        <source>%1 went on</source>
        <translation>avanzó el %1</translation>
    </message>
    <message>
        <source>%1 days in stage</source>
        <translation>%1 días en la etapa</translation>
    </message>
    <message>
        <source>Funnel: clients in each stage</source>
        <translation>Embudo: clientes en cada etapa</translation>
    </message>
    <message>
        <source>No funnel stages yet: they come from the server with the first sync.</source>
        <translation>Todavía no hay etapas del embudo: llegan del servidor con la primera sincronización.</translation>
    </message>
    <message>
        <source>Nothing in this range</source>
        <translation>Nada en este periodo</translation>
    </message>
    <message>
        <source>Sales by status</source>
        <translation>Ventas por estado</translation>
    </message>
    <message>
        <source>Not yet known</source>
        <translation>Sin datos</translation>
    </message>
    <message>
        <source>Clients by latest sentiment</source>
        <translation>Clientes por último sentimiento</translation>
    </message>
    <message>
        <source>Meetings by status</source>
        <translation>Citas por estado</translation>
    </message>
    <message>
        <source>Survey answers: mean score</source>
        <translation>Respuestas de encuestas: puntuación media</translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>%Ln respuesta</numerusform>
            <numerusform>%Ln respuestas</numerusform>
        </translation>
    </message>
    <message>
        <source>No scored survey answers in this range</source>
        <translation>No hay respuestas de encuesta con puntuación en este periodo</translation>
    </message>
    <message>
        <source>New clients per week</source>
        <translation>Clientes nuevos por semana</translation>
    </message>
    <message>
        <source>New clients per day</source>
        <translation>Clientes nuevos por día</translation>
    </message>
    <message>
        <source>New clients</source>
        <translation>Clientes nuevos</translation>
    </message>
    <message>
        <source>Messages per week</source>
        <translation>Mensajes por semana</translation>
    </message>
    <message>
        <source>Messages per day</source>
        <translation>Mensajes por día</translation>
    </message>
    <message>
        <source>From clients</source>
        <translation>De clientes</translation>
    </message>
    <message>
        <source>Bot</source>
        <translation>Bot</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agentes</translation>
    </message>
    <message>
        <source>Date range</source>
        <extracomment>Show the client list filtered like this (a ``ClientFilter``). Where the file dialogs start (tests set it; None: the user&apos;s documents).</extracomment>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>Mystery shoppers and contractors are not counted; click to see them</source>
        <translation>Los clientes misteriosos y los contratistas no se cuentan; haz clic para verlos</translation>
    </message>
    <message>
        <source>Counting the figures</source>
        <translation>Calculando las cifras</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Estadísticas</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Gráficas</translation>
    </message>
    <message>
        <source>Save this chart as an image</source>
        <translation>Guardar esta gráfica como imagen</translation>
    </message>
    <message>
        <source>Save this chart&apos;s figures for a spreadsheet</source>
        <translation>Guardar las cifras de esta gráfica para una hoja de cálculo</translation>
    </message>
    <message numerus="yes">
        <source>%Ln client(s)</source>
        <translation>
            <numerusform>%Ln cliente</numerusform>
            <numerusform>%Ln clientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln signed or sold</source>
        <translation>
            <numerusform>%Ln firmado o vendido</numerusform>
            <numerusform>%Ln firmados o vendidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln mensaje</numerusform>
            <numerusform>%Ln mensajes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln meeting(s)</source>
        <translation>
            <numerusform>%Ln cita</numerusform>
            <numerusform>%Ln citas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln without a stage</source>
        <translation>
            <numerusform>%Ln sin etapa</numerusform>
            <numerusform>%Ln sin etapa</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out: %1, %2</source>
        <translation>No se cuentan: %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln mystery shopper(s)</source>
        <translation>
            <numerusform>%Ln cliente misterioso</numerusform>
            <numerusform>%Ln clientes misteriosos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contractor(s)</source>
        <translation>
            <numerusform>%Ln contratista</numerusform>
            <numerusform>%Ln contratistas</numerusform>
        </translation>
    </message>
    <message>
        <source>LeadDesk Analytics — %1</source>
        <translation>Estadísticas de LeadDesk — %1</translation>
    </message>
    <message>
        <source>%1. Left out: %2, %3.</source>
        <translation>%1. No se cuentan: %2, %3.</translation>
    </message>
    <message>
        <source>all time</source>
        <translation>todo el tiempo</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
    <message>
        <source>the beginning</source>
        <translation>el principio</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>LeadDesk Analytics</source>
        <translation>Estadísticas de LeadDesk</translation>
    </message>
    <message>
        <source>Save chart as image</source>
        <translation>Guardar gráfica como imagen</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>Save figures</source>
        <translation>Guardar cifras</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Archivo CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>PDF file (*.pdf)</source>
        <translation>Archivo PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>LeadDesk cannot open this database</source>
        <extracomment>The exit status when the database was made by a newer LeadDesk (the same as the command line&apos;s).</extracomment>
        <translation>LeadDesk no puede abrir esta base de datos</translation>
    </message>
    <message>
        <source>Install the newer LeadDesk that made it, or open another file with --db.</source>
        <translation>Instala la versión más reciente de LeadDesk que lo creó, o abre otro archivo con --db.</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>Nothing in this range</source>
        <extracomment>What a click on this bar means (e.g. a stage id); None: not clickable. The figure written at the bar&apos;s end; the value when empty. A second, quieter line under the label (e.g. &quot;reached 40 · 62% go on · 1.8 days&quot;). STACKED and AREA: the category labels along the bottom, and one series or more. Shown instead of the chart when there is nothing to draw.</extracomment>
        <translation>Nada en este periodo</translation>
    </message>
</context>
<context>
    <name>ClientListExport</name>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <extracomment>(parent, caption, suggested file, filters) → (the file chosen, the filter chosen), or None if cancelled. The file dialog&apos;s choices, in English; shown translated (the patterns stay the same in every language).</extracomment>
        <translation>CSV para Excel (*.csv)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Export client list…</source>
        <extracomment>Shown only when an export takes longer than this (ms), so a small list does not flash a dialog. Clients read and written per step (tests make it small to cancel midway). The progress dialog of the export running now (None between exports).</extracomment>
        <translation>Exportar lista de clientes…</translation>
    </message>
    <message>
        <source>Save the clients shown, in their order, as CSV (for Excel) or JSON</source>
        <translation>Guardar los clientes mostrados, en su orden, como CSV (para Excel) o JSON</translation>
    </message>
    <message>
        <source>Export client list</source>
        <translation>Exportar lista de clientes</translation>
    </message>
    <message>
        <source>Exporting clients…</source>
        <translation>Exportando clientes…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Exporting clients: %1 of %2</source>
        <translation>Exportando clientes: %1 de %2</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Exportación cancelada; no se guardó nada.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>No se pudo exportar</translation>
    </message>
    <message>
        <source>The client list could not be written to %1:
%2</source>
        <translation>No se pudo guardar la lista de clientes en %1:
%2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln client(s) to %1</source>
        <translation>
            <numerusform>%Ln cliente exportado a %1</numerusform>
            <numerusform>%Ln clientes exportados a %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientListView</name>
    <message>
        <source>Clients</source>
        <extracomment>The other columns&apos; widths; the Name column takes what is left (it gives way first on a small screen). A column was shown or hidden from the header&apos;s menu (the window remembers it).</extracomment>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Enter opens the client&apos;s profile; the Menu key edits the selected clients</source>
        <translation>Intro abre la ficha del cliente; la tecla Menú cambia los clientes seleccionados</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
</context>
<context>
    <name>ClientMenu</name>
    <message>
        <source>Let the bot answer</source>
        <extracomment>An edit of the selected clients: (their ids) -&gt; outbox ids. The words of this module in the translation catalogues. The menu&apos;s entries in English (translated where shown).</extracomment>
        <translation>Dejar que responda el bot</translation>
    </message>
    <message>
        <source>Pause the bot</source>
        <translation>Pausar el bot</translation>
    </message>
    <message>
        <source>An agent takes over</source>
        <translation>Un agente se encarga</translation>
    </message>
    <message>
        <source>Mark as mystery shopper (left out of analytics)</source>
        <translation>Marcar como cliente misterioso (fuera de las estadísticas)</translation>
    </message>
    <message>
        <source>Not a mystery shopper</source>
        <translation>No es cliente misterioso</translation>
    </message>
    <message>
        <source>Mark as contractor (routed to an agent)</source>
        <translation>Marcar como contratista (pasa a un agente)</translation>
    </message>
    <message>
        <source>Not a contractor</source>
        <translation>No es contratista</translation>
    </message>
    <message numerus="yes">
        <source>%Ln client(s)</source>
        <translation>
            <numerusform>%Ln cliente</numerusform>
            <numerusform>%Ln clientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit the selected clients</source>
        <translation>Cambiar los clientes seleccionados</translation>
    </message>
    <message>
        <source>Open profile</source>
        <translation>Abrir ficha</translation>
    </message>
    <message>
        <source>Set sale status</source>
        <translation>Cambiar estado de venta</translation>
    </message>
    <message>
        <source>Set funnel stage</source>
        <translation>Cambiar etapa del embudo</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Marcas</translation>
    </message>
    <message>
        <source>Bot</source>
        <translation>Bot</translation>
    </message>
    <message>
        <source>Pause until…</source>
        <translation>Pausar hasta…</translation>
    </message>
    <message>
        <source>Mark read</source>
        <translation>Marcar como leído</translation>
    </message>
    <message>
        <source>The team has read these clients&apos; messages</source>
        <translation>El equipo ha leído los mensajes de estos clientes</translation>
    </message>
    <message>
        <source>Copy phone numbers</source>
        <translation>Copiar números de teléfono</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>No se pudo guardar</translation>
    </message>
    <message>
        <source>Change refused</source>
        <translation>Cambio rechazado</translation>
    </message>
    <message>
        <source>Undone: %1; %2 could not be put back</source>
        <translation>Deshecho: %1; no se pudo restaurar: %2</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Deshecho: %1</translation>
    </message>
    <message>
        <source>Set %1 to %2</source>
        <translation>Estado de venta %2: %1</translation>
    </message>
    <message>
        <source>Moved %1 to %2</source>
        <translation>Pasado a %2: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Bot paused until %1, %2</source>
        <translation>Bot en pausa hasta el %1, %2</translation>
    </message>
    <message>
        <source>Marked %1 as read</source>
        <translation>Marcado como leído: %1</translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln phone number(s)</source>
        <translation>
            <numerusform>%Ln número de teléfono copiado</numerusform>
            <numerusform>%Ln números de teléfono copiados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>Name</source>
        <extracomment>Rows fetched and formatted at a time: two screens. Formatting is the cost of a first paint, a sort and a search key (a phone through ``phonenumbers`` each), so a block is not much more than is seen. Unfiltered, sorted, or searched, the model first reads only the first block&apos;s rowids, and the rest of the order this long after (so the first screen paints without it, and typing a search reads only first blocks until the typing pauses). Anything that needs a row past the first block (scrolling, an update) reads it at once. Unfiltered, the count is the cache&apos;s; a search&apos;s count comes with the rest of its order (rows are then inserted after the first block). Other filters read their whole order at once. A sort that reads only its first block finds each selected client&apos;s new row with a keyset count; past this many selected clients it reads the whole order instead. How often &quot;3 h ago&quot; is recomputed from the cached times (no query; only that column repaints). Formatted rows kept at most; past it the cache starts over (a screen needs a few dozen). Past this many separate runs of rows coming or going in one update, one reset is cheaper than the signals (the view then puts the selection back by contact id). The words of this module&apos;s texts in the translation catalogues. The column titles in English; :func:`column_title` gives them in the window&apos;s language.</extracomment>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Bot</source>
        <translation>Bot</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Venta</translation>
    </message>
    <message>
        <source>Funnel stage</source>
        <translation>Etapa del embudo</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Sentimiento</translation>
    </message>
    <message>
        <source>The client&apos;s name, unread messages and marks</source>
        <extracomment>What each column holds, for its header&apos;s tooltip and a screen reader.</extracomment>
        <translation>El nombre del cliente, sus mensajes sin leer y sus marcas</translation>
    </message>
    <message>
        <source>The client&apos;s WhatsApp number</source>
        <translation>El número de WhatsApp del cliente</translation>
    </message>
    <message>
        <source>When the client or the bot last wrote</source>
        <translation>Cuándo escribió por última vez el cliente o el bot</translation>
    </message>
    <message>
        <source>Who answers the client: the bot, nobody, or an agent</source>
        <translation>Quién responde al cliente: el bot, nadie o un agente</translation>
    </message>
    <message>
        <source>The sale status</source>
        <translation>El estado de venta</translation>
    </message>
    <message>
        <source>The client&apos;s stage in the sales funnel</source>
        <translation>La etapa del cliente en el embudo de ventas</translation>
    </message>
    <message>
        <source>How the client felt in the latest messages</source>
        <translation>Cómo se sentía el cliente en los últimos mensajes</translation>
    </message>
    <message>
        <source>Mystery shopper</source>
        <extracomment>The contact id (str) of a row, in every column. A ``QColor`` to paint the cell&apos;s chip or dot with (sale status, funnel stage, sentiment), or None. The badges to show beside the name: a list of labels (&quot;Mystery shopper&quot;, &quot;Contractor&quot;). How many of the client&apos;s messages nobody has reviewed yet (int). How many of this contact&apos;s edits of fields the list shows are still queued for the relay (int): the name cell&apos;s &quot;waiting&quot; mark. A queued reply or reviewed mark does not count. The raw value behind a cell (E.164 phone, status ids, RFC 3339 time), for copying and tests. The fields with an open edit conflict (list of column names, e.g. ``[&quot;sale_status&quot;]``), in the name column only: the name cell&apos;s conflict badge. The badges&apos; keys (the delegate colours and translates them; :func:`badge_label`).</extracomment>
        <translation>Cliente misterioso</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>Contratista</translation>
    </message>
    <message>
        <source>Unknown</source>
        <extracomment>A client without a name: the word the database&apos;s search answers to, in the window&apos;s language.</extracomment>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>No messages yet</source>
        <translation>Todavía no hay mensajes</translation>
    </message>
    <message>
        <source>The bot answers this client.</source>
        <translation>El bot responde a este cliente.</translation>
    </message>
    <message>
        <source>Paused: nobody answers automatically.</source>
        <translation>En pausa: nadie responde automáticamente.</translation>
    </message>
    <message>
        <source>A person handles this conversation.</source>
        <translation>Una persona atiende esta conversación.</translation>
    </message>
    <message>
        <source>The pause has ended: the bot answers again.</source>
        <translation>La pausa ha terminado: el bot vuelve a responder.</translation>
    </message>
    <message>
        <source>Paused until %1, %2</source>
        <translation>Pausa hasta %1, %2</translation>
    </message>
    <message>
        <source>Paused until %1; then the bot answers again.</source>
        <translation>En pausa hasta el %1; después el bot vuelve a responder.</translation>
    </message>
    <message>
        <source>No funnel stage yet</source>
        <translation>Todavía sin etapa del embudo</translation>
    </message>
    <message>
        <source>Stage “%1” is not in the account&apos;s funnel</source>
        <translation>La etapa “%1” no está en el embudo de la cuenta</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <extracomment>(clients shown, clients in the cache) after every (re)query. The rowids shown, as a set: kept from one update to the next (building it costs a pass). Rows shown; ``_rowids`` holds all of them once ``_complete``, the first block before. False while a search shows its first block only: its count comes with the rest. Rows past the first block whose client is known before the rest of the order (row -&gt; rowid): the selected clients a sort that read only its first block found by counting. Ticks every minute so the &quot;Last activity&quot; ages keep up with the clock between syncs.</extracomment>
        <translation>
            <numerusform>%n mensaje sin leer</numerusform>
            <numerusform>%n mensajes sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>Mystery shopper: an internal tester, left out of every analytic</source>
        <translation>Cliente misterioso: alguien del equipo que hace pruebas; no cuenta en las estadísticas</translation>
    </message>
    <message>
        <source>Contractor: a supplier or third party</source>
        <translation>Contratista: un proveedor o un tercero</translation>
    </message>
    <message>
        <source>⚠ Conflict: someone else changed the %1 at the same time; the server&apos;s value stands. Open the profile to apply yours again or dismiss.</source>
        <translation>⚠ Conflicto: otra persona cambió el campo %1 al mismo tiempo; se queda el valor del servidor. Abre la ficha para volver a aplicar el tuyo o descartarlo.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent yet: %1</source>
        <translation>
            <numerusform>%n cambio sin enviar: %1</numerusform>
            <numerusform>%n cambios sin enviar: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No phone number</source>
        <translation>Sin número de teléfono</translation>
    </message>
    <message>
        <source>No sentiment yet</source>
        <translation>Todavía sin sentimiento</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflicto</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not sent yet</source>
        <translation>
            <numerusform>%n cambio sin enviar</numerusform>
            <numerusform>%n cambios sin enviar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfigTab</name>
    <message>
        <source>a value that starts with [, { or a quote must be a whole list or quoted text: check that every bracket and quote is closed.</source>
        <extracomment>Typed text that starts like JSON is meant as JSON: a list, an object or quoted text.</extracomment>
        <translation>un valor que empieza con [, { o comillas debe ser una lista completa o un texto entre comillas: revisa que cada corchete y cada comilla estén cerrados.</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>The bot&apos;s settings for this client</source>
        <translation>Los ajustes del bot para este cliente</translation>
    </message>
    <message>
        <source>Add setting</source>
        <translation>Agregar ajuste</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the selected settings</source>
        <translation>Quitar los ajustes seleccionados</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Guardar ajustes</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Deshacer cambios</translation>
    </message>
    <message>
        <source>Put back the settings as they were loaded</source>
        <translation>Volver a los ajustes tal como se cargaron</translation>
    </message>
    <message>
        <source>How the bot behaves with this client, where it differs from the rest of the account. A value is a word or a sentence, a number, true or false, or a list such as [&quot;es&quot;, &quot;en&quot;].</source>
        <translation>Cómo se comporta el bot con este cliente, donde es distinto del resto de la cuenta. Un valor es una palabra o una frase, un número, true o false, o una lista como [&quot;es&quot;, &quot;en&quot;].</translation>
    </message>
    <message>
        <source>Row %1 has a value but no setting name.</source>
        <translation>La fila %1 tiene un valor pero no el nombre del ajuste.</translation>
    </message>
    <message>
        <source>The setting “%1” appears twice.</source>
        <translation>El ajuste «%1» aparece dos veces.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>No cambió nada.</translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>No system keyring found, so the access key was not saved. Install and unlock one (GNOME Keyring or KWallet on Linux; macOS and Windows have one), or set LEADDESK_RELAY_TOKEN before starting LeadDesk. The server address was saved.</source>
        <translation>No se encontró un llavero del sistema, así que la clave de acceso no se guardó. Instala y desbloquea uno (GNOME Keyring o KWallet en Linux; macOS y Windows ya tienen uno), o define LEADDESK_RELAY_TOKEN antes de iniciar LeadDesk. La dirección del servidor sí se guardó.</translation>
    </message>
    <message>
        <source>Cannot use these settings: %1</source>
        <translation>No se pueden usar estos ajustes: %1</translation>
    </message>
    <message>
        <source>The server refused this access key.</source>
        <translation>El servidor rechazó esta clave de acceso.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check the address and your connection.</source>
        <translation>No se pudo llegar al servidor. Revisa la dirección y tu conexión.</translation>
    </message>
    <message>
        <source>The server answered with an error (%1).</source>
        <translation>El servidor respondió con un error (%1).</translation>
    </message>
</context>
<context>
    <name>Conversation</name>
    <message>
        <source>%1: %2</source>
        <extracomment>lupdate reads ``translate(&quot;Context&quot;, &quot;text&quot;)`` calls: the context stays a literal at each one.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>A message of a kind WhatsApp does not let us show.</source>
        <translation>Un tipo de mensaje que WhatsApp no nos deja mostrar.</translation>
    </message>
    <message>
        <source>Transcript: %1</source>
        <translation>Transcripción: %1</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>Anuncio</translation>
    </message>
    <message>
        <source>Bot</source>
        <translation>Bot</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>sin motivo indicado</translation>
    </message>
    <message>
        <source>Image</source>
        <extracomment>What a file of each kind is called where it has no name of its own (translated where shown).</extracomment>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Sticker</source>
        <translation>Sticker</translation>
    </message>
    <message>
        <source>Voice message</source>
        <translation>Mensaje de voz</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>[a message WhatsApp does not let us show]</source>
        <translation>[un mensaje que WhatsApp no nos deja mostrar]</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <extracomment>How an outgoing message&apos;s state is said (the bubble shows it as ticks).</extracomment>
        <translation>aún sin enviar</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviado</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregado</translation>
    </message>
    <message>
        <source>read</source>
        <translation>leído</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>no entregado</translation>
    </message>
    <message>
        <source>The client</source>
        <translation>El cliente</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 a las %2: %3</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>dddd, MMMM d</source>
        <comment>date format of a day separator</comment>
        <translation>dddd, d &apos;de&apos; MMMM</translation>
    </message>
    <message>
        <source>dddd, MMMM d, yyyy</source>
        <comment>date format of a day separator with the year</comment>
        <translation>dddd, d &apos;de&apos; MMMM &apos;de&apos; yyyy</translation>
    </message>
    <message>
        <source>more than 24 hours since the client last wrote; WhatsApp only lets an approved template through</source>
        <extracomment>Longer texts are cut for display (copy the message to get all of it). A block&apos;s colour names its meaning by the light theme&apos;s shade; :func:`_in_theme` gives the painted one. WhatsApp&apos;s reasons for not delivering, said the office&apos;s way; any other code shows WhatsApp&apos;s own title.</extracomment>
        <translation>pasaron más de 24 horas desde que el cliente escribió; WhatsApp solo deja pasar una plantilla aprobada</translation>
    </message>
    <message numerus="yes">
        <source>… %Ln more characters (right-click, Copy text)</source>
        <extracomment>lupdate reads ``translate(&quot;Context&quot;, &quot;text&quot;)`` calls: the context stays a literal at each one.</extracomment>
        <translation>
            <numerusform>… %Ln carácter más (clic derecho, Copiar texto)</numerusform>
            <numerusform>… %Ln caracteres más (clic derecho, Copiar texto)</numerusform>
        </translation>
    </message>
    <message>
        <source>no longer on the server</source>
        <translation>ya no está en el servidor</translation>
    </message>
    <message>
        <source>could not be verified</source>
        <translation>no se pudo verificar</translation>
    </message>
    <message>
        <source>not downloaded yet</source>
        <translation>aún no descargado</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Replied with a button</source>
        <translation>Respondió con un botón</translation>
    </message>
    <message>
        <source>Chose from a list</source>
        <translation>Eligió de una lista</translation>
    </message>
    <message>
        <source>Not delivered: %1</source>
        <translation>No entregado: %1</translation>
    </message>
    <message>
        <source>click to open</source>
        <translation>clic para abrir</translation>
    </message>
    <message>
        <source>Image missing</source>
        <translation>Falta la imagen</translation>
    </message>
</context>
<context>
    <name>ConversationTab</name>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Find in conversation</source>
        <translation>Buscar en la conversación</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Coincidencia anterior (Mayús+Intro)</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Coincidencia anterior</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Siguiente coincidencia (Intro)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Siguiente coincidencia</translation>
    </message>
    <message>
        <source>Close the search (Esc)</source>
        <translation>Cerrar la búsqueda (Esc)</translation>
    </message>
    <message>
        <source>Close the search</source>
        <translation>Cerrar la búsqueda</translation>
    </message>
    <message>
        <source>The bot is answering this client. Sending a message does not pause it.</source>
        <translation>El bot está respondiendo a este cliente. Enviar un mensaje no lo pausa.</translation>
    </message>
    <message>
        <source>Pause the bot</source>
        <translation>Pausar el bot</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Tomar el control</translation>
    </message>
    <message>
        <source>An agent answers this client from now on; the bot stays quiet</source>
        <translation>Un agente responde a este cliente desde ahora; el bot no contesta</translation>
    </message>
    <message>
        <source>Write a reply as yourself (Ctrl+Enter sends)</source>
        <translation>Escribe una respuesta en tu nombre (Ctrl+Intro envía)</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Find in this conversation (%1)</source>
        <translation>Buscar en esta conversación (%1)</translation>
    </message>
    <message>
        <source>The client has never written: WhatsApp lets you answer only within %1 hours of their last message.</source>
        <translation>El cliente nunca ha escrito: WhatsApp solo deja responder dentro de las %1 horas siguientes a su último mensaje.</translation>
    </message>
    <message>
        <source>The client last wrote %1: WhatsApp lets you write freely only within %2 hours of their last message, so the server will likely refuse this one.</source>
        <translation>Último mensaje del cliente: %1. WhatsApp solo deja escribir libremente dentro de las %2 horas siguientes a su último mensaje, así que el servidor probablemente rechazará este.</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copiar texto</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Guardar como…</translation>
    </message>
    <message>
        <source>This file is not on this computer yet; it is downloaded at the next sync.</source>
        <translation>Este archivo aún no está en esta computadora; se descarga en la próxima sincronización.</translation>
    </message>
    <message>
        <source>Save file</source>
        <translation>Guardar archivo</translation>
    </message>
    <message>
        <source>Message not sent</source>
        <translation>Mensaje no enviado</translation>
    </message>
    <message>
        <source>Could not change the bot</source>
        <translation>No se pudo cambiar el bot</translation>
    </message>
</context>
<context>
    <name>DemoSettingsDialog</name>
    <message>
        <source>This is the demo: it never connects to a server.</source>
        <extracomment>``exec()``&apos;s result when the user chose &quot;Leave the demo&quot; (besides Accepted and Rejected).</extracomment>
        <translation>Estos son datos de ejemplo: nunca se conectan a un servidor.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Its clients and conversations are made up, and what you change in it stays in the demo&apos;s own file on this computer. To sync with your company&apos;s server, leave the demo: LeadDesk opens your real clients, where Settings asks for the server&apos;s address and access key.</source>
        <translation>Sus clientes y conversaciones son inventados, y lo que cambies se queda en el archivo de los datos de ejemplo en esta computadora. Para sincronizar con el servidor de tu empresa, sal de los datos de ejemplo: LeadDesk abre tus clientes reales, donde Ajustes te pide la dirección del servidor y la clave de acceso.</translation>
    </message>
    <message>
        <source>Leave the demo</source>
        <translation>Salir de los datos de ejemplo</translation>
    </message>
</context>
<context>
    <name>EditError</name>
    <message>
        <source>Could not save: the database is busy. Try again.</source>
        <extracomment>WhatsApp lets a business write freely only this long after the client&apos;s last message.</extracomment>
        <translation>No se pudo guardar: la base de datos está ocupada. Inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>No client selected.</source>
        <translation>No hay ningún cliente seleccionado.</translation>
    </message>
    <message>
        <source>No such client: %1</source>
        <translation>No existe el cliente: %1</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>No hay nada que cambiar.</translation>
    </message>
    <message>
        <source>Unknown sale status %1: use none, pending, signed or sold.</source>
        <translation>Estado de venta desconocido %1: usa none, pending, signed o sold.</translation>
    </message>
    <message>
        <source>Unknown funnel stage %1.</source>
        <translation>Etapa del embudo desconocida %1.</translation>
    </message>
    <message>
        <source>The stage %1 is set only by the bot&apos;s rules; a person may not pick it.</source>
        <translation>A la etapa %1 solo llevan las reglas del bot; una persona no puede elegirla.</translation>
    </message>
    <message>
        <source>Not a date and time with a time zone (RFC 3339): %1.</source>
        <translation>No es una fecha y hora con zona horaria (RFC 3339): %1.</translation>
    </message>
    <message>
        <source>Unknown bot status %1: use active, paused or agent.</source>
        <translation>Estado del bot desconocido %1: usa active, paused o agent.</translation>
    </message>
    <message>
        <source>A time to resume the bot goes only with pausing it.</source>
        <translation>Solo se indica cuándo reanudar el bot al pausarlo.</translation>
    </message>
    <message>
        <source>The time to resume the bot must be in the future.</source>
        <translation>La hora para reanudar el bot debe ser futura.</translation>
    </message>
    <message>
        <source>No flag to set.</source>
        <translation>No hay ninguna marca que poner.</translation>
    </message>
    <message>
        <source>A name cannot be empty.</source>
        <extracomment>What a person is told when they clear a client&apos;s name.</extracomment>
        <translation>El nombre no puede estar vacío.</translation>
    </message>
    <message>
        <source>The name is longer than %1 characters.</source>
        <translation>El nombre tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>No setting to change.</source>
        <translation>No hay ningún ajuste que cambiar.</translation>
    </message>
    <message>
        <source>A setting needs a name.</source>
        <translation>Cada ajuste necesita un nombre.</translation>
    </message>
    <message>
        <source>A setting&apos;s name is longer than 100 characters.</source>
        <translation>El nombre de un ajuste tiene más de 100 caracteres.</translation>
    </message>
    <message>
        <source>The setting %1 cannot be set and removed at once.</source>
        <translation>El ajuste %1 no se puede poner y quitar a la vez.</translation>
    </message>
    <message>
        <source>A setting&apos;s value must be text, a number, true/false, a list or an object.</source>
        <translation>El valor de un ajuste debe ser texto, un número, verdadero/falso, una lista o un objeto.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>El mensaje está vacío.</translation>
    </message>
    <message>
        <source>The message is longer than %1 characters (%2).</source>
        <translation>El mensaje tiene más de %1 caracteres (%2).</translation>
    </message>
    <message>
        <source>This conflict is already settled.</source>
        <translation>Este conflicto ya está resuelto.</translation>
    </message>
    <message>
        <source>Cannot apply a change of %1 again.</source>
        <translation>No se puede volver a aplicar un cambio de %1.</translation>
    </message>
    <message>
        <source>This change was not refused by the server.</source>
        <translation>El servidor no rechazó este cambio.</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>Nothing to change.</source>
        <extracomment>What :mod:`leaddesk.edits` says when an edit cannot be made (English, as the command line prints it), marked here so that the profile shows it in the window&apos;s language (:func:`edit_problem`).</extracomment>
        <translation>No hay nada que cambiar.</translation>
    </message>
    <message>
        <source>A time to resume the bot goes only with pausing it.</source>
        <translation>Una hora para reanudar el bot solo va con pausarlo.</translation>
    </message>
    <message>
        <source>The time to resume the bot must be in the future.</source>
        <translation>La hora para reanudar el bot debe ser futura.</translation>
    </message>
    <message>
        <source>No flag to set.</source>
        <translation>No hay ninguna marca que poner.</translation>
    </message>
    <message>
        <source>A name cannot be empty.</source>
        <translation>El nombre no puede quedar vacío.</translation>
    </message>
    <message>
        <source>No setting to change.</source>
        <translation>No hay ningún ajuste que cambiar.</translation>
    </message>
    <message>
        <source>A setting needs a name.</source>
        <translation>Un ajuste necesita un nombre.</translation>
    </message>
    <message>
        <source>A setting&apos;s name is longer than 100 characters.</source>
        <translation>El nombre de un ajuste tiene más de 100 caracteres.</translation>
    </message>
    <message>
        <source>A setting&apos;s value must be text, a number, true/false, a list or an object.</source>
        <translation>El valor de un ajuste debe ser texto, un número, true o false, o una lista.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>El mensaje está vacío.</translation>
    </message>
    <message>
        <source>This conflict is already settled.</source>
        <translation>Este conflicto ya está resuelto.</translation>
    </message>
    <message>
        <source>Could not save: the database is busy. Try again.</source>
        <translation>No se pudo guardar: otro programa está usando los datos. Inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The name is longer than %1 characters.</source>
        <extracomment>The messages of :mod:`leaddesk.edits` that hold a value: (their English shape, the words with %1, %2).</extracomment>
        <translation>El nombre tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>The message is longer than %1 characters (%2).</source>
        <translation>El mensaje tiene más de %1 caracteres (%2).</translation>
    </message>
    <message>
        <source>The stage “%1” is set only by the bot&apos;s rules; a person may not pick it.</source>
        <translation>La etapa «%1» solo la ponen las reglas del bot; una persona no puede elegirla.</translation>
    </message>
    <message>
        <source>The setting “%1” cannot be set and removed at once.</source>
        <translation>El ajuste «%1» no se puede poner y quitar a la vez.</translation>
    </message>
    <message>
        <source>This change was not refused by the server.</source>
        <translation>El servidor no rechazó este cambio.</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No clients here yet</source>
        <translation>Todavía no hay clientes</translation>
    </message>
    <message>
        <source>Every person who writes to your WhatsApp number appears here. To bring them in, connect to your company&apos;s server: open Settings… and enter the server address and access key, then choose Sync now.</source>
        <translation>Aquí aparece cada persona que escribe a tu número de WhatsApp. Para traerlas, conéctate al servidor de tu empresa: abre Ajustes…, escribe la dirección del servidor y la clave de acceso, y elige Sincronizar ahora.</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Just looking around? Run  leaddesk --demo  to try LeadDesk on a few hundred sample clients.</source>
        <translation>¿Solo quieres echar un vistazo? Ejecuta  leaddesk --demo  para probar LeadDesk con unos cientos de clientes de ejemplo.</translation>
    </message>
    <message>
        <source>No clients match</source>
        <translation>Ningún cliente coincide</translation>
    </message>
    <message>
        <source>No client matches the search and filters you chose.</source>
        <translation>Ningún cliente coincide con la búsqueda y los filtros que elegiste.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <source>Getting your clients…</source>
        <translation>Recibiendo tus clientes…</translation>
    </message>
    <message>
        <source>They appear here as they arrive from your server. The first sync of a large account can take a few minutes; each client can be opened as soon as it is in the list.</source>
        <translation>Aparecen aquí a medida que llegan de tu servidor. La primera sincronización de una cuenta grande puede tardar unos minutos; cada cliente se puede abrir en cuanto está en la lista.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search name or phone  (%1)</source>
        <extracomment>%1: the Find key as the shortcuts page writes it (&quot;Ctrl+F&quot;, &quot;⌘F&quot;, &quot;Control+F&quot; in Spanish).</extracomment>
        <translation>Buscar nombre o teléfono  (%1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Asked when a filter&apos;s menu opens: the contact column it narrows -&gt; {value: clients it would show}. The ticked values changed (by the user, or by :meth:`set_chosen` unless told not to). Labels shown on the button before the rest are summed up as &quot;+N&quot;. What the filter is (&quot;Sale status&quot;), for a screen reader.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Search clients</source>
        <extracomment>The search or a filter changed (the search after a short pause in typing). Enter in the search box: show the results and go to them.</extracomment>
        <translation>Buscar clientes</translation>
    </message>
    <message>
        <source>Words that start a client&apos;s name, or a phone number. Esc clears; Enter goes to the list</source>
        <translation>Palabras con las que empieza el nombre de un cliente, o un número de teléfono. Esc borra; Intro va a la lista</translation>
    </message>
    <message>
        <source>Any sale status</source>
        <translation>Cualquier estado de venta</translation>
    </message>
    <message>
        <source>Show only clients with one of the ticked sale statuses</source>
        <translation>Mostrar solo los clientes con uno de los estados de venta marcados</translation>
    </message>
    <message>
        <source>Sale status filter</source>
        <translation>Filtro de estado de venta</translation>
    </message>
    <message>
        <source>Show only clients whose bot is active, paused, or handed to an agent</source>
        <translation>Mostrar solo los clientes cuyo bot está activo, en pausa o en manos de un agente</translation>
    </message>
    <message>
        <source>Any bot status</source>
        <translation>Cualquier estado del bot</translation>
    </message>
    <message>
        <source>Bot filter</source>
        <translation>Filtro del bot</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>Cualquier etapa</translation>
    </message>
    <message>
        <source>Show only clients in one of the ticked funnel stages</source>
        <translation>Mostrar solo los clientes en una de las etapas marcadas</translation>
    </message>
    <message>
        <source>Funnel stage filter</source>
        <translation>Filtro de etapa del embudo</translation>
    </message>
    <message>
        <source>Any sentiment</source>
        <translation>Cualquier sentimiento</translation>
    </message>
    <message>
        <source>Show only clients with one of the ticked sentiments</source>
        <translation>Mostrar solo los clientes con uno de los sentimientos marcados</translation>
    </message>
    <message>
        <source>No sentiment yet</source>
        <translation>Todavía sin sentimiento</translation>
    </message>
    <message>
        <source>Sentiment filter</source>
        <translation>Filtro de sentimiento</translation>
    </message>
    <message>
        <source>Mystery shoppers are internal testers</source>
        <translation>Los clientes misteriosos son personas del equipo que hacen pruebas</translation>
    </message>
    <message>
        <source>With mystery shoppers</source>
        <translation>Con clientes misteriosos</translation>
    </message>
    <message>
        <source>Hide mystery shoppers</source>
        <translation>Ocultar clientes misteriosos</translation>
    </message>
    <message>
        <source>Only mystery shoppers</source>
        <translation>Solo clientes misteriosos</translation>
    </message>
    <message>
        <source>Mystery shopper filter</source>
        <translation>Filtro de clientes misteriosos</translation>
    </message>
    <message>
        <source>Contractors are suppliers and third parties</source>
        <translation>Los contratistas son proveedores y terceros</translation>
    </message>
    <message>
        <source>With contractors</source>
        <translation>Con contratistas</translation>
    </message>
    <message>
        <source>Hide contractors</source>
        <translation>Ocultar contratistas</translation>
    </message>
    <message>
        <source>Only contractors</source>
        <translation>Solo contratistas</translation>
    </message>
    <message>
        <source>Contractor filter</source>
        <translation>Filtro de contratistas</translation>
    </message>
    <message>
        <source>Unread only</source>
        <translation>Solo sin leer</translation>
    </message>
    <message>
        <source>Show only clients with messages nobody has read yet</source>
        <translation>Mostrar solo los clientes con mensajes que nadie ha leído todavía</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <source>Remove the search and every filter (Ctrl+Shift+L)</source>
        <translation>Quitar la búsqueda y todos los filtros (Ctrl+Mayús+L)</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Filtrar:</translation>
    </message>
    <message>
        <source>No stage</source>
        <translation>Sin etapa</translation>
    </message>
</context>
<context>
    <name>FunnelTab</name>
    <message>
        <source>Funnel history</source>
        <translation>Historial del embudo</translation>
    </message>
    <message>
        <source>No stage change yet.</source>
        <translation>Aún no hay cambios de etapa.</translation>
    </message>
</context>
<context>
    <name>GeneralSettings</name>
    <message>
        <source>Same as the system</source>
        <extracomment>Languages by their own names, the way every program lists them (never translated).</extracomment>
        <translation>Igual que el sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>A new language takes effect the next time LeadDesk starts.</source>
        <translation>El nuevo idioma se aplica la próxima vez que se inicie LeadDesk.</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Show a notice when a client writes or a new client arrives</source>
        <translation>Mostrar un aviso cuando un cliente escribe o llega un cliente nuevo</translation>
    </message>
    <message>
        <source>Also for the bot&apos;s own messages</source>
        <translation>También para los mensajes del propio bot</translation>
    </message>
    <message>
        <source>Only while LeadDesk is in the background.</source>
        <translation>Solo mientras LeadDesk está en segundo plano.</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Avisos</translation>
    </message>
</context>
<context>
    <name>HistoryDocument</name>
    <message>
        <source>d MMM yyyy, HH:mm</source>
        <comment>date and time format</comment>
        <extracomment>A cell that starts with one of these is a formula to Excel, LibreOffice and Google Sheets. Clients read and written per step of the window&apos;s export (one short read transaction each). A small style sheet inside the HTML, kept to what both browsers and Qt&apos;s rich-text subset (used for the PDF) understand: class selectors, colours, margins in px (Qt ignores pt there), cell padding and borders, ``white-space: nowrap``, no floats. Qt skips the ``@supports`` block, which centres the page in a browser. Qt ignores ``page-break-after: avoid``: :mod:`leaddesk.export_pdf` keeps headings with what follows. The translation context of the document&apos;s words (``pyside6-lupdate`` reads ``translate(&quot;HistoryDocument&quot;, …)``). How an outgoing message&apos;s status reads (the conversation tab&apos;s words, in its &quot;Conversation&quot; context). What a file of each kind is called where it has no name of its own (the conversation tab&apos;s words).</extracomment>
        <translation>d MMM yyyy, H:mm</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <comment>time format</comment>
        <translation>H:mm</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Shared contact: %1</source>
        <translation>Contacto compartido: %1</translation>
    </message>
    <message>
        <source>Replied with a button: %1</source>
        <translation>Respondió con un botón: %1</translation>
    </message>
    <message>
        <source>Chose from a list: %1</source>
        <translation>Eligió de una lista: %1</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>The server</source>
        <translation>El servidor</translation>
    </message>
    <message>
        <source>Paused until %1</source>
        <translation>En pausa hasta el %1</translation>
    </message>
    <message>
        <source>Unknown client</source>
        <translation>Cliente desconocido</translation>
    </message>
    <message>
        <source>Mystery shopper</source>
        <translation>Cliente misterioso</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>Contratista</translation>
    </message>
    <message>
        <source>Sale status</source>
        <translation>Estado de venta</translation>
    </message>
    <message>
        <source>Funnel stage</source>
        <translation>Etapa del embudo</translation>
    </message>
    <message>
        <source>Bot</source>
        <translation>Bot</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Sentimiento</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Última actividad</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Marcas</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Sin leer</translation>
    </message>
    <message>
        <source>Changes not sent yet</source>
        <translation>Cambios sin enviar</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Ficha</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>Encuestas</translation>
    </message>
    <message>
        <source> — about %1 on %2</source>
        <translation> — sobre %1 del %2</translation>
    </message>
    <message>
        <source>a meeting</source>
        <translation>una cita</translation>
    </message>
    <message>
        <source> — about a meeting not on this computer yet</source>
        <translation> — sobre una cita que aún no está en esta computadora</translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation>Enviada el %1</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Average score: %1</source>
        <translation>Puntuación promedio: %1</translation>
    </message>
    <message>
        <source>Funnel history</source>
        <translation>Historial del embudo</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Cambiado por</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuración del bot</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflictos</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>El mío</translation>
    </message>
    <message>
        <source>The server&apos;s</source>
        <translation>El del servidor</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Pendiente</translation>
    </message>
    <message numerus="yes">
        <source>Client record from LeadDesk, %1 · %Ln message(s) · times are local: %2</source>
        <translation>
            <numerusform>Ficha del cliente de LeadDesk, %1 · %Ln mensaje · horas locales: %2</numerusform>
            <numerusform>Ficha del cliente de LeadDesk, %1 · %Ln mensajes · horas locales: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — LeadDesk client record</source>
        <translation>%1 — ficha del cliente de LeadDesk</translation>
    </message>
</context>
<context>
    <name>ListKeys</name>
    <message>
        <source>Open the client&apos;s profile</source>
        <extracomment>The sale statuses in the order of their keys: 1 None, 2 Pending, 3 Signed, 4 Sold.</extracomment>
        <translation>Abrir la ficha del cliente</translation>
    </message>
    <message>
        <source>Menu of the selected clients</source>
        <translation>Menú de los clientes seleccionados</translation>
    </message>
    <message>
        <source>Sale status: %1</source>
        <translation>Estado de venta: %1</translation>
    </message>
    <message>
        <source>Change many clients?</source>
        <extracomment>A key changes this many selected clients at once without asking; more (Ctrl+A, then a digit typed by a user who thought the search box had the focus) asks first.</extracomment>
        <translation>¿Cambiar muchos clientes?</translation>
    </message>
    <message numerus="yes">
        <source>Set the sale status of %n selected client(s) to %1?</source>
        <translation>
            <numerusform>¿Poner el estado de venta del cliente seleccionado en %1?</numerusform>
            <numerusform>¿Poner el estado de venta de los %n clientes seleccionados en %1?</numerusform>
        </translation>
    </message>
    <message>
        <source>Change them</source>
        <translation>Cambiarlos</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>LeadDesk — Demo</source>
        <extracomment>Tray notices and the unread count (set by :func:`build_window`). Set when the user chose &quot;Leave the demo&quot;: the window closes and the real database opens. Set when the user chose &quot;Look around with demo data&quot;: the window closes and the demo opens.
----------
Enter or a double-click on a client: open its profile (the contact id). &quot;Sync now&quot; (toolbar, menu, F5, the empty state&apos;s button). &quot;Settings…&quot; (menu, Ctrl+, the empty state&apos;s button). &quot;Search all conversations…&quot; (menu, Ctrl+Shift+F). &quot;Look around with demo data&quot; (the first-run welcome): reopen the window on the demo database.</extracomment>
        <translation>LeadDesk — Datos de ejemplo</translation>
    </message>
    <message numerus="yes">
        <source>%Ln client(s)</source>
        <extracomment>Bump when the columns change, so an old saved header state is not applied to new columns. 2: the Name column stretches (it gives way first in a narrow window). How long &quot;Set 12 clients to Pending — Undo&quot; stays offered. What the list shows when there are no clients at all, by :meth:`MainWindow.set_empty_reason`.</extracomment>
        <translation>
            <numerusform>%Ln cliente</numerusform>
            <numerusform>%Ln clientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln client(s)</source>
        <translation>
            <numerusform>%1 de %Ln cliente</numerusform>
            <numerusform>%1 de %Ln clientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Estadísticas</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Clients shown</source>
        <translation>Clientes mostrados</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message numerus="yes">
        <source>(%n more change(s) not accepted)</source>
        <translation>
            <numerusform>(%n cambio más no aceptado)</numerusform>
            <numerusform>(%n cambios más no aceptados)</numerusform>
        </translation>
    </message>
    <message>
        <source>Show all…</source>
        <translation>Ver todos…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Sync with the server now (F5)</source>
        <translation>Sincronizar con el servidor ahora (F5)</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <source>Find client</source>
        <translation>Buscar cliente</translation>
    </message>
    <message>
        <source>Search all conversations…</source>
        <translation>Buscar en todas las conversaciones…</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <source>Changes not accepted…</source>
        <translation>Cambios no aceptados…</translation>
    </message>
    <message>
        <source>Changes the server did not accept, and why</source>
        <translation>Cambios que el servidor no aceptó, y por qué</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Restablecer columnas</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>About LeadDesk</source>
        <translation>Acerca de LeadDesk</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>LeadDesk %1

Every WhatsApp lead at a glance: the clients your sales bot talks to, usable offline.</source>
        <translation>LeadDesk %1

Todos tus clientes de WhatsApp de un vistazo: los clientes con los que habla tu bot de ventas, también sin conexión.</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>Upcoming meetings</source>
        <translation>Próximas citas</translation>
    </message>
    <message>
        <source>Past meetings</source>
        <translation>Citas pasadas</translation>
    </message>
    <message>
        <source>Upcoming (%1)</source>
        <translation>Próximas (%1)</translation>
    </message>
    <message>
        <source>Upcoming: none scheduled</source>
        <translation>Próximas: ninguna programada</translation>
    </message>
    <message>
        <source>Past (%1)</source>
        <translation>Pasadas (%1)</translation>
    </message>
    <message>
        <source>Past: none</source>
        <translation>Pasadas: ninguna</translation>
    </message>
</context>
<context>
    <name>NameDelegate</name>
    <message>
        <source>⚠ conflict</source>
        <extracomment>An open edit conflict: the badge the profile&apos;s conflict notice matches.</extracomment>
        <translation>⚠ conflicto</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Hide this notice</source>
        <translation>Ocultar este aviso</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Photo</source>
        <extracomment>How much of a message a notice shows; the rest is in the profile. How many names a notice about several clients lists. How long a notice stays, where the platform lets the program say. How long the unread count waits for more changes before it counts again. What a notice says for a message without text, by message type.</extracomment>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Voice message</source>
        <translation>Mensaje de voz</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Sticker</source>
        <translation>Sticker</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>Tarjeta de contacto</translation>
    </message>
    <message>
        <source>Unknown</source>
        <extracomment>The client the notice is about (clicking it opens their profile); None for several.</extracomment>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Mensaje nuevo</translation>
    </message>
    <message>
        <source>New client: %1</source>
        <translation>Cliente nuevo: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n new messages)</source>
        <translation>
            <numerusform>%1 (%n mensaje nuevo)</numerusform>
            <numerusform>%1 (%n mensajes nuevos)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n mensaje nuevo</numerusform>
            <numerusform>%n mensajes nuevos</numerusform>
        </translation>
    </message>
    <message>
        <source>A new client is in the list</source>
        <translation>Hay un cliente nuevo en la lista</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 y %n más</numerusform>
            <numerusform>%1 y %n más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new clients</source>
        <translation>
            <numerusform>%n cliente nuevo</numerusform>
            <numerusform>%n clientes nuevos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clients wrote</source>
        <translation>
            <numerusform>%n cliente escribió</numerusform>
            <numerusform>%n clientes escribieron</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them new</source>
        <translation>
            <numerusform>%n de ellos es nuevo</numerusform>
            <numerusform>%n de ellos son nuevos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>An internal tester: left out of every statistic.</source>
        <extracomment>The newest refusals not yet dismissed that the Overview tells.</extracomment>
        <translation>Alguien de la casa que prueba el bot: no cuenta en ninguna estadística.</translation>
    </message>
    <message>
        <source>A supplier or third party: an agent answers them instead of the bot.</source>
        <translation>Un proveedor o un tercero: le responde un agente en lugar del bot.</translation>
    </message>
    <message>
        <source>Bot</source>
        <extracomment>The glance&apos;s rows: (attribute, label).</extracomment>
        <translation>Bot</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Sentimiento</translation>
    </message>
    <message>
        <source>Next meeting</source>
        <translation>Próxima cita</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Sin leer</translation>
    </message>
    <message>
        <source>Photo</source>
        <extracomment>The form&apos;s values as last filled from the cache: what differs from them is the user&apos;s unsaved edit.</extracomment>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the phone number</source>
        <translation>Copiar el número de teléfono</translation>
    </message>
    <message>
        <source>Sale status</source>
        <translation>Estado de venta</translation>
    </message>
    <message>
        <source>Funnel stage</source>
        <translation>Etapa del embudo</translation>
    </message>
    <message>
        <source>Optional note: why the stage changed</source>
        <translation>Nota opcional: por qué cambió la etapa</translation>
    </message>
    <message>
        <source>Note on the stage change</source>
        <translation>Nota del cambio de etapa</translation>
    </message>
    <message>
        <source>Let the bot answer</source>
        <translation>Dejar que el bot responda</translation>
    </message>
    <message>
        <source>Pause the bot</source>
        <translation>Pausar el bot</translation>
    </message>
    <message>
        <source>An agent takes over</source>
        <translation>Un agente toma el control</translation>
    </message>
    <message>
        <source>until</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Pause until a time</source>
        <translation>Pausar hasta una hora</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <comment>date and time format of the pause&apos;s end</comment>
        <translation>dd/MM/yyyy HH:mm</translation>
    </message>
    <message>
        <source>When the bot answers again</source>
        <translation>Cuándo vuelve a responder el bot</translation>
    </message>
    <message>
        <source>Mystery shopper</source>
        <translation>Cliente misterioso</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>Contratista</translation>
    </message>
    <message>
        <source>The client&apos;s name</source>
        <translation>El nombre del cliente</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Each field that can be refused before saving, with the message shown beside it.</extracomment>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Marcas</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Guardar cambios</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Deshacer cambios</translation>
    </message>
    <message>
        <source>Put back the values as they were loaded</source>
        <translation>Volver a los valores tal como se cargaron</translation>
    </message>
    <message>
        <source>• Unsaved changes</source>
        <translation>• Cambios sin guardar</translation>
    </message>
    <message>
        <source>This client is no longer on this computer.</source>
        <translation>Este cliente ya no está en esta computadora.</translation>
    </message>
    <message>
        <source>Client: %1</source>
        <translation>Cliente: %1</translation>
    </message>
    <message>
        <source>No phone number</source>
        <translation>Sin número de teléfono</translation>
    </message>
    <message>
        <source>Phone number: %1</source>
        <translation>Número de teléfono: %1</translation>
    </message>
    <message>
        <source>First contact: %1</source>
        <translation>Primer contacto: %1</translation>
    </message>
    <message>
        <source>Last activity: %1</source>
        <translation>Última actividad: %1</translation>
    </message>
    <message>
        <source>%1 (set by the bot)</source>
        <translation>%1 (la pone el bot)</translation>
    </message>
    <message>
        <source>Only the bot&apos;s rules move a client into this stage.</source>
        <translation>Solo las reglas del bot llevan a un cliente a esta etapa.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>Not sent to the server yet: %1</source>
        <translation>Aún sin enviar al servidor: %1</translation>
    </message>
    <message>
        <source>The server did not accept your change of %1; the value went back.</source>
        <translation>El servidor no aceptó tu cambio de %1; el valor volvió al anterior.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Stop showing this notice</source>
        <translation>Dejar de mostrar este aviso</translation>
    </message>
    <message>
        <source>Could not dismiss the notice</source>
        <translation>No se pudo descartar el aviso</translation>
    </message>
    <message>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <source>Someone changed the %1 at the same time, and the server&apos;s value stands.</source>
        <translation>Alguien cambió %1 al mismo tiempo, y se queda el valor del servidor.</translation>
    </message>
    <message>
        <source>You set: %1 — the server has: %2</source>
        <translation>Tú pusiste: %1 — el servidor tiene: %2</translation>
    </message>
    <message>
        <source>Apply mine again</source>
        <translation>Aplicar el mío otra vez</translation>
    </message>
    <message>
        <source>Could not apply the change</source>
        <translation>No se pudo aplicar el cambio</translation>
    </message>
    <message>
        <source>A note goes with a change of stage: pick the new stage, or clear the note.</source>
        <translation>Una nota acompaña a un cambio de etapa: elige la nueva etapa o borra la nota.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>No se pudo guardar</translation>
    </message>
</context>
<context>
    <name>PauseUntilDialog</name>
    <message>
        <source>Pause the bot until…</source>
        <translation>Pausar el bot hasta…</translation>
    </message>
    <message>
        <source>Resume the bot on</source>
        <translation>Reanudar el bot el</translation>
    </message>
    <message>
        <source>The bot stays quiet for %1 until:</source>
        <translation>El bot no responderá a %1 hasta:</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>%1 (agent)</source>
        <translation>%1 (agente)</translation>
    </message>
    <message>
        <source>an agent</source>
        <translation>un agente</translation>
    </message>
    <message>
        <source>the bot</source>
        <translation>el bot</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>el servidor</translation>
    </message>
    <message>
        <source>(start)</source>
        <translation>(inicio)</translation>
    </message>
    <message>
        <source>%1, as of %2</source>
        <extracomment>lupdate reads ``translate(&quot;Context&quot;, &quot;text&quot;)`` calls: the context stays a literal at each one.</extracomment>
        <translation>%1, desde el %2</translation>
    </message>
    <message>
        <source>Not judged yet</source>
        <translation>Aún sin valorar</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>None scheduled</source>
        <translation>Ninguna programada</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln mensaje</numerusform>
            <numerusform>%Ln mensajes</numerusform>
        </translation>
    </message>
    <message>
        <source>All read</source>
        <translation>Todo leído</translation>
    </message>
    <message numerus="yes">
        <source>%Ln not read yet</source>
        <translation>
            <numerusform>%Ln sin leer</numerusform>
            <numerusform>%Ln sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 del %2</translation>
    </message>
    <message>
        <source>a meeting not in this computer&apos;s copy yet</source>
        <translation>una cita que aún no está en esta computadora</translation>
    </message>
    <message>
        <source>no meeting</source>
        <translation>ninguna cita</translation>
    </message>
    <message>
        <source>Submitted %1 — about %2</source>
        <translation>Enviada el %1 — sobre %2</translation>
    </message>
    <message>
        <source>Question</source>
        <extracomment>Marked in the &quot;Profile&quot; context, where :class:`RecordTableModel` translates its headers.</extracomment>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Cambiado por</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>You — not sent yet</source>
        <extracomment>What the &quot;Changed by&quot; column says of a stage change still in the outbox.</extracomment>
        <translation>Tú — aún sin enviar</translation>
    </message>
    <message>
        <source>Made here; the server has not confirmed it yet.</source>
        <translation>Hecho aquí; el servidor aún no lo confirma.</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1 hasta el %2</translation>
    </message>
    <message>
        <source>paused until %1</source>
        <translation>en pausa hasta el %1</translation>
    </message>
    <message>
        <source>no time to resume</source>
        <translation>sin hora para reanudar</translation>
    </message>
    <message>
        <source>no stage</source>
        <translation>sin etapa</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>sin nombre</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Promedio</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Overview</source>
        <extracomment>Put before the client&apos;s name in the title while the profile has unsaved changes. Every tab was read again from the cache (:meth:`refresh`, after a sync that changed this contact). The next (+1) or previous (-1) client of the list was asked for (Alt+Page Down / Alt+Page Up).</extracomment>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Encuesta</translation>
    </message>
    <message>
        <source>Funnel history</source>
        <translation>Historial del embudo</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Configuración del bot</translation>
    </message>
    <message>
        <source>Parts of the client&apos;s profile</source>
        <translation>Partes de la ficha del cliente</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <extracomment>The &quot;Discard your changes?&quot; question while it is asked (tests answer it).</extracomment>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Discard your changes?</source>
        <translation>¿Descartar tus cambios?</translation>
    </message>
    <message>
        <source>What you changed in this profile has not been saved.</source>
        <translation>Lo que cambiaste en esta ficha no se ha guardado.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
</context>
<context>
    <name>ProfileKeys</name>
    <message>
        <source>Next client in the list</source>
        <translation>Cliente siguiente de la lista</translation>
    </message>
    <message>
        <source>Previous client in the list</source>
        <translation>Cliente anterior de la lista</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Página web (*.html)</translation>
    </message>
    <message>
        <source>Print client record</source>
        <extracomment>lupdate reads ``translate(&quot;Context&quot;, &quot;text&quot;)`` calls: the context stays a literal at each one.</extracomment>
        <translation>Imprimir la ficha del cliente</translation>
    </message>
    <message>
        <source>client-record</source>
        <translation>ficha-cliente</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Save this client&apos;s whole record as a PDF or a web page, to forward</source>
        <translation>Guardar toda la ficha de este cliente como PDF o página web, para reenviarla</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print this client&apos;s whole record</source>
        <translation>Imprimir toda la ficha de este cliente</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>Nada que exportar</translation>
    </message>
    <message>
        <source>This client is no longer on this computer.</source>
        <translation>Este cliente ya no está en esta computadora.</translation>
    </message>
    <message>
        <source>Export client record</source>
        <translation>Exportar la ficha del cliente</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>No se pudo exportar</translation>
    </message>
    <message>
        <source>Could not write %1:
%2</source>
        <translation>No se pudo escribir %1:
%2</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>No se imprimió</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>No se pudo abrir la impresora.</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>the client no longer exists there</source>
        <extracomment>(HTTP status, the relay&apos;s error code) -&gt; why, in words; a code of None stands for &quot;any code&quot;.</extracomment>
        <translation>el cliente ya no existe allí</translation>
    </message>
    <message>
        <source>the server does not know this client</source>
        <translation>el servidor no conoce a este cliente</translation>
    </message>
    <message>
        <source>WhatsApp lets a business write only within 24 hours of the client&apos;s last message; wait for the client to write again</source>
        <translation>WhatsApp solo deja escribir a una empresa dentro de las 24 horas siguientes al último mensaje del cliente; espera a que el cliente vuelva a escribir</translation>
    </message>
    <message>
        <source>only the bot&apos;s rules move a client into that stage</source>
        <translation>solo las reglas del bot llevan a un cliente a esa etapa</translation>
    </message>
    <message>
        <source>the server does not take that value</source>
        <translation>el servidor no acepta ese valor</translation>
    </message>
    <message>
        <source>this server does not know that kind of change (it may be older than LeadDesk)</source>
        <translation>este servidor no conoce ese tipo de cambio (puede ser más antiguo que LeadDesk)</translation>
    </message>
    <message>
        <source>the server had already received a different change under the same key</source>
        <translation>el servidor ya había recibido un cambio distinto con la misma clave</translation>
    </message>
    <message>
        <source>the server does not take that change</source>
        <translation>el servidor no acepta ese cambio</translation>
    </message>
    <message>
        <source>your access key may read but not change clients; ask for one that may make changes</source>
        <translation>tu clave de acceso puede leer pero no cambiar clientes; pide una que permita hacer cambios</translation>
    </message>
    <message>
        <source>the server could not read the request (a fault in LeadDesk: please report it)</source>
        <translation>el servidor no pudo leer la solicitud (un fallo de LeadDesk: por favor, avísanos)</translation>
    </message>
    <message>
        <source>the server refused it (%1)</source>
        <translation>el servidor lo rechazó (%1)</translation>
    </message>
    <message>
        <source>the server refused it</source>
        <translation>el servidor lo rechazó</translation>
    </message>
    <message>
        <source>the sale status &apos;%1&apos;</source>
        <translation>el estado de venta &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the stage &apos;%1&apos;</source>
        <translation>la etapa &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the bot status &apos;%1&apos;</source>
        <translation>el estado del bot &apos;%1&apos;</translation>
    </message>
    <message>
        <source>mystery shopper</source>
        <translation>cliente misterioso</translation>
    </message>
    <message>
        <source>not a mystery shopper</source>
        <translation>no es cliente misterioso</translation>
    </message>
    <message>
        <source>contractor</source>
        <translation>contratista</translation>
    </message>
    <message>
        <source>not a contractor</source>
        <translation>no es contratista</translation>
    </message>
    <message>
        <source>a flag</source>
        <translation>una marca</translation>
    </message>
    <message>
        <source>the name &apos;%1&apos;</source>
        <translation>el nombre &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;Mark read&apos;</source>
        <translation>&apos;Marcar como leído&apos;</translation>
    </message>
    <message>
        <source>a change to the bot&apos;s configuration</source>
        <translation>un cambio en la configuración del bot</translation>
    </message>
    <message>
        <source>a reply</source>
        <translation>una respuesta</translation>
    </message>
    <message>
        <source>a change (%1)</source>
        <translation>un cambio (%1)</translation>
    </message>
    <message>
        <source>The server did not accept %1 for %2: %3.</source>
        <extracomment>The client as the list shows them: the name, else the phone, else &quot;a client&quot;. When the relay answered (RFC 3339), or when the edit was made if unknown.</extracomment>
        <translation>El servidor no aceptó %1 para %2: %3.</translation>
    </message>
    <message>
        <source>a client</source>
        <translation>un cliente</translation>
    </message>
</context>
<context>
    <name>RefusedEditsDialog</name>
    <message>
        <source>Changes not accepted</source>
        <extracomment>Some refusals were dismissed (the window&apos;s notice follows).</extracomment>
        <translation>Cambios no aceptados</translation>
    </message>
    <message>
        <source>The server did not accept these changes, so each client kept the value it had before. Dismiss a notice once you have read it.</source>
        <translation>El servidor no aceptó estos cambios, así que cada cliente conservó el valor que tenía antes. Descarta un aviso cuando lo hayas leído.</translation>
    </message>
    <message>
        <source>Show dismissed too</source>
        <translation>Mostrar también los descartados</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Stop showing the selected notices (Delete)</source>
        <translation>Dejar de mostrar los avisos seleccionados (Supr)</translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation>Descartar todos</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>descartado</translation>
    </message>
    <message>
        <source>No changes were refused.</source>
        <translation>No se rechazó ningún cambio.</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search all conversations</source>
        <translation>Buscar en todas las conversaciones</translation>
    </message>
    <message>
        <source>Words in any message or voice transcript; &quot;quoted words&quot; in that order</source>
        <translation>Palabras en cualquier mensaje o transcripción de voz; &quot;entre comillas&quot; en ese orden</translation>
    </message>
    <message>
        <source>Words to find</source>
        <translation>Palabras que buscar</translation>
    </message>
    <message>
        <source>Type words to find them in every client&apos;s messages and voice transcripts.</source>
        <translation>Escribe palabras para buscarlas en los mensajes y las transcripciones de voz de todos los clientes.</translation>
    </message>
    <message>
        <source>No messages match.</source>
        <translation>Ningún mensaje coincide.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ message(s), newest first</source>
        <translation>
            <numerusform>%Ln+ mensajes, primero los más recientes</numerusform>
            <numerusform>%Ln+ mensajes, primero los más recientes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s), newest first</source>
        <translation>
            <numerusform>%Ln mensaje, primero los más recientes</numerusform>
            <numerusform>%Ln mensajes, primero los más recientes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Unknown</source>
        <extracomment>The :class:`SearchHit` of a row. The snippet as escaped HTML with the matched words highlighted (Snippet column).</extracomment>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>To %1, %2</source>
        <extracomment>Emitted after a new query&apos;s first page is read: (query, hits so far, more to come).</extracomment>
        <translation>Para %1, %2</translation>
    </message>
    <message>
        <source>From %1, %2</source>
        <translation>De %1, %2</translation>
    </message>
</context>
<context>
    <name>SearchResultsView</name>
    <message>
        <source>Messages found</source>
        <extracomment>How long typing pauses before the search runs (Enter runs it at once).</extracomment>
        <translation>Mensajes encontrados</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Páginas de ajustes</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>LeadDesk keeps a copy of your WhatsApp leads on this computer and syncs it with your company&apos;s server. Your administrator gives you its address and an access key.</source>
        <translation>LeadDesk guarda una copia de tus clientes de WhatsApp en esta computadora y la sincroniza con el servidor de tu empresa. Tu administrador te da su dirección y una clave de acceso.</translation>
    </message>
    <message>
        <source>https://server.example.com</source>
        <comment>an example address</comment>
        <translation>https://servidor.ejemplo.com</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <source>Paste the access key</source>
        <translation>Pega la clave de acceso</translation>
    </message>
    <message>
        <source>Access key</source>
        <translation>Clave de acceso</translation>
    </message>
    <message>
        <source>Optional: a .pem file</source>
        <translation>Opcional: un archivo .pem</translation>
    </message>
    <message>
        <source>Extra certificates</source>
        <translation>Certificados adicionales</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Choose a certificates file</source>
        <translation>Elegir un archivo de certificados</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Resultado de la prueba de conexión</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in a file.</source>
        <translation>Se guarda en el llavero del sistema, nunca en un archivo.</translation>
    </message>
    <message>
        <source>No system keyring found: install one (GNOME Keyring or KWallet) or set LEADDESK_RELAY_TOKEN.</source>
        <translation>No se encontró un llavero del sistema: instala uno (GNOME Keyring o KWallet) o define LEADDESK_RELAY_TOKEN.</translation>
    </message>
    <message>
        <source>Only needed where the office network inspects secure connections.</source>
        <translation>Solo hace falta si la red de la oficina inspecciona las conexiones seguras.</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificados (*.pem *.crt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Main window</source>
        <translation>Ventana principal</translation>
    </message>
    <message>
        <source>Client list (when it has the focus)</source>
        <translation>Lista de clientes (cuando tiene el foco)</translation>
    </message>
    <message>
        <source>Client profile</source>
        <translation>Ficha del cliente</translation>
    </message>
    <message>
        <source>Every menu opens with Alt and its underlined letter; Tab and Shift+Tab move between the controls of a window, Ctrl+Tab between its tabs.</source>
        <translation>Cada menú se abre con Alt y su letra subrayada; Tab y Mayús+Tab pasan de un control a otro de una ventana, Ctrl+Tab de una pestaña a otra.</translation>
    </message>
</context>
<context>
    <name>SurveyTab</name>
    <message>
        <source>Surveys</source>
        <translation>Encuestas</translation>
    </message>
    <message>
        <source>No survey answered yet.</source>
        <translation>Aún no ha respondido ninguna encuesta.</translation>
    </message>
    <message numerus="yes">
        <source>Average per question, over %Ln survey(s)</source>
        <translation>
            <numerusform>Promedio por pregunta, en %Ln encuesta</numerusform>
            <numerusform>Promedio por pregunta, en %Ln encuestas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln answer(s), from %1 to %2</source>
        <translation>
            <numerusform>%Ln respuesta, de %1 a %2</numerusform>
            <numerusform>%Ln respuestas, de %1 a %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Average per question</source>
        <translation>Promedio por pregunta</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message numerus="yes">
        <source>Getting your clients… %Ln so far</source>
        <extracomment>Show the progress bar once a cycle has pulled this many events (a long first sync).</extracomment>
        <translation>
            <numerusform>Recibiendo tus clientes… %Ln hasta ahora</numerusform>
            <numerusform>Recibiendo tus clientes… %Ln hasta ahora</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (up to %2)</source>
        <translation>%1 (hasta el %2)</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>Synced %1 (%2)</source>
        <translation>Sincronizado %1 (%2)</translation>
    </message>
    <message>
        <source>Offline since %1 — changes will be sent when back online</source>
        <translation>Sin conexión desde las %1; los cambios se enviarán al volver</translation>
    </message>
    <message>
        <source>Offline — changes will be sent when back online</source>
        <translation>Sin conexión; los cambios se enviarán al volver</translation>
    </message>
    <message>
        <source>Sync failed: %1; will retry</source>
        <translation>Falló la sincronización: %1; se volverá a intentar</translation>
    </message>
    <message>
        <source>Sync failed; will retry</source>
        <translation>Falló la sincronización; se volverá a intentar</translation>
    </message>
    <message>
        <source>Access key refused — open Settings</source>
        <translation>Clave de acceso rechazada: abre Ajustes</translation>
    </message>
    <message>
        <source>Not connected to a server yet</source>
        <translation>Aún sin conexión con un servidor</translation>
    </message>
    <message>
        <source>Sync stopped</source>
        <translation>Sincronización detenida</translation>
    </message>
    <message>
        <source>Demo: never syncs</source>
        <translation>Datos de ejemplo: nunca se sincronizan</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Aún sin sincronizar</translation>
    </message>
    <message>
        <source>Sync problem: %1</source>
        <translation>Problema de sincronización: %1</translation>
    </message>
    <message>
        <source>Sync problem</source>
        <translation>Problema de sincronización</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Progreso de la sincronización</translation>
    </message>
    <message>
        <source>Changes not sent yet</source>
        <translation>Cambios sin enviar</translation>
    </message>
    <message numerus="yes">
        <source>%Ln update(s) received</source>
        <translation>
            <numerusform>%Ln actualización recibida</numerusform>
            <numerusform>%Ln actualizaciones recibidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln practice change(s), kept in the demo</source>
        <translation>
            <numerusform>%Ln cambio de prueba, guardado en los datos de ejemplo</numerusform>
            <numerusform>%Ln cambios de prueba, guardados en los datos de ejemplo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) not sent yet</source>
        <translation>
            <numerusform>%Ln cambio sin enviar</numerusform>
            <numerusform>%Ln cambios sin enviar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trying again in %n s; press F5 to try now.</source>
        <translation>
            <numerusform>Nuevo intento en %n s; pulsa F5 para intentarlo ya.</numerusform>
            <numerusform>Nuevo intento en %n s; pulsa F5 para intentarlo ya.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayNotices</name>
    <message numerus="yes">
        <source>%1: %n client(s) with unread messages</source>
        <extracomment>A notice about one client was clicked: open their profile (the contact id).</extracomment>
        <translation>
            <numerusform>%1: %n cliente con mensajes sin leer</numerusform>
            <numerusform>%1: %n clientes con mensajes sin leer</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: everything read</source>
        <translation>%1: todo leído</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to LeadDesk</source>
        <extracomment>The width of the text and of the two choices.</extracomment>
        <translation>Te damos la bienvenida a LeadDesk</translation>
    </message>
    <message>
        <source>Every person who writes to your company&apos;s WhatsApp number will appear here, with their conversation, meetings and where they are in the sale. How would you like to start?</source>
        <translation>Cada persona que escriba al número de WhatsApp de tu empresa aparecerá aquí, con su conversación, sus citas y en qué punto de la venta está. ¿Cómo quieres empezar?</translation>
    </message>
    <message>
        <source>Connect to your server</source>
        <translation>Conectar con tu servidor</translation>
    </message>
    <message>
        <source>Enter the server address and access key your administrator gave you. Your clients then appear here as they arrive.</source>
        <translation>Escribe la dirección del servidor y la clave de acceso que te dio tu administrador. Tus clientes aparecerán aquí a medida que lleguen.</translation>
    </message>
    <message>
        <source>Look around with demo data</source>
        <translation>Echar un vistazo con datos de ejemplo</translation>
    </message>
    <message>
        <source>Try LeadDesk on a few hundred made-up clients. Nothing is sent anywhere; you can leave the demo in Settings.</source>
        <translation>Prueba LeadDesk con unos cientos de clientes inventados. No se envía nada a ningún sitio; puedes salir de la demostración en Ajustes.</translation>
    </message>
</context>
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
        <extracomment>Names a PNG file to save the main window&apos;s off-screen picture in (to look at a bundle&apos;s window). Functions of ``leaddesk.paths`` whose first argument names a file under ``resources/``.</extracomment>
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
    <message>
        <source>ddd, MMM d, yyyy</source>
        <comment>date format with weekday and year</comment>
        <translation>ddd d MMM yyyy</translation>
    </message>
    <message>
        <source>MMM d, yyyy</source>
        <comment>date format with year</comment>
        <translation>d MMM yyyy</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>a date, then a time of day</comment>
        <translation>%1, %2</translation>
    </message>
</context>
</TS>
