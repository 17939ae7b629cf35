import type { TFunction } from 'i18next';
import { organisationName } from '../../../shared/organisations/contract.ts';
import { MIN_PASSWORD_LENGTH, setupRequest } from '../../../shared/setup/contract.ts';
import type { FieldProblem } from '../../app/api.ts';

// The server's field messages are English. For the fields this page knows, the message is
// shown in the reader's language instead, with the same limits as the contract; anything
// else falls back to the server's own words.

const admin = setupRequest.shape.admin.shape;
export const limits = {
  organisationName: {
    min: organisationName.minLength ?? 2,
    max: organisationName.maxLength ?? 120,
  },
  adminName: { max: admin.name.maxLength ?? 120 },
  email: { max: admin.email.maxLength ?? 254 },
  password: { min: MIN_PASSWORD_LENGTH, max: admin.password.maxLength ?? 256 },
} as const;

/** The form's fields, by the dotted names the API uses for them. */
export const setupFields = [
  'organisation.name',
  'organisation.kind',
  'admin.name',
  'admin.email',
  'admin.password',
] as const;
export type SetupField = (typeof setupFields)[number];

export function isSetupField(field: string): field is SetupField {
  return (setupFields as readonly string[]).includes(field);
}

/** A message for one field problem, in the reader's language when the field is known. */
export function fieldMessage(t: TFunction, problem: FieldProblem): string {
  const tooLong = problem.code === 'too_big';
  switch (problem.field) {
    case 'organisation.name':
      return tooLong
        ? t('setup.errors.organisationNameLong', { max: limits.organisationName.max })
        : t('setup.errors.organisationNameShort', { min: limits.organisationName.min });
    case 'organisation.kind':
      return t('setup.errors.kind');
    case 'admin.name':
      return tooLong
        ? t('setup.errors.nameLong', { max: limits.adminName.max })
        : t('setup.errors.nameMissing');
    case 'admin.email':
      return tooLong
        ? t('setup.errors.emailLong', { max: limits.email.max })
        : t('setup.errors.email');
    case 'admin.password':
    case 'password':
      return tooLong
        ? t('setup.errors.passwordLong', { max: limits.password.max })
        : t('setup.errors.passwordShort', { min: limits.password.min });
    default:
      return problem.message;
  }
}

/** Field problems from the contract's own schema, before anything is sent. */
export function problemsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[],
): FieldProblem[] {
  return issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.message,
    code: issue.code,
  }));
}
