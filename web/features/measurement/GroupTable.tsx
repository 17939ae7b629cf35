import { useTranslation } from 'react-i18next';
import type { GroupFigures } from '../../../shared/measurement/contract.ts';
import { roleGroups } from '../../../shared/measurement/contract.ts';
import { FigureTable } from './FigureTable.tsx';
import { useFigureWords } from './useFigureWords.ts';

/** A role group's name; the server's key for a person who did not say has no words of its own. */
export function useGroupLabel() {
  const { t } = useTranslation();
  return (kind: 'role' | 'neighbourhood', key: string) => {
    if (kind === 'role') {
      const role = roleGroups.find((each) => each === key);
      return role ? t(`measurement.roleGroups.${role}`) : t('measurement.groupUnsaid');
    }
    return key === '' ? t('measurement.groupUnsaid') : key;
  };
}

/**
 * One breakdown of a quarter (by role, or by neighbourhood): each group's people and trust
 * index, or why it is hidden, in words a reader can act on.
 */
export function GroupTable({
  groups,
  kind,
  caption,
  threshold,
}: {
  groups: readonly GroupFigures[];
  kind: 'role' | 'neighbourhood';
  caption: string;
  threshold: number;
}) {
  const { t } = useTranslation();
  const words = useFigureWords();
  const label = useGroupLabel();
  return (
    <FigureTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('measurement.table.group')}</th>
          <th scope="col">{t('measurement.table.people')}</th>
          <th scope="col">{t('measurement.table.trust')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.key}>
            <th scope="row">{label(kind, group.key)}</th>
            {'hidden' in group ? (
              <td colSpan={2} className="figure-table__hidden">
                {words.hidden(group, threshold)}
              </td>
            ) : (
              <>
                <td>{group.n}</td>
                <td>
                  {group.trust ? words.mean(group.trust) : t('measurement.figures.noAnswers')}
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </FigureTable>
  );
}
