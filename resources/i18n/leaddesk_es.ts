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
    <name>Chart</name>
    <message>
        <source>Nothing in this range</source>
        <extracomment>What a click on this bar means (e.g. a stage id); None: not clickable. The figure written at the bar&apos;s end; the value when empty. A second, quieter line under the label (e.g. &quot;reached 40 · 62% go on · 1.8 days&quot;). STACKED and AREA: the category labels along the bottom, and one series or more. Shown instead of the chart when there is nothing to draw.</extracomment>
        <translation>Nada en este periodo</translation>
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
        <extracomment>Rows fetched and formatted at a time: two screens. Formatting is the cost of a first paint, a sort and a search key (a phone through ``phonenumbers`` each), so a block is not much more than is seen. Unfiltered, the model first reads only the first block&apos;s rowids (the count is the cache&apos;s), and the rest of the order this long after (so the first screen paints without it). Anything that needs a row past the first block (scrolling, a sort, an update) reads it at once. A filter or search reads its whole order at once: counting its matches would be a second scan as long as the first. How often &quot;3 h ago&quot; is recomputed from the cached times (no query; only that column repaints). Formatted rows kept at most; past it the cache starts over (a screen needs a few dozen). Past this many separate runs of rows coming or going in one update, one reset is cheaper than the signals (the view then puts the selection back by contact id). The words of this module&apos;s texts in the translation catalogues. The column titles in English; :func:`column_title` gives them in the window&apos;s language.</extracomment>
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
        <extracomment>(clients shown, clients in the cache) after every (re)query. The rowids shown, as a set: kept from one update to the next (building it costs a pass). Rows shown; ``_rowids`` holds all of them once ``_complete``, the first block before. Ticks every minute so the &quot;Last activity&quot; ages keep up with the clock between syncs.</extracomment>
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
    <name>FilterBar</name>
    <message>
        <source>Search name or phone  (Ctrl+F)</source>
        <translation>Buscar nombre o teléfono  (Ctrl+F)</translation>
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
    <name>NameDelegate</name>
    <message>
        <source>⚠ conflict</source>
        <extracomment>An open edit conflict: the badge the profile&apos;s conflict notice matches.</extracomment>
        <translation>⚠ conflicto</translation>
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
    <message>
        <source>ddd, MMM d, yyyy, HH:mm</source>
        <comment>date and time format</comment>
        <translation>ddd d MMM yyyy, HH:mm</translation>
    </message>
</context>
</TS>
