/** The mark on a result that describes another plan (or other models) than the current one. */
export function StaleMark({ reason, what = 'Results' }: { reason: string; what?: string }) {
  if (!reason) return null;
  return (
    <span className="badge badge-warn" data-testid="stale" title={`${what} ${reason}: run again to update them.`}>
      stale: {reason}
    </span>
  );
}

/** The mark on a figure that is estimated, not yet confirmed by a full run. */
export function EstimateMark({ confirmed = false }: { confirmed?: boolean }) {
  return confirmed
    ? <span className="badge badge-ok" data-testid="confirmed" title="A full run of this plan reported the same bytes.">confirmed by the run</span>
    : <span className="badge badge-accent" data-testid="estimate" title="Computed from the plan before learning; a full run confirms it (its auto-plan may move sensitive layers to other formats).">estimate</span>;
}
