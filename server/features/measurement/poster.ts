import PDFDocument from 'pdfkit';
import type { Phase, SupportedLanguage } from '../../../shared/measurement/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { qrPng } from '../../platform/documents/qr-png.ts';
import { manageableSurvey, type SurveyRow } from './access.ts';
import { programFacts } from './program-facts.ts';
import { posterUrlOf } from './public-links.ts';
import { titleIn } from './questions.ts';

// A public link's poster: the link as a QR code (PNG), and a printable Letter page with the
// title, an invitation in each of the survey's languages, the code and the link as text for
// whoever cannot scan it. A community pulse has one poster; a training survey has one for
// before the training and one for after, each saying which it is.

const invitationWords: Record<SupportedLanguage, string> = {
  en: 'Scan the code with your phone to answer a short survey. It takes about 2 minutes, and your answers are anonymous: no one can tell who gave them.',
  es: 'Escanee el código con su teléfono para responder una breve encuesta. Toma unos 2 minutos y sus respuestas son anónimas: nadie puede saber quién las dio.',
};

const phaseWords: Record<SupportedLanguage, Record<Phase, string>> = {
  en: { before: 'Before the training', after: 'After the training' },
  es: { before: 'Antes de la capacitación', after: 'Después de la capacitación' },
};

async function posterOf(
  context: AppContext,
  actor: SignedIn,
  surveyId: string,
  phase: Phase | undefined,
) {
  const { survey } = await manageableSurvey(context.database.db, actor, surveyId);
  return { survey, url: posterUrlOf(context.config.publicUrl, survey, phase) };
}

/** GET /api/surveys/:id/poster.png. */
export async function posterPng(
  context: AppContext,
  actor: SignedIn,
  surveyId: string,
  phase: Phase | undefined,
): Promise<Buffer> {
  return qrPng((await posterOf(context, actor, surveyId, phase)).url);
}

function renderPdf(
  survey: SurveyRow,
  programName: string,
  url: string,
  phase: Phase | undefined,
): Promise<Buffer> {
  const languages = survey.languages as SupportedLanguage[];
  const [first = 'en', ...others] = languages;
  const title = titleIn(survey, first);
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 54,
    info: { Title: title, Subject: programName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 108;
  doc.font('Helvetica').fontSize(14).fillColor('#4a4f55').text(programName, { align: 'center' });
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').fontSize(32).fillColor('#1f2328').text(title, { align: 'center' });
  for (const language of others) {
    const translated = titleIn(survey, language);
    if (translated !== title) {
      doc.font('Helvetica-Bold').fontSize(22).text(translated, { align: 'center' });
    }
  }
  if (phase) {
    const sides = [...new Set(languages.map((language) => phaseWords[language][phase]))];
    doc.font('Helvetica-Bold').fontSize(20).fillColor('#1d4e89');
    doc.text(sides.join(' · '), { align: 'center' });
  }
  doc.moveDown(0.5);
  const qrSide = 300;
  doc.image(qrPng(url), 54 + (width - qrSide) / 2, doc.y, { width: qrSide, height: qrSide });
  doc.y += qrSide + 12;
  doc.font('Helvetica').fontSize(14).fillColor('#1f2328');
  for (const language of languages) {
    doc.text(invitationWords[language], { align: 'center' });
    doc.moveDown(0.5);
  }
  doc.fontSize(12).fillColor('#1d4e89').text(url, { align: 'center', link: url });
  doc.end();
  return done;
}

/** GET /api/surveys/:id/poster.pdf. */
export async function posterPdf(
  context: AppContext,
  actor: SignedIn,
  surveyId: string,
  phase: Phase | undefined,
): Promise<Buffer> {
  const { survey, url } = await posterOf(context, actor, surveyId, phase);
  const program = await programFacts(context.database.db, survey.programId);
  return renderPdf(survey, program.name, url, phase);
}
