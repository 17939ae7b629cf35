import type {
  DialogueDetail,
  ModerationMode,
  UpdateDialogueBody,
} from '../../../shared/dialogues/contract.ts';
import { instantToLocal, localToInstant } from './figures.ts';

// The "Change the dialogue" form: it starts from the dialogue as it is and sends only what the
// facilitator changed, so that an untouched opening time (perhaps passed by now) is not sent
// again and the audit trail names the fields that really changed.

export interface DialogueChanges {
  title: string;
  description: string;
  /** datetime-local values, in the device's time. */
  opensAt: string;
  closesAt: string;
  moderation: ModerationMode;
}

type Changeable = Pick<
  DialogueDetail,
  'title' | 'description' | 'opensAt' | 'closesAt' | 'moderation'
>;

/** The form's starting values: the dialogue as it is now. */
export function changesFormOf(dialogue: Changeable): DialogueChanges {
  return {
    title: dialogue.title,
    description: dialogue.description,
    opensAt: instantToLocal(new Date(dialogue.opensAt)),
    closesAt: instantToLocal(new Date(dialogue.closesAt)),
    moderation: dialogue.moderation,
  };
}

/** The PATCH body: each field that differs from the dialogue, as typed; {} when none does. */
export function changedFields(dialogue: Changeable, form: DialogueChanges): UpdateDialogueBody {
  const now = changesFormOf(dialogue);
  const body: UpdateDialogueBody = {};
  if (form.title !== now.title) body.title = form.title;
  if (form.description !== now.description) body.description = form.description;
  if (form.opensAt !== now.opensAt) body.opensAt = localToInstant(form.opensAt);
  if (form.closesAt !== now.closesAt) body.closesAt = localToInstant(form.closesAt);
  if (form.moderation !== now.moderation) body.moderation = form.moderation;
  return body;
}
