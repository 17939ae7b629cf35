import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome, Scenario, ScenarioNode } from '../../../shared/training/course.ts';
import { outcomes } from '../../../shared/training/course.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { PartProblem, PartTools, TranslatedFields, useEditor } from './editor-fields.tsx';
import { type MapNode, scenarioMap, shortened } from './editor-graph.ts';
import { fieldId, graphMessage } from './editor-problems.ts';
import { pickText } from './translated.ts';

// A scenario's form, situation by situation, and beside it the map of where each choice leads,
// redrawn as the author types, with what would be refused marked in words.

function useNodeLabel() {
  const { t, i18n } = useTranslation();
  return (node: ScenarioNode) => {
    const text = shortened(pickText(node.situation, i18n.language).text, 50);
    return t('training.editor.scenarios.nodeOption', {
      id: node.id,
      situation: text || t('training.editor.untitled'),
    });
  };
}

function MapCard({ node }: { node: MapNode }) {
  const { t, i18n } = useTranslation();
  const situation = pickText(node.situation, i18n.language);
  const trouble = node.marks.some((mark) => mark !== 'start');
  return (
    <li className={`editor-map__node${trouble ? ' editor-map__node--trouble' : ''}`}>
      <p className="editor-map__id">
        <code>{node.id}</code>{' '}
        {node.marks.map((mark) => (
          <span
            key={mark}
            className={`badge ${mark === 'start' ? 'training-badge--plain' : 'editor-badge--trouble'}`}
          >
            {t(`training.editor.map.marks.${mark}`)}
          </span>
        ))}
        {node.ending ? (
          <span className={`badge training-outcome--${node.ending}`}>
            {t(`training.endings.${node.ending}`)}
          </span>
        ) : null}
      </p>
      <p className="editor-map__situation" lang={situation.lang}>
        {shortened(situation.text) || t('training.editor.untitled')}
      </p>
      {node.choices.length > 0 ? (
        <ul className="editor-map__choices">
          {node.choices.map((choice) => {
            const label = pickText(choice.label, i18n.language);
            return (
              <li
                key={choice.id}
                className={
                  choice.closesLoop || choice.missing ? 'editor-map__choice--trouble' : undefined
                }
              >
                <span lang={label.lang}>
                  “{shortened(label.text, 60) || t('training.editor.untitled')}”
                </span>{' '}
                <span className="editor-map__target">
                  {t('training.editor.map.leadsTo', { id: choice.next })}
                </span>
                {choice.closesLoop ? (
                  <strong> ({t('training.editor.map.closesLoop')})</strong>
                ) : null}
                {choice.missing ? <strong> ({t('training.editor.map.missing')})</strong> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </li>
  );
}

/** The scenario laid out by depth from its start: one row a depth, the lost ones apart. */
function ScenarioMapView({ scenario, number }: { scenario: Scenario; number: number }) {
  const { t } = useTranslation();
  const headingId = useId();
  const map = scenarioMap(scenario);
  const messages = [
    ...new Set(
      map.problems.map((problem) => graphMessage(t, problem, scenario) ?? problem.message),
    ),
  ];
  return (
    // On a wide screen the map scrolls on its own, so a keyboard must reach all of it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable
    <section className="editor-map" aria-labelledby={headingId} tabIndex={0}>
      <h4 id={headingId} className="editor-map__heading">
        {t('training.editor.map.heading', { number })}
      </h4>
      <p className="training-muted">{t('training.editor.map.lead')}</p>
      <div aria-live="polite" className="editor-map__verdict">
        {messages.length === 0 ? (
          <p className="editor-map__fine">{t('training.editor.map.fine')}</p>
        ) : (
          <div className="editor-map__problems">
            <p className="editor-map__problems-lead">{t('training.editor.map.problems')}</p>
            <ul className="editor-map__problems-list">
              {messages.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <ol className="editor-map__levels">
        {map.levels.map((level, depth) => (
          <li key={level.map((node) => node.index).join('-')} className="editor-map__level">
            <p className="editor-map__depth">
              {depth === 0
                ? t('training.editor.map.start')
                : t('training.editor.map.depth', { count: depth })}
            </p>
            <ul className="editor-map__nodes">
              {level.map((node) => (
                <MapCard key={node.index} node={node} />
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {map.unreachable.length > 0 ? (
        <>
          <p className="editor-map__depth">{t('training.editor.map.unreachable')}</p>
          <ul className="editor-map__nodes">
            {map.unreachable.map((node) => (
              <MapCard key={node.index} node={node} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function NodeEditor({
  scenario,
  scenarioIndex,
  node,
  index,
}: {
  scenario: Scenario;
  scenarioIndex: number;
  node: ScenarioNode;
  index: number;
}) {
  const { t } = useTranslation();
  const { dispatch, confirmRemove, problemAt } = useEditor();
  const nodeLabel = useNodeLabel();
  const at = { scenario: scenarioIndex, node: index };
  const path = `scenarios.${scenarioIndex}.nodes.${index}`;
  const name = t('training.editor.scenarios.situation', { id: node.id });
  const nodes = { list: 'nodes', scenario: scenarioIndex } as const;
  const choices = { list: 'choices', ...at } as const;
  return (
    <fieldset id={fieldId(path)} className="editor-part editor-part--step">
      <legend className="editor-part__legend">{name}</legend>
      <PartProblem anchor={path} />
      <TranslatedFields
        path={`${path}.situation`}
        label={t('training.editor.scenarios.situationText')}
        multiline
        value={node.situation}
        onChange={(situation) => dispatch({ type: 'setSituation', at, situation })}
      />
      <SelectField
        id={fieldId(`${path}.ending`)}
        label={t('training.editor.scenarios.kind')}
        value={node.ending ?? ''}
        onChange={(value) =>
          dispatch({ type: 'setEnding', at, ending: value === '' ? null : (value as Outcome) })
        }
        options={[
          { value: '', label: t('training.editor.scenarios.offersChoices') },
          ...outcomes.map((outcome) => ({
            value: outcome,
            label: t(`training.editor.endingKinds.${outcome}`),
          })),
        ]}
        errorMessage={problemAt(`${path}.ending`)}
      />
      {node.ending !== undefined ? (
        <TranslatedFields
          path={`${path}.feedback`}
          label={t('training.editor.scenarios.endingFeedback')}
          multiline
          value={node.feedback ?? {}}
          onChange={(feedback) => dispatch({ type: 'setEndingFeedback', at, feedback })}
        />
      ) : null}
      {node.choices.length > 0 ? (
        <ol className="editor-list">
          {node.choices.map((choice, choiceIndex) => {
            const choicePath = `${path}.choices.${choiceIndex}`;
            const choiceName = t('training.editor.scenarios.choice', { number: choiceIndex + 1 });
            const choiceAt = { ...at, choice: choiceIndex };
            return (
              <li key={choice.id}>
                <fieldset id={fieldId(choicePath)} className="editor-part editor-part--inner">
                  <legend className="editor-part__legend">{choiceName}</legend>
                  <PartProblem anchor={choicePath} />
                  <TranslatedFields
                    path={`${choicePath}.label`}
                    label={t('training.editor.scenarios.choiceLabel')}
                    value={choice.label}
                    onChange={(label) =>
                      dispatch({ type: 'setChoice', at: choiceAt, patch: { label } })
                    }
                  />
                  <TranslatedFields
                    path={`${choicePath}.consequence`}
                    label={t('training.editor.scenarios.consequence')}
                    multiline
                    value={choice.consequence}
                    onChange={(consequence) =>
                      dispatch({ type: 'setChoice', at: choiceAt, patch: { consequence } })
                    }
                  />
                  <div className="editor-row">
                    <SelectField
                      id={fieldId(`${choicePath}.quality`)}
                      label={t('training.editor.scenarios.quality')}
                      value={choice.quality}
                      onChange={(value) =>
                        dispatch({
                          type: 'setChoice',
                          at: choiceAt,
                          patch: { quality: value as Outcome },
                        })
                      }
                      options={outcomes.map((outcome) => ({
                        value: outcome,
                        label: t(`training.choiceQualities.${outcome}`),
                      }))}
                      errorMessage={problemAt(`${choicePath}.quality`)}
                    />
                    <SelectField
                      id={fieldId(`${choicePath}.next`)}
                      label={t('training.editor.scenarios.leadsTo')}
                      value={choice.next}
                      onChange={(next) =>
                        dispatch({ type: 'setChoice', at: choiceAt, patch: { next } })
                      }
                      options={scenario.nodes.map((other) => ({
                        value: other.id,
                        label: nodeLabel(other),
                      }))}
                      errorMessage={problemAt(`${choicePath}.next`)}
                    />
                  </div>
                  <PartTools
                    name={`${name}, ${choiceName}`}
                    index={choiceIndex}
                    count={node.choices.length}
                    onMove={(by) => dispatch({ type: 'move', at: choices, index: choiceIndex, by })}
                    onRemove={() => dispatch({ type: 'remove', at: choices, index: choiceIndex })}
                  />
                </fieldset>
              </li>
            );
          })}
        </ol>
      ) : null}
      {node.ending === undefined ? (
        <div className="editor-actions">
          <Button variant="secondary" onPress={() => dispatch({ type: 'add', at: choices })}>
            {t('training.editor.scenarios.addChoice')}
            <span className="visually-hidden">: {name}</span>
          </Button>
        </div>
      ) : null}
      <PartTools
        name={name}
        index={index}
        count={scenario.nodes.length}
        onMove={(by) => dispatch({ type: 'move', at: nodes, index, by })}
        onRemove={() => confirmRemove(name, { type: 'remove', at: nodes, index })}
      />
    </fieldset>
  );
}

export const ScenarioEditor = memo(function ScenarioEditor({
  scenario,
  index,
  count,
}: {
  scenario: Scenario;
  index: number;
  count: number;
}) {
  const { t } = useTranslation();
  const { dispatch, confirmRemove, problemAt } = useEditor();
  const nodeLabel = useNodeLabel();
  const path = `scenarios.${index}`;
  const name = t('training.editor.scenarios.scenario', { number: index + 1 });
  const scenarios = { list: 'scenarios' } as const;
  return (
    <section id={fieldId(path)} className="editor-part editor-part--module" aria-label={name}>
      <h3 className="editor-part__heading">{name}</h3>
      <PartProblem anchor={path} />
      <TranslatedFields
        path={`${path}.title`}
        label={t('training.editor.scenarios.title')}
        value={scenario.title}
        onChange={(title) => dispatch({ type: 'setScenario', scenario: index, patch: { title } })}
      />
      <SelectField
        id={fieldId(`${path}.start`)}
        label={t('training.editor.scenarios.start')}
        value={scenario.start}
        onChange={(start) => dispatch({ type: 'setScenario', scenario: index, patch: { start } })}
        options={scenario.nodes.map((node) => ({ value: node.id, label: nodeLabel(node) }))}
        errorMessage={problemAt(`${path}.start`)}
      />
      <div className="editor-scenario">
        <div className="editor-scenario__form">
          <ol className="editor-list">
            {scenario.nodes.map((node, nodeIndex) => (
              <li key={node.id}>
                <NodeEditor
                  scenario={scenario}
                  scenarioIndex={index}
                  node={node}
                  index={nodeIndex}
                />
              </li>
            ))}
          </ol>
          <div className="editor-actions">
            <Button
              variant="secondary"
              onPress={() => dispatch({ type: 'add', at: { list: 'nodes', scenario: index } })}
            >
              {t('training.editor.scenarios.addSituation')}
              <span className="visually-hidden">: {name}</span>
            </Button>
          </div>
        </div>
        <ScenarioMapView scenario={scenario} number={index + 1} />
      </div>
      <PartTools
        name={name}
        index={index}
        count={count}
        onMove={(by) => dispatch({ type: 'move', at: scenarios, index, by })}
        onRemove={() => confirmRemove(name, { type: 'remove', at: scenarios, index })}
      />
    </section>
  );
});
