import { useTranslation } from 'react-i18next';
import { STATEMENT_MAX } from '../../../shared/dialogues/statements.ts';
import { Button } from '../../ui/Button.tsx';
import { StatementField } from './StatementField.tsx';

export const seedFieldId = (index: number) => `dialogue-seed-${index}`;

/**
 * The statements the facilitator starts the dialogue with, each with its own counter: added and
 * removed one at a time, each named by its number so that "Remove" says which.
 */
export function SeedStatementsField({
  seeds,
  onChange,
  errorFor,
}: {
  seeds: readonly string[];
  onChange: (seeds: string[]) => void;
  errorFor: (index: number) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section dialogue-seeds">
      <legend className="form-section__legend">{t('dialogues.create.seeds')}</legend>
      <p className="form-section__help">
        {t('dialogues.create.seedsHelp', { max: STATEMENT_MAX })}
      </p>
      {seeds.length === 0 ? (
        <p className="dialogue-muted">{t('dialogues.create.noSeeds')}</p>
      ) : (
        <ol className="dialogue-seeds__list">
          {seeds.map((seed, index) => (
            // The list only grows at its end or loses a row: the position is the seed's identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index} className="dialogue-seeds__item">
              <StatementField
                id={seedFieldId(index)}
                label={t('dialogues.create.seedLabel', { number: index + 1 })}
                value={seed}
                onChange={(text) => onChange(seeds.map((each, at) => (at === index ? text : each)))}
                errorMessage={errorFor(index)}
              />
              <Button
                variant="quiet"
                onPress={() => onChange(seeds.filter((_, at) => at !== index))}
              >
                {t('dialogues.create.removeSeed', { number: index + 1 })}
              </Button>
            </li>
          ))}
        </ol>
      )}
      <Button id="dialogue-seeds-add" variant="secondary" onPress={() => onChange([...seeds, ''])}>
        {t('dialogues.create.addSeed')}
      </Button>
    </fieldset>
  );
}
