/** The backend refuses shorter reasons; say so before it has to. */
export const MIN_OVERRIDE_REASON_LENGTH = 10;
