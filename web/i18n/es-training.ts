import type { Catalogue } from './en.ts';
import { trainingCertificateEs } from './es-training-certificate.ts';
import { trainingEditorEs } from './es-training-editor.ts';
import { trainingLearnEs } from './es-training-learn.ts';
import { trainingReportEs } from './es-training-report.ts';

// Las palabras de la capacitación restaurativa en español (neutro latinoamericano, de «usted»):
// una parte de es.ts, en su propio archivo. El tipo exige las mismas claves que en inglés. Se
// evitan los adjetivos con género sobre quien lee.

export const trainingEs: Catalogue['training'] = {
  topics: {
    restorative_basics: 'Fundamentos restaurativos',
    active_listening: 'Escucha activa',
    de_escalation: 'Desescalada',
    procedural_justice: 'Justicia procedimental',
    trauma_informed: 'Práctica informada sobre el trauma',
    community_policing: 'Policía comunitaria',
    circles: 'Círculos',
    other: 'Otro tema',
  },
  choiceQualities: {
    good: 'Una buena decisión',
    mixed: 'Una decisión a medias',
    poor: 'Una mala decisión',
  },
  endings: {
    good: 'Final: salió bien',
    mixed: 'Final: salió bien en parte',
    poor: 'Final: salió mal',
  },
  languageNames: { en: 'Inglés', es: 'Español' },
  minutes: '{{count}} minutos',
  version: 'Versión {{version}}',
  courses: {
    title: 'Cursos',
    heading: 'Cursos de {{program}}',
    lead: 'Los cursos que pueden tomar agentes y personas facilitadoras de este programa.',
    link: 'Cursos de {{program}}',
    none: 'Este programa todavía no tiene cursos.',
    write: 'Escribir un curso nuevo',
    loadFailed: 'No pudimos cargar los cursos. Revise su conexión e inténtelo de nuevo.',
    notAllowed: 'Estos cursos no están compartidos con su cuenta.',
    topic: 'Tema',
    length: 'Duración',
    versionLabel: 'Versión',
    starter: {
      heading: 'Agregar del plan de estudios inicial',
      lead: 'Cursos escritos por el proyecto Restorativ. Se agrega una copia a este programa, para que usted la adapte.',
      add: 'Agregar a este programa',
      added: 'Agregado',
      addedToast: '«{{title}}» se agregó a este programa.',
      loadFailed:
        'No pudimos cargar el plan de estudios inicial. Revise su conexión e inténtelo de nuevo.',
    },
    import: {
      heading: 'Importar un archivo de curso',
      lead: 'Un curso exportado de Restorativ, aquí o en otro lugar, como archivo .json.',
      label: 'Elegir un archivo de curso',
      help: 'El curso se agrega en cuanto se lee el archivo.',
      reading: 'Leyendo y enviando el archivo…',
      imported: '«{{title}}» se importó.',
      notJson:
        'Este archivo no es un archivo de curso: no se pudo leer como JSON. No se envió nada.',
      refused: 'El curso no se importó. Corrija el archivo y vuelva a elegirlo:',
      tooLarge:
        'Este archivo es demasiado grande para ser un archivo de curso. No se importó nada.',
      atField: 'En {{field}}:',
    },
  },
  course: {
    title: 'Curso',
    programLink: 'Todos los cursos del programa',
    loadFailed: 'No pudimos cargar este curso. Revise su conexión e inténtelo de nuevo.',
    notAllowed: 'Este curso no existe o no está compartido con su cuenta.',
    facts: {
      topic: 'Tema',
      length: 'Duración',
      version: 'Versión',
      certificate: 'Certificado',
      validFor: 'Válido por {{count}} meses',
      noExpiry: 'No vence',
      languages: 'Idiomas',
    },
    export: 'Exportar como archivo',
    edit: 'Editar el curso',
    moduleNumber: 'Módulo {{number}}',
    reflection: 'Reflexión',
    reflectionNote: 'Quien aprende escribe una respuesta que solo esa persona puede leer.',
    check: 'Comprobación de conocimientos',
    chooseOne: 'Quien aprende elige una respuesta.',
    chooseSeveral: 'Quien aprende elige todas las respuestas correctas.',
    right: 'Respuesta correcta',
    notRight: 'No es correcta',
    feedback: 'Comentario:',
    practiceCircle: 'Círculo de práctica',
    video: 'Video',
    watch: 'Ver «{{title}}»',
    transcript: 'Transcripción',
    scenario: 'Escenario: {{title}}',
    scenarioLead:
      'Las situaciones del escenario, desde el inicio. Cada opción indica a dónde lleva.',
    situation: 'Situación {{number}}',
    leadsTo: '→ Situación {{number}}',
    consequence: 'Qué sucede:',
    endingFeedback: 'Qué aprender de esto:',
    missingScenario: 'Falta este escenario en el curso.',
  },
  beforeAfter: {
    heading: 'Antes y después',
    lead: 'Adjunte una de las encuestas de capacitación del programa: quienes toman el curso reciben su enlace de antes al empezar y su enlace de después al terminar, y el panel de confianza compara ambos lados. Las respuestas son anónimas.',
    none: 'El programa aún no tiene una encuesta de capacitación. Cree una en las encuestas del programa y luego adjúntela aquí.',
    survey: 'Encuesta de capacitación',
    noSurvey: 'Sin encuesta',
    save: 'Guardar',
    attached: 'Quienes toman el curso recibirán los enlaces de antes y de después de la encuesta.',
    detached: 'El curso ya no pide una encuesta.',
    notTraining: 'Elija una encuesta de capacitación de este programa.',
  },
  certificate: trainingCertificateEs,
  learnExtras: {
    certificate: {
      heading: 'Su certificado',
      validUntil: 'Es válido hasta el {{date}}.',
      noExpiry: 'No vence.',
      expired: 'Venció el {{date}}.',
      renewal:
        'Es hora de renovarlo: su coordinador o coordinadora le asigna el curso de nuevo. Avísele si aún no lo ha hecho.',
      renewalBadge: 'Certificado por renovar',
      download: 'Descargar el certificado (PDF)',
      check: 'Cualquier persona a quien se lo muestre puede comprobarlo con su código, {{code}}:',
      checkLink: 'su página pública',
    },
    survey: {
      beforeHeading: 'Antes de empezar: una encuesta breve',
      afterHeading: 'Ahora que terminó: la misma encuesta breve',
      body: 'Toma unos dos minutos y es anónima: las respuestas se comparan como grupo antes y después del curso, nunca persona por persona.',
      beforeLink: 'Responder la encuesta antes del curso',
      afterLink: 'Responder la encuesta después del curso',
    },
  },
  editor: trainingEditorEs,
  learn: trainingLearnEs,
  report: trainingReportEs,
};
