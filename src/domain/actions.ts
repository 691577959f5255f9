// The actions `kontrol run ACTION` can run: one list the bundle's api and the CLI both import (the CLI
// may not import jobs).
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
  'speed-up',
  'enable',
  'disable',
] as const;
export type Action = (typeof ACTIONS)[number];
