import { DoraBand } from '@can-i-deploy/plugin-quality-gates-common';

/** Each band its own colour, with text dark enough to read on it. */
export const BAND_STYLE: Record<
  DoraBand,
  { title: string; background: string; text: string }
> = {
  elite: { title: 'Elite', background: '#2e7d32', text: '#fff' },
  high: { title: 'High', background: '#1565c0', text: '#fff' },
  medium: { title: 'Medium', background: '#ffb300', text: '#212121' },
  low: { title: 'Low', background: '#c62828', text: '#fff' },
};
