import PDFDocument from 'pdfkit';
import type { SupportedLanguage } from '../../../shared/measurement/contract.ts';
import type { SignedIn } from '../../platform/auth/actor.ts';
import type { AppContext } from '../../platform/context.ts';
import { ConflictError } from '../../platform/errors.ts';
import { manageableSurvey, type SurveyRow } from './access.ts';
import { programFacts } from './program-facts.ts';
import { qrPng } from './qr-png.ts';
import { titleIn } from './questions.ts';
import { pulseUrl } from './survey-read.ts';

// A community pulse's poster: its public link as a QR code (PNG), and a printable Letter page
// with the title, an invitation in each of the survey's languages, the code and the link as
// text for whoever cannot scan it. Only a pulse has a public link.

const invitationWords: Record<SupportedLanguage, string> = {
  en: 'Scan the code with your phone to answer a short survey. It takes about 2 minutes, and your answers are anonymous: no one can tell who gave them.',
  es: 'Escanee el código con su teléfono para responder una breve encuesta. Toma unos 2 minutos y sus respuestas son anónimas: nadie puede saber quién las dio.',
};

async function pulseOf(context: AppContext, actor: SignedIn, surveyId: string) {
  const { survey } = await manageableSurvey(context.database.db, actor, surveyId);
  if (survey.kind !== 'pulse' || !survey.publicSlug) {
    throw new ConflictError(
      'Only a community pulse has a public link to print: other surveys are sent to the people who took part.',
      { code: 'not_pulse' },
    );
  }
  return { survey, url: pulseUrl(context.config.publicUrl, survey.publicSlug) };
}

/** GET /api/surveys/:id/poster.png. */
export async function posterPng(
  context: AppContext,
  actor: SignedIn,
  surveyId: string,
): Promise<Buffer> {
  return qrPng((await pulseOf(context, actor, surveyId)).url);
}

function renderPdf(survey: SurveyRow, programName: string, url: string): Promise<Buffer> {
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
): Promise<Buffer> {
  const { survey, url } = await pulseOf(context, actor, surveyId);
  const program = await programFacts(context.database.db, survey.programId);
  return renderPdf(survey, program.name, url);
}
