<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="es_CL">
    <context>
        <name>AnomaliesDialog</name>
        <message>
            <source>Anomalías de portería</source>
            <translation>Gate anomalies</translation>
        </message>
        <message>
            <source>Doble ingreso: {name} entró por {gates} con la misma invitación sin salida entre ambos ingresos ({time}).</source>
            <translation>Double entry: {name} came in through {gates} on the same invitation with no exit between the two entries ({time}).</translation>
        </message>
        <message>
            <source>Qué comprobó (p. ej.: eran dos vehículos de la misma empresa)</source>
            <translation>What you checked (e.g. they were two vehicles of the same company)</translation>
        </message>
        <message>
            <source>Marcar revisada</source>
            <translation>Mark reviewed</translation>
        </message>
        <message>
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>AuditPage</name>
        <message>
            <source>Norma</source>
            <translation>Standard</translation>
        </message>
        <message>
            <source>Auditoría</source>
            <translation>Audit</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Avance</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>Puntaje</source>
            <translation>Score</translation>
        </message>
        <message>
            <source>Hallazgos</source>
            <translation>Findings</translation>
        </message>
        <message>
            <source>Fecha</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Ítem</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Resultado</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Auditorías de la instalación</source>
            <translation>Audits of this site</translation>
        </message>
        <message>
            <source>Comenzar auditoría</source>
            <translation>Start audit</translation>
        </message>
        <message>
            <source>Aún no hay auditorías en esta instalación.</source>
            <translation>No audits at this site yet.</translation>
        </message>
        <message>
            <source>← Auditorías</source>
            <translation>← Audits</translation>
        </message>
        <message>
            <source>✔ Cumple</source>
            <translation>✔ Pass</translation>
        </message>
        <message>
            <source>✘ No cumple</source>
            <translation>✘ Fail</translation>
        </message>
        <message>
            <source>No aplica</source>
            <translation>Not applicable</translation>
        </message>
        <message>
            <source>Severidad</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>Abrir orden correctiva</source>
            <translation>Open a corrective ticket</translation>
        </message>
        <message>
            <source>Nota (qué se observó)</source>
            <translation>Note (what was observed)</translation>
        </message>
        <message>
            <source>Describa lo observado</source>
            <translation>Describe what you observed</translation>
        </message>
        <message>
            <source>Tomar foto</source>
            <translation>Take photo</translation>
        </message>
        <message>
            <source>Guardar y siguiente</source>
            <translation>Save and next</translation>
        </message>
        <message>
            <source>Terminar auditoría</source>
            <translation>Complete audit</translation>
        </message>
        <message>
            <source>Informe PDF</source>
            <translation>PDF report</translation>
        </message>
        <message>
            <source> (ponderado)</source>
            <translation> (weighted)</translation>
        </message>
        <message>
            <source>Puntaje{weighted}: {score} · Cumple {passed} · No cumple {failed} · No aplica {na} · Faltan {left} · {status}</source>
            <translation>Score{weighted}: {score} · Pass {passed} · Fail {failed} · N/A {na} · Left {left} · {status}</translation>
        </message>
        <message>
            <source>Órdenes correctivas abiertas: {numbers}</source>
            <translation>Corrective tickets opened: {numbers}</translation>
        </message>
        <message>
            <source>peso {weight}</source>
            <translation>weight {weight}</translation>
        </message>
        <message>
            <source>{count} fotos</source>
            <translation>{count} photos</translation>
        </message>
        <message>
            <source>Elija Cumple, No cumple o No aplica.</source>
            <translation>Choose Pass, Fail or Not applicable.</translation>
        </message>
        <message>
            <source>Guardado en el equipo</source>
            <translation>Saved on this device</translation>
        </message>
        <message>
            <source>No se pudo guardar: {error}</source>
            <translation>Could not save: {error}</translation>
        </message>
        <message>
            <source>Responda el ítem antes de adjuntar fotos.</source>
            <translation>Answer the item before attaching photos.</translation>
        </message>
        <message>
            <source>Auditoría terminada con puntaje {score}. Se enviará al sincronizar.</source>
            <translation>Audit completed with score {score}. It will be sent on the next sync.</translation>
        </message>
        <message>
            <source>Informe guardado en {path}</source>
            <translation>Report saved to {path}</translation>
        </message>
    </context>
    <context>
        <name>CameraView</name>
        <message>
            <source>No se encontró la cámara. Conéctela o revise el número de cámara en Ajustes.</source>
            <translation>Camera not found. Connect it or check the camera number in Settings.</translation>
        </message>
        <message>
            <source>La cámara está ocupada por otro programa o no entrega imágenes. Ciérrelo e intente de nuevo.</source>
            <translation>The camera is in use by another program or gives no images. Close that program and try again.</translation>
        </message>
        <message>
            <source>No se encontró el archivo de imágenes configurado como cámara.</source>
            <translation>The image file set as the camera was not found.</translation>
        </message>
        <message>
            <source>La imagen o el video de la cámara está dañado o incompleto.</source>
            <translation>The camera's image or video file is damaged or incomplete.</translation>
        </message>
        <message>
            <source>La cámara configurada no es válida: use «camera:N» o «file:RUTA» en Ajustes.</source>
            <translation>The camera setting is not valid: use «camera:N» or «file:PATH» in Settings.</translation>
        </message>
        <message>
            <source>Las fotos de evidencia deben tomarse con la cámara en vivo.</source>
            <translation>Evidence photos must be taken with the live camera.</translation>
        </message>
        <message>
            <source>El lector pyzbar no está disponible en este equipo (falta libzbar); se usa zxing-cpp.</source>
            <translation>The pyzbar reader is not available on this device (libzbar is missing); using zxing-cpp.</translation>
        </message>
        <message>
            <source>La cámara falló: {detail}</source>
            <translation>The camera failed: {detail}</translation>
        </message>
        <message>
            <source>Abriendo la cámara…</source>
            <translation>Opening the camera…</translation>
        </message>
        <message>
            <source>Cámara detenida</source>
            <translation>Camera stopped</translation>
        </message>
        <message>
            <source>{fps:.0f} imágenes/s</source>
            <translation>{fps:.0f} frames/s</translation>
        </message>
    </context>
    <context>
        <name>CertificatePane</name>
        <message>
            <source>← Volver</source>
            <translation>← Back</translation>
        </message>
        <message>
            <source>Descargar certificado</source>
            <translation>Download certificate</translation>
        </message>
        <message>
            <source>Escanee el código para verificar el certificado.</source>
            <translation>Scan the code to verify the certificate.</translation>
        </message>
        <message>
            <source>Certificado {number}</source>
            <translation>Certificate {number}</translation>
        </message>
        <message>
            <source>{person}
{module}
Emitido: {issued}
Vence: {expires}</source>
            <translation>{person}
{module}
Issued: {issued}
Expires: {expires}</translation>
        </message>
        <message>
            <source>VENCIDO: no habilita bloqueos en esta categoría.</source>
            <translation>EXPIRED: it does not allow lockouts in this category.</translation>
        </message>
        <message>
            <source>VIGENTE</source>
            <translation>VALID</translation>
        </message>
        <message>
            <source>El PDF del certificado aún no está en este equipo: se descarga con la próxima conexión.</source>
            <translation>The certificate's PDF is not on this device yet: it is downloaded with the next connection.</translation>
        </message>
    </context>
    <context>
        <name>CosignDialog</name>
        <message>
            <source>Aprobación con firma de supervisor</source>
            <translation>Approval with a supervisor's signature</translation>
        </message>
        <message>
            <source>Firma de otro supervisor en este equipo</source>
            <translation>Another supervisor signs on this device</translation>
        </message>
        <message>
            <source>Permiso {ticket} · riesgo {level}. Un supervisor distinto de quien lo solicitó ({requester}) escribe aquí su usuario y contraseña. Quedará registrado como aprobado por esa persona en el equipo de {session}.</source>
            <translation>Permit {ticket} · {level} risk. A supervisor other than its requester ({requester}) types their username and password here. It is recorded as approved by that person on the device of {session}.</translation>
        </message>
        <message>
            <source>Usuario del supervisor</source>
            <translation>Supervisor's username</translation>
        </message>
        <message>
            <source>Contraseña</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Firmar y aprobar</source>
            <translation>Sign and approve</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Verificando…</source>
            <translation>Checking…</translation>
        </message>
        <message>
            <source>Escriba usuario y contraseña.</source>
            <translation>Type the username and password.</translation>
        </message>
    </context>
    <context>
        <name>EsgPage</name>
        <message>
            <source>Período</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>Recurso</source>
            <translation>Resource</translation>
        </message>
        <message>
            <source>Cantidad</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>kg CO2e</source>
            <translation>kg CO2e</translation>
        </message>
        <message>
            <source>Alcance</source>
            <translation>Scope</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>por enviar</source>
            <translation>to send</translation>
        </message>
        <message>
            <source>sincronizada</source>
            <translation>synced</translation>
        </message>
        <message>
            <source>Registrar lectura</source>
            <translation>Record reading</translation>
        </message>
        <message>
            <source>Panel del sitio</source>
            <translation>Site dashboard</translation>
        </message>
        <message>
            <source>Mes</source>
            <translation>Month</translation>
        </message>
        <message>
            <source>Lectura del medidor</source>
            <translation>Meter reading</translation>
        </message>
        <message>
            <source>Sí, la lectura es correcta</source>
            <translation>Yes, the reading is right</translation>
        </message>
        <message>
            <source>Últimas lecturas del sitio</source>
            <translation>Latest readings at this site</translation>
        </message>
        <message>
            <source>Exportar CSV</source>
            <translation>Export CSV</translation>
        </message>
        <message>
            <source>No se pudo leer los datos: {error}</source>
            <translation>Could not read the data: {error}</translation>
        </message>
        <message>
            <source>Factor: {factor} kg CO2e por {unit} · {scope}</source>
            <translation>Factor: {factor} kg CO2e per {unit} · {scope}</translation>
        </message>
        <message>
            <source>Elija el recurso medido.</source>
            <translation>Choose the metered resource.</translation>
        </message>
        <message>
            <source>Ingrese la cantidad como número, por ejemplo 10000,5.</source>
            <translation>Enter the quantity as a number, for example 10000.5.</translation>
        </message>
        <message>
            <source>Lectura registrada: {kg} kg CO2e ({scope}). Se enviará al sincronizar.</source>
            <translation>Reading recorded: {kg} kg CO2e ({scope}). It will be sent on the next sync.</translation>
        </message>
        <message>
            <source>No se pudo registrar la lectura: {error}</source>
            <translation>Could not record the reading: {error}</translation>
        </message>
        <message>
            <source>Emisiones por alcance y mes (kg CO2e)</source>
            <translation>Emissions by scope and month (kg CO2e)</translation>
        </message>
        <message>
            <source>Acumulado {year} frente a {baseline} y la meta (kg CO2e)</source>
            <translation>Cumulative {year} against {baseline} and the goal (kg CO2e)</translation>
        </message>
        <message>
            <source>Por alcance</source>
            <translation>By scope</translation>
        </message>
        <message>
            <source>Meta de reducción</source>
            <translation>Reduction goal</translation>
        </message>
        <message>
            <source>{site}: emisiones {year}</source>
            <translation>{site}: emissions {year}</translation>
        </message>
        <message>
            <source>Total {year}: {total} kg CO2e</source>
            <translation>{year} total: {total} kg CO2e</translation>
        </message>
        <message>
            <source>No hay meta de reducción para {year}.</source>
            <translation>There is no reduction goal for {year}.</translation>
        </message>
        <message>
            <source>Meta −{pct} %</source>
            <translation>Goal −{pct} %</translation>
        </message>
        <message>
            <source>Meta {year}: reducir {pct} % respecto de {baseline}</source>
            <translation>Goal {year}: {pct} % less than {baseline}</translation>
        </message>
        <message>
            <source>en camino</source>
            <translation>on track</translation>
        </message>
        <message>
            <source>bajo la meta</source>
            <translation>short of the goal</translation>
        </message>
        <message>
            <source>Meses comparados: {months}</source>
            <translation>Months compared: {months}</translation>
        </message>
        <message>
            <source>{year}: {kg} kg CO2e</source>
            <translation>Emitted in {year}: {kg} kg CO2e</translation>
        </message>
        <message>
            <source>{baseline} (mismos meses): {kg} kg CO2e</source>
            <translation>{baseline} (same months): {kg} kg CO2e</translation>
        </message>
        <message>
            <source>Reducción lograda: {reduction} % ({state})</source>
            <translation>Reduction achieved: {reduction} % ({state})</translation>
        </message>
        <message>
            <source>{value} % de la meta</source>
            <translation>{value} % of the goal</translation>
        </message>
        <message>
            <source>mes</source>
            <translation>month</translation>
        </message>
        <message>
            <source>total (kg CO2e)</source>
            <translation>total (kg CO2e)</translation>
        </message>
        <message>
            <source>base acumulada (kg CO2e)</source>
            <translation>cumulative baseline (kg CO2e)</translation>
        </message>
        <message>
            <source>meta acumulada (kg CO2e)</source>
            <translation>cumulative goal (kg CO2e)</translation>
        </message>
        <message>
            <source>real acumulado (kg CO2e)</source>
            <translation>cumulative actual (kg CO2e)</translation>
        </message>
        <message>
            <source>CSV guardado en {path}</source>
            <translation>CSV saved to {path}</translation>
        </message>
        <message>
            <source>No se pudo guardar el CSV: {error}</source>
            <translation>Could not save the CSV: {error}</translation>
        </message>
    </context>
    <context>
        <name>ExpectedDialog</name>
        <message>
            <source>Esperados ahora</source>
            <translation>Expected now</translation>
        </message>
        <message>
            <source>{time} · {name} ({company}) · {kind} · visita a {host}</source>
            <translation>{time} · {name} ({company}) · {kind} · visiting {host}</translation>
        </message>
        <message>
            <source>No hay invitaciones vigentes por llegar.</source>
            <translation>No valid invitations still to arrive.</translation>
        </message>
        <message>
            <source>Dejar pasar</source>
            <translation>Let in</translation>
        </message>
        <message>
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
    </context>
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
        <name>GatePage</name>
        <message>
            <source>Entrada</source>
            <translation>Entry</translation>
        </message>
        <message>
            <source>Salida</source>
            <translation>Exit</translation>
        </message>
        <message>
            <source>Visita sin invitación</source>
            <translation>Walk-in</translation>
        </message>
        <message>
            <source>Esperados</source>
            <translation>Expected</translation>
        </message>
        <message>
            <source>Escanee el QR o escriba el código de la invitación</source>
            <translation>Scan the QR code or type the invitation code</translation>
        </message>
        <message>
            <source>Verificar</source>
            <translation>Check</translation>
        </message>
        <message>
            <source>Firmar acuerdo</source>
            <translation>Sign agreement</translation>
        </message>
        <message>
            <source>Registrar salida</source>
            <translation>Check out</translation>
        </message>
        <message>
            <source>Anomalías: {count}</source>
            <translation>Anomalies: {count}</translation>
        </message>
        <message>
            <source>Portería principal</source>
            <translation>Main gate</translation>
        </message>
        <message>
            <source>Listo para escanear</source>
            <translation>Ready to scan</translation>
        </message>
        <message>
            <source>Muestre el código QR de la invitación a la cámara o escríbalo abajo.</source>
            <translation>Show the invitation's QR code to the camera or type it below.</translation>
        </message>
        <message>
            <source>ADELANTE: entrada registrada</source>
            <translation>GO AHEAD: entry recorded</translation>
        </message>
        <message>
            <source>SALIDA registrada</source>
            <translation>EXIT recorded</translation>
        </message>
        <message>
            <source>FALTA FIRMAR EL ACUERDO</source>
            <translation>AGREEMENT NOT SIGNED YET</translation>
        </message>
        <message>
            <source>NO PASA</source>
            <translation>NO ENTRY</translation>
        </message>
        <message>
            <source>no se exige</source>
            <translation>not required</translation>
        </message>
        <message>
            <source>firmado y vigente</source>
            <translation>signed and valid</translation>
        </message>
        <message>
            <source>falta firmar</source>
            <translation>not signed</translation>
        </message>
        <message>
            <source>Anfitrión: {host}</source>
            <translation>Host: {host}</translation>
        </message>
        <message>
            <source>Acceso: {kind}</source>
            <translation>Access: {kind}</translation>
        </message>
        <message>
            <source>Acuerdo de confidencialidad: {state}</source>
            <translation>Non-disclosure agreement: {state}</translation>
        </message>
        <message>
            <source>No se pudo registrar: {error}</source>
            <translation>Could not record it: {error}</translation>
        </message>
        <message>
            <source>Foto tomada ✓</source>
            <translation>Photo taken ✓</translation>
        </message>
    </context>
    <context>
        <name>HandbackDialog</name>
        <message>
            <source>Cerrar permiso</source>
            <translation>Close permit</translation>
        </message>
        <message>
            <source>¿En qué estado se entrega el equipo de {ticket}?</source>
            <translation>In what state is the equipment of {ticket} handed back?</translation>
        </message>
        <message>
            <source>Devuelto a operación (probado, protecciones puestas)</source>
            <translation>Returned to service (tested, guards on)</translation>
        </message>
        <message>
            <source>Sigue aislado (trabajo pendiente, bloqueos en su lugar)</source>
            <translation>Remains isolated (work pending, locks in place)</translation>
        </message>
        <message>
            <source>Fuera de servicio (falla, etiquetado)</source>
            <translation>Out of service (defect, tagged)</translation>
        </message>
        <message>
            <source>Observación (opcional)</source>
            <translation>Note (optional)</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Elija el estado en que queda el equipo.</source>
            <translation>Choose the state the equipment is left in.</translation>
        </message>
    </context>
    <context>
        <name>HandoverPage</name>
        <message>
            <source>Turno por recibir</source>
            <translation>Shift to take over</translation>
        </message>
        <message>
            <source>No hay entregas de turno pendientes.</source>
            <translation>No handovers waiting.</translation>
        </message>
        <message>
            <source>Entregar mi turno</source>
            <translation>Hand over my shift</translation>
        </message>
        <message>
            <source>Novedades del turno para quien llega</source>
            <translation>What the incoming person should know</translation>
        </message>
        <message>
            <source>Pendientes marcados (siguen al próximo turno; desmarque los que ya resolvió):</source>
            <translation>Flagged items (they carry over to the next shift; untick the ones you cleared):</translation>
        </message>
        <message>
            <source>Nuevo pendiente</source>
            <translation>New flagged item</translation>
        </message>
        <message>
            <source>Agregar</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Entregar turno</source>
            <translation>Hand over</translation>
        </message>
        <message>
            <source>Estado actual: {people} personas en planta · {locks} bloqueos activos · {permits} permisos abiertos</source>
            <translation>Current state: {people} people on site · {locks} active locks · {permits} open permits</translation>
        </message>
        <message>
            <source>De {name}, {time}</source>
            <translation>From {name}, {time}</translation>
        </message>
        <message>
            <source>Pendientes: {items}</source>
            <translation>Flagged: {items}</translation>
        </message>
        <message>
            <source>Recibir turno</source>
            <translation>Take over</translation>
        </message>
        <message>
            <source>Turno entregado: {summary}</source>
            <translation>Shift handed over: {summary}</translation>
        </message>
        <message>
            <source>Turno recibido.</source>
            <translation>Shift taken over.</translation>
        </message>
        <message>
            <source>No se pudo completar: {error}</source>
            <translation>Could not complete it: {error}</translation>
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
            <source>Revisión de anomalía de portería</source>
            <translation>Review of a gate anomaly</translation>
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
        <name>Journeys</name>
        <message>
            <source>Auditorías</source>
            <translation>Audits</translation>
        </message>
        <message>
            <source>Energía y emisiones</source>
            <translation>Energy and emissions</translation>
        </message>
        <message>
            <source>Portería</source>
            <translation>Gate</translation>
        </message>
        <message>
            <source>Pasar lista</source>
            <translation>Roll call</translation>
        </message>
        <message>
            <source>Entrega de turno</source>
            <translation>Shift handover</translation>
        </message>
        <message>
            <source>Bloqueo LOTO</source>
            <translation>LOTO lockout</translation>
        </message>
        <message>
            <source>Permisos de trabajo</source>
            <translation>Work permits</translation>
        </message>
        <message>
            <source>Mi capacitación</source>
            <translation>My training</translation>
        </message>
        <message>
            <source>Matriz de capacitación</source>
            <translation>Training matrix</translation>
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
        <message>
            <source>Iniciando el servidor de demostración…</source>
            <translation>Starting the demo server…</translation>
        </message>
        <message>
            <source>El servidor de demostración no partió: {error}</source>
            <translation>The demo server did not start: {error}</translation>
        </message>
        <message>
            <source>No se pudo abrir la base de datos de este equipo: {error}</source>
            <translation>Could not open this device's database: {error}</translation>
        </message>
    </context>
    <context>
        <name>LotoPage</name>
        <message>
            <source>El código «{code}» no corresponde a un equipo de esta instalación.</source>
            <translation>The code “{code}” is not an equipment tag of this site.</translation>
        </message>
        <message>
            <source>La foto no está en este dispositivo: tómela de nuevo.</source>
            <translation>The photo is not on this device: take it again.</translation>
        </message>
        <message>
            <source>No se pudo guardar: {error}</source>
            <translation>Could not save: {error}</translation>
        </message>
        <message>
            <source>No se pudo completar: {error}</source>
            <translation>Could not complete: {error}</translation>
        </message>
        <message>
            <source>Ningún equipo de esta instalación coincide con «{text}».</source>
            <translation>No equipment of this site matches “{text}”.</translation>
        </message>
        <message>
            <source>Candado {serial} leído.</source>
            <translation>Lock {serial} read.</translation>
        </message>
        <message>
            <source>Categoría: {category}</source>
            <translation>Category: {category}</translation>
        </message>
        <message>
            <source>Ubicación: {location}</source>
            <translation>Location: {location}</translation>
        </message>
        <message>
            <source>Procedimiento {code} rev. {revision}: {title}</source>
            <translation>Procedure {code} rev. {revision}: {title}</translation>
        </message>
        <message>
            <source>Sin orden de trabajo</source>
            <translation>No work order</translation>
        </message>
        <message>
            <source>sin permiso</source>
            <translation>no permit</translation>
        </message>
        <message>
            <source>{number} · {title} · riesgo {risk} · permiso: {permit}</source>
            <translation>{number} · {title} · {risk} risk · permit: {permit}</translation>
        </message>
        <message>
            <source>Registro del último bloqueo (terminado)</source>
            <translation>Record of the last lockout (ended)</translation>
        </message>
        <message>
            <source>{serial} puesto</source>
            <translation>{serial} on</translation>
        </message>
        <message>
            <source>sin candado</source>
            <translation>no lock</translation>
        </message>
        <message>
            <source>Capacitación vigente para equipos de categoría {category}.</source>
            <translation>Valid training for {category} equipment.</translation>
        </message>
        <message>
            <source>Permiso de trabajo: no se requiere para esta orden o está activo y aprobado.</source>
            <translation>Work permit: not required for this order, or active and approved.</translation>
        </message>
        <message>
            <source>Sin orden de trabajo: no se exige permiso.</source>
            <translation>No work order: no permit required.</translation>
        </message>
        <message>
            <source>Procedimiento inspeccionado en los últimos 12 meses (última: {date}).</source>
            <translation>Procedure inspected within the last 12 months (last: {date}).</translation>
        </message>
        <message>
            <source>{mark} Candado {serial} · {who}</source>
            <translation>{mark} Lock {serial} · {who}</translation>
        </message>
        <message>
            <source> · evidencia pendiente</source>
            <translation> · evidence pending</translation>
        </message>
        <message>
            <source>Escanee o escriba el candado</source>
            <translation>Scan or type the lock</translation>
        </message>
        <message>
            <source>Foto ✔</source>
            <translation>Photo ✔</translation>
        </message>
        <message>
            <source>Tomar foto</source>
            <translation>Take photo</translation>
        </message>
        <message>
            <source>Poner candado</source>
            <translation>Apply lock</translation>
        </message>
        <message>
            <source>Empiece avisando a las personas afectadas.</source>
            <translation>Start by notifying the affected people.</translation>
        </message>
        <message>
            <source>✔ Puede empezar a trabajar: equipo aislado y verificado.</source>
            <translation>✔ Work may start: equipment isolated and verified.</translation>
        </message>
        <message>
            <source>Aún no puede trabajar: {reason}</source>
            <translation>Work may not start yet: {reason}</translation>
        </message>
        <message>
            <source>{serial} en {point} · lo tiene {who}</source>
            <translation>{serial} on {point} · held by {who}</translation>
        </message>
        <message>
            <source>Retirar</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Retiro por excepción</source>
            <translation>Exception removal</translation>
        </message>
        <message>
            <source>Caja de bloqueo grupal {serial} · responsable: {who} · {count} candados personales</source>
            <translation>Group lockbox {serial} · in charge: {who} · {count} personal locks</translation>
        </message>
        <message>
            <source>Sin caja de bloqueo grupal.</source>
            <translation>No group lockbox.</translation>
        </message>
        <message>
            <source>Candado personal {serial} · {who}</source>
            <translation>Personal lock {serial} · {who}</translation>
        </message>
        <message>
            <source>Retirar mi candado personal</source>
            <translation>Remove my personal lock</translation>
        </message>
        <message>
            <source>evidencia pendiente</source>
            <translation>evidence pending</translation>
        </message>
        <message>
            <source>Evidencia pendiente: {count} fotos aún no llegan al servidor.</source>
            <translation>Evidence pending: {count} photos have not reached the server yet.</translation>
        </message>
        <message>
            <source>Evidencia en el servidor.</source>
            <translation>Evidence on the server.</translation>
        </message>
        <message>
            <source>Cadena de evidencia con problemas: {count}.</source>
            <translation>Evidence chain problems: {count}.</translation>
        </message>
        <message>
            <source>Aviso registrado. Ahora detenga el equipo.</source>
            <translation>Notification recorded. Now shut the equipment down.</translation>
        </message>
        <message>
            <source>Equipo detenido. Ponga un candado en cada punto de aislamiento.</source>
            <translation>Equipment shut down. Put a lock on every isolation point.</translation>
        </message>
        <message>
            <source>Candado {serial} puesto.</source>
            <translation>Lock {serial} applied.</translation>
        </message>
        <message>
            <source>Energía acumulada liberada. Haga la prueba de arranque.</source>
            <translation>Stored energy released. Do the try-out.</translation>
        </message>
        <message>
            <source>Aislamiento verificado: puede empezar a trabajar.</source>
            <translation>Isolation verified: work may start.</translation>
        </message>
        <message>
            <source>Este equipo no tiene cámara para tomar la foto.</source>
            <translation>This device has no camera to take the photo.</translation>
        </message>
        <message>
            <source>Abriendo la cámara: apunte al candado y toque de nuevo «Tomar foto».</source>
            <translation>Opening the camera: point it at the lock and tap “Take photo” again.</translation>
        </message>
        <message>
            <source>La cámara aún no entrega imagen: espere un momento y repita.</source>
            <translation>The camera gives no picture yet: wait a moment and try again.</translation>
        </message>
        <message>
            <source>Foto guardada ({hash}).</source>
            <translation>Photo kept ({hash}).</translation>
        </message>
        <message>
            <source>Candado {serial} retirado.</source>
            <translation>Lock {serial} removed.</translation>
        </message>
        <message>
            <source>Caja de bloqueo grupal: n.º de serie</source>
            <translation>Group lockbox: serial number</translation>
        </message>
        <message>
            <source>Caja grupal abierta: cada integrante pone su candado personal.</source>
            <translation>Group lockbox open: each member puts a personal lock on it.</translation>
        </message>
        <message>
            <source>Mi candado personal en la caja grupal</source>
            <translation>My personal lock on the group lockbox</translation>
        </message>
        <message>
            <source>Su candado personal quedó en la caja grupal.</source>
            <translation>Your personal lock is on the group lockbox.</translation>
        </message>
        <message>
            <source>Candado personal retirado de la caja grupal.</source>
            <translation>Personal lock removed from the group lockbox.</translation>
        </message>
        <message>
            <source>Usted recibió el bloqueo: verifique de nuevo el aislamiento.</source>
            <translation>You took the lockout over: verify isolation again.</translation>
        </message>
        <message>
            <source>Registro en PDF: {path}</source>
            <translation>Record as PDF: {path}</translation>
        </message>
        <message>
            <source>Guardar registro LOTO</source>
            <translation>Save LOTO record</translation>
        </message>
        <message>
            <source>Registro guardado en {path}</source>
            <translation>Record saved to {path}</translation>
        </message>
        <message>
            <source>Equipo</source>
            <translation>Equipment</translation>
        </message>
        <message>
            <source>Candado</source>
            <translation>Lock</translation>
        </message>
        <message>
            <source>Lo tiene</source>
            <translation>Held by</translation>
        </message>
        <message>
            <source>Desde</source>
            <translation>Since</translation>
        </message>
        <message>
            <source>Este equipo no tiene cámara: escriba el código del equipo.</source>
            <translation>This device has no camera: type the equipment's code.</translation>
        </message>
        <message>
            <source>Escanee la etiqueta QR o escriba el código / nombre del equipo</source>
            <translation>Scan the QR tag or type the equipment's code / name</translation>
        </message>
        <message>
            <source>Buscar</source>
            <translation>Search</translation>
        </message>
        <message>
            <source>Escanear</source>
            <translation>Scan</translation>
        </message>
        <message>
            <source>Escanee la etiqueta del equipo o búsquelo para ver su procedimiento de bloqueo.</source>
            <translation>Scan the equipment's tag or search for it to see its lockout procedure.</translation>
        </message>
        <message>
            <source>Orden de trabajo:</source>
            <translation>Work order:</translation>
        </message>
        <message>
            <source>Punto de aislamiento</source>
            <translation>Isolation point</translation>
        </message>
        <message>
            <source>Dispositivo</source>
            <translation>Device</translation>
        </message>
        <message>
            <source>Verificación</source>
            <translation>Verification</translation>
        </message>
        <message>
            <source>Requisitos</source>
            <translation>Prerequisites</translation>
        </message>
        <message>
            <source>Pasos del bloqueo</source>
            <translation>Lockout steps</translation>
        </message>
        <message>
            <source>1. Avisar a las personas afectadas</source>
            <translation>1. Notify the affected people</translation>
        </message>
        <message>
            <source>2. Detener el equipo (parada normal)</source>
            <translation>2. Shut the equipment down (normal stop)</translation>
        </message>
        <message>
            <source>3. Un candado con foto en cada punto de aislamiento:</source>
            <translation>3. A lock with a photo on every isolation point:</translation>
        </message>
        <message>
            <source>4. Liberar la energía acumulada</source>
            <translation>4. Release stored energy</translation>
        </message>
        <message>
            <source>5. Prueba de arranque: verificar el aislamiento</source>
            <translation>5. Try-out: verify isolation</translation>
        </message>
        <message>
            <source>Candados puestos</source>
            <translation>Locks on</translation>
        </message>
        <message>
            <source>Abrir caja de bloqueo grupal</source>
            <translation>Open a group lockbox</translation>
        </message>
        <message>
            <source>Poner mi candado personal</source>
            <translation>Put my personal lock on</translation>
        </message>
        <message>
            <source>Recibir el bloqueo (cambio de turno)</source>
            <translation>Take the lockout over (shift change)</translation>
        </message>
        <message>
            <source>Registro</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>Ver PDF</source>
            <translation>View PDF</translation>
        </message>
        <message>
            <source>Guardar PDF…</source>
            <translation>Save PDF…</translation>
        </message>
        <message>
            <source>Míos</source>
            <translation>Mine</translation>
        </message>
        <message>
            <source>Toda la instalación</source>
            <translation>Whole site</translation>
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
            <source>Cargando…</source>
            <translation>Loading…</translation>
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
        <name>NdaDialog</name>
        <message>
            <source>Acuerdo de confidencialidad</source>
            <translation>Non-disclosure agreement</translation>
        </message>
        <message>
            <source>Versión {version} · huella {sha}</source>
            <translation>Version {version} · fingerprint {sha}</translation>
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
            <source>Borrar firma</source>
            <translation>Clear signature</translation>
        </message>
        <message>
            <source>Firmar y aceptar</source>
            <translation>Sign and accept</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Firme dentro del recuadro:</source>
            <translation>Sign inside the box:</translation>
        </message>
        <message>
            <source>Escriba el nombre de quien firma.</source>
            <translation>Enter the signer's name.</translation>
        </message>
        <message>
            <source>Falta la firma.</source>
            <translation>The signature is missing.</translation>
        </message>
    </context>
    <context>
        <name>PdfPane</name>
        <message>
            <source>Este equipo no tiene el visor de PDF (QtPdf) instalado.</source>
            <translation>This device does not have the PDF viewer (QtPdf) installed.</translation>
        </message>
        <message>
            <source>No se pudo abrir el documento PDF (está dañado o incompleto).</source>
            <translation>The PDF document could not be opened (it is damaged or incomplete).</translation>
        </message>
    </context>
    <context>
        <name>PermitForm</name>
        <message>
            <source>Toque una celda de la matriz para calificar el riesgo.</source>
            <translation>Tap a cell of the matrix to rate the risk.</translation>
        </message>
        <message>
            <source>Riesgo {level} (probabilidad {likelihood} × severidad {severity} = {score})</source>
            <translation>{level} risk (likelihood {likelihood} × severity {severity} = {score})</translation>
        </message>
        <message>
            <source>Requiere la aprobación de un supervisor distinto de usted.</source>
            <translation>Needs the approval of a supervisor other than you.</translation>
        </message>
        <message>
            <source>Elija la orden de trabajo.</source>
            <translation>Choose the work order.</translation>
        </message>
        <message>
            <source>Marque al menos un peligro.</source>
            <translation>Tick at least one hazard.</translation>
        </message>
        <message>
            <source>Describa las medidas de control.</source>
            <translation>Describe the control measures.</translation>
        </message>
        <message>
            <source>La vigencia debe terminar después de comenzar.</source>
            <translation>The validity must end after it starts.</translation>
        </message>
        <message>
            <source>Nuevo permiso de trabajo</source>
            <translation>New work permit</translation>
        </message>
        <message>
            <source>Orden de trabajo</source>
            <translation>Work order</translation>
        </message>
        <message>
            <source>Peligros</source>
            <translation>Hazards</translation>
        </message>
        <message>
            <source>Medidas de control</source>
            <translation>Control measures</translation>
        </message>
        <message>
            <source>Descripción del trabajo y del riesgo</source>
            <translation>Description of the work and the risk</translation>
        </message>
        <message>
            <source>Válido desde</source>
            <translation>Valid from</translation>
        </message>
        <message>
            <source>Válido hasta</source>
            <translation>Valid until</translation>
        </message>
        <message>
            <source>Matriz de riesgo</source>
            <translation>Risk matrix</translation>
        </message>
        <message>
            <source>Ej.: bloqueo y etiquetado, medición de ausencia de tensión, arnés</source>
            <translation>E.g. lockout and tagout, test for absence of voltage, harness</translation>
        </message>
        <message>
            <source>Enviar solicitud</source>
            <translation>Send request</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>PermitPage</name>
        <message>
            <source>No se pudieron leer los permisos: {error}</source>
            <translation>The permits could not be read: {error}</translation>
        </message>
        <message>
            <source>Orden</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>Riesgo</source>
            <translation>Risk</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Vigencia</source>
            <translation>Validity</translation>
        </message>
        <message>
            <source>Riesgo {level} · {likelihood} × {severity}</source>
            <translation>{level} risk · {likelihood} × {severity}</translation>
        </message>
        <message>
            <source>Vigencia: {start} → {end} ({state})</source>
            <translation>Valid: {start} → {end} ({state})</translation>
        </message>
        <message>
            <source>✔ El trabajo puede comenzar bajo este permiso.</source>
            <translation>✔ Work may start under this permit.</translation>
        </message>
        <message>
            <source>✘ Todavía no se puede trabajar: {reasons}</source>
            <translation>✘ Work cannot start yet: {reasons}</translation>
        </message>
        <message>
            <source>Solicitado por {name}</source>
            <translation>Requested by {name}</translation>
        </message>
        <message>
            <source>Peligros: {hazards}</source>
            <translation>Hazards: {hazards}</translation>
        </message>
        <message>
            <source>Medidas de control: {controls}</source>
            <translation>Control measures: {controls}</translation>
        </message>
        <message>
            <source>Equipo entregado: {state}</source>
            <translation>Equipment handed back: {state}</translation>
        </message>
        <message>
            <source>Rechazado: {reason}</source>
            <translation>Rejected: {reason}</translation>
        </message>
        <message>
            <source>Sin aprobación. Riesgo {level}: la aprueba un supervisor distinto de quien lo solicitó.</source>
            <translation>Not approved. {level} risk: a supervisor other than its requester approves it.</translation>
        </message>
        <message>
            <source>Sin aprobación.</source>
            <translation>Not approved.</translation>
        </message>
        <message>
            <source>Aprobado por {name} el {time}, con su contraseña en el equipo de {session} ({device}).</source>
            <translation>Approved by {name} on {time}, with their password on the device of {session} ({device}).</translation>
        </message>
        <message>
            <source>Aprobado por {name} el {time}.</source>
            <translation>Approved by {name} on {time}.</translation>
        </message>
        <message>
            <source>Reanudar</source>
            <translation>Resume</translation>
        </message>
        <message>
            <source>Activar</source>
            <translation>Activate</translation>
        </message>
        <message>
            <source>Falta un dato en este equipo ({entity}): sincronice.</source>
            <translation>Data is missing on this device ({entity}): sync.</translation>
        </message>
        <message>
            <source>No se pudo guardar: {error}</source>
            <translation>Could not save: {error}</translation>
        </message>
        <message>
            <source>Permiso aprobado.</source>
            <translation>Permit approved.</translation>
        </message>
        <message>
            <source>Permiso activo: el trabajo puede comenzar.</source>
            <translation>Permit active: work may start.</translation>
        </message>
        <message>
            <source>Permiso suspendido.</source>
            <translation>Permit suspended.</translation>
        </message>
        <message>
            <source>Permiso aprobado por {name} en este equipo.</source>
            <translation>Permit approved by {name} on this device.</translation>
        </message>
        <message>
            <source>Permiso rechazado.</source>
            <translation>Permit rejected.</translation>
        </message>
        <message>
            <source>Permiso cerrado.</source>
            <translation>Permit closed.</translation>
        </message>
        <message>
            <source>Permiso solicitado.</source>
            <translation>Permit requested.</translation>
        </message>
        <message>
            <source>Nuevo permiso</source>
            <translation>New permit</translation>
        </message>
        <message>
            <source>No hay permisos en esta instalación.</source>
            <translation>There are no permits at this site.</translation>
        </message>
        <message>
            <source>Elija un permiso de la lista o cree uno nuevo.</source>
            <translation>Choose a permit from the list or create a new one.</translation>
        </message>
        <message>
            <source>Aprobar</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>Firma de supervisor aquí</source>
            <translation>Supervisor signs here</translation>
        </message>
        <message>
            <source>Rechazar</source>
            <translation>Reject</translation>
        </message>
        <message>
            <source>Suspender</source>
            <translation>Suspend</translation>
        </message>
        <message>
            <source>Cerrar</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>Permits</name>
        <message>
            <source>Energía eléctrica</source>
            <translation>Electrical energy</translation>
        </message>
        <message>
            <source>Energía acumulada</source>
            <translation>Stored energy</translation>
        </message>
        <message>
            <source>Partes en movimiento</source>
            <translation>Moving parts</translation>
        </message>
        <message>
            <source>Trabajo en altura</source>
            <translation>Work at height</translation>
        </message>
        <message>
            <source>Espacio confinado</source>
            <translation>Confined space</translation>
        </message>
        <message>
            <source>Trabajo en caliente</source>
            <translation>Hot work</translation>
        </message>
        <message>
            <source>Sustancias peligrosas</source>
            <translation>Hazardous substances</translation>
        </message>
        <message>
            <source>Izaje de cargas</source>
            <translation>Lifting loads</translation>
        </message>
        <message>
            <source>devuelto a operación</source>
            <translation>returned to service</translation>
        </message>
        <message>
            <source>sigue aislado</source>
            <translation>remains isolated</translation>
        </message>
        <message>
            <source>fuera de servicio</source>
            <translation>out of service</translation>
        </message>
        <message>
            <source>aún no vigente</source>
            <translation>not yet valid</translation>
        </message>
        <message>
            <source>vigente</source>
            <translation>valid</translation>
        </message>
        <message>
            <source>vencido</source>
            <translation>expired</translation>
        </message>
    </context>
    <context>
        <name>PhotoDialog</name>
        <message>
            <source>Foto del ítem</source>
            <translation>Item photo</translation>
        </message>
        <message>
            <source>Tomar foto</source>
            <translation>Take photo</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>La cámara aún no entrega imagen: espere un momento.</source>
            <translation>The camera is not giving a picture yet: wait a moment.</translation>
        </message>
    </context>
    <context>
        <name>QuestionBox</name>
        <message>
            <source>Verdadero</source>
            <translation>True</translation>
        </message>
        <message>
            <source>Falso</source>
            <translation>False</translation>
        </message>
    </context>
    <context>
        <name>QuizPane</name>
        <message>
            <source>← Volver</source>
            <translation>← Back</translation>
        </message>
        <message>
            <source>Entregar evaluación</source>
            <translation>Hand in quiz</translation>
        </message>
        <message>
            <source>Sincronizar ahora</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <source>Cuestionario de práctica: se corrige en este equipo y no da certificado.</source>
            <translation>Practice quiz: checked on this device; it gives no certificate.</translation>
        </message>
        <message>
            <source>Intento {n} de {max} · aprobación con {min}% · el servidor lo califica al sincronizar.</source>
            <translation>Attempt {n} of {max} · pass mark {min}% · the server grades it when you sync.</translation>
        </message>
        <message>
            <source>Este módulo no tiene evaluación.</source>
            <translation>This module has no quiz.</translation>
        </message>
        <message>
            <source>Este cuestionario está dañado y no se puede responder ({detail}). Avise a su supervisor; no se guardó nada.</source>
            <translation>This quiz is damaged and cannot be answered ({detail}). Tell your supervisor; nothing was saved.</translation>
        </message>
        <message>
            <source>No se pudo abrir el cuestionario: {error}</source>
            <translation>The quiz could not be opened: {error}</translation>
        </message>
        <message>
            <source>No se pudo guardar la respuesta: {error}</source>
            <translation>The answer could not be saved: {error}</translation>
        </message>
        <message>
            <source>{n} de {total} respuestas guardadas en este equipo.</source>
            <translation>{n} of {total} answers saved on this device.</translation>
        </message>
        <message>
            <source>Responda todas las preguntas antes de entregar (faltan: {numbers}).</source>
            <translation>Answer every question before handing in (missing: {numbers}).</translation>
        </message>
        <message>
            <source>¿Entregar la evaluación? No podrá cambiar las respuestas.</source>
            <translation>Hand in the quiz? You will not be able to change the answers.</translation>
        </message>
        <message>
            <source>Entregar</source>
            <translation>Hand in</translation>
        </message>
        <message>
            <source>Seguir respondiendo</source>
            <translation>Keep answering</translation>
        </message>
        <message>
            <source>Práctica corregida en este equipo: {score}%.</source>
            <translation>Practice checked on this device: {score}%.</translation>
        </message>
        <message>
            <source>Evaluación entregada (intento {n} de {max}). El servidor la califica: el resultado aparecerá después de sincronizar.</source>
            <translation>Quiz handed in (attempt {n} of {max}). The server grades it: the result will appear after syncing.</translation>
        </message>
        <message>
            <source>No se pudo entregar: {error}</source>
            <translation>Could not hand in: {error}</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>Rechazar permiso</source>
            <translation>Reject permit</translation>
        </message>
        <message>
            <source>¿Por qué se rechaza el permiso de {ticket}?</source>
            <translation>Why is the permit for {ticket} rejected?</translation>
        </message>
        <message>
            <source>Rechazar</source>
            <translation>Reject</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Escriba el motivo.</source>
            <translation>Type the reason.</translation>
        </message>
    </context>
    <context>
        <name>RemovalDialog</name>
        <message>
            <source>Retiro por excepción</source>
            <translation>Exception removal</translation>
        </message>
        <message>
            <source>Retirar candado</source>
            <translation>Remove lock</translation>
        </message>
        <message>
            <source>{heading}: candado {serial} · {point}</source>
            <translation>{heading}: lock {serial} · {point}</translation>
        </message>
        <message>
            <source>Solo un supervisor, y solo si quien puso el candado no está en la instalación: deje registro de los tres hechos.</source>
            <translation>Only a supervisor, and only when the person who applied the lock is not at the site: record the three facts.</translation>
        </message>
        <message>
            <source>Solo quien puso el candado puede retirarlo.</source>
            <translation>Only the person who applied the lock may remove it.</translation>
        </message>
        <message>
            <source>Tomar foto</source>
            <translation>Take photo</translation>
        </message>
        <message>
            <source>Sin foto</source>
            <translation>No photo</translation>
        </message>
        <message>
            <source>El área está despejada (herramientas y personas)</source>
            <translation>The area is clear (tools and people)</translation>
        </message>
        <message>
            <source>Se avisó a las personas afectadas</source>
            <translation>The affected people were notified</translation>
        </message>
        <message>
            <source>Verifiqué que no está en la instalación</source>
            <translation>I verified they are not at the site</translation>
        </message>
        <message>
            <source>Cómo se intentó contactarlo (teléfono, radio, hora)</source>
            <translation>How contacting them was attempted (phone, radio, time)</translation>
        </message>
        <message>
            <source>Será informado antes de volver a su trabajo</source>
            <translation>They will be informed before resuming work</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Foto ✔ {hash}</source>
            <translation>Photo ✔ {hash}</translation>
        </message>
    </context>
    <context>
        <name>RiskMatrixGrid</name>
        <message>
            <source>Probabilidad {likelihood}, severidad {severity}</source>
            <translation>Likelihood {likelihood}, severity {severity}</translation>
        </message>
        <message>
            <source>Severidad →</source>
            <translation>Severity →</translation>
        </message>
        <message>
            <source>Filas: probabilidad (5 arriba)</source>
            <translation>Rows: likelihood (5 at the top)</translation>
        </message>
    </context>
    <context>
        <name>RollCallPage</name>
        <message>
            <source>Técnico con bloqueo</source>
            <translation>Technician with locks</translation>
        </message>
        <message>
            <source>(anonimizado)</source>
            <translation>(anonymized)</translation>
        </message>
        <message>
            <source>A salvo</source>
            <translation>Safe</translation>
        </message>
        <message>
            <source>Nombre</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Tipo</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Empresa</source>
            <translation>Company</translation>
        </message>
        <message>
            <source>RUT</source>
            <translation>RUT</translation>
        </message>
        <message>
            <source>Desde</source>
            <translation>Since</translation>
        </message>
        <message>
            <source>Detalle</source>
            <translation>Detail</translation>
        </message>
        <message>
            <source>Candados: {locks}</source>
            <translation>Locks: {locks}</translation>
        </message>
        <message>
            <source>Con invitación</source>
            <translation>Invited</translation>
        </message>
        <message>
            <source>Sin invitación</source>
            <translation>Walk-in</translation>
        </message>
        <message>
            <source>Marcar a salvo</source>
            <translation>Mark safe</translation>
        </message>
        <message>
            <source>Registrar salida</source>
            <translation>Check out</translation>
        </message>
        <message>
            <source>Nuevo conteo</source>
            <translation>New count</translation>
        </message>
        <message>
            <source>Exportar CSV</source>
            <translation>Export CSV</translation>
        </message>
        <message>
            <source>Exportar PDF</source>
            <translation>Export PDF</translation>
        </message>
        <message>
            <source>Dentro: {inside} · A salvo: {safe} · Faltan: {missing}</source>
            <translation>Inside: {inside} · Safe: {safe} · Missing: {missing}</translation>
        </message>
        <message>
            <source>Elija a una persona de la lista.</source>
            <translation>Choose a person in the list.</translation>
        </message>
        <message>
            <source>Solo se registra la salida de personas que entraron por portería.</source>
            <translation>Only people who came in through the gate are checked out here.</translation>
        </message>
        <message>
            <source>Portería principal</source>
            <translation>Main gate</translation>
        </message>
        <message>
            <source>sí</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>NO</source>
            <translation>NO</translation>
        </message>
        <message>
            <source>Pasar lista (evacuación)</source>
            <translation>Roll call (evacuation)</translation>
        </message>
        <message>
            <source>Guardado en {path}</source>
            <translation>Saved in {path}</translation>
        </message>
        <message>
            <source>No se pudo completar: {error}</source>
            <translation>Could not complete it: {error}</translation>
        </message>
    </context>
    <context>
        <name>SerialDialog</name>
        <message>
            <source>N.º de serie del candado</source>
            <translation>Lock serial number</translation>
        </message>
        <message>
            <source>Aceptar</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
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
            <source>Fuente de cámara (vacío: la cámara de arriba)</source>
            <translation>Camera source (empty: the camera above)</translation>
        </message>
        <message>
            <source>Lector de códigos QR</source>
            <translation>QR code reader</translation>
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
            <source>(+{count} de otras personas)</source>
            <translation>(+{count} from other people)</translation>
        </message>
        <message>
            <source>Sincronizado: {time}</source>
            <translation>Synced: {time}</translation>
        </message>
        <message>
            <source>Sincronizado: nunca</source>
            <translation>Synced: never</translation>
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
    <context>
        <name>TrainingMatrixPage</name>
        <message>
            <source>Actualizar</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>Exportar CSV</source>
            <translation>Export CSV</translation>
        </message>
        <message>
            <source>vence en 30 días</source>
            <translation>expires within 30 days</translation>
        </message>
        <message>
            <source>Datos del servidor, recién leídos.</source>
            <translation>Server data, just read.</translation>
        </message>
        <message>
            <source>Sin conexión: copia del {when}.</source>
            <translation>Offline: copy from {when}.</translation>
        </message>
        <message>
            <source>Sin conexión y sin copia del servidor: se muestra lo que hay en este equipo. Conéctese y pulse Actualizar.</source>
            <translation>Offline and no copy from the server: showing what this device has. Connect and press Refresh.</translation>
        </message>
        <message>
            <source>No se pudo leer la matriz: {error}</source>
            <translation>The matrix could not be read: {error}</translation>
        </message>
        <message>
            <source>Exportar matriz de capacitación</source>
            <translation>Export training matrix</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>No se pudo guardar el archivo: {error}</source>
            <translation>The file could not be saved: {error}</translation>
        </message>
        <message>
            <source>Matriz exportada a {path}</source>
            <translation>Matrix exported to {path}</translation>
        </message>
    </context>
    <context>
        <name>TrainingPage</name>
        <message>
            <source>Módulo</source>
            <translation>Module</translation>
        </message>
        <message>
            <source>Estado</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Plazo / vence</source>
            <translation>Due / expires</translation>
        </message>
        <message>
            <source>por calificar</source>
            <translation>awaiting grade</translation>
        </message>
        <message>
            <source>reasignado</source>
            <translation>reassigned</translation>
        </message>
        <message>
            <source>vence pronto</source>
            <translation>expires soon</translation>
        </message>
        <message>
            <source>plazo {date}</source>
            <translation>due {date}</translation>
        </message>
        <message>
            <source>No tiene capacitaciones asignadas.</source>
            <translation>You have no assigned training.</translation>
        </message>
        <message>
            <source>← Volver</source>
            <translation>← Back</translation>
        </message>
        <message>
            <source>Rendir evaluación</source>
            <translation>Take quiz</translation>
        </message>
        <message>
            <source>Material</source>
            <translation>Material</translation>
        </message>
        <message>
            <source>Certificado</source>
            <translation>Certificate</translation>
        </message>
        <message>
            <source>No se pudieron leer los datos: {error}</source>
            <translation>The data could not be read: {error}</translation>
        </message>
        <message>
            <source>Estado: {status}</source>
            <translation>Status: {status}</translation>
        </message>
        <message>
            <source>Exigido para bloquear equipos de categoría {category}.</source>
            <translation>Required to lock out {category} equipment.</translation>
        </message>
        <message>
            <source>Módulo de práctica (no da certificado).</source>
            <translation>Practice module (no certificate).</translation>
        </message>
        <message>
            <source>Intentos: {used} de {max} · aprobación {min}% · espera {hours} h</source>
            <translation>Attempts: {used} of {max} · pass mark {min}% · wait {hours} h</translation>
        </message>
        <message>
            <source>Puntaje: {score}%</source>
            <translation>Score: {score}%</translation>
        </message>
        <message>
            <source>Plazo: {date}</source>
            <translation>Due: {date}</translation>
        </message>
        <message>
            <source>Certificado {number}, vence {date}</source>
            <translation>Certificate {number}, expires {date}</translation>
        </message>
        <message>
            <source>Certificado anterior {number}: venció {date}</source>
            <translation>Previous certificate {number}: expired {date}</translation>
        </message>
        <message>
            <source>Último intento: {score}% ({result})</source>
            <translation>Last attempt: {score}% ({result})</translation>
        </message>
        <message>
            <source>aprobado</source>
            <translation>passed</translation>
        </message>
        <message>
            <source>reprobado</source>
            <translation>failed</translation>
        </message>
        <message>
            <source>Evaluación entregada: el resultado llega al sincronizar con el servidor.</source>
            <translation>Quiz handed in: the result arrives when you sync with the server.</translation>
        </message>
        <message>
            <source>Sin material</source>
            <translation>No material</translation>
        </message>
        <message>
            <source>Material ({size})</source>
            <translation>Course material ({size})</translation>
        </message>
        <message>
            <source>Continuar evaluación</source>
            <translation>Continue quiz</translation>
        </message>
        <message>
            <source>Este módulo no tiene material.</source>
            <translation>This module has no material.</translation>
        </message>
        <message>
            <source>El material ({size}) no está en este equipo. Descárguelo para verlo sin conexión.</source>
            <translation>The material ({size}) is not on this device. Download it to view it offline.</translation>
        </message>
        <message>
            <source>Descargar {size}</source>
            <translation>Download {size}</translation>
        </message>
        <message>
            <source>%p% de {size}</source>
            <translation>%p% of {size}</translation>
        </message>
        <message>
            <source>No se pudo descargar el material (sin conexión con el servidor). Intente de nuevo cuando haya red: {error}</source>
            <translation>The material could not be downloaded (no connection to the server). Try again when there is a network: {error}</translation>
        </message>
        <message>
            <source>Material guardado en este equipo: se ve sin conexión.</source>
            <translation>Material kept on this device: it can be viewed offline.</translation>
        </message>
        <message>
            <source>No se pudo descargar el certificado: {error}</source>
            <translation>The certificate could not be downloaded: {error}</translation>
        </message>
    </context>
    <context>
        <name>VideoPane</name>
        <message>
            <source>Pausa</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>Reproducir</source>
            <translation>Play</translation>
        </message>
        <message>
            <source>Este equipo no puede reproducir video (falta QtMultimedia). Pida a soporte que lo instale o vea el material en otro equipo.</source>
            <translation>This device cannot play video (QtMultimedia is missing). Ask support to install it or view the material on another device.</translation>
        </message>
        <message>
            <source>Este equipo no tiene un reproductor de video disponible.</source>
            <translation>This device has no video player available.</translation>
        </message>
        <message>
            <source>No se pudo reproducir el video: {error}</source>
            <translation>The video could not be played: {error}</translation>
        </message>
    </context>
    <context>
        <name>WalkInDialog</name>
        <message>
            <source>Visita sin invitación</source>
            <translation>Walk-in</translation>
        </message>
        <message>
            <source>(sin anfitrión)</source>
            <translation>(no host)</translation>
        </message>
        <message>
            <source>Foto del documento</source>
            <translation>ID document photo</translation>
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
            <source>Tipo de acceso</source>
            <translation>Access type</translation>
        </message>
        <message>
            <source>Anfitrión</source>
            <translation>Host</translation>
        </message>
        <message>
            <source>Registrar entrada</source>
            <translation>Check in</translation>
        </message>
        <message>
            <source>Cancelar</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>RUT válido</source>
            <translation>Valid RUT</translation>
        </message>
        <message>
            <source>RUT no válido</source>
            <translation>Invalid RUT</translation>
        </message>
    </context>
</TS>
