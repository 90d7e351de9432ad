// Shared by the counter and PAN pages: the kinds of ticket, as the staff read them.
export const KINDS = { appointment: 'Rendez-vous', slot: 'Créneau PAN', 'walk-in': 'Sans rendez-vous' };
