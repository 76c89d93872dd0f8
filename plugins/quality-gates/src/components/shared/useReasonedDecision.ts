import { FormEvent, useState } from 'react';

/**
 * The form state of a decision someone takes for others (an exemption, an
 * override): a reason of a minimum length, an expiry the caller checks and
 * turns into an ISO time, and a submission whose failure message (the
 * backend's) is shown in the dialog.
 */
export function useReasonedDecision(options: {
  minReasonLength: number;
  /** What is wrong with the expiry, if anything. */
  expiryProblem: string | undefined;
  /** The expiry as an ISO time, or nothing when it cannot be read. */
  expiresAt: () => string | null | undefined;
  submit: (decision: { reason: string; expiresAt: string }) => Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string>();

  const reasonProblem =
    reason.trim().length < options.minReasonLength
      ? `Say why, in at least ${options.minReasonLength} characters.`
      : undefined;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    const expiresAt = options.expiresAt();
    if (reasonProblem || options.expiryProblem || !expiresAt) return;
    setSubmitting(true);
    setFailure(undefined);
    try {
      await options.submit({ reason: reason.trim(), expiresAt });
    } catch (error) {
      setFailure((error as Error).message);
      setSubmitting(false);
    }
  };

  return {
    reason,
    setReason,
    reasonProblem,
    touched,
    touch: () => setTouched(true),
    submitting,
    failure,
    onSubmit,
  };
}
