// Days and moments as the date fields take them: local to the device the person holds.

const pad = (value: number) => String(value).padStart(2, '0');

/** Today on this device, YYYY-MM-DD. */
export function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A date-and-time field's value (YYYY-MM-DDTHH:mm, this device's time) as an ISO instant. */
export function instantFrom(local: string): string {
  const moment = new Date(local);
  // An empty or unfinished field goes as it is, for the server to say what it needs.
  return Number.isNaN(moment.getTime()) ? local : moment.toISOString();
}

/** An ISO instant as a date-and-time field's value, in this device's time. */
export function localFrom(iso: string): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return '';
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}T${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}
