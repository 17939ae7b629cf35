import type { Script, ScriptStep } from './contract.ts';
import type { PartyRole } from './machine.ts';
import type { ScriptOrder } from './names.ts';

// The facilitator's guide for a restorative conference, written by this project, in English
// and Spanish. The facilitator opens and sets the ground rules; the person responsible and the
// person harmed each tell what happened and how it has affected them, in the order the program
// chose; supporters and community and police representatives say how they were affected and
// what they hope for; then everyone works out the agreement, and the facilitator closes. The
// questions ask about experience, thoughts and needs rather than guilt, so that no one is
// cornered. A case about an officer's conduct adds words for equal dignity: no rank in the room,
// and nothing said used for discipline.

type Language = Script['language'];

/** What changes the words: whether the case is about an officer's conduct toward a resident. */
export interface ScriptSetting {
  officerConduct: boolean;
}

interface StepWords {
  heading: string;
  /** What the facilitator says or asks; for a facilitator's step, mostly what they say. */
  lines: (setting: ScriptSetting) => string[];
}

type Part = 'opening' | PartyRole | 'agreement' | 'closing';

const onlyIf = (condition: boolean, ...lines: string[]): string[] => (condition ? lines : []);

const words: Record<Language, Record<Part, StepWords>> = {
  en: {
    opening: {
      heading: 'Welcome and ground rules',
      lines: ({ officerConduct }) => [
        'Welcome, and thank you all for coming. I will facilitate this conference. Let us go round the room so that each person says their name and why they are here.',
        'This conference is about one incident, which each of you knows from your own side. We are not here to decide who is a good or a bad person, but to understand who was affected and how, and to agree together on what can put things right.',
        'Everyone here chose to come. You may ask for a break at any time, and you may leave; if you do, I will speak with you privately.',
        'A few ground rules: one person speaks at a time, and no one interrupts. Speak for yourself and from your own experience. Treat each other with respect, even when you disagree.',
        'If at any moment I think the conference is not safe for someone, I will pause it or end it.',
        'What is said here stays here. The written agreement is the only record that the parties share.',
        ...onlyIf(
          officerConduct,
          'In this room there is no rank. Everyone has the same dignity and the same time to speak. The officer speaks in their own name, as a person answering for what they did, not for the department; the person harmed speaks as an equal.',
          'Nothing said in this conference is passed to the department’s disciplinary staff or used for discipline.',
        ),
        'Do we all agree to these ground rules?',
      ],
    },
    responsible: {
      heading: 'The person responsible',
      lines: ({ officerConduct }) => [
        'Tell us what happened, in your own words.',
        'What were you thinking at the time?',
        'What have you thought about since?',
        'Who do you think has been affected by what you did? In what way?',
        ...onlyIf(
          officerConduct,
          'What do you think it meant to the person harmed that this came from a police officer?',
        ),
      ],
    },
    harmed: {
      heading: 'The person harmed',
      lines: ({ officerConduct }) => [
        'Tell us what happened, as you lived it. How did you react at the time?',
        'How has this affected you, and the people close to you?',
        'What has been the hardest part for you?',
        ...onlyIf(
          officerConduct,
          'Has this changed how you feel about the police, or about asking them for help when you need it?',
        ),
        'What do you need for the harm to be repaired?',
      ],
    },
    supporter: {
      heading: 'Supporters',
      lines: () => [
        'What did you think when you heard about what happened?',
        'How has it affected you?',
        'What has been the hardest part for you?',
        'What do you hope comes out of today?',
      ],
    },
    community_rep: {
      heading: 'Community representatives',
      lines: () => [
        'How has what happened affected the neighbourhood, or the people you work with?',
        'What do you hope today brings to the community?',
        'What could the community offer to help put things right?',
      ],
    },
    police_rep: {
      heading: 'Police representatives',
      lines: ({ officerConduct }) => [
        'How has what happened affected the department and its relationship with this community?',
        'What do you hope comes out of today?',
        officerConduct
          ? 'What is the department prepared to do or change, so that this does not happen again?'
          : 'What could the police offer to help put things right?',
      ],
    },
    agreement: {
      heading: 'Repairing the harm: the agreement',
      lines: ({ officerConduct }) => [
        'To the person responsible: having heard everyone, is there anything you would like to say now?',
        'To the person harmed: what would you like to come out of this conference?',
        'To the person responsible: what do you think of what has been asked? What can you offer?',
        'To everyone: what else could help put things right?',
        ...onlyIf(
          officerConduct,
          'Beyond what the officer will do, what should the department do, and who will answer for it?',
        ),
        'For each item: who will do it, by when, and how will we all know it is done?',
        'Is this agreement fair, and can each person here keep their part of it?',
      ],
    },
    closing: {
      heading: 'Closing',
      lines: () => [
        'Before we close: is there anything anyone would like to add?',
        'Thank you. It took courage to come here, to speak and to listen.',
        'I will write the agreement down and send it to each of you. I will follow up on each item by its date, and let you know when the case is closed.',
        'You can reach me at any time if something troubles you, or if the agreement becomes hard to keep.',
        'Please stay a few minutes if you wish; there is something to eat and drink.',
      ],
    },
  },
  es: {
    opening: {
      heading: 'Bienvenida y normas del encuentro',
      lines: ({ officerConduct }) => [
        'Les doy la bienvenida y les agradezco que hayan venido. Hoy facilitaré esta conferencia. Demos una vuelta para que cada persona diga su nombre y por qué está aquí.',
        'Esta conferencia trata de un solo incidente, que cada persona conoce desde su lado. No estamos aquí para decidir quién es buena o mala persona, sino para entender a quién afectó lo que pasó y de qué manera, y para acordar entre todos qué puede reparar el daño.',
        'Cada persona aquí decidió venir. Puede pedir una pausa en cualquier momento, y también puede retirarse; si lo hace, hablaré con usted en privado.',
        'Algunas normas: habla una persona a la vez y nadie interrumpe. Cada quien habla en nombre propio y desde su propia experiencia. Nos tratamos con respeto, aun cuando no estemos de acuerdo.',
        'Si en algún momento considero que la conferencia no es segura para alguien, la pausaré o la daré por terminada.',
        'Lo que se dice aquí se queda aquí. El acuerdo escrito es el único registro que comparten las partes.',
        ...onlyIf(
          officerConduct,
          'En esta sala no hay rangos. Todas las personas tienen la misma dignidad y el mismo tiempo para hablar. Quien participa como agente habla en nombre propio, como una persona que responde por lo que hizo, y no en nombre del departamento; la persona afectada habla en igualdad de condiciones.',
          'Nada de lo que se diga en esta conferencia se entrega al personal disciplinario del departamento ni se usa con fines disciplinarios.',
        ),
        '¿Estamos de acuerdo con estas normas?',
      ],
    },
    responsible: {
      heading: 'La persona responsable',
      lines: ({ officerConduct }) => [
        'Cuéntenos qué pasó, con sus propias palabras.',
        '¿Qué pensaba en ese momento?',
        '¿Qué ha pensado desde entonces?',
        '¿A quién cree que ha afectado lo que usted hizo? ¿De qué manera?',
        ...onlyIf(
          officerConduct,
          '¿Qué cree que significó para la persona afectada que esto viniera de alguien de la policía?',
        ),
      ],
    },
    harmed: {
      heading: 'La persona afectada',
      lines: ({ officerConduct }) => [
        'Cuéntenos qué pasó, tal como usted lo vivió. ¿Cómo reaccionó en ese momento?',
        '¿Cómo les ha afectado esto a usted y a sus seres queridos?',
        '¿Qué ha sido lo más difícil para usted?',
        ...onlyIf(
          officerConduct,
          '¿Ha cambiado esto lo que siente hacia la policía, o su confianza para pedirle ayuda cuando la necesite?',
        ),
        '¿Qué necesita para que se repare el daño?',
      ],
    },
    supporter: {
      heading: 'Personas de apoyo',
      lines: () => [
        '¿Qué pensó cuando supo lo que había pasado?',
        '¿Cómo le ha afectado a usted?',
        '¿Qué ha sido lo más difícil para usted?',
        '¿Qué espera que resulte de este encuentro?',
      ],
    },
    community_rep: {
      heading: 'Representantes de la comunidad',
      lines: () => [
        '¿Cómo ha afectado lo sucedido al barrio, o a las personas con quienes usted trabaja?',
        '¿Qué espera que este encuentro le deje a la comunidad?',
        '¿Qué podría ofrecer la comunidad para ayudar a reparar el daño?',
      ],
    },
    police_rep: {
      heading: 'Representantes de la policía',
      lines: ({ officerConduct }) => [
        '¿Cómo ha afectado lo sucedido al departamento y a su relación con esta comunidad?',
        '¿Qué espera que resulte de este encuentro?',
        officerConduct
          ? '¿Qué está dispuesto a hacer o a cambiar el departamento para que esto no vuelva a ocurrir?'
          : '¿Qué podría ofrecer la policía para ayudar a reparar el daño?',
      ],
    },
    agreement: {
      heading: 'Reparar el daño: el acuerdo',
      lines: ({ officerConduct }) => [
        'A la persona responsable: después de escuchar a todas las personas, ¿hay algo que quiera decir ahora?',
        'A la persona afectada: ¿qué le gustaría que resultara de esta conferencia?',
        'A la persona responsable: ¿qué piensa de lo que se ha pedido? ¿Qué puede ofrecer?',
        'A todas las personas presentes: ¿qué más podría ayudar a reparar el daño?',
        ...onlyIf(
          officerConduct,
          'Más allá de lo que hará el o la agente, ¿qué debería hacer el departamento, y quién responderá por ello?',
        ),
        'Para cada punto: ¿quién lo hará, para cuándo, y cómo sabremos que está cumplido?',
        '¿Es justo este acuerdo, y puede cada persona aquí cumplir con su parte?',
      ],
    },
    closing: {
      heading: 'Cierre',
      lines: () => [
        'Antes de cerrar: ¿alguien quiere agregar algo?',
        'Gracias. Hizo falta valor para venir, para hablar y para escuchar.',
        'Pondré el acuerdo por escrito y se lo enviaré a cada persona. Daré seguimiento a cada punto en su fecha, y les avisaré cuando se cierre el caso.',
        'Pueden comunicarse conmigo en cualquier momento si algo les preocupa, o si se les hace difícil cumplir el acuerdo.',
        'Si lo desean, quédense unos minutos; hay algo de comer y de beber.',
      ],
    },
  },
};

/** The party roles in the order they speak: one side, then the other, then everyone else. */
export function speakingOrder(order: ScriptOrder, roles: readonly PartyRole[]): PartyRole[] {
  const sides: PartyRole[] =
    order === 'harmed_first' ? ['harmed', 'responsible'] : ['responsible', 'harmed'];
  const everyone: PartyRole[] = [...sides, 'supporter', 'community_rep', 'police_rep'];
  return everyone.filter((role) => roles.includes(role));
}

/**
 * The facilitator's script for a case whose parties have `roles`, in `language`, with the side
 * `order` names speaking first. A case about an officer's conduct (a misconduct program's case,
 * the officer responsible and a resident harmed) gets the words for equal dignity.
 */
export function scriptFor(
  order: ScriptOrder,
  language: Language,
  roles: readonly PartyRole[],
  setting: ScriptSetting = { officerConduct: false },
): Script {
  const text = words[language];
  const step = (part: Part, speaker: ScriptStep['speaker']): ScriptStep => ({
    speaker,
    heading: text[part].heading,
    questions: text[part].lines(setting),
  });
  return {
    language,
    order,
    steps: [
      step('opening', 'facilitator'),
      ...speakingOrder(order, roles).map((role) => step(role, role)),
      step('agreement', 'facilitator'),
      step('closing', 'facilitator'),
    ],
  };
}
