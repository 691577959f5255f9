// The actions the local CLI can run (`kontrol run ACTION`), shared by the bundle's api and the CLI.
export const ACTIONS = [
  'setup',
  'daily',
  'notify',
  'check',
  'report-execution',
  'report-protocol',
  'report-lean',
  'plan-control',
  'rating',
  'report-appeals',
  'enable',
  'disable',
] as const;
export type Action = (typeof ACTIONS)[number];
