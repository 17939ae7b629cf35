import type { Catalogue } from './en.ts';

// The Spanish words of a learner's own training: "My training" and taking a course. Neutral
// Latin American Spanish, addressed as «usted»; no gendered adjective about whoever reads.

export const trainingLearnEs: Catalogue['training']['learn'] = {
  due: 'Vence el {{date}}',
  overdueMark: 'Pasó la fecha límite',
  overdue: 'Vencía el {{date}}. Todavía puede hacerlo, a su propio ritmo.',
  percentDone: '{{percent}} % hecho',
  mine: {
    title: 'Mi capacitación',
    lead: 'Los cursos que le asignaron, con la fecha límite de cada uno. Puede hacerlos de a pocos minutos, en el teléfono o en una computadora; cada paso se guarda a medida que avanza.',
    loadFailed: 'No pudimos cargar sus cursos. Revise su conexión e inténtelo de nuevo.',
    notAllowed: 'La capacitación no está disponible con esta cuenta.',
    emptyHeading: 'Por ahora no tiene cursos',
    empty:
      'Aquí, la capacitación son cursos breves sobre práctica restaurativa: escuchar, desescalar, tener encuentros justos y respetuosos y participar en un círculo. Cada uno tiene lecturas, preguntas para comprobar lo aprendido, reflexiones que solo usted puede leer y escenarios en los que usted decide qué hacer y ve qué pasa después.',
    emptyNext:
      'Cuando la persona coordinadora de su programa le asigne un curso, aparecerá aquí con su fecha límite.',
    toDo: 'Por hacer',
    completed: 'Completados',
    completedOn: 'Completado el {{date}}',
    start: 'Empezar',
    continue: 'Continuar',
    lookBack: 'Volver a recorrerlo',
    programs: {
      heading: 'Cursos de sus programas',
      lead: 'Todos los cursos que ofrecen sus programas, para leerlos de principio a fin.',
    },
  },
  course: {
    title: 'Curso',
    back: 'Mi capacitación',
    loadFailed: 'No pudimos cargar este curso. Revise su conexión e inténtelo de nuevo.',
    notAllowed: 'Este curso no está entre los que le asignaron.',
    minutes_one: 'Alrededor de {{count}} minuto en total',
    minutes_other: 'Alrededor de {{count}} minutos en total',
    stepsDone: '{{done}} de {{total}} pasos hechos',
    completedHeading: 'Completó este curso',
    completedBody:
      'Gracias por el tiempo y la atención que le dedicó. Lo terminó el {{date}}. Puede volver a ver cualquier paso y recorrer otra vez los escenarios para practicar.',
    completedNow: 'Completó este curso.',
    outline: {
      summary: 'Dónde está: paso {{number}} de {{total}}',
      label: 'Los pasos del curso',
      moduleNumber: 'Módulo {{number}}: {{title}}',
      step: 'Paso {{number}}: {{kind}}',
      done: 'hecho',
      notDone: 'todavía sin hacer',
      here: 'está aquí',
    },
    moduleNumber: 'Módulo {{number}}',
    stepOf: 'Paso {{number}} de {{total}}',
    kinds: {
      text: 'Lectura',
      video: 'Video',
      reflection: 'Reflexión',
      check: 'Comprobación de conocimientos',
      scenario: 'Escenario',
      practice_circle: 'Círculo de práctica',
    },
    doneMark: 'Hecho',
    stepsNav: 'Pasos',
    previous: 'Anterior',
    next: 'Siguiente',
    refusals: {
      unknown_step:
        'Este paso ya no forma parte del curso. Vuelva a cargar la página para verlo como está ahora.',
      wrong_kind:
        'Este paso no se hace de esa manera. Vuelva a cargar la página e inténtelo de nuevo.',
      already_done: 'Este paso ya está hecho. Puede seguir con el siguiente.',
      unknown_choice:
        'Esa opción ya no se ofrece aquí. Vuelva a cargar la página para ver dónde está.',
      empty_answer: 'Primero elija una respuesta.',
      one_answer_only: 'Elija una sola respuesta.',
      walk_not_ended: 'Termine este recorrido del escenario antes de empezarlo otra vez.',
      course_completed: 'Ya completó este curso, así que este paso no puede cambiar ahora.',
    },
    text: {
      done: 'Terminé de leer',
    },
    video: {
      watch: 'Ver «{{title}}»',
      newTab: '(se abre en una pestaña nueva)',
      transcript: 'Transcripción',
      transcriptLead: 'Lo que dice el video, para leerlo en lugar de verlo o además de verlo.',
      done: 'Hecho',
    },
    reflection: {
      label: 'Su reflexión',
      private:
        'Solo usted puede leer esto. Su supervisor y la persona coordinadora ven que la escribió, nunca lo que escribió.',
      save: 'Guardar mi reflexión',
      empty: 'Primero escriba algunas palabras.',
      saved: 'Su reflexión quedó guardada.',
      yourWords: 'Lo que escribió',
      share: 'Compartirla con quienes coordinan el curso',
      stopSharing: 'Dejar de compartirla',
      sharedNow:
        'Compartió esto con quienes coordinan el curso: pueden leerlo en el informe del curso. Puede dejar de compartirlo cuando quiera.',
    },
    check: {
      chooseOne: 'Elija una respuesta.',
      chooseSeveral: 'Elija todas las respuestas correctas.',
      submit: 'Comprobar mi respuesta',
      chooseFirst: 'Primero elija una respuesta.',
      right: 'Correcto.',
      wrong: 'No del todo. Lea los comentarios de abajo e inténtelo de nuevo.',
      rightMark: 'Correcta',
      notRightMark: 'No es correcta',
      aboutYourAnswer: 'Sobre su respuesta',
      doneBefore: 'Respondió esto correctamente. Aquí está otra vez la respuesta correcta.',
      doneBeforeSeveral:
        'Respondió esto correctamente. Aquí están otra vez las respuestas correctas.',
    },
    scenario: {
      heading: 'Escenario: {{title}}',
      lead: 'Lea la situación y elija qué haría usted. Cada opción muestra lo que pasa después; no se pierde nada por probar.',
      situation: 'La situación',
      nextSituation: 'Lo que pasa después',
      whatDo: '¿Qué hace usted?',
      whatHappened: 'Lo que pasó',
      youChose: 'Usted eligió: {{choice}}',
      path_one: 'Su recorrido hasta ahora ({{count}} decisión)',
      path_other: 'Su recorrido hasta ahora ({{count}} decisiones)',
      ending: 'Cómo terminó',
      takeaway: 'Qué aprender de esto',
      again: 'Recorrerlo otra vez',
      againNote:
        'Recórralo otra vez las veces que quiera, para ver adónde llevan otras opciones. El primer recorrido es el que cuenta.',
      restarted: 'Volvió al comienzo del escenario.',
    },
    practice: {
      note: 'Este paso se completa al participar en un círculo de práctica de su programa. La persona coordinadora le invitará; cuando haya asistido a uno, se marcará como hecho aquí automáticamente.',
      done: 'Hecho: participó en un círculo de práctica.',
    },
  },
};
