import type { NextStatement, OfficerResponse } from '../../../shared/dialogues/contract.ts';

// After an officer responds, the statement they answered stays on screen with their response
// under it. Fetching the next statement again would pick afresh among the unseen ones (often
// another one), and the officer would lose both their place and the sight of what they wrote.

/** The shown statement with `response` in place of the officer's earlier one, if any. */
export function withResponse(
  next: NextStatement | undefined,
  statementId: string,
  response: OfficerResponse,
): NextStatement | undefined {
  if (!next?.statement || next.statement.id !== statementId) return next;
  const others = next.statement.responses.filter(
    (each) => each.displayName !== response.displayName,
  );
  return { ...next, statement: { ...next.statement, responses: [...others, response] } };
}
