<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es_CL">
    <context>
        <name>FirstSyncDialog</name>
        <message>
            <source>Primera sincronización</source>
            <translation>First sync</translation>
        </message>
        <message>
            <source>Descargando los datos de su trabajo para usarlos sin conexión.</source>
            <translation>Downloading the data of your work to use it offline.</translation>
        </message>
        <message>
            <source>Cancelando…</source>
            <translation>Cancelling…</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>{done} de {total}</source>
            <translation>{done} of {total}</translation>
        </message>
        <message>
            <source>Preparando…</source>
            <translation>Preparing…</translation>
        </message>
        <message>
            <source>Enviando los cambios de este equipo</source>
            <translation>Sending this device's changes</translation>
        </message>
        <message>
            <source>Recibiendo datos de la empresa</source>
            <translation>Receiving company data</translation>
        </message>
        <message>
            <source>Recibiendo datos de la instalación</source>
            <translation>Receiving site data</translation>
        </message>
        <message>
            <source>Recibiendo sus datos personales</source>
            <translation>Receiving your personal data</translation>
        </message>
        <message>
            <source>Subiendo fotos</source>
            <translation>Uploading photos</translation>
        </message>
        <message>
            <source>Sincronizando</source>
            <translation>Syncing</translation>
        </message>
    </context>
    <context>
        <name>IssuesInbox</name>
        <message>
            <source>Fecha</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Cambio</source>
            <translation>Change</translation>
        </message>
        <message>
            <source>Motivo</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Paso de bloqueo LOTO</source>
            <translation>LOTO lockout step</translation>
        </message>
        <message>
            <source>Solicitud de permiso de trabajo</source>
            <translation>Work permit request</translation>
        </message>
        <message>
            <source>Cambio de estado de un permiso</source>
            <translation>Permit status change</translation>
        </message>
        <message>
            <source>Entrada o salida en portería</source>
            <translation>Gate entry or exit</translation>
        </message>
        <message>
            <source>Firma de acuerdo de confidencialidad</source>
            <translation>NDA signature</translation>
        </message>
        <message>
            <source>Inicio de capacitación</source>
            <translation>Training started</translation>
        </message>
        <message>
            <source>Respuestas de evaluación</source>
            <translation>Quiz answers</translation>
        </message>
        <message>
            <source>Nota de entrega de turno</source>
            <translation>Shift handover note</translation>
        </message>
        <message>
            <source>Recepción de entrega de turno</source>
            <translation>Shift handover acknowledgement</translation>
        </message>
        <message>
            <source>Lectura ESG</source>
            <translation>ESG reading</translation>
        </message>
        <message>
            <source>Problemas de sincronización</source>
            <translation>Sync issues</translation>
        </message>
        <message>
            <source>No hay cambios rechazados por revisar.</source>
            <translation>No rejected changes to review.</translation>
        </message>
        <message>
            <source>Corrija la causa y reintente, o descarte el cambio si ya no corresponde.</source>
            <translation>Fix the cause and retry, or discard the change if it no longer applies.</translation>
        </message>
        <message>
            <source>Versión del servidor</source>
            <translation>Server's version</translation>
        </message>
        <message>
            <source>Reintentar</source>
            <translation>Retry</translation>
        </message>
        <message>
            <source>Descartar…</source>
            <translation>Discard…</translation>
        </message>
        <message>
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Motivo: {message} ({code})</source>
            <translation>Reason: {message} ({code})</translation>
        </message>
        <message>
            <source>El servidor no envió una versión de este registro.</source>
            <translation>The server sent no version of this record.</translation>
        </message>
        <message>
            <source>Descartar cambio</source>
            <translation>Discard change</translation>
        </message>
        <message>
            <source>¿Descartar «{change}»? El cambio se perderá y no se enviará de nuevo.</source>
            <translation>Discard “{change}”? The change will be lost and not sent again.</translation>
        </message>
    </context>
    <context>
        <name>LoginWindow</name>
        <message>
            <source>KER Field: iniciar sesión</source>
            <translation>KER Field: sign in</translation>
        </message>
        <message>
            <source>KER Field</source>
            <translation>KER Field</translation>
        </message>
        <message>
            <source>Inicie sesión para trabajar en terreno.</source>
            <translation>Sign in to work in the field.</translation>
        </message>
        <message>
            <source>Servidor</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>Usuario</source>
            <translation>User</translation>
        </message>
        <message>
            <source>Contraseña</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Conectando…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <source>Ingresar</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>Usuarios de demostración: toque uno para completar</source>
            <translation>Demo users: tap one to fill in</translation>
        </message>
        <message>
            <source>{name} · {role}</source>
            <translation>{name} · {role}</translation>
        </message>
        <message>
            <source>Error inesperado: {error}</source>
            <translation>Unexpected error: {error}</translation>
        </message>
        <message>
            <source>No se pudo conectar con el servidor.</source>
            <translation>Could not reach the server.</translation>
        </message>
        <message>
            <source>Usuario o contraseña incorrectos.</source>
            <translation>Wrong user or password.</translation>
        </message>
        <message>
            <source>El servidor rechazó el ingreso: {detail}</source>
            <translation>The server refused the sign-in: {detail}</translation>
        </message>
        <message>
            <source>Contraseña incorrecta para ingresar sin conexión.</source>
            <translation>Wrong password for offline sign-in.</translation>
        </message>
        <message>
            <source>Esta persona nunca inició sesión en este equipo: conéctese a la red para el primer ingreso.</source>
            <translation>This person never signed in on this device: connect to the network for the first sign-in.</translation>
        </message>
        <message>
            <source>Hace demasiado que este equipo no se conecta: conéctese a la red para volver a ingresar.</source>
            <translation>This device has been offline too long: connect to the network to sign in again.</translation>
        </message>
        <message>
            <source>Los permisos guardados en este equipo no son válidos: conéctese a la red para ingresar.</source>
            <translation>The permissions kept on this device are not valid: connect to the network to sign in.</translation>
        </message>
        <message>
            <source>Escriba su usuario y su contraseña.</source>
            <translation>Type your user and your password.</translation>
        </message>
        <message>
            <source>La dirección del servidor debe empezar con http:// o https://</source>
            <translation>The server address must start with http:// or https://</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Mis órdenes</source>
            <translation>My work orders</translation>
        </message>
        <message>
            <source>No tiene órdenes de trabajo abiertas.</source>
            <translation>You have no open work orders.</translation>
        </message>
        <message>
            <source>Mis bloqueos</source>
            <translation>My locks</translation>
        </message>
        <message>
            <source>No tiene candados puestos.</source>
            <translation>You have no locks on.</translation>
        </message>
        <message>
            <source>Bloqueos del equipo</source>
            <translation>Team locks</translation>
        </message>
        <message>
            <source>No hay candados puestos en esta instalación.</source>
            <translation>No locks are on at this site.</translation>
        </message>
        <message>
            <source>Equipos</source>
            <translation>Assets</translation>
        </message>
        <message>
            <source>Ningún equipo coincide con la búsqueda.</source>
            <translation>No asset matches the search.</translation>
        </message>
        <message>
            <source>Permisos por aprobar</source>
            <translation>Permits to approve</translation>
        </message>
        <message>
            <source>No hay permisos esperando su aprobación.</source>
            <translation>No permits are waiting for your approval.</translation>
        </message>
        <message>
            <source>Personas en planta</source>
            <translation>People on site</translation>
        </message>
        <message>
            <source>No hay visitas ni contratistas dentro.</source>
            <translation>No visitors or contractors are inside.</translation>
        </message>
        <message>
            <source>Mi capacitación</source>
            <translation>My training</translation>
        </message>
        <message>
            <source>No tiene capacitaciones asignadas.</source>
            <translation>You have no training assigned.</translation>
        </message>
        <message>
            <source>N.º</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>Trabajo</source>
            <translation>Work</translation>
        </message>
        <message>
            <source>Equipo</source>
            <translation>Asset</translation>
        </message>
        <message>
            <source>Riesgo</source>
            <translation>Risk</translation>
        </message>
        <message>
            <source>Candado</source>
            <translation>Lock</translation>
        </message>
        <message>
            <source>Punto de aislamiento</source>
            <translation>Isolation point</translation>
        </message>
        <message>
            <source>Desde</source>
            <translation>Since</translation>
        </message>
        <message>
            <source>Lo tiene</source>
            <translation>Held by</translation>
        </message>
        <message>
            <source>Código QR</source>
            <translation>QR code</translation>
        </message>
        <message>
            <source>Categoría</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Ubicación</source>
            <translation>Location</translation>
        </message>
        <message>
            <source>Orden</source>
            <translation>Work order</translation>
        </message>
        <message>
            <source>Solicitado por</source>
            <translation>Requested by</translation>
        </message>
        <message>
            <source>Válido hasta</source>
            <translation>Valid until</translation>
        </message>
        <message>
            <source>Nombre</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>RUT</source>
            <translation>RUT</translation>
        </message>
        <message>
            <source>Empresa</source>
            <translation>Company</translation>
        </message>
        <message>
            <source>Tipo</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Entró</source>
            <translation>Entered</translation>
        </message>
        <message>
            <source>Módulo</source>
            <translation>Module</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Puntaje</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Vence</source>
            <translation>Expires</translation>
        </message>
        <message>
            <source>KER Field</source>
            <translation>KER Field</translation>
        </message>
        <message>
            <source>Buscar por nombre, código QR, categoría o ubicación</source>
            <translation>Search by name, QR code, category or location</translation>
        </message>
        <message>
            <source>KER Field está bloqueado</source>
            <translation>KER Field is locked</translation>
        </message>
        <message>
            <source>{name}, escriba su contraseña para continuar.</source>
            <translation>{name}, type your password to continue.</translation>
        </message>
        <message>
            <source>Desbloquear</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <source>Salir (otra persona)</source>
            <translation>Log out (another person)</translation>
        </message>
        <message>
            <source>No se pudieron leer los datos: {error}</source>
            <translation>Could not read the data: {error}</translation>
        </message>
        <message>
            <source>La sincronización no se completó: {error}</source>
            <translation>The sync did not finish: {error}</translation>
        </message>
        <message>
            <source>Contraseña incorrecta.</source>
            <translation>Wrong password.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Ajustes</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Servidor</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>Idioma</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Cámara (número)</source>
            <translation>Camera (number)</translation>
        </message>
        <message>
            <source>Bloquear tras inactividad (minutos)</source>
            <translation>Lock after inactivity (minutes)</translation>
        </message>
        <message>
            <source>Carpeta de datos</source>
            <translation>Data folder</translation>
        </message>
        <message>
            <source>Guardar</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>StatusHeader</name>
        <message>
            <source>{name} · {role}</source>
            <translation>{name} · {role}</translation>
        </message>
        <message>
            <source>● En línea</source>
            <translation>● Online</translation>
        </message>
        <message>
            <source>● Sin conexión</source>
            <translation>● Offline</translation>
        </message>
        <message>
            <source>● Sincronizando…</source>
            <translation>● Syncing…</translation>
        </message>
        <message>
            <source>● Debe volver a iniciar sesión</source>
            <translation>● Sign in again</translation>
        </message>
        <message>
            <source>Pendientes: {count}</source>
            <translation>Pending: {count}</translation>
        </message>
        <message>
            <source>Última sincronización: {time}</source>
            <translation>Last sync: {time}</translation>
        </message>
        <message>
            <source>Última sincronización: nunca</source>
            <translation>Last sync: never</translation>
        </message>
        <message>
            <source>Problemas: {count}</source>
            <translation>Issues: {count}</translation>
        </message>
        <message>
            <source>Sincronizar</source>
            <translation>Sync</translation>
        </message>
        <message>
            <source>Ajustes</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Bloquear</source>
            <translation>Lock</translation>
        </message>
        <message>
            <source>Salir</source>
            <translation>Log out</translation>
        </message>
    </context>
</TS>
