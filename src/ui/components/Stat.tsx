/** A labelled figure: value large, label small. */
export function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <span className="value">{value}</span>
      <span className="label">{label}</span>
    </div>
  );
}
