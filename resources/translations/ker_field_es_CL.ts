<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_CL" sourcelanguage="es_CL">
    <context>
        <name>AnomaliesDialog</name>
        <message>
            <source>Anomalías de portería</source>
            <translation>Anomalías de portería</translation>
        </message>
        <message>
            <source>Doble ingreso: {name} entró por {gates} con la misma invitación sin salida entre ambos ingresos ({time}).</source>
            <translation>Doble ingreso: {name} entró por {gates} con la misma invitación sin salida entre ambos ingresos ({time}).</translation>
        </message>
        <message>
            <source>Qué comprobó (p. ej.: eran dos vehículos de la misma empresa)</source>
            <translation>Qué comprobó (p. ej.: eran dos vehículos de la misma empresa)</translation>
        </message>
        <message>
            <source>Marcar revisada</source>
            <translation>Marcar revisada</translation>
        </message>
        <message>
            <source>Cerrar</source>
            <translation>Cerrar</translation>
        </message>
    </context>
    <context>
        <name>AuditPage</name>
        <message>
            <source>Norma</source>
            <translation>Norma</translation>
        </message>
        <message>
            <source>Auditoría</source>
            <translation>Auditoría</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Avance</source>
            <translation>Avance</translation>
        </message>
        <message>
            <source>Puntaje</source>
            <translation>Puntaje</translation>
        </message>
        <message>
            <source>Hallazgos</source>
            <translation>Hallazgos</translation>
        </message>
        <message>
            <source>Fecha</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <source>Ítem</source>
            <translation>Ítem</translation>
        </message>
        <message>
            <source>Resultado</source>
            <translation>Resultado</translation>
        </message>
        <message>
            <source>Auditorías de la instalación</source>
            <translation>Auditorías de la instalación</translation>
        </message>
        <message>
            <source>Comenzar auditoría</source>
            <translation>Comenzar auditoría</translation>
        </message>
        <message>
            <source>Aún no hay auditorías en esta instalación.</source>
            <translation>Aún no hay auditorías en esta instalación.</translation>
        </message>
        <message>
            <source>← Auditorías</source>
            <translation>← Auditorías</translation>
        </message>
        <message>
            <source>✔ Cumple</source>
            <translation>✔ Cumple</translation>
        </message>
        <message>
            <source>✘ No cumple</source>
            <translation>✘ No cumple</translation>
        </message>
        <message>
            <source>No aplica</source>
            <translation>No aplica</translation>
        </message>
        <message>
            <source>Severidad</source>
            <translation>Severidad</translation>
        </message>
        <message>
            <source>Abrir orden correctiva</source>
            <translation>Abrir orden correctiva</translation>
        </message>
        <message>
            <source>Nota (qué se observó)</source>
            <translation>Nota (qué se observó)</translation>
        </message>
        <message>
            <source>Describa lo observado</source>
            <translation>Describa lo observado</translation>
        </message>
        <message>
            <source>Tomar foto</source>
            <translation>Tomar foto</translation>
        </message>
        <message>
            <source>Guardar y siguiente</source>
            <translation>Guardar y siguiente</translation>
        </message>
        <message>
            <source>Terminar auditoría</source>
            <translation>Terminar auditoría</translation>
        </message>
        <message>
            <source>Informe PDF</source>
            <translation>Informe PDF</translation>
        </message>
        <message>
            <source> (ponderado)</source>
            <translation> (ponderado)</translation>
        </message>
        <message>
            <source>Puntaje{weighted}: {score} · Cumple {passed} · No cumple {failed} · No aplica {na} · Faltan {left} · {status}</source>
            <translation>Puntaje{weighted}: {score} · Cumple {passed} · No cumple {failed} · No aplica {na} · Faltan {left} · {status}</translation>
        </message>
        <message>
            <source>Órdenes correctivas abiertas: {numbers}</source>
            <translation>Órdenes correctivas abiertas: {numbers}</translation>
        </message>
        <message>
            <source>peso {weight}</source>
            <translation>peso {weight}</translation>
        </message>
        <message>
            <source>{count} fotos</source>
            <translation>{count} fotos</translation>
        </message>
        <message>
            <source>Elija Cumple, No cumple o No aplica.</source>
            <translation>Elija Cumple, No cumple o No aplica.</translation>
        </message>
        <message>
            <source>Guardado en el equipo</source>
            <translation>Guardado en el equipo</translation>
        </message>
        <message>
            <source>No se pudo guardar: {error}</source>
            <translation>No se pudo guardar: {error}</translation>
        </message>
        <message>
            <source>Responda el ítem antes de adjuntar fotos.</source>
            <translation>Responda el ítem antes de adjuntar fotos.</translation>
        </message>
        <message>
            <source>Auditoría terminada con puntaje {score}. Se enviará al sincronizar.</source>
            <translation>Auditoría terminada con puntaje {score}. Se enviará al sincronizar.</translation>
        </message>
        <message>
            <source>Informe guardado en {path}</source>
            <translation>Informe guardado en {path}</translation>
        </message>
    </context>
    <context>
        <name>CameraView</name>
        <message>
            <source>No se encontró la cámara. Conéctela o revise el número de cámara en Ajustes.</source>
            <translation>No se encontró la cámara. Conéctela o revise el número de cámara en Ajustes.</translation>
        </message>
        <message>
            <source>La cámara está ocupada por otro programa o no entrega imágenes. Ciérrelo e intente de nuevo.</source>
            <translation>La cámara está ocupada por otro programa o no entrega imágenes. Ciérrelo e intente de nuevo.</translation>
        </message>
        <message>
            <source>No se encontró el archivo de imágenes configurado como cámara.</source>
            <translation>No se encontró el archivo de imágenes configurado como cámara.</translation>
        </message>
        <message>
            <source>La imagen o el video de la cámara está dañado o incompleto.</source>
            <translation>La imagen o el video de la cámara está dañado o incompleto.</translation>
        </message>
        <message>
            <source>La cámara configurada no es válida: use «camera:N» o «file:RUTA» en Ajustes.</source>
            <translation>La cámara configurada no es válida: use «camera:N» o «file:RUTA» en Ajustes.</translation>
        </message>
        <message>
            <source>Las fotos de evidencia deben tomarse con la cámara en vivo.</source>
            <translation>Las fotos de evidencia deben tomarse con la cámara en vivo.</translation>
        </message>
        <message>
            <source>El lector pyzbar no está disponible en este equipo (falta libzbar); se usa zxing-cpp.</source>
            <translation>El lector pyzbar no está disponible en este equipo (falta libzbar); se usa zxing-cpp.</translation>
        </message>
        <message>
            <source>La cámara falló: {detail}</source>
            <translation>La cámara falló: {detail}</translation>
        </message>
        <message>
            <source>Abriendo la cámara…</source>
            <translation>Abriendo la cámara…</translation>
        </message>
        <message>
            <source>Cámara detenida</source>
            <translation>Cámara detenida</translation>
        </message>
        <message>
            <source>{fps:.0f} imágenes/s</source>
            <translation>{fps:.0f} imágenes/s</translation>
        </message>
    </context>
    <context>
        <name>CertificatePane</name>
        <message>
            <source>← Volver</source>
            <translation>← Volver</translation>
        </message>
        <message>
            <source>Descargar certificado</source>
            <translation>Descargar certificado</translation>
        </message>
        <message>
            <source>Escanee el código para verificar el certificado.</source>
            <translation>Escanee el código para verificar el certificado.</translation>
        </message>
        <message>
            <source>Certificado {number}</source>
            <translation>Certificado {number}</translation>
        </message>
        <message>
            <source>{person}
{module}
Emitido: {issued}
Vence: {expires}</source>
            <translation>{person}
{module}
Emitido: {issued}
Vence: {expires}</translation>
        </message>
        <message>
            <source>VENCIDO: no habilita bloqueos en esta categoría.</source>
            <translation>VENCIDO: no habilita bloqueos en esta categoría.</translation>
        </message>
        <message>
            <source>VIGENTE</source>
            <translation>VIGENTE</translation>
        </message>
        <message>
            <source>El PDF del certificado aún no está en este equipo: se descarga con la próxima conexión.</source>
            <translation>El PDF del certificado aún no está en este equipo: se descarga con la próxima conexión.</translation>
        </message>
    </context>
    <context>
        <name>CosignDialog</name>
        <message>
            <source>Aprobación con firma de supervisor</source>
            <translation>Aprobación con firma de supervisor</translation>
        </message>
        <message>
            <source>Firma de otro supervisor en este equipo</source>
            <translation>Firma de otro supervisor en este equipo</translation>
        </message>
        <message>
            <source>Permiso {ticket} · riesgo {level}. Un supervisor distinto de quien lo solicitó ({requester}) escribe aquí su usuario y contraseña. Quedará registrado como aprobado por esa persona en el equipo de {session}.</source>
            <translation>Permiso {ticket} · riesgo {level}. Un supervisor distinto de quien lo solicitó ({requester}) escribe aquí su usuario y contraseña. Quedará registrado como aprobado por esa persona en el equipo de {session}.</translation>
        </message>
        <message>
            <source>Usuario del supervisor</source>
            <translation>Usuario del supervisor</translation>
        </message>
        <message>
            <source>Contraseña</source>
            <translation>Contraseña</translation>
        </message>
        <message>
            <source>Firmar y aprobar</source>
            <translation>Firmar y aprobar</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Verificando…</source>
            <translation>Verificando…</translation>
        </message>
        <message>
            <source>Escriba usuario y contraseña.</source>
            <translation>Escriba usuario y contraseña.</translation>
        </message>
    </context>
    <context>
        <name>EsgPage</name>
        <message>
            <source>Período</source>
            <translation>Período</translation>
        </message>
        <message>
            <source>Recurso</source>
            <translation>Recurso</translation>
        </message>
        <message>
            <source>Cantidad</source>
            <translation>Cantidad</translation>
        </message>
        <message>
            <source>kg CO2e</source>
            <translation>kg CO2e</translation>
        </message>
        <message>
            <source>Alcance</source>
            <translation>Alcance</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>por enviar</source>
            <translation>por enviar</translation>
        </message>
        <message>
            <source>sincronizada</source>
            <translation>sincronizada</translation>
        </message>
        <message>
            <source>Registrar lectura</source>
            <translation>Registrar lectura</translation>
        </message>
        <message>
            <source>Panel del sitio</source>
            <translation>Panel del sitio</translation>
        </message>
        <message>
            <source>Mes</source>
            <translation>Mes</translation>
        </message>
        <message>
            <source>Lectura del medidor</source>
            <translation>Lectura del medidor</translation>
        </message>
        <message>
            <source>Sí, la lectura es correcta</source>
            <translation>Sí, la lectura es correcta</translation>
        </message>
        <message>
            <source>Últimas lecturas del sitio</source>
            <translation>Últimas lecturas del sitio</translation>
        </message>
        <message>
            <source>Exportar CSV</source>
            <translation>Exportar CSV</translation>
        </message>
        <message>
            <source>No se pudo leer los datos: {error}</source>
            <translation>No se pudo leer los datos: {error}</translation>
        </message>
        <message>
            <source>Factor: {factor} kg CO2e por {unit} · {scope}</source>
            <translation>Factor: {factor} kg CO2e por {unit} · {scope}</translation>
        </message>
        <message>
            <source>Elija el recurso medido.</source>
            <translation>Elija el recurso medido.</translation>
        </message>
        <message>
            <source>Ingrese la cantidad como número, por ejemplo 10000,5.</source>
            <translation>Ingrese la cantidad como número, por ejemplo 10000,5.</translation>
        </message>
        <message>
            <source>Lectura registrada: {kg} kg CO2e ({scope}). Se enviará al sincronizar.</source>
            <translation>Lectura registrada: {kg} kg CO2e ({scope}). Se enviará al sincronizar.</translation>
        </message>
        <message>
            <source>No se pudo registrar la lectura: {error}</source>
            <translation>No se pudo registrar la lectura: {error}</translation>
        </message>
        <message>
            <source>Emisiones por alcance y mes (kg CO2e)</source>
            <translation>Emisiones por alcance y mes (kg CO2e)</translation>
        </message>
        <message>
            <source>Acumulado {year} frente a {baseline} y la meta (kg CO2e)</source>
            <translation>Acumulado {year} frente a {baseline} y la meta (kg CO2e)</translation>
        </message>
        <message>
            <source>Por alcance</source>
            <translation>Por alcance</translation>
        </message>
        <message>
            <source>Meta de reducción</source>
            <translation>Meta de reducción</translation>
        </message>
        <message>
            <source>{site}: emisiones {year}</source>
            <translation>{site}: emisiones {year}</translation>
        </message>
        <message>
            <source>Total {year}: {total} kg CO2e</source>
            <translation>Total {year}: {total} kg CO2e</translation>
        </message>
        <message>
            <source>No hay meta de reducción para {year}.</source>
            <translation>No hay meta de reducción para {year}.</translation>
        </message>
        <message>
            <source>Meta −{pct} %</source>
            <translation>Meta −{pct} %</translation>
        </message>
        <message>
            <source>Meta {year}: reducir {pct} % respecto de {baseline}</source>
            <translation>Meta {year}: reducir {pct} % respecto de {baseline}</translation>
        </message>
        <message>
            <source>en camino</source>
            <translation>en camino</translation>
        </message>
        <message>
            <source>bajo la meta</source>
            <translation>bajo la meta</translation>
        </message>
        <message>
            <source>Meses comparados: {months}</source>
            <translation>Meses comparados: {months}</translation>
        </message>
        <message>
            <source>{year}: {kg} kg CO2e</source>
            <translation>{year}: {kg} kg CO2e</translation>
        </message>
        <message>
            <source>{baseline} (mismos meses): {kg} kg CO2e</source>
            <translation>{baseline} (mismos meses): {kg} kg CO2e</translation>
        </message>
        <message>
            <source>Reducción lograda: {reduction} % ({state})</source>
            <translation>Reducción lograda: {reduction} % ({state})</translation>
        </message>
        <message>
            <source>{value} % de la meta</source>
            <translation>{value} % de la meta</translation>
        </message>
        <message>
            <source>mes</source>
            <translation>mes</translation>
        </message>
        <message>
            <source>total (kg CO2e)</source>
            <translation>total (kg CO2e)</translation>
        </message>
        <message>
            <source>base acumulada (kg CO2e)</source>
            <translation>base acumulada (kg CO2e)</translation>
        </message>
        <message>
            <source>meta acumulada (kg CO2e)</source>
            <translation>meta acumulada (kg CO2e)</translation>
        </message>
        <message>
            <source>real acumulado (kg CO2e)</source>
            <translation>real acumulado (kg CO2e)</translation>
        </message>
        <message>
            <source>CSV guardado en {path}</source>
            <translation>CSV guardado en {path}</translation>
        </message>
        <message>
            <source>No se pudo guardar el CSV: {error}</source>
            <translation>No se pudo guardar el CSV: {error}</translation>
        </message>
    </context>
    <context>
        <name>ExpectedDialog</name>
        <message>
            <source>Esperados ahora</source>
            <translation>Esperados ahora</translation>
        </message>
        <message>
            <source>{time} · {name} ({company}) · {kind} · visita a {host}</source>
            <translation>{time} · {name} ({company}) · {kind} · visita a {host}</translation>
        </message>
        <message>
            <source>No hay invitaciones vigentes por llegar.</source>
            <translation>No hay invitaciones vigentes por llegar.</translation>
        </message>
        <message>
            <source>Dejar pasar</source>
            <translation>Dejar pasar</translation>
        </message>
        <message>
            <source>Cerrar</source>
            <translation>Cerrar</translation>
        </message>
    </context>
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
        <name>GatePage</name>
        <message>
            <source>Entrada</source>
            <translation>Entrada</translation>
        </message>
        <message>
            <source>Salida</source>
            <translation>Salida</translation>
        </message>
        <message>
            <source>Visita sin invitación</source>
            <translation>Visita sin invitación</translation>
        </message>
        <message>
            <source>Esperados</source>
            <translation>Esperados</translation>
        </message>
        <message>
            <source>Escanee el QR o escriba el código de la invitación</source>
            <translation>Escanee el QR o escriba el código de la invitación</translation>
        </message>
        <message>
            <source>Verificar</source>
            <translation>Verificar</translation>
        </message>
        <message>
            <source>Firmar acuerdo</source>
            <translation>Firmar acuerdo</translation>
        </message>
        <message>
            <source>Registrar salida</source>
            <translation>Registrar salida</translation>
        </message>
        <message>
            <source>Anomalías: {count}</source>
            <translation>Anomalías: {count}</translation>
        </message>
        <message>
            <source>Portería principal</source>
            <translation>Portería principal</translation>
        </message>
        <message>
            <source>Listo para escanear</source>
            <translation>Listo para escanear</translation>
        </message>
        <message>
            <source>Muestre el código QR de la invitación a la cámara o escríbalo abajo.</source>
            <translation>Muestre el código QR de la invitación a la cámara o escríbalo abajo.</translation>
        </message>
        <message>
            <source>ADELANTE: entrada registrada</source>
            <translation>ADELANTE: entrada registrada</translation>
        </message>
        <message>
            <source>SALIDA registrada</source>
            <translation>SALIDA registrada</translation>
        </message>
        <message>
            <source>FALTA FIRMAR EL ACUERDO</source>
            <translation>FALTA FIRMAR EL ACUERDO</translation>
        </message>
        <message>
            <source>NO PASA</source>
            <translation>NO PASA</translation>
        </message>
        <message>
            <source>no se exige</source>
            <translation>no se exige</translation>
        </message>
        <message>
            <source>firmado y vigente</source>
            <translation>firmado y vigente</translation>
        </message>
        <message>
            <source>falta firmar</source>
            <translation>falta firmar</translation>
        </message>
        <message>
            <source>Anfitrión: {host}</source>
            <translation>Anfitrión: {host}</translation>
        </message>
        <message>
            <source>Acceso: {kind}</source>
            <translation>Acceso: {kind}</translation>
        </message>
        <message>
            <source>Acuerdo de confidencialidad: {state}</source>
            <translation>Acuerdo de confidencialidad: {state}</translation>
        </message>
        <message>
            <source>No se pudo registrar: {error}</source>
            <translation>No se pudo registrar: {error}</translation>
        </message>
        <message>
            <source>Foto tomada ✓</source>
            <translation>Foto tomada ✓</translation>
        </message>
    </context>
    <context>
        <name>HandbackDialog</name>
        <message>
            <source>Cerrar permiso</source>
            <translation>Cerrar permiso</translation>
        </message>
        <message>
            <source>¿En qué estado se entrega el equipo de {ticket}?</source>
            <translation>¿En qué estado se entrega el equipo de {ticket}?</translation>
        </message>
        <message>
            <source>Devuelto a operación (probado, protecciones puestas)</source>
            <translation>Devuelto a operación (probado, protecciones puestas)</translation>
        </message>
        <message>
            <source>Sigue aislado (trabajo pendiente, bloqueos en su lugar)</source>
            <translation>Sigue aislado (trabajo pendiente, bloqueos en su lugar)</translation>
        </message>
        <message>
            <source>Fuera de servicio (falla, etiquetado)</source>
            <translation>Fuera de servicio (falla, etiquetado)</translation>
        </message>
        <message>
            <source>Observación (opcional)</source>
            <translation>Observación (opcional)</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Elija el estado en que queda el equipo.</source>
            <translation>Elija el estado en que queda el equipo.</translation>
        </message>
    </context>
    <context>
        <name>HandoverPage</name>
        <message>
            <source>Turno por recibir</source>
            <translation>Turno por recibir</translation>
        </message>
        <message>
            <source>No hay entregas de turno pendientes.</source>
            <translation>No hay entregas de turno pendientes.</translation>
        </message>
        <message>
            <source>Entregar mi turno</source>
            <translation>Entregar mi turno</translation>
        </message>
        <message>
            <source>Novedades del turno para quien llega</source>
            <translation>Novedades del turno para quien llega</translation>
        </message>
        <message>
            <source>Pendientes marcados (siguen al próximo turno; desmarque los que ya resolvió):</source>
            <translation>Pendientes marcados (siguen al próximo turno; desmarque los que ya resolvió):</translation>
        </message>
        <message>
            <source>Nuevo pendiente</source>
            <translation>Nuevo pendiente</translation>
        </message>
        <message>
            <source>Agregar</source>
            <translation>Agregar</translation>
        </message>
        <message>
            <source>Entregar turno</source>
            <translation>Entregar turno</translation>
        </message>
        <message>
            <source>Estado actual: {people} personas en planta · {locks} bloqueos activos · {permits} permisos abiertos</source>
            <translation>Estado actual: {people} personas en planta · {locks} bloqueos activos · {permits} permisos abiertos</translation>
        </message>
        <message>
            <source>De {name}, {time}</source>
            <translation>De {name}, {time}</translation>
        </message>
        <message>
            <source>Pendientes: {items}</source>
            <translation>Pendientes: {items}</translation>
        </message>
        <message>
            <source>Recibir turno</source>
            <translation>Recibir turno</translation>
        </message>
        <message>
            <source>Turno entregado: {summary}</source>
            <translation>Turno entregado: {summary}</translation>
        </message>
        <message>
            <source>Turno recibido.</source>
            <translation>Turno recibido.</translation>
        </message>
        <message>
            <source>No se pudo completar: {error}</source>
            <translation>No se pudo completar: {error}</translation>
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
            <source>Revisión de anomalía de portería</source>
            <translation>Revisión de anomalía de portería</translation>
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
        <name>Journeys</name>
        <message>
            <source>Auditorías</source>
            <translation>Auditorías</translation>
        </message>
        <message>
            <source>Energía y emisiones</source>
            <translation>Energía y emisiones</translation>
        </message>
        <message>
            <source>Portería</source>
            <translation>Portería</translation>
        </message>
        <message>
            <source>Pasar lista</source>
            <translation>Pasar lista</translation>
        </message>
        <message>
            <source>Entrega de turno</source>
            <translation>Entrega de turno</translation>
        </message>
        <message>
            <source>Bloqueo LOTO</source>
            <translation>Bloqueo LOTO</translation>
        </message>
        <message>
            <source>Permisos de trabajo</source>
            <translation>Permisos de trabajo</translation>
        </message>
        <message>
            <source>Mi capacitación</source>
            <translation>Mi capacitación</translation>
        </message>
        <message>
            <source>Matriz de capacitación</source>
            <translation>Matriz de capacitación</translation>
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
        <message>
            <source>Iniciando el servidor de demostración…</source>
            <translation>Iniciando el servidor de demostración…</translation>
        </message>
        <message>
            <source>El servidor de demostración no partió: {error}</source>
            <translation>El servidor de demostración no partió: {error}</translation>
        </message>
        <message>
            <source>No se pudo abrir la base de datos de este equipo: {error}</source>
            <translation>No se pudo abrir la base de datos de este equipo: {error}</translation>
        </message>
    </context>
    <context>
        <name>LotoPage</name>
        <message>
            <source>El código «{code}» no corresponde a un equipo de esta instalación.</source>
            <translation>El código «{code}» no corresponde a un equipo de esta instalación.</translation>
        </message>
        <message>
            <source>La foto no está en este dispositivo: tómela de nuevo.</source>
            <translation>La foto no está en este dispositivo: tómela de nuevo.</translation>
        </message>
        <message>
            <source>No se pudo guardar: {error}</source>
            <translation>No se pudo guardar: {error}</translation>
        </message>
        <message>
            <source>No se pudo completar: {error}</source>
            <translation>No se pudo completar: {error}</translation>
        </message>
        <message>
            <source>Ningún equipo de esta instalación coincide con «{text}».</source>
            <translation>Ningún equipo de esta instalación coincide con «{text}».</translation>
        </message>
        <message>
            <source>Candado {serial} leído.</source>
            <translation>Candado {serial} leído.</translation>
        </message>
        <message>
            <source>Categoría: {category}</source>
            <translation>Categoría: {category}</translation>
        </message>
        <message>
            <source>Ubicación: {location}</source>
            <translation>Ubicación: {location}</translation>
        </message>
        <message>
            <source>Procedimiento {code} rev. {revision}: {title}</source>
            <translation>Procedimiento {code} rev. {revision}: {title}</translation>
        </message>
        <message>
            <source>Sin orden de trabajo</source>
            <translation>Sin orden de trabajo</translation>
        </message>
        <message>
            <source>sin permiso</source>
            <translation>sin permiso</translation>
        </message>
        <message>
            <source>{number} · {title} · riesgo {risk} · permiso: {permit}</source>
            <translation>{number} · {title} · riesgo {risk} · permiso: {permit}</translation>
        </message>
        <message>
            <source>Registro del último bloqueo (terminado)</source>
            <translation>Registro del último bloqueo (terminado)</translation>
        </message>
        <message>
            <source>{serial} puesto</source>
            <translation>{serial} puesto</translation>
        </message>
        <message>
            <source>sin candado</source>
            <translation>sin candado</translation>
        </message>
        <message>
            <source>Capacitación vigente para equipos de categoría {category}.</source>
            <translation>Capacitación vigente para equipos de categoría {category}.</translation>
        </message>
        <message>
            <source>Permiso de trabajo: no se requiere para esta orden o está activo y aprobado.</source>
            <translation>Permiso de trabajo: no se requiere para esta orden o está activo y aprobado.</translation>
        </message>
        <message>
            <source>Sin orden de trabajo: no se exige permiso.</source>
            <translation>Sin orden de trabajo: no se exige permiso.</translation>
        </message>
        <message>
            <source>Procedimiento inspeccionado en los últimos 12 meses (última: {date}).</source>
            <translation>Procedimiento inspeccionado en los últimos 12 meses (última: {date}).</translation>
        </message>
        <message>
            <source>{mark} Candado {serial} · {who}</source>
            <translation>{mark} Candado {serial} · {who}</translation>
        </message>
        <message>
            <source> · evidencia pendiente</source>
            <translation> · evidencia pendiente</translation>
        </message>
        <message>
            <source>Escanee o escriba el candado</source>
            <translation>Escanee o escriba el candado</translation>
        </message>
        <message>
            <source>Foto ✔</source>
            <translation>Foto ✔</translation>
        </message>
        <message>
            <source>Tomar foto</source>
            <translation>Tomar foto</translation>
        </message>
        <message>
            <source>Poner candado</source>
            <translation>Poner candado</translation>
        </message>
        <message>
            <source>Empiece avisando a las personas afectadas.</source>
            <translation>Empiece avisando a las personas afectadas.</translation>
        </message>
        <message>
            <source>✔ Puede empezar a trabajar: equipo aislado y verificado.</source>
            <translation>✔ Puede empezar a trabajar: equipo aislado y verificado.</translation>
        </message>
        <message>
            <source>Aún no puede trabajar: {reason}</source>
            <translation>Aún no puede trabajar: {reason}</translation>
        </message>
        <message>
            <source>{serial} en {point} · lo tiene {who}</source>
            <translation>{serial} en {point} · lo tiene {who}</translation>
        </message>
        <message>
            <source>Retirar</source>
            <translation>Retirar</translation>
        </message>
        <message>
            <source>Retiro por excepción</source>
            <translation>Retiro por excepción</translation>
        </message>
        <message>
            <source>Caja de bloqueo grupal {serial} · responsable: {who} · {count} candados personales</source>
            <translation>Caja de bloqueo grupal {serial} · responsable: {who} · {count} candados personales</translation>
        </message>
        <message>
            <source>Sin caja de bloqueo grupal.</source>
            <translation>Sin caja de bloqueo grupal.</translation>
        </message>
        <message>
            <source>Candado personal {serial} · {who}</source>
            <translation>Candado personal {serial} · {who}</translation>
        </message>
        <message>
            <source>Retirar mi candado personal</source>
            <translation>Retirar mi candado personal</translation>
        </message>
        <message>
            <source>evidencia pendiente</source>
            <translation>evidencia pendiente</translation>
        </message>
        <message>
            <source>Evidencia pendiente: {count} fotos aún no llegan al servidor.</source>
            <translation>Evidencia pendiente: {count} fotos aún no llegan al servidor.</translation>
        </message>
        <message>
            <source>Evidencia en el servidor.</source>
            <translation>Evidencia en el servidor.</translation>
        </message>
        <message>
            <source>Cadena de evidencia con problemas: {count}.</source>
            <translation>Cadena de evidencia con problemas: {count}.</translation>
        </message>
        <message>
            <source>Aviso registrado. Ahora detenga el equipo.</source>
            <translation>Aviso registrado. Ahora detenga el equipo.</translation>
        </message>
        <message>
            <source>Equipo detenido. Ponga un candado en cada punto de aislamiento.</source>
            <translation>Equipo detenido. Ponga un candado en cada punto de aislamiento.</translation>
        </message>
        <message>
            <source>Candado {serial} puesto.</source>
            <translation>Candado {serial} puesto.</translation>
        </message>
        <message>
            <source>Energía acumulada liberada. Haga la prueba de arranque.</source>
            <translation>Energía acumulada liberada. Haga la prueba de arranque.</translation>
        </message>
        <message>
            <source>Aislamiento verificado: puede empezar a trabajar.</source>
            <translation>Aislamiento verificado: puede empezar a trabajar.</translation>
        </message>
        <message>
            <source>Este equipo no tiene cámara para tomar la foto.</source>
            <translation>Este equipo no tiene cámara para tomar la foto.</translation>
        </message>
        <message>
            <source>Abriendo la cámara: apunte al candado y toque de nuevo «Tomar foto».</source>
            <translation>Abriendo la cámara: apunte al candado y toque de nuevo «Tomar foto».</translation>
        </message>
        <message>
            <source>La cámara aún no entrega imagen: espere un momento y repita.</source>
            <translation>La cámara aún no entrega imagen: espere un momento y repita.</translation>
        </message>
        <message>
            <source>Foto guardada ({hash}).</source>
            <translation>Foto guardada ({hash}).</translation>
        </message>
        <message>
            <source>Candado {serial} retirado.</source>
            <translation>Candado {serial} retirado.</translation>
        </message>
        <message>
            <source>Caja de bloqueo grupal: n.º de serie</source>
            <translation>Caja de bloqueo grupal: n.º de serie</translation>
        </message>
        <message>
            <source>Caja grupal abierta: cada integrante pone su candado personal.</source>
            <translation>Caja grupal abierta: cada integrante pone su candado personal.</translation>
        </message>
        <message>
            <source>Mi candado personal en la caja grupal</source>
            <translation>Mi candado personal en la caja grupal</translation>
        </message>
        <message>
            <source>Su candado personal quedó en la caja grupal.</source>
            <translation>Su candado personal quedó en la caja grupal.</translation>
        </message>
        <message>
            <source>Candado personal retirado de la caja grupal.</source>
            <translation>Candado personal retirado de la caja grupal.</translation>
        </message>
        <message>
            <source>Usted recibió el bloqueo: verifique de nuevo el aislamiento.</source>
            <translation>Usted recibió el bloqueo: verifique de nuevo el aislamiento.</translation>
        </message>
        <message>
            <source>Registro en PDF: {path}</source>
            <translation>Registro en PDF: {path}</translation>
        </message>
        <message>
            <source>Guardar registro LOTO</source>
            <translation>Guardar registro LOTO</translation>
        </message>
        <message>
            <source>Registro guardado en {path}</source>
            <translation>Registro guardado en {path}</translation>
        </message>
        <message>
            <source>Equipo</source>
            <translation>Equipo</translation>
        </message>
        <message>
            <source>Candado</source>
            <translation>Candado</translation>
        </message>
        <message>
            <source>Lo tiene</source>
            <translation>Lo tiene</translation>
        </message>
        <message>
            <source>Desde</source>
            <translation>Desde</translation>
        </message>
        <message>
            <source>Este equipo no tiene cámara: escriba el código del equipo.</source>
            <translation>Este equipo no tiene cámara: escriba el código del equipo.</translation>
        </message>
        <message>
            <source>Escanee la etiqueta QR o escriba el código / nombre del equipo</source>
            <translation>Escanee la etiqueta QR o escriba el código / nombre del equipo</translation>
        </message>
        <message>
            <source>Buscar</source>
            <translation>Buscar</translation>
        </message>
        <message>
            <source>Escanear</source>
            <translation>Escanear</translation>
        </message>
        <message>
            <source>Escanee la etiqueta del equipo o búsquelo para ver su procedimiento de bloqueo.</source>
            <translation>Escanee la etiqueta del equipo o búsquelo para ver su procedimiento de bloqueo.</translation>
        </message>
        <message>
            <source>Orden de trabajo:</source>
            <translation>Orden de trabajo:</translation>
        </message>
        <message>
            <source>Punto de aislamiento</source>
            <translation>Punto de aislamiento</translation>
        </message>
        <message>
            <source>Dispositivo</source>
            <translation>Dispositivo</translation>
        </message>
        <message>
            <source>Verificación</source>
            <translation>Verificación</translation>
        </message>
        <message>
            <source>Requisitos</source>
            <translation>Requisitos</translation>
        </message>
        <message>
            <source>Pasos del bloqueo</source>
            <translation>Pasos del bloqueo</translation>
        </message>
        <message>
            <source>1. Avisar a las personas afectadas</source>
            <translation>1. Avisar a las personas afectadas</translation>
        </message>
        <message>
            <source>2. Detener el equipo (parada normal)</source>
            <translation>2. Detener el equipo (parada normal)</translation>
        </message>
        <message>
            <source>3. Un candado con foto en cada punto de aislamiento:</source>
            <translation>3. Un candado con foto en cada punto de aislamiento:</translation>
        </message>
        <message>
            <source>4. Liberar la energía acumulada</source>
            <translation>4. Liberar la energía acumulada</translation>
        </message>
        <message>
            <source>5. Prueba de arranque: verificar el aislamiento</source>
            <translation>5. Prueba de arranque: verificar el aislamiento</translation>
        </message>
        <message>
            <source>Candados puestos</source>
            <translation>Candados puestos</translation>
        </message>
        <message>
            <source>Abrir caja de bloqueo grupal</source>
            <translation>Abrir caja de bloqueo grupal</translation>
        </message>
        <message>
            <source>Poner mi candado personal</source>
            <translation>Poner mi candado personal</translation>
        </message>
        <message>
            <source>Recibir el bloqueo (cambio de turno)</source>
            <translation>Recibir el bloqueo (cambio de turno)</translation>
        </message>
        <message>
            <source>Registro</source>
            <translation>Registro</translation>
        </message>
        <message>
            <source>Ver PDF</source>
            <translation>Ver PDF</translation>
        </message>
        <message>
            <source>Guardar PDF…</source>
            <translation>Guardar PDF…</translation>
        </message>
        <message>
            <source>Míos</source>
            <translation>Míos</translation>
        </message>
        <message>
            <source>Toda la instalación</source>
            <translation>Toda la instalación</translation>
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
            <source>Cargando…</source>
            <translation>Cargando…</translation>
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
        <name>NdaDialog</name>
        <message>
            <source>Acuerdo de confidencialidad</source>
            <translation>Acuerdo de confidencialidad</translation>
        </message>
        <message>
            <source>Versión {version} · huella {sha}</source>
            <translation>Versión {version} · huella {sha}</translation>
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
            <source>Borrar firma</source>
            <translation>Borrar firma</translation>
        </message>
        <message>
            <source>Firmar y aceptar</source>
            <translation>Firmar y aceptar</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Firme dentro del recuadro:</source>
            <translation>Firme dentro del recuadro:</translation>
        </message>
        <message>
            <source>Escriba el nombre de quien firma.</source>
            <translation>Escriba el nombre de quien firma.</translation>
        </message>
        <message>
            <source>Falta la firma.</source>
            <translation>Falta la firma.</translation>
        </message>
    </context>
    <context>
        <name>PdfPane</name>
        <message>
            <source>Este equipo no tiene el visor de PDF (QtPdf) instalado.</source>
            <translation>Este equipo no tiene el visor de PDF (QtPdf) instalado.</translation>
        </message>
        <message>
            <source>No se pudo abrir el documento PDF (está dañado o incompleto).</source>
            <translation>No se pudo abrir el documento PDF (está dañado o incompleto).</translation>
        </message>
    </context>
    <context>
        <name>PermitForm</name>
        <message>
            <source>Toque una celda de la matriz para calificar el riesgo.</source>
            <translation>Toque una celda de la matriz para calificar el riesgo.</translation>
        </message>
        <message>
            <source>Riesgo {level} (probabilidad {likelihood} × severidad {severity} = {score})</source>
            <translation>Riesgo {level} (probabilidad {likelihood} × severidad {severity} = {score})</translation>
        </message>
        <message>
            <source>Requiere la aprobación de un supervisor distinto de usted.</source>
            <translation>Requiere la aprobación de un supervisor distinto de usted.</translation>
        </message>
        <message>
            <source>Elija la orden de trabajo.</source>
            <translation>Elija la orden de trabajo.</translation>
        </message>
        <message>
            <source>Marque al menos un peligro.</source>
            <translation>Marque al menos un peligro.</translation>
        </message>
        <message>
            <source>Describa las medidas de control.</source>
            <translation>Describa las medidas de control.</translation>
        </message>
        <message>
            <source>La vigencia debe terminar después de comenzar.</source>
            <translation>La vigencia debe terminar después de comenzar.</translation>
        </message>
        <message>
            <source>Nuevo permiso de trabajo</source>
            <translation>Nuevo permiso de trabajo</translation>
        </message>
        <message>
            <source>Orden de trabajo</source>
            <translation>Orden de trabajo</translation>
        </message>
        <message>
            <source>Peligros</source>
            <translation>Peligros</translation>
        </message>
        <message>
            <source>Medidas de control</source>
            <translation>Medidas de control</translation>
        </message>
        <message>
            <source>Descripción del trabajo y del riesgo</source>
            <translation>Descripción del trabajo y del riesgo</translation>
        </message>
        <message>
            <source>Válido desde</source>
            <translation>Válido desde</translation>
        </message>
        <message>
            <source>Válido hasta</source>
            <translation>Válido hasta</translation>
        </message>
        <message>
            <source>Matriz de riesgo</source>
            <translation>Matriz de riesgo</translation>
        </message>
        <message>
            <source>Ej.: bloqueo y etiquetado, medición de ausencia de tensión, arnés</source>
            <translation>Ej.: bloqueo y etiquetado, medición de ausencia de tensión, arnés</translation>
        </message>
        <message>
            <source>Enviar solicitud</source>
            <translation>Enviar solicitud</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancelar</translation>
        </message>
    </context>
    <context>
        <name>PermitPage</name>
        <message>
            <source>No se pudieron leer los permisos: {error}</source>
            <translation>No se pudieron leer los permisos: {error}</translation>
        </message>
        <message>
            <source>Orden</source>
            <translation>Orden</translation>
        </message>
        <message>
            <source>Riesgo</source>
            <translation>Riesgo</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Vigencia</source>
            <translation>Vigencia</translation>
        </message>
        <message>
            <source>Riesgo {level} · {likelihood} × {severity}</source>
            <translation>Riesgo {level} · {likelihood} × {severity}</translation>
        </message>
        <message>
            <source>Vigencia: {start} → {end} ({state})</source>
            <translation>Vigencia: {start} → {end} ({state})</translation>
        </message>
        <message>
            <source>✔ El trabajo puede comenzar bajo este permiso.</source>
            <translation>✔ El trabajo puede comenzar bajo este permiso.</translation>
        </message>
        <message>
            <source>✘ Todavía no se puede trabajar: {reasons}</source>
            <translation>✘ Todavía no se puede trabajar: {reasons}</translation>
        </message>
        <message>
            <source>Solicitado por {name}</source>
            <translation>Solicitado por {name}</translation>
        </message>
        <message>
            <source>Peligros: {hazards}</source>
            <translation>Peligros: {hazards}</translation>
        </message>
        <message>
            <source>Medidas de control: {controls}</source>
            <translation>Medidas de control: {controls}</translation>
        </message>
        <message>
            <source>Equipo entregado: {state}</source>
            <translation>Equipo entregado: {state}</translation>
        </message>
        <message>
            <source>Rechazado: {reason}</source>
            <translation>Rechazado: {reason}</translation>
        </message>
        <message>
            <source>Sin aprobación. Riesgo {level}: la aprueba un supervisor distinto de quien lo solicitó.</source>
            <translation>Sin aprobación. Riesgo {level}: la aprueba un supervisor distinto de quien lo solicitó.</translation>
        </message>
        <message>
            <source>Sin aprobación.</source>
            <translation>Sin aprobación.</translation>
        </message>
        <message>
            <source>Aprobado por {name} el {time}, con su contraseña en el equipo de {session} ({device}).</source>
            <translation>Aprobado por {name} el {time}, con su contraseña en el equipo de {session} ({device}).</translation>
        </message>
        <message>
            <source>Aprobado por {name} el {time}.</source>
            <translation>Aprobado por {name} el {time}.</translation>
        </message>
        <message>
            <source>Reanudar</source>
            <translation>Reanudar</translation>
        </message>
        <message>
            <source>Activar</source>
            <translation>Activar</translation>
        </message>
        <message>
            <source>Falta un dato en este equipo ({entity}): sincronice.</source>
            <translation>Falta un dato en este equipo ({entity}): sincronice.</translation>
        </message>
        <message>
            <source>No se pudo guardar: {error}</source>
            <translation>No se pudo guardar: {error}</translation>
        </message>
        <message>
            <source>Permiso aprobado.</source>
            <translation>Permiso aprobado.</translation>
        </message>
        <message>
            <source>Permiso activo: el trabajo puede comenzar.</source>
            <translation>Permiso activo: el trabajo puede comenzar.</translation>
        </message>
        <message>
            <source>Permiso suspendido.</source>
            <translation>Permiso suspendido.</translation>
        </message>
        <message>
            <source>Permiso aprobado por {name} en este equipo.</source>
            <translation>Permiso aprobado por {name} en este equipo.</translation>
        </message>
        <message>
            <source>Permiso rechazado.</source>
            <translation>Permiso rechazado.</translation>
        </message>
        <message>
            <source>Permiso cerrado.</source>
            <translation>Permiso cerrado.</translation>
        </message>
        <message>
            <source>Permiso solicitado.</source>
            <translation>Permiso solicitado.</translation>
        </message>
        <message>
            <source>Nuevo permiso</source>
            <translation>Nuevo permiso</translation>
        </message>
        <message>
            <source>No hay permisos en esta instalación.</source>
            <translation>No hay permisos en esta instalación.</translation>
        </message>
        <message>
            <source>Elija un permiso de la lista o cree uno nuevo.</source>
            <translation>Elija un permiso de la lista o cree uno nuevo.</translation>
        </message>
        <message>
            <source>Aprobar</source>
            <translation>Aprobar</translation>
        </message>
        <message>
            <source>Firma de supervisor aquí</source>
            <translation>Firma de supervisor aquí</translation>
        </message>
        <message>
            <source>Rechazar</source>
            <translation>Rechazar</translation>
        </message>
        <message>
            <source>Suspender</source>
            <translation>Suspender</translation>
        </message>
        <message>
            <source>Cerrar</source>
            <translation>Cerrar</translation>
        </message>
    </context>
    <context>
        <name>Permits</name>
        <message>
            <source>Energía eléctrica</source>
            <translation>Energía eléctrica</translation>
        </message>
        <message>
            <source>Energía acumulada</source>
            <translation>Energía acumulada</translation>
        </message>
        <message>
            <source>Partes en movimiento</source>
            <translation>Partes en movimiento</translation>
        </message>
        <message>
            <source>Trabajo en altura</source>
            <translation>Trabajo en altura</translation>
        </message>
        <message>
            <source>Espacio confinado</source>
            <translation>Espacio confinado</translation>
        </message>
        <message>
            <source>Trabajo en caliente</source>
            <translation>Trabajo en caliente</translation>
        </message>
        <message>
            <source>Sustancias peligrosas</source>
            <translation>Sustancias peligrosas</translation>
        </message>
        <message>
            <source>Izaje de cargas</source>
            <translation>Izaje de cargas</translation>
        </message>
        <message>
            <source>devuelto a operación</source>
            <translation>devuelto a operación</translation>
        </message>
        <message>
            <source>sigue aislado</source>
            <translation>sigue aislado</translation>
        </message>
        <message>
            <source>fuera de servicio</source>
            <translation>fuera de servicio</translation>
        </message>
        <message>
            <source>aún no vigente</source>
            <translation>aún no vigente</translation>
        </message>
        <message>
            <source>vigente</source>
            <translation>vigente</translation>
        </message>
        <message>
            <source>vencido</source>
            <translation>vencido</translation>
        </message>
    </context>
    <context>
        <name>PhotoDialog</name>
        <message>
            <source>Foto del ítem</source>
            <translation>Foto del ítem</translation>
        </message>
        <message>
            <source>Tomar foto</source>
            <translation>Tomar foto</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>La cámara aún no entrega imagen: espere un momento.</source>
            <translation>La cámara aún no entrega imagen: espere un momento.</translation>
        </message>
    </context>
    <context>
        <name>QuestionBox</name>
        <message>
            <source>Verdadero</source>
            <translation>Verdadero</translation>
        </message>
        <message>
            <source>Falso</source>
            <translation>Falso</translation>
        </message>
    </context>
    <context>
        <name>QuizPane</name>
        <message>
            <source>← Volver</source>
            <translation>← Volver</translation>
        </message>
        <message>
            <source>Entregar evaluación</source>
            <translation>Entregar evaluación</translation>
        </message>
        <message>
            <source>Sincronizar ahora</source>
            <translation>Sincronizar ahora</translation>
        </message>
        <message>
            <source>Cuestionario de práctica: se corrige en este equipo y no da certificado.</source>
            <translation>Cuestionario de práctica: se corrige en este equipo y no da certificado.</translation>
        </message>
        <message>
            <source>Intento {n} de {max} · aprobación con {min}% · el servidor lo califica al sincronizar.</source>
            <translation>Intento {n} de {max} · aprobación con {min}% · el servidor lo califica al sincronizar.</translation>
        </message>
        <message>
            <source>Este módulo no tiene evaluación.</source>
            <translation>Este módulo no tiene evaluación.</translation>
        </message>
        <message>
            <source>Este cuestionario está dañado y no se puede responder ({detail}). Avise a su supervisor; no se guardó nada.</source>
            <translation>Este cuestionario está dañado y no se puede responder ({detail}). Avise a su supervisor; no se guardó nada.</translation>
        </message>
        <message>
            <source>No se pudo abrir el cuestionario: {error}</source>
            <translation>No se pudo abrir el cuestionario: {error}</translation>
        </message>
        <message>
            <source>No se pudo guardar la respuesta: {error}</source>
            <translation>No se pudo guardar la respuesta: {error}</translation>
        </message>
        <message>
            <source>{n} de {total} respuestas guardadas en este equipo.</source>
            <translation>{n} de {total} respuestas guardadas en este equipo.</translation>
        </message>
        <message>
            <source>Responda todas las preguntas antes de entregar (faltan: {numbers}).</source>
            <translation>Responda todas las preguntas antes de entregar (faltan: {numbers}).</translation>
        </message>
        <message>
            <source>¿Entregar la evaluación? No podrá cambiar las respuestas.</source>
            <translation>¿Entregar la evaluación? No podrá cambiar las respuestas.</translation>
        </message>
        <message>
            <source>Entregar</source>
            <translation>Entregar</translation>
        </message>
        <message>
            <source>Seguir respondiendo</source>
            <translation>Seguir respondiendo</translation>
        </message>
        <message>
            <source>Práctica corregida en este equipo: {score}%.</source>
            <translation>Práctica corregida en este equipo: {score}%.</translation>
        </message>
        <message>
            <source>Evaluación entregada (intento {n} de {max}). El servidor la califica: el resultado aparecerá después de sincronizar.</source>
            <translation>Evaluación entregada (intento {n} de {max}). El servidor la califica: el resultado aparecerá después de sincronizar.</translation>
        </message>
        <message>
            <source>No se pudo entregar: {error}</source>
            <translation>No se pudo entregar: {error}</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>Rechazar permiso</source>
            <translation>Rechazar permiso</translation>
        </message>
        <message>
            <source>¿Por qué se rechaza el permiso de {ticket}?</source>
            <translation>¿Por qué se rechaza el permiso de {ticket}?</translation>
        </message>
        <message>
            <source>Rechazar</source>
            <translation>Rechazar</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Escriba el motivo.</source>
            <translation>Escriba el motivo.</translation>
        </message>
    </context>
    <context>
        <name>RemovalDialog</name>
        <message>
            <source>Retiro por excepción</source>
            <translation>Retiro por excepción</translation>
        </message>
        <message>
            <source>Retirar candado</source>
            <translation>Retirar candado</translation>
        </message>
        <message>
            <source>{heading}: candado {serial} · {point}</source>
            <translation>{heading}: candado {serial} · {point}</translation>
        </message>
        <message>
            <source>Solo un supervisor, y solo si quien puso el candado no está en la instalación: deje registro de los tres hechos.</source>
            <translation>Solo un supervisor, y solo si quien puso el candado no está en la instalación: deje registro de los tres hechos.</translation>
        </message>
        <message>
            <source>Solo quien puso el candado puede retirarlo.</source>
            <translation>Solo quien puso el candado puede retirarlo.</translation>
        </message>
        <message>
            <source>Tomar foto</source>
            <translation>Tomar foto</translation>
        </message>
        <message>
            <source>Sin foto</source>
            <translation>Sin foto</translation>
        </message>
        <message>
            <source>El área está despejada (herramientas y personas)</source>
            <translation>El área está despejada (herramientas y personas)</translation>
        </message>
        <message>
            <source>Se avisó a las personas afectadas</source>
            <translation>Se avisó a las personas afectadas</translation>
        </message>
        <message>
            <source>Verifiqué que no está en la instalación</source>
            <translation>Verifiqué que no está en la instalación</translation>
        </message>
        <message>
            <source>Cómo se intentó contactarlo (teléfono, radio, hora)</source>
            <translation>Cómo se intentó contactarlo (teléfono, radio, hora)</translation>
        </message>
        <message>
            <source>Será informado antes de volver a su trabajo</source>
            <translation>Será informado antes de volver a su trabajo</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Foto ✔ {hash}</source>
            <translation>Foto ✔ {hash}</translation>
        </message>
    </context>
    <context>
        <name>RiskMatrixGrid</name>
        <message>
            <source>Probabilidad {likelihood}, severidad {severity}</source>
            <translation>Probabilidad {likelihood}, severidad {severity}</translation>
        </message>
        <message>
            <source>Severidad →</source>
            <translation>Severidad →</translation>
        </message>
        <message>
            <source>Filas: probabilidad (5 arriba)</source>
            <translation>Filas: probabilidad (5 arriba)</translation>
        </message>
    </context>
    <context>
        <name>RollCallPage</name>
        <message>
            <source>Técnico con bloqueo</source>
            <translation>Técnico con bloqueo</translation>
        </message>
        <message>
            <source>(anonimizado)</source>
            <translation>(anonimizado)</translation>
        </message>
        <message>
            <source>A salvo</source>
            <translation>A salvo</translation>
        </message>
        <message>
            <source>Nombre</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Tipo</source>
            <translation>Tipo</translation>
        </message>
        <message>
            <source>Empresa</source>
            <translation>Empresa</translation>
        </message>
        <message>
            <source>RUT</source>
            <translation>RUT</translation>
        </message>
        <message>
            <source>Desde</source>
            <translation>Desde</translation>
        </message>
        <message>
            <source>Detalle</source>
            <translation>Detalle</translation>
        </message>
        <message>
            <source>Candados: {locks}</source>
            <translation>Candados: {locks}</translation>
        </message>
        <message>
            <source>Con invitación</source>
            <translation>Con invitación</translation>
        </message>
        <message>
            <source>Sin invitación</source>
            <translation>Sin invitación</translation>
        </message>
        <message>
            <source>Marcar a salvo</source>
            <translation>Marcar a salvo</translation>
        </message>
        <message>
            <source>Registrar salida</source>
            <translation>Registrar salida</translation>
        </message>
        <message>
            <source>Nuevo conteo</source>
            <translation>Nuevo conteo</translation>
        </message>
        <message>
            <source>Exportar CSV</source>
            <translation>Exportar CSV</translation>
        </message>
        <message>
            <source>Exportar PDF</source>
            <translation>Exportar PDF</translation>
        </message>
        <message>
            <source>Dentro: {inside} · A salvo: {safe} · Faltan: {missing}</source>
            <translation>Dentro: {inside} · A salvo: {safe} · Faltan: {missing}</translation>
        </message>
        <message>
            <source>Elija a una persona de la lista.</source>
            <translation>Elija a una persona de la lista.</translation>
        </message>
        <message>
            <source>Solo se registra la salida de personas que entraron por portería.</source>
            <translation>Solo se registra la salida de personas que entraron por portería.</translation>
        </message>
        <message>
            <source>Portería principal</source>
            <translation>Portería principal</translation>
        </message>
        <message>
            <source>sí</source>
            <translation>sí</translation>
        </message>
        <message>
            <source>NO</source>
            <translation>NO</translation>
        </message>
        <message>
            <source>Pasar lista (evacuación)</source>
            <translation>Pasar lista (evacuación)</translation>
        </message>
        <message>
            <source>Guardado en {path}</source>
            <translation>Guardado en {path}</translation>
        </message>
        <message>
            <source>No se pudo completar: {error}</source>
            <translation>No se pudo completar: {error}</translation>
        </message>
    </context>
    <context>
        <name>SerialDialog</name>
        <message>
            <source>N.º de serie del candado</source>
            <translation>N.º de serie del candado</translation>
        </message>
        <message>
            <source>Aceptar</source>
            <translation>Aceptar</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancelar</translation>
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
            <source>Fuente de cámara (vacío: la cámara de arriba)</source>
            <translation>Fuente de cámara (vacío: la cámara de arriba)</translation>
        </message>
        <message>
            <source>Lector de códigos QR</source>
            <translation>Lector de códigos QR</translation>
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
            <source>(+{count} de otras personas)</source>
            <translation>(+{count} de otras personas)</translation>
        </message>
        <message>
            <source>Sincronizado: {time}</source>
            <translation>Sincronizado: {time}</translation>
        </message>
        <message>
            <source>Sincronizado: nunca</source>
            <translation>Sincronizado: nunca</translation>
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
    <context>
        <name>TrainingMatrixPage</name>
        <message>
            <source>Actualizar</source>
            <translation>Actualizar</translation>
        </message>
        <message>
            <source>Exportar CSV</source>
            <translation>Exportar CSV</translation>
        </message>
        <message>
            <source>vence en 30 días</source>
            <translation>vence en 30 días</translation>
        </message>
        <message>
            <source>Datos del servidor, recién leídos.</source>
            <translation>Datos del servidor, recién leídos.</translation>
        </message>
        <message>
            <source>Sin conexión: copia del {when}.</source>
            <translation>Sin conexión: copia del {when}.</translation>
        </message>
        <message>
            <source>Sin conexión y sin copia del servidor: se muestra lo que hay en este equipo. Conéctese y pulse Actualizar.</source>
            <translation>Sin conexión y sin copia del servidor: se muestra lo que hay en este equipo. Conéctese y pulse Actualizar.</translation>
        </message>
        <message>
            <source>No se pudo leer la matriz: {error}</source>
            <translation>No se pudo leer la matriz: {error}</translation>
        </message>
        <message>
            <source>Exportar matriz de capacitación</source>
            <translation>Exportar matriz de capacitación</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>No se pudo guardar el archivo: {error}</source>
            <translation>No se pudo guardar el archivo: {error}</translation>
        </message>
        <message>
            <source>Matriz exportada a {path}</source>
            <translation>Matriz exportada a {path}</translation>
        </message>
    </context>
    <context>
        <name>TrainingPage</name>
        <message>
            <source>Módulo</source>
            <translation>Módulo</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Plazo / vence</source>
            <translation>Plazo / vence</translation>
        </message>
        <message>
            <source>por calificar</source>
            <translation>por calificar</translation>
        </message>
        <message>
            <source>reasignado</source>
            <translation>reasignado</translation>
        </message>
        <message>
            <source>vence pronto</source>
            <translation>vence pronto</translation>
        </message>
        <message>
            <source>plazo {date}</source>
            <translation>plazo {date}</translation>
        </message>
        <message>
            <source>No tiene capacitaciones asignadas.</source>
            <translation>No tiene capacitaciones asignadas.</translation>
        </message>
        <message>
            <source>← Volver</source>
            <translation>← Volver</translation>
        </message>
        <message>
            <source>Rendir evaluación</source>
            <translation>Rendir evaluación</translation>
        </message>
        <message>
            <source>Material</source>
            <translation>Material</translation>
        </message>
        <message>
            <source>Certificado</source>
            <translation>Certificado</translation>
        </message>
        <message>
            <source>No se pudieron leer los datos: {error}</source>
            <translation>No se pudieron leer los datos: {error}</translation>
        </message>
        <message>
            <source>Estado: {status}</source>
            <translation>Estado: {status}</translation>
        </message>
        <message>
            <source>Exigido para bloquear equipos de categoría {category}.</source>
            <translation>Exigido para bloquear equipos de categoría {category}.</translation>
        </message>
        <message>
            <source>Módulo de práctica (no da certificado).</source>
            <translation>Módulo de práctica (no da certificado).</translation>
        </message>
        <message>
            <source>Intentos: {used} de {max} · aprobación {min}% · espera {hours} h</source>
            <translation>Intentos: {used} de {max} · aprobación {min}% · espera {hours} h</translation>
        </message>
        <message>
            <source>Puntaje: {score}%</source>
            <translation>Puntaje: {score}%</translation>
        </message>
        <message>
            <source>Plazo: {date}</source>
            <translation>Plazo: {date}</translation>
        </message>
        <message>
            <source>Certificado {number}, vence {date}</source>
            <translation>Certificado {number}, vence {date}</translation>
        </message>
        <message>
            <source>Certificado anterior {number}: venció {date}</source>
            <translation>Certificado anterior {number}: venció {date}</translation>
        </message>
        <message>
            <source>Último intento: {score}% ({result})</source>
            <translation>Último intento: {score}% ({result})</translation>
        </message>
        <message>
            <source>aprobado</source>
            <translation>aprobado</translation>
        </message>
        <message>
            <source>reprobado</source>
            <translation>reprobado</translation>
        </message>
        <message>
            <source>Evaluación entregada: el resultado llega al sincronizar con el servidor.</source>
            <translation>Evaluación entregada: el resultado llega al sincronizar con el servidor.</translation>
        </message>
        <message>
            <source>Sin material</source>
            <translation>Sin material</translation>
        </message>
        <message>
            <source>Material ({size})</source>
            <translation>Material ({size})</translation>
        </message>
        <message>
            <source>Continuar evaluación</source>
            <translation>Continuar evaluación</translation>
        </message>
        <message>
            <source>Este módulo no tiene material.</source>
            <translation>Este módulo no tiene material.</translation>
        </message>
        <message>
            <source>El material ({size}) no está en este equipo. Descárguelo para verlo sin conexión.</source>
            <translation>El material ({size}) no está en este equipo. Descárguelo para verlo sin conexión.</translation>
        </message>
        <message>
            <source>Descargar {size}</source>
            <translation>Descargar {size}</translation>
        </message>
        <message>
            <source>%p% de {size}</source>
            <translation>%p% de {size}</translation>
        </message>
        <message>
            <source>No se pudo descargar el material (sin conexión con el servidor). Intente de nuevo cuando haya red: {error}</source>
            <translation>No se pudo descargar el material (sin conexión con el servidor). Intente de nuevo cuando haya red: {error}</translation>
        </message>
        <message>
            <source>Material guardado en este equipo: se ve sin conexión.</source>
            <translation>Material guardado en este equipo: se ve sin conexión.</translation>
        </message>
        <message>
            <source>No se pudo descargar el certificado: {error}</source>
            <translation>No se pudo descargar el certificado: {error}</translation>
        </message>
    </context>
    <context>
        <name>VideoPane</name>
        <message>
            <source>Pausa</source>
            <translation>Pausa</translation>
        </message>
        <message>
            <source>Reproducir</source>
            <translation>Reproducir</translation>
        </message>
        <message>
            <source>Este equipo no puede reproducir video (falta QtMultimedia). Pida a soporte que lo instale o vea el material en otro equipo.</source>
            <translation>Este equipo no puede reproducir video (falta QtMultimedia). Pida a soporte que lo instale o vea el material en otro equipo.</translation>
        </message>
        <message>
            <source>Este equipo no tiene un reproductor de video disponible.</source>
            <translation>Este equipo no tiene un reproductor de video disponible.</translation>
        </message>
        <message>
            <source>No se pudo reproducir el video: {error}</source>
            <translation>No se pudo reproducir el video: {error}</translation>
        </message>
    </context>
    <context>
        <name>WalkInDialog</name>
        <message>
            <source>Visita sin invitación</source>
            <translation>Visita sin invitación</translation>
        </message>
        <message>
            <source>(sin anfitrión)</source>
            <translation>(sin anfitrión)</translation>
        </message>
        <message>
            <source>Foto del documento</source>
            <translation>Foto del documento</translation>
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
            <source>Tipo de acceso</source>
            <translation>Tipo de acceso</translation>
        </message>
        <message>
            <source>Anfitrión</source>
            <translation>Anfitrión</translation>
        </message>
        <message>
            <source>Registrar entrada</source>
            <translation>Registrar entrada</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>RUT válido</source>
            <translation>RUT válido</translation>
        </message>
        <message>
            <source>RUT no válido</source>
            <translation>RUT no válido</translation>
        </message>
    </context>
</TS>
