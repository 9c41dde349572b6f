// A premises' compliance status as the console shows it: its order and its colour, the same on every page.
export const PREMISES_STATUSES = ['COMPLIANT', 'NON_COMPLIANT', 'PENDING', 'NOT_REGISTERED'];
export const PREMISES_COLOURS = { COMPLIANT: '#16a34a', NON_COMPLIANT: '#dc2626', PENDING: '#d97706', NOT_REGISTERED: '#6b7280' };
