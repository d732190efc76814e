/** The sidecar could not start (its port is taken) or its member failed for good: one line, exit status 1. */
export class SidecarError extends Error {}
