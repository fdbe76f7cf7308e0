<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
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
    <name>MainWindow</name>
    <message>
        <source>LeadDesk — Demo</source>
        <extracomment>Set when the user chose &quot;Leave the demo&quot;: the window closes and the real database opens.
----------
Enter or a double-click on a client: open its profile (the contact id). &quot;Sync now&quot; (toolbar, menu, F5, the empty state&apos;s button). &quot;Settings…&quot; (menu, Ctrl+, the empty state&apos;s button). &quot;Search all conversations…&quot; (menu, Ctrl+Shift+F).</extracomment>
        <translation>LeadDesk — Datos de ejemplo</translation>
    </message>
    <message numerus="yes">
        <source>%Ln client(s)</source>
        <extracomment>Bump when the columns change, so an old saved header state is not applied to new columns. 2: the Name column stretches (it gives way first in a narrow window). How long &quot;Set 12 clients to Pending — Undo&quot; stays offered.</extracomment>
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
    <name>NoticeBar</name>
    <message>
        <source>Hide this notice</source>
        <translation>Ocultar este aviso</translation>
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
    <name>SyncStatusWidget</name>
    <message numerus="yes">
        <source>Trying again in %n s; press F5 to try now.</source>
        <translation>
            <numerusform>Nuevo intento en %n s; pulsa F5 para intentarlo ya.</numerusform>
            <numerusform>Nuevo intento en %n s; pulsa F5 para intentarlo ya.</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing…</source>
        <extracomment>Show the progress bar once a cycle has pulled this many events (a long first sync).</extracomment>
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
        <source>Not connected — open Settings</source>
        <translation>Sin conectar: abre Ajustes</translation>
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
    <message numerus="yes">
        <source>%Ln update(s) received</source>
        <translation>
            <numerusform>%Ln actualización recibida</numerusform>
            <numerusform>%Ln actualizaciones recibidas</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Progreso de la sincronización</translation>
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
        <source>Changes not sent yet</source>
        <translation>Cambios sin enviar</translation>
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
</context>
</TS>
