import type { Catalogue } from './en.ts';

// Spanish catalogue: neutral Latin American Spanish, addressing the reader as «usted».
export const es: Catalogue = {
  app: {
    name: 'Restorativ',
    loading: 'Cargando…',
  },
  layout: {
    skipLink: 'Saltar al contenido principal',
    homeLinkLabel: 'Restorativ, página de inicio',
    navLabel: 'Principal',
    nav: {
      home: 'Inicio',
      privacy: 'Privacidad',
      // Short, so that the three links fit on one row of a 320px phone.
      signIn: 'Entrar',
      account: 'Su cuenta',
    },
    footer: {
      about:
        'Restorativ es software de código abierto para la justicia restaurativa entre la policía y las comunidades a las que sirve.',
      privacy: 'Privacidad',
    },
  },
  language: {
    label: 'Idioma',
    changed: 'La página ahora está en español.',
    failed: 'No pudimos cambiar el idioma. Revise su conexión e inténtelo de nuevo.',
  },
  ui: {
    close: 'Cerrar',
    notifications: 'Notificaciones',
    dismiss: 'Cerrar',
    busy: 'Un momento, por favor…',
    password: {
      show: 'Mostrar',
      hide: 'Ocultar',
      showLabel: 'Mostrar contraseña',
      hideLabel: 'Ocultar contraseña',
      nowShown: 'Su contraseña está visible.',
      nowHidden: 'Su contraseña está oculta.',
    },
  },
  forms: {
    errorSummary: 'Algunas respuestas necesitan un cambio',
    network:
      'No pudimos comunicarnos con Restorativ. Revise su conexión e inténtelo de nuevo. No se perdió nada de lo que escribió.',
    failed:
      'Algo salió mal por nuestra parte. No se perdió nada de lo que escribió. Inténtelo de nuevo en un momento.',
    signedOut: 'Ya no tiene la sesión iniciada. Inicie sesión de nuevo y vuelva a intentarlo.',
    forbidden:
      'Su cuenta no tiene permiso para hacer esto. Consulte a quien administra su organización.',
    tooMany: 'Hubo demasiados intentos en poco tiempo. Espere un minuto y vuelva a intentarlo.',
    policeTitle:
      'Solo los agentes verificados se muestran como agentes. Elija un nombre sin título policial.',
  },
  home: {
    title: 'Inicio',
    heading: 'Un lugar seguro para hablar, escuchar y reparar el daño',
    lead: 'Restorativ reúne a residentes y agentes de policía, con el apoyo de una persona facilitadora capacitada, para hablar de un daño que ocurrió y acordar cómo repararlo.',
    residents: {
      heading: 'Si recibió una invitación',
      intro:
        'Es posible que le hayan enviado un enlace a un círculo o a un diálogo. Esto es lo que significa.',
      circleHeading: '¿Qué es un círculo restaurativo?',
      circleBody:
        'Un grupo pequeño se reúne, en persona o en línea, con una persona facilitadora capacitada que cuida el círculo. Se pasa un objeto de la palabra: solo habla quien lo tiene, para que todas las personas sean escuchadas sin interrupciones. Siempre puede pasar su turno.',
      dialogueHeading: '¿Qué es un diálogo?',
      dialogueBody:
        'Un diálogo es una conversación en línea sobre un solo tema, por ejemplo, las paradas de tráfico en su barrio. Puede compartir una inquietud, leer las respuestas de agentes y decir si está de acuerdo con frases breves. Después, la persona facilitadora reúne los puntos en los que coinciden residentes y agentes.',
      promisesHeading: 'Con lo que puede contar',
      promises: {
        voluntary: 'Participar es su decisión. Puede decir que no.',
        phone: 'Entra desde su teléfono con el enlace que recibió. Sin cuenta y sin contraseña.',
        language: 'Puede usar el idioma que prefiera.',
        name: 'Usted elige el nombre que verán los demás. No tiene que ser su nombre real.',
        stepOut: 'Puede retirarse discretamente en cualquier momento.',
        recording: 'No se graba nada sin el acuerdo de todas las personas participantes.',
      },
    },
    organisations: {
      heading: 'Para agencias y organizaciones comunitarias',
      intro:
        'Una agencia de policía y sus aliados en la comunidad pueden llevar todo su trabajo restaurativo en un solo lugar y ver si la confianza se está reconstruyendo.',
      circles: {
        title: 'Círculos',
        body: 'Círculos de diálogo facilitados, en una sola reunión o en una serie.',
      },
      conferences: {
        title: 'Conferencias restaurativas',
        body: 'Un proceso cuidadoso después de un hecho que causó daño: desde la derivación y la preparación hasta un acuerdo y su seguimiento.',
      },
      dialogues: {
        title: 'Diálogos',
        body: 'Conversaciones en línea moderadas que encuentran puntos en común entre residentes y agentes.',
      },
      training: {
        title: 'Capacitación',
        body: 'Cursos para agentes sobre desescalada, escucha activa y justicia procedimental.',
      },
      trust: {
        title: 'Medición de la confianza',
        body: 'Encuestas breves y tendencias a lo largo del tiempo. Nunca se muestran resultados de grupos muy pequeños.',
      },
      register: {
        title: 'Registro público de rendición de cuentas',
        body: 'Cada compromiso, con quién es responsable, para cuándo y en qué punto está, a la vista de cualquiera.',
      },
      hosting:
        'Restorativ es de código abierto. Su organización lo aloja en su propio servidor, así que la información se queda con ustedes.',
    },
    privacyLink: 'Cómo se trata su información',
  },
  privacy: {
    title: 'Privacidad',
    heading: 'Su privacidad',
    lead: 'En palabras sencillas: qué se guarda sobre usted, quién puede verlo y durante cuánto tiempo.',
    stored: {
      heading: 'Qué se guarda sobre usted',
      body: 'Si participa como residente, no necesita una cuenta. Solo se guardan el nombre que usted elija mostrar y su idioma preferido. Ese nombre no tiene que ser su nombre real. Si decide agregar un correo electrónico para volver desde otro dispositivo, también se guarda, y solo se usa para los enlaces para iniciar sesión y los correos que usted elija.',
    },
    confidential: {
      heading: 'Declaraciones y notas confidenciales',
      body: 'Las declaraciones y notas de un caso son confidenciales. Se guardan cifradas y solo pueden verlas las personas del equipo del caso.',
    },
    recording: {
      heading: 'Grabaciones',
      body: 'No se graba nada sin el acuerdo de todas las personas participantes. Si todas aceptan conservar una transcripción, esta se borra después de un plazo que fija el programa.',
    },
    surveys: {
      heading: 'Encuestas',
      body: 'Las respuestas a las encuestas solo se muestran combinadas con las de otras personas, y nunca para un grupo más pequeño que un tamaño mínimo establecido, para que nadie pueda ser identificado.',
    },
    audit: {
      heading: 'Un registro de quién vio qué',
      body: 'Cada vez que alguien lee o cambia material confidencial, queda anotado en un registro de auditoría. Las anotaciones solo se añaden, nunca se modifican, y se conservan al menos 365 días.',
    },
    public: {
      heading: 'Qué es público',
      body: 'Los compromisos del registro público de rendición de cuentas son públicos intencionalmente, para que cualquiera pueda comprobar si se cumplen.',
    },
    location: {
      heading: 'Dónde se guarda su información',
      body: 'Su información se guarda en el servidor de la organización que lleva el programa. No hay rastreadores de terceros ni publicidad.',
    },
    rights: {
      heading: 'Cómo pedir su información o que se borre',
      body: 'Para recibir una copia de su información, o pedir que se borre, comuníquese con la persona coordinadora del programa en el que participa.',
    },
  },
  setup: {
    title: 'Configurar Restorativ',
    checking: 'Comprobando su enlace de configuración…',
    form: {
      heading: 'Configure Restorativ para su organización',
      lead: 'Le damos la bienvenida. Usted es la primera persona aquí: cree su organización y su propia cuenta como administrador o administradora. Solo toma unos minutos.',
      linkNote:
        'Este enlace de configuración funciona una sola vez. Después, iniciará sesión con su correo electrónico y su contraseña.',
      organisationLegend: 'Su organización',
      organisationName: 'Nombre de la organización',
      organisationNameHelp:
        'Tal como la conoce la gente, por ejemplo, «Departamento de Policía de Riverside».',
      kind: '¿Qué tipo de organización es?',
      kinds: {
        police_agency: 'Agencia de policía',
        community_organisation: 'Organización comunitaria',
        oversight_board: 'Junta de supervisión',
        school: 'Escuela',
      },
      adminLegend: 'Su cuenta',
      adminHelp: 'Usted administrará la organización.',
      name: 'Su nombre',
      nameHelp: 'El nombre que verán las demás personas.',
      email: 'Correo electrónico',
      emailHelp: 'Lo usará para iniciar sesión.',
      password: 'Elija una contraseña',
      passwordHelp:
        'Al menos {{min}} caracteres. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.',
      submit: 'Crear la organización',
    },
    errors: {
      organisationNameShort:
        'Escriba un nombre de al menos {{min}} caracteres para la organización.',
      organisationNameLong: 'El nombre de la organización debe tener menos de {{max}} caracteres.',
      kind: 'Elija qué tipo de organización es.',
      nameMissing: 'Escriba su nombre.',
      nameLong: 'Su nombre debe tener menos de {{max}} caracteres.',
      email: 'Escriba un correo electrónico como nombre@ejemplo.org.',
      emailLong: 'El correo electrónico debe tener menos de {{max}} caracteres.',
      passwordShort: 'Elija una contraseña de al menos {{min}} caracteres.',
      passwordLong: 'La contraseña debe tener menos de {{max}} caracteres.',
    },
    done: {
      title: 'Su organización está lista',
      heading: 'Su organización está lista',
      body: '{{organisation}} ya está configurada en Restorativ, y usted es quien la administra.',
      next: 'Inicie sesión con {{email}} y la contraseña que acaba de elegir.',
      signIn: 'Iniciar sesión',
    },
    choosePassword: {
      heading: 'Elija su contraseña',
      lead: 'Restorativ ya está configurado para {{organisation}}. Elija la contraseña con la que iniciará sesión como {{email}}.',
      password: 'Contraseña nueva',
      submit: 'Guardar mi contraseña',
      doneTitle: 'Su contraseña está guardada',
      doneHeading: 'Su contraseña está guardada',
      doneBody: 'Ya puede iniciar sesión en {{organisation}} con {{email}} y su contraseña nueva.',
    },
    invalid: {
      title: 'Enlace de configuración no válido',
      heading: 'Este enlace de configuración venció o ya se usó',
      body: 'Un enlace de configuración funciona una sola vez y solo durante {{hours}} horas. Usted no hizo nada mal.',
      newLink:
        'Para recibir un enlace nuevo, vuelva a iniciar Restorativ: el enlace nuevo aparece donde se inicia, en su ventana o en su registro. Si otra persona instaló Restorativ, pídale uno.',
      signInHint:
        '¿Ya terminó la configuración? Inicie sesión con el correo electrónico y la contraseña que eligió.',
      signIn: 'Iniciar sesión',
    },
    conflict: {
      title: 'Restorativ ya está configurado',
      heading: 'Restorativ se acaba de configurar',
      body: 'Alguien terminó de configurar Restorativ hace un momento, en otra ventana o en otro dispositivo, así que su formulario no se envió.',
      next: 'Si fue usted, inicie sesión. Si no, pida a esa persona que le envíe una invitación.',
      signIn: 'Iniciar sesión',
    },
    unreachable: {
      heading: 'No pudimos comprobar su enlace de configuración',
      retry: 'Intentar de nuevo',
    },
  },
  signIn: {
    title: 'Iniciar sesión',
    heading: 'Iniciar sesión',
    lead: 'Para el personal de las organizaciones que usan Restorativ.',
    residentNote:
      '¿Le invitaron a un círculo o a un diálogo? No necesita iniciar sesión: abra el enlace que recibió. Si agregó una llave de acceso, puede usarla aquí.',
    email: 'Correo electrónico',
    password: 'Contraseña',
    forgot: '¿Olvidó su contraseña? Pida ayuda a quien administra su organización.',
    submit: 'Iniciar sesión',
    errors: {
      emailMissing: 'Escriba su correo electrónico.',
      passwordMissing: 'Escriba su contraseña.',
      mismatch:
        'El correo electrónico y la contraseña no coinciden. Revíselos e inténtelo de nuevo.',
      tooMany: 'Hubo demasiados intentos en poco tiempo. Espere un minuto y vuelva a intentarlo.',
    },
    link: {
      offerHeading: '¿No tiene contraseña?',
      offer:
        'Los residentes y las personas invitadas a participar pueden iniciar sesión con un enlace que les enviamos por correo. El personal inicia sesión con su contraseña y el código de su aplicación de autenticación.',
      offerButton: 'Recibir un enlace por correo',
      heading: 'Iniciar sesión con un enlace por correo',
      lead: 'Escriba el correo electrónico de su cuenta. Le enviaremos un enlace que inicia su sesión, sin contraseña.',
      emailHelp: 'El correo al que llegó su invitación, o el que agregó en la página de su cuenta.',
      submit: 'Enviarme el enlace',
      staff:
        'Las cuentas del personal no reciben enlaces: inicie sesión con su contraseña y el código de su aplicación de autenticación.',
      usePassword: 'Iniciar sesión con contraseña',
      sentHeading: 'Revise su correo',
      sent: 'Si {{email}} tiene una cuenta aquí, le llegará un enlace. Funciona durante {{minutes}} minutos.',
      sentHelp:
        'Puede tardar uno o dos minutos en llegar. Si no lo ve, busque en la carpeta de correo no deseado.',
      again: 'Enviar otro enlace o usar otro correo',
      tooMany:
        'Pidió varios enlaces en poco tiempo. Espere 15 minutos y vuelva a pedirlo. Un enlace ya enviado sigue funcionando.',
      failed:
        'Ese enlace para iniciar sesión ya no funciona: cada enlace sirve una sola vez y por poco tiempo. Usted no hizo nada mal.',
      failedNext: 'Pida uno nuevo aquí. Funciona durante {{minutes}} minutos.',
    },
    second: {
      heading: 'Un paso más',
      leadApp:
        'Abra la aplicación de autenticación en su teléfono y escriba el código de 6 dígitos que muestra para Restorativ.',
      leadBackup:
        'Escriba uno de los códigos de respaldo que guardó al configurar su segundo factor. Cada código sirve una sola vez.',
      code: 'Código de 6 dígitos',
      codeHelp: 'El código cambia cada 30 segundos. Escriba el que aparece ahora.',
      backupCode: 'Código de respaldo',
      backupHelp: 'Por ejemplo, 1a2b3-c4d5e.',
      submit: 'Iniciar sesión',
      useBackup: 'Usar un código de respaldo',
      useApp: 'Usar un código de mi aplicación',
      noAccess:
        '¿No tiene el teléfono ni los códigos de respaldo? Pida a quien administra su organización que le ayude a configurar un nuevo segundo factor.',
      backupMissing: 'Escriba uno de sus códigos de respaldo.',
      backupWrong:
        'Ese código de respaldo no funcionó. Quizás ya se usó. Revíselo o pruebe con otro.',
      locked:
        'Demasiados códigos no funcionaron. Por su seguridad, espere diez minutos y vuelva a iniciar sesión.',
      expired:
        'El inicio de sesión tardó demasiado y se detuvo por su seguridad. Escriba de nuevo su contraseña.',
    },
  },
  secondFactor: {
    title: 'Segundo factor',
    stepOf: 'Paso {{step}} de {{total}}',
    heading: 'Configure su segundo factor',
    lead: 'Las cuentas del personal se protegen con un segundo paso al iniciar sesión: después de la contraseña, un código de 6 dígitos de una aplicación en su teléfono. Así, aunque alguien conozca su contraseña, no puede entrar.',
    needApp:
      'Necesita una aplicación de autenticación en su teléfono. Muchos teléfonos ya tienen una; si no, puede instalar una gratuita, como Google Authenticator, Microsoft Authenticator o Aegis.',
    password: 'Su contraseña',
    passwordHelp: 'Se la pedimos de nuevo antes de cambiar la forma en que inicia sesión.',
    continue: 'Continuar',
    scan: {
      heading: 'Agregue Restorativ a su aplicación',
      lead: 'En su aplicación de autenticación, elija agregar una cuenta y escanee este código con la cámara del teléfono.',
      qrLabel: 'Código QR para agregar Restorativ a su aplicación de autenticación',
      manual: '¿No puede escanearlo? Elija escribir una clave y escriba esta:',
      code: 'El código de 6 dígitos que muestra ahora su aplicación',
      codeHelp: 'Así comprobamos que la aplicación quedó bien configurada.',
      submit: 'Activar el segundo factor',
    },
    codes: {
      heading: 'Guarde sus códigos de respaldo',
      newHeading: 'Sus nuevos códigos de respaldo',
      lead: 'Si pierde su teléfono, cada uno de estos códigos le permite iniciar sesión una vez en lugar del código de la aplicación.',
      once: 'Solo se muestran ahora. Guárdelos en un lugar seguro: en un gestor de contraseñas, o impresos y bien guardados.',
      replaced: 'Sus códigos de respaldo anteriores ya no funcionan.',
      listLabel: 'Códigos de respaldo',
      fileHeading:
        'Códigos de respaldo de Restorativ. Cada código sirve para iniciar sesión una vez.',
      copy: 'Copiar los códigos',
      copied: 'Se copiaron los códigos de respaldo.',
      copyFailed: 'No se pudieron copiar. Selecciónelos y cópielos a mano, o descárguelos.',
      download: 'Descargar como archivo',
      saved: 'Guardé mis códigos de respaldo en un lugar seguro',
      notSaved: 'Primero guarde sus códigos de respaldo y después marque esta casilla.',
      done: 'Terminar',
      backToAccount: 'Volver a su cuenta',
    },
    enabledToast: 'Su segundo factor está activado.',
    on: {
      heading: 'Su segundo factor está activado',
      lead: 'Al iniciar sesión, después de la contraseña escribe un código de su aplicación de autenticación.',
      newCodesHeading: 'Nuevos códigos de respaldo',
      newCodesBody:
        '¿Usó casi todos sus códigos de respaldo, o los perdió? Genere un nuevo juego. Los anteriores dejarán de funcionar.',
      newCodesSubmit: 'Generar nuevos códigos',
    },
    errors: {
      wrongPassword: 'Esa contraseña no es correcta. Revísela e inténtelo de nuevo.',
      codeShape: 'Escriba los 6 dígitos que muestra su aplicación.',
      codeWrong:
        'Ese código no funcionó. Los códigos cambian cada 30 segundos: escriba el que muestra ahora su aplicación.',
    },
  },
  profile: {
    title: 'Su cuenta',
    heading: 'Su cuenta',
    loading: 'Cargando su cuenta…',
    loadFailed: 'No pudimos cargar su cuenta.',
    retry: 'Intentar de nuevo',
    signedInAs: 'Ha iniciado sesión como {{name}}.',
    emailLine: 'Correo electrónico: {{email}}',
    rolesHeading: 'Sus funciones',
    noRoles:
      'Todavía no tiene ninguna función. Quien administra su organización puede asignarle una.',
    signOut: 'Cerrar sesión',
    signedOut: 'Cerró la sesión.',
    signOutFailed: 'No pudimos cerrar su sesión. Revise su conexión e inténtelo de nuevo.',
    details: {
      heading: 'Su nombre e idioma',
      name: 'Su nombre',
      nameHelp: 'El nombre que ven las demás personas.',
      nameMissing: 'Escriba el nombre que verán las demás personas.',
      nameLong: 'El nombre debe tener menos de {{max}} caracteres.',
      language: 'Idioma',
      languageHelp: 'Para estas páginas y para los correos que recibe.',
      submit: 'Guardar nombre e idioma',
      saved: 'Se guardaron su nombre y su idioma.',
    },
    email: {
      heading: 'Correo electrónico',
      current: 'Inicia sesión con {{email}}.',
      new: 'Nuevo correo electrónico',
      passwordHelp: 'Se la pedimos de nuevo antes de cambiar la forma en que inicia sesión.',
      submit: 'Cambiar el correo electrónico',
      changed: 'Listo. Ahora inicia sesión con {{email}}.',
      confirmSent:
        'Enviamos un mensaje a {{email}}. Abra el enlace que contiene para terminar el cambio.',
      taken: 'Otra cuenta ya usa ese correo electrónico.',
    },
    address: {
      heading: 'Agregue un correo electrónico para volver desde otro dispositivo (opcional)',
      lead: 'Se unió sin correo electrónico, así que solo puede volver en este dispositivo. Con un correo, puede iniciar sesión desde cualquier teléfono o computadora con un enlace que le enviamos.',
      use: 'Solo lo usamos para los enlaces para iniciar sesión y para los correos que usted elija recibir.',
      email: 'Su correo electrónico',
      submit: 'Enviar enlace de confirmación',
      sent: 'Enviamos un enlace a {{email}}. Ábralo en las próximas {{hours}} horas para confirmar el correo; hasta entonces, nada cambia.',
      already: 'Su cuenta ya tiene un correo electrónico.',
    },
    sessions: {
      heading: 'Dónde tiene la sesión iniciada',
      lead: 'Si ve un dispositivo que no reconoce, cierre su sesión y después cambie su contraseña.',
      leadNoPassword: 'Si ve un dispositivo que no reconoce, cierre su sesión allí.',
      thisDevice: 'Este dispositivo',
      unknownDevice: 'Dispositivo desconocido',
      signedIn: 'Inició sesión el {{when}}',
      lastActive: 'Última actividad: {{when}}',
      end: 'Cerrar sesión',
      endLabel: 'Cerrar la sesión en {{device}}',
      ended: 'Se cerró la sesión en ese dispositivo.',
      loadFailed: 'No pudimos cargar la lista de dispositivos.',
    },
    organisations: {
      heading: 'Su organización',
      manage: 'Administrar {{organisation}}',
    },
    secondFactor: {
      heading: 'Segundo factor',
      requiredHeading: 'Un paso más para proteger su cuenta',
      requiredBody:
        'Las cuentas del personal necesitan un segundo factor: un código de una aplicación en su teléfono al iniciar sesión. Hasta configurarlo, no puede usar el resto de Restorativ. Toma unos dos minutos.',
      requiredLink: 'Configurar su segundo factor',
      enabled: 'Activado: al iniciar sesión, escribe un código de su aplicación de autenticación.',
      manageLink: 'Generar nuevos códigos de respaldo',
    },
  },
  confirmAddress: {
    checking: 'Confirmando su correo electrónico…',
    accountLink: 'Ir a su cuenta',
    done: {
      heading: 'Su correo electrónico está confirmado',
      body: 'Ahora puede iniciar sesión con {{email}} desde cualquier teléfono o computadora.',
      next: 'En la página para iniciar sesión, elija «Recibir un enlace por correo». En su cuenta también puede elegir qué correos recibe.',
    },
    invalid: {
      heading: 'Este enlace ya no funciona',
      body: 'Los enlaces de confirmación sirven una sola vez, durante {{hours}} horas. Usted no hizo nada mal.',
      next: 'Para intentarlo de nuevo, abra su cuenta en el dispositivo donde se unió y escriba su correo otra vez.',
    },
    taken: {
      heading: 'Este correo pertenece a otra cuenta',
      body: 'Otra cuenta ya usa este correo electrónico, así que no se agregó a la suya.',
      next: 'Puede escribir otro correo en su cuenta, en el dispositivo donde se unió.',
    },
    failed: {
      heading: 'No pudimos confirmar su correo',
      body: 'Revise su conexión e inténtelo de nuevo.',
    },
  },
  preferences: {
    heading: 'Preferencias de correo',
    frequency: '¿Con qué frecuencia quiere recibir correos?',
    always:
      'Las invitaciones y los enlaces para iniciar sesión siempre llegan enseguida, porque usted los pidió o los espera.',
    frequencies: {
      immediately: {
        label: 'En el momento',
        description: 'Los recordatorios y novedades llegan uno por uno.',
      },
      daily: {
        label: 'Una vez al día',
        description: 'Un solo correo al día que reúne todas las novedades.',
      },
      never: {
        label: 'Nunca',
        description: 'Ningún recordatorio ni novedad por correo.',
      },
    },
    save: 'Guardar mi elección',
    saved: {
      immediately: 'Guardado. Le escribiremos en el momento.',
      daily: 'Guardado. Le enviaremos como máximo un correo al día.',
      never: 'Guardado. No le enviaremos recordatorios ni novedades.',
    },
    page: {
      title: 'Preferencias de correo',
      heading: 'Sus preferencias de correo',
      lead: 'Elija qué correos recibe {{email}} de Restorativ. No necesita iniciar sesión.',
      loading: 'Cargando sus preferencias…',
      loadFailed: 'No pudimos cargar sus preferencias. Revise su conexión e inténtelo de nuevo.',
    },
    invalid: {
      title: 'Enlace no válido',
      heading: 'Este enlace ya no funciona',
      body: 'Es posible que el enlace esté incompleto o vencido. Usted no hizo nada mal.',
      next: 'Cada correo de Restorativ trae al final un enlace actualizado: use el del último correo que recibió.',
    },
  },
  join: {
    title: 'Su invitación',
    heading: 'Le invitaron',
    loading: 'Abriendo su invitación…',
    loadFailed: 'No pudimos abrir su invitación. Revise su conexión e inténtelo de nuevo.',
    invitedBy: '{{inviter}} le invita a unirse a {{where}}.',
    where: {
      program: '{{program}}, a cargo de {{organisation}}',
    },
    facts: {
      organisation: 'Organización',
      program: 'Programa',
      role: 'Participa como',
      email: 'Invitación enviada a',
    },
    form: {
      heading: 'Unirse',
      staffHeading: 'Cree su cuenta',
      name: 'El nombre que verán los demás',
      nameHelp:
        'No tiene que ser su nombre real. Puede usar un nombre de pila, un apodo o sus iniciales.',
      staffName: 'Su nombre',
      staffNameHelp: 'Su nombre completo, como le conocen sus colegas y participantes.',
      language: 'Su idioma',
      secondFactorNote:
        'Después, protegerá su cuenta con un código de una aplicación en su teléfono. Toma unos dos minutos.',
      submit: 'Unirme',
      staffSubmit: 'Crear mi cuenta',
    },
    promises: {
      voluntary: 'Participar es su decisión. Puede dejar de hacerlo en cualquier momento.',
      name: 'Solo se guardan el nombre que elija y su idioma.',
      leave: 'Puede retirarse de una conversación discretamente siempre que lo necesite.',
    },
    signInFirst: {
      heading: 'Inicie sesión para aceptar',
      body: 'Ya tiene una cuenta con {{email}}. Inicie sesión y volverá aquí para aceptar.',
      link: 'Iniciar sesión para aceptar',
    },
    accept: {
      heading: 'Aceptar la invitación',
      body: 'Ya inició sesión. Acepte para agregar esta función a su cuenta.',
      submit: 'Aceptar la invitación',
      done: 'Se aceptó la invitación.',
    },
    welcome: 'Le damos la bienvenida, {{name}}.',
    errors: {
      nameMissing: 'Elija un nombre para que lo vean los demás. No tiene que ser su nombre real.',
      nameMissingStaff: 'Escriba su nombre.',
      nameLong: 'El nombre debe tener menos de {{max}} caracteres.',
      language: 'Elija inglés o español.',
    },
    closed: {
      noFault: 'Usted no hizo nada mal.',
      invalid: {
        heading: 'Este enlace de invitación no funciona',
        body: 'Es posible que el enlace esté incompleto: revise que lo abrió entero. Si aun así no funciona, pida a quien le invitó que se lo envíe de nuevo.',
      },
      expired: {
        heading: 'Esta invitación venció',
        body: 'Las invitaciones están abiertas por un tiempo limitado. Pida una nueva a quien le invitó.',
      },
      used: {
        heading: 'Esta invitación ya se usó',
        body: 'Si la usó usted, ya se unió. Si no, pida una nueva a quien le invitó.',
      },
      revoked: {
        heading: 'Esta invitación se retiró',
        body: 'Quien la envió la retiró. Si cree que es un error, consulte con esa persona.',
      },
    },
  },
  admin: {
    title: 'Su organización',
    sectionsLabel: 'Secciones de esta página',
    loadFailed: 'No pudimos cargar esto. Revise su conexión e inténtelo de nuevo.',
    notAllowed:
      'Solo las personas que administran o coordinan esta organización pueden ver esta página.',
    cancel: 'Cancelar',
    programs: {
      heading: 'Programas',
      none: 'Todavía no hay programas. Un programa reúne los círculos, diálogos y personas de un mismo trabajo.',
      runBy: 'A cargo de {{organisations}}',
      new: 'Nuevo programa',
      name: 'Nombre del programa',
      nameHelp: 'Por ejemplo, «Círculos de escucha del Este».',
      description: 'Para qué sirve (opcional)',
      partners: 'Organizaciones aliadas',
      partnersHelp:
        'Organizaciones que llevan este programa con ustedes, como un grupo comunitario.',
      partner: 'Aliada {{number}}',
      newOrganisation: 'Una organización nueva…',
      partnerName: 'Nombre de la nueva organización',
      addPartner: 'Agregar una aliada',
      removePartner: 'Quitar la aliada {{number}}',
      create: 'Crear el programa',
      created: 'Se creó el programa {{name}}.',
      errors: {
        name: 'Escriba un nombre de al menos 2 caracteres para el programa.',
        description: 'La descripción debe tener menos de 2000 caracteres.',
        partner: 'Cada aliada necesita un nombre de al menos 2 caracteres y un tipo.',
      },
    },
    people: {
      heading: 'Personas',
      disabled: 'Desactivada',
      verified: 'Agente verificado',
      notVerified: 'Aún sin verificar',
      verify: 'Verificar',
      revoke: 'Quitar',
      revokeLabel: 'Quitar la función {{role}} a {{name}}',
      role: 'Función',
      chooseRole: 'Elija una función',
      program: 'Programa',
      wholeOrganisation: 'Toda la organización',
      grantOpen: 'Asignar una función',
      grantLabel: 'Asignar una función a {{name}}',
      grant: 'Asignar la función',
      granted: '{{name}} ahora tiene la función {{role}}.',
      disable: 'Desactivar la cuenta',
      disableLabel: 'Desactivar la cuenta de {{name}}',
      disableTitle: '¿Desactivar la cuenta de {{name}}?',
      disableBody:
        'Se cerrarán todas sus sesiones de inmediato y ya no podrá iniciar sesión. Lo que escribió se conserva. Solo una persona administradora puede deshacerlo.',
      disableConfirm: 'Desactivar la cuenta',
      disabledToast: 'Se desactivó la cuenta de {{name}}.',
      disableElsewhere:
        '{{name}} también pertenece a otra organización, así que su cuenta sigue abierta. En su lugar, quite aquí sus funciones.',
      enable: 'Reactivar la cuenta',
      enableLabel: 'Reactivar la cuenta de {{name}}',
      enableTitle: '¿Reactivar la cuenta de {{name}}?',
      enableBody:
        'Podrá volver a iniciar sesión. Ninguna de sus sesiones anteriores se recupera, así que empezará por iniciar sesión.',
      enableConfirm: 'Reactivar la cuenta',
      enabledToast: '{{name}} ya puede volver a iniciar sesión.',
      resetFactor: 'Restablecer el segundo factor',
      resetFactorLabel: 'Restablecer el segundo factor de {{name}}',
      resetFactorTitle: '¿Restablecer el segundo factor de {{name}}?',
      resetFactorBody:
        'Esto es para quien perdió su aplicación de autenticación y sus códigos de respaldo. Se cerrarán todas sus sesiones de inmediato. La próxima vez que inicie sesión con su contraseña, configurará una nueva aplicación de autenticación.',
      resetFactorCheck:
        'Hágalo solo después de confirmar, en persona o por teléfono, que es {{name}} quien lo pide.',
      resetFactorConfirm: 'Restablecer el segundo factor',
      resetFactorToast:
        'Se restableció el segundo factor de {{name}}. Configurará uno nuevo la próxima vez que inicie sesión.',
      errors: {
        role: 'Elija una función.',
      },
    },
    invitations: {
      heading: 'Invitaciones',
      none: 'Todavía no hay invitaciones.',
      new: 'Invitar a alguien',
      delivery: '¿Cómo quiere invitar?',
      byEmail: 'Por correo electrónico',
      byEmailHelp:
        'Para el personal y para residentes cuyo correo tiene. El enlace sirve solo para esa persona.',
      byLink: 'Con un enlace para compartir',
      byLinkHelp:
        'Para residentes: compártalo por mensaje o en papel. Cualquier persona que lo tenga puede unirse, hasta el número que fije.',
      email: 'Su correo electrónico',
      language: 'Idioma del correo',
      chooseProgram: 'Elija un programa',
      maxUses: 'Cuántas personas pueden usar el enlace',
      maxUsesHelp: 'Hasta 500.',
      days: 'Días que la invitación queda abierta',
      send: 'Enviar la invitación',
      makeLink: 'Crear el enlace',
      sent: 'La invitación va en camino a {{email}}.',
      linkHeading: 'Su enlace está listo',
      linkOnce:
        'Cópielo ahora: por seguridad, solo se muestra esta vez. Si lo pierde, cree uno nuevo.',
      copy: 'Copiar el enlace',
      copied: 'Se copió el enlace.',
      copyFailed: 'No se pudo copiar. Seleccione el enlace y cópielo a mano.',
      linkDone: 'Ya lo copié',
      sharedLink: 'Enlace compartido',
      uses: '{{uses}} de {{max}} usos',
      until: 'abierta hasta el {{date}}',
      revoke: 'Retirar',
      revokeLabel: 'Retirar la invitación de {{who}}',
      revoked: 'Se retiró la invitación.',
      states: {
        open: 'Abierta',
        used: 'Usada',
        expired: 'Vencida',
        revoked: 'Retirada',
      },
      errors: {
        delivery: 'Elija por correo o con un enlace.',
        email: 'Escriba un correo electrónico como nombre@ejemplo.org.',
        role: 'Elija una función.',
        programId: 'Elija un programa.',
        language: 'Elija inglés o español.',
        maxUses: 'Escriba un número entero del 1 al 500.',
        expiresInDays: 'Escriba un número entero de días, del 1 al 90.',
      },
    },
  },
  passkeys: {
    heading: 'Llaves de acceso',
    lead: 'Una llave de acceso le permite iniciar sesión con el bloqueo de pantalla de su teléfono o computadora (su huella, su cara o su PIN) en lugar de escribir una contraseña. Se queda en su dispositivo: nadie puede adivinarla ni engañarle para que la entregue.',
    leadResident:
      'Una llave de acceso le permite volver a Restorativ en este teléfono o computadora sin contraseña ni correo: la abre con su huella, su cara o su PIN, como cuando desbloquea el dispositivo.',
    none: 'Todavía no tiene llaves de acceso.',
    added: 'Agregada {{when}}',
    unnamed: 'Llave de acceso',
    name: 'Nombre de esta llave de acceso',
    nameHelp: 'Para distinguir sus llaves más adelante, por ejemplo «Mi teléfono».',
    nameMissing: 'Dé un nombre a la llave de acceso, por ejemplo «Mi teléfono».',
    defaultName: 'Mi llave de acceso',
    add: 'Agregar una llave de acceso',
    addAnother: 'Agregar una llave de acceso en otro dispositivo',
    addedToast: 'Se agregó su llave de acceso {{name}}. Desde ahora puede iniciar sesión con ella.',
    remove: 'Quitar',
    removeLabel: 'Quitar la llave de acceso {{name}}',
    removeTitle: '¿Quitar la llave de acceso {{name}}?',
    removeBody:
      'Ya no podrá iniciar sesión con ella. Es posible que su dispositivo la siga mostrando: también puede borrarla allí.',
    removeConfirm: 'Quitar la llave de acceso',
    removedToast: 'Se quitó la llave de acceso.',
    cancel: 'Conservarla',
    cancelled: 'No se creó ninguna llave de acceso. Puede volver a intentarlo cuando quiera.',
    alreadyHere: 'Este dispositivo ya tiene una llave de acceso para su cuenta. Puede usar esa.',
    unsupported:
      'Este navegador no puede crear llaves de acceso. Puede agregar una desde otro teléfono o computadora.',
    loadFailed: 'No pudimos cargar sus llaves de acceso.',
    passwordHelp:
      'Cambiar sus llaves de acceso cambia la forma en que inicia sesión, así que primero le pedimos su contraseña. Vale durante {{minutes}} minutos.',
    passwordAgain:
      'Por su seguridad, escriba de nuevo su contraseña. Vale durante {{minutes}} minutos cada vez.',
    signIn: {
      or: 'o',
      button: 'Iniciar sesión con una llave de acceso',
      help: 'Use el bloqueo de pantalla de su teléfono o computadora en lugar de una contraseña.',
      cancelled:
        'Se detuvo el inicio de sesión con la llave de acceso. Puede intentarlo de nuevo o usar su contraseña.',
      unknown:
        'Esa llave de acceso ya no está vinculada a ninguna cuenta aquí. Inicie sesión de otra manera y luego agregue una nueva.',
    },
  },
  roles: {
    org_admin: 'Persona administradora de la organización',
    coordinator: 'Persona coordinadora',
    facilitator: 'Persona facilitadora',
    officer: 'Agente de policía',
    oversight_reviewer: 'Persona revisora de supervisión',
    resident: 'Residente',
    youth: 'Joven',
    guardian: 'Madre, padre o tutor',
  },
  notFound: {
    title: 'Página no encontrada',
    heading: 'No encontramos esa página',
    body: 'Puede que el enlace sea antiguo o tenga un error. Usted no hizo nada mal.',
    homeLink: 'Ir a la página de inicio',
  },
  error: {
    title: 'Algo salió mal',
    heading: 'Algo salió mal por nuestra parte',
    body: 'No se perdió nada de lo que escribió. Si se cortó la conexión, vuelva a intentarlo cuando se restablezca.',
    retry: 'Intentar de nuevo',
    homeLink: 'Ir a la página de inicio',
  },
};
