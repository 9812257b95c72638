<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_CL" sourcelanguage="es_CL">
    <context>
        <name>FirstSyncDialog</name>
        <message>
            <source>Primera sincronización</source>
            <translation>Primera sincronización</translation>
        </message>
        <message>
            <source>Descargando los datos de su trabajo para usarlos sin conexión.</source>
            <translation>Descargando los datos de su trabajo para usarlos sin conexión.</translation>
        </message>
        <message>
            <source>Cancelando…</source>
            <translation>Cancelando…</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>{done} de {total}</source>
            <translation>{done} de {total}</translation>
        </message>
        <message>
            <source>Preparando…</source>
            <translation>Preparando…</translation>
        </message>
        <message>
            <source>Enviando los cambios de este equipo</source>
            <translation>Enviando los cambios de este equipo</translation>
        </message>
        <message>
            <source>Recibiendo datos de la empresa</source>
            <translation>Recibiendo datos de la empresa</translation>
        </message>
        <message>
            <source>Recibiendo datos de la instalación</source>
            <translation>Recibiendo datos de la instalación</translation>
        </message>
        <message>
            <source>Recibiendo sus datos personales</source>
            <translation>Recibiendo sus datos personales</translation>
        </message>
        <message>
            <source>Subiendo fotos</source>
            <translation>Subiendo fotos</translation>
        </message>
        <message>
            <source>Sincronizando</source>
            <translation>Sincronizando</translation>
        </message>
    </context>
    <context>
        <name>IssuesInbox</name>
        <message>
            <source>Fecha</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <source>Cambio</source>
            <translation>Cambio</translation>
        </message>
        <message>
            <source>Motivo</source>
            <translation>Motivo</translation>
        </message>
        <message>
            <source>Paso de bloqueo LOTO</source>
            <translation>Paso de bloqueo LOTO</translation>
        </message>
        <message>
            <source>Solicitud de permiso de trabajo</source>
            <translation>Solicitud de permiso de trabajo</translation>
        </message>
        <message>
            <source>Cambio de estado de un permiso</source>
            <translation>Cambio de estado de un permiso</translation>
        </message>
        <message>
            <source>Entrada o salida en portería</source>
            <translation>Entrada o salida en portería</translation>
        </message>
        <message>
            <source>Firma de acuerdo de confidencialidad</source>
            <translation>Firma de acuerdo de confidencialidad</translation>
        </message>
        <message>
            <source>Inicio de capacitación</source>
            <translation>Inicio de capacitación</translation>
        </message>
        <message>
            <source>Respuestas de evaluación</source>
            <translation>Respuestas de evaluación</translation>
        </message>
        <message>
            <source>Nota de entrega de turno</source>
            <translation>Nota de entrega de turno</translation>
        </message>
        <message>
            <source>Recepción de entrega de turno</source>
            <translation>Recepción de entrega de turno</translation>
        </message>
        <message>
            <source>Lectura ESG</source>
            <translation>Lectura ESG</translation>
        </message>
        <message>
            <source>Problemas de sincronización</source>
            <translation>Problemas de sincronización</translation>
        </message>
        <message>
            <source>No hay cambios rechazados por revisar.</source>
            <translation>No hay cambios rechazados por revisar.</translation>
        </message>
        <message>
            <source>Corrija la causa y reintente, o descarte el cambio si ya no corresponde.</source>
            <translation>Corrija la causa y reintente, o descarte el cambio si ya no corresponde.</translation>
        </message>
        <message>
            <source>Versión del servidor</source>
            <translation>Versión del servidor</translation>
        </message>
        <message>
            <source>Reintentar</source>
            <translation>Reintentar</translation>
        </message>
        <message>
            <source>Descartar…</source>
            <translation>Descartar…</translation>
        </message>
        <message>
            <source>Cerrar</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>Motivo: {message} ({code})</source>
            <translation>Motivo: {message} ({code})</translation>
        </message>
        <message>
            <source>El servidor no envió una versión de este registro.</source>
            <translation>El servidor no envió una versión de este registro.</translation>
        </message>
        <message>
            <source>Descartar cambio</source>
            <translation>Descartar cambio</translation>
        </message>
        <message>
            <source>¿Descartar «{change}»? El cambio se perderá y no se enviará de nuevo.</source>
            <translation>¿Descartar «{change}»? El cambio se perderá y no se enviará de nuevo.</translation>
        </message>
    </context>
    <context>
        <name>LoginWindow</name>
        <message>
            <source>KER Field: iniciar sesión</source>
            <translation>KER Field: iniciar sesión</translation>
        </message>
        <message>
            <source>KER Field</source>
            <translation>KER Field</translation>
        </message>
        <message>
            <source>Inicie sesión para trabajar en terreno.</source>
            <translation>Inicie sesión para trabajar en terreno.</translation>
        </message>
        <message>
            <source>Servidor</source>
            <translation>Servidor</translation>
        </message>
        <message>
            <source>Usuario</source>
            <translation>Usuario</translation>
        </message>
        <message>
            <source>Contraseña</source>
            <translation>Contraseña</translation>
        </message>
        <message>
            <source>Conectando…</source>
            <translation>Conectando…</translation>
        </message>
        <message>
            <source>Ingresar</source>
            <translation>Ingresar</translation>
        </message>
        <message>
            <source>Usuarios de demostración: toque uno para completar</source>
            <translation>Usuarios de demostración: toque uno para completar</translation>
        </message>
        <message>
            <source>{name} · {role}</source>
            <translation>{name} · {role}</translation>
        </message>
        <message>
            <source>Error inesperado: {error}</source>
            <translation>Error inesperado: {error}</translation>
        </message>
        <message>
            <source>No se pudo conectar con el servidor.</source>
            <translation>No se pudo conectar con el servidor.</translation>
        </message>
        <message>
            <source>Usuario o contraseña incorrectos.</source>
            <translation>Usuario o contraseña incorrectos.</translation>
        </message>
        <message>
            <source>El servidor rechazó el ingreso: {detail}</source>
            <translation>El servidor rechazó el ingreso: {detail}</translation>
        </message>
        <message>
            <source>Contraseña incorrecta para ingresar sin conexión.</source>
            <translation>Contraseña incorrecta para ingresar sin conexión.</translation>
        </message>
        <message>
            <source>Esta persona nunca inició sesión en este equipo: conéctese a la red para el primer ingreso.</source>
            <translation>Esta persona nunca inició sesión en este equipo: conéctese a la red para el primer ingreso.</translation>
        </message>
        <message>
            <source>Hace demasiado que este equipo no se conecta: conéctese a la red para volver a ingresar.</source>
            <translation>Hace demasiado que este equipo no se conecta: conéctese a la red para volver a ingresar.</translation>
        </message>
        <message>
            <source>Los permisos guardados en este equipo no son válidos: conéctese a la red para ingresar.</source>
            <translation>Los permisos guardados en este equipo no son válidos: conéctese a la red para ingresar.</translation>
        </message>
        <message>
            <source>Escriba su usuario y su contraseña.</source>
            <translation>Escriba su usuario y su contraseña.</translation>
        </message>
        <message>
            <source>La dirección del servidor debe empezar con http:// o https://</source>
            <translation>La dirección del servidor debe empezar con http:// o https://</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Mis órdenes</source>
            <translation>Mis órdenes</translation>
        </message>
        <message>
            <source>No tiene órdenes de trabajo abiertas.</source>
            <translation>No tiene órdenes de trabajo abiertas.</translation>
        </message>
        <message>
            <source>Mis bloqueos</source>
            <translation>Mis bloqueos</translation>
        </message>
        <message>
            <source>No tiene candados puestos.</source>
            <translation>No tiene candados puestos.</translation>
        </message>
        <message>
            <source>Bloqueos del equipo</source>
            <translation>Bloqueos del equipo</translation>
        </message>
        <message>
            <source>No hay candados puestos en esta instalación.</source>
            <translation>No hay candados puestos en esta instalación.</translation>
        </message>
        <message>
            <source>Equipos</source>
            <translation>Equipos</translation>
        </message>
        <message>
            <source>Ningún equipo coincide con la búsqueda.</source>
            <translation>Ningún equipo coincide con la búsqueda.</translation>
        </message>
        <message>
            <source>Permisos por aprobar</source>
            <translation>Permisos por aprobar</translation>
        </message>
        <message>
            <source>No hay permisos esperando su aprobación.</source>
            <translation>No hay permisos esperando su aprobación.</translation>
        </message>
        <message>
            <source>Personas en planta</source>
            <translation>Personas en planta</translation>
        </message>
        <message>
            <source>No hay visitas ni contratistas dentro.</source>
            <translation>No hay visitas ni contratistas dentro.</translation>
        </message>
        <message>
            <source>Mi capacitación</source>
            <translation>Mi capacitación</translation>
        </message>
        <message>
            <source>No tiene capacitaciones asignadas.</source>
            <translation>No tiene capacitaciones asignadas.</translation>
        </message>
        <message>
            <source>N.º</source>
            <translation>N.º</translation>
        </message>
        <message>
            <source>Trabajo</source>
            <translation>Trabajo</translation>
        </message>
        <message>
            <source>Equipo</source>
            <translation>Equipo</translation>
        </message>
        <message>
            <source>Riesgo</source>
            <translation>Riesgo</translation>
        </message>
        <message>
            <source>Candado</source>
            <translation>Candado</translation>
        </message>
        <message>
            <source>Punto de aislamiento</source>
            <translation>Punto de aislamiento</translation>
        </message>
        <message>
            <source>Desde</source>
            <translation>Desde</translation>
        </message>
        <message>
            <source>Lo tiene</source>
            <translation>Lo tiene</translation>
        </message>
        <message>
            <source>Código QR</source>
            <translation>Código QR</translation>
        </message>
        <message>
            <source>Categoría</source>
            <translation>Categoría</translation>
        </message>
        <message>
            <source>Ubicación</source>
            <translation>Ubicación</translation>
        </message>
        <message>
            <source>Orden</source>
            <translation>Orden</translation>
        </message>
        <message>
            <source>Solicitado por</source>
            <translation>Solicitado por</translation>
        </message>
        <message>
            <source>Válido hasta</source>
            <translation>Válido hasta</translation>
        </message>
        <message>
            <source>Nombre</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>RUT</source>
            <translation>RUT</translation>
        </message>
        <message>
            <source>Empresa</source>
            <translation>Empresa</translation>
        </message>
        <message>
            <source>Tipo</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Entró</source>
            <translation>Entró</translation>
        </message>
        <message>
            <source>Módulo</source>
            <translation>Módulo</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Puntaje</source>
            <translation>Puntaje</translation>
        </message>
        <message>
            <source>Vence</source>
            <translation>Vence</translation>
        </message>
        <message>
            <source>KER Field</source>
            <translation>KER Field</translation>
        </message>
        <message>
            <source>Buscar por nombre, código QR, categoría o ubicación</source>
            <translation>Buscar por nombre, código QR, categoría o ubicación</translation>
        </message>
        <message>
            <source>KER Field está bloqueado</source>
            <translation>KER Field está bloqueado</translation>
        </message>
        <message>
            <source>{name}, escriba su contraseña para continuar.</source>
            <translation>{name}, escriba su contraseña para continuar.</translation>
        </message>
        <message>
            <source>Desbloquear</source>
            <translation>Desbloquear</translation>
        </message>
        <message>
            <source>Salir (otra persona)</source>
            <translation>Salir (otra persona)</translation>
        </message>
        <message>
            <source>No se pudieron leer los datos: {error}</source>
            <translation>No se pudieron leer los datos: {error}</translation>
        </message>
        <message>
            <source>La sincronización no se completó: {error}</source>
            <translation>La sincronización no se completó: {error}</translation>
        </message>
        <message>
            <source>Contraseña incorrecta.</source>
            <translation>Contraseña incorrecta.</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Ajustes</source>
            <translation>Ajustes</translation>
        </message>
        <message>
            <source>Servidor</source>
            <translation>Servidor</translation>
        </message>
        <message>
            <source>Idioma</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <source>Cámara (número)</source>
            <translation>Cámara (número)</translation>
        </message>
        <message>
            <source>Bloquear tras inactividad (minutos)</source>
            <translation>Bloquear tras inactividad (minutos)</translation>
        </message>
        <message>
            <source>Carpeta de datos</source>
            <translation>Carpeta de datos</translation>
        </message>
        <message>
            <source>Guardar</source>
            <translation>Guardar</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancelar</translation>
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
            <translation>● En línea</translation>
        </message>
        <message>
            <source>● Sin conexión</source>
            <translation>● Sin conexión</translation>
        </message>
        <message>
            <source>● Sincronizando…</source>
            <translation>● Sincronizando…</translation>
        </message>
        <message>
            <source>● Debe volver a iniciar sesión</source>
            <translation>● Debe volver a iniciar sesión</translation>
        </message>
        <message>
            <source>Pendientes: {count}</source>
            <translation>Pendientes: {count}</translation>
        </message>
        <message>
            <source>Última sincronización: {time}</source>
            <translation>Última sincronización: {time}</translation>
        </message>
        <message>
            <source>Última sincronización: nunca</source>
            <translation>Última sincronización: nunca</translation>
        </message>
        <message>
            <source>Problemas: {count}</source>
            <translation>Problemas: {count}</translation>
        </message>
        <message>
            <source>Sincronizar</source>
            <translation>Sincronizar</translation>
        </message>
        <message>
            <source>Ajustes</source>
            <translation>Ajustes</translation>
        </message>
        <message>
            <source>Bloquear</source>
            <translation>Bloquear</translation>
        </message>
        <message>
            <source>Salir</source>
            <translation>Salir</translation>
        </message>
    </context>
</TS>
