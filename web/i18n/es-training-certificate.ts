import type { CertificateStatus } from '../../shared/training/contract.ts';

// Las palabras de la comprobación pública de un certificado.

const status = {
  valid: 'Este certificado es válido',
  expired: 'Este certificado venció',
  revoked: 'Este certificado fue retirado',
} satisfies Record<CertificateStatus, string>;

export const trainingCertificateEs = {
  title: 'Comprobar un certificado de capacitación',
  status,
  validUntil: 'Es válido hasta el {{date}}.',
  noExpiry: 'No vence.',
  expiredOn:
    'Fue válido hasta el {{date}}. Quien lo tiene debe volver a tomar el curso para renovarlo.',
  revokedNote: 'La organización que lo emitió lo retiró. Ya no tiene validez.',
  learner: 'Emitido a',
  course: 'Curso',
  organisation: 'Impartido por',
  completed: 'Completado el',
  code: 'Código del certificado',
  notFound: 'Ningún certificado tiene este código',
  malformed: 'Esto no es un código de certificado',
  notFoundHelp:
    'Compárelo con el código impreso debajo del código QR: 16 letras y números, en grupos de cuatro. Un enlace modificado, aunque sea en un solo carácter, no encuentra nada.',
  failed: 'No pudimos comprobar este certificado en este momento',
  failedHelp: 'Revise su conexión e inténtelo de nuevo en un momento.',
  about:
    'Cada certificado de finalización lleva un código QR y un código que llevan a esta página. Aquí se muestra lo que dice el certificado, y nada más sobre la persona que lo tiene.',
  typeCode: 'Código del certificado',
  typeCodeHelp: 'Tal como aparece en el certificado, por ejemplo ABCD-EFGH-JKLM-NPQR.',
  check: 'Comprobar',
};
