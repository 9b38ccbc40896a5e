interface Props {
  /** What just happened, announced politely. */
  status?: string | undefined;
  /** What went wrong, announced at once. */
  error?: string | undefined;
}

/** The outcome of the last action in a section: a status line or an alert, as text. */
export function StatusLine({ status, error }: Props) {
  return (
    <>
      <p role="status" class="notice">
        {status}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </>
  );
}
